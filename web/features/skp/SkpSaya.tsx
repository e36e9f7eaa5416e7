/** "SKP Saya": my plans by year, and the way to start one (new or copied from last year). */
import { Anchor, Button, Card, Group, Modal, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { SkpDetail } from '../../../src/contracts/skp';
import { PENDEKATAN, type Pendekatan } from '../../../src/domain/skp';
import { useGalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { post } from '../../lib/api';
import { PENDEKATAN_LABEL } from '../../lib/istilah';
import { pilihanTahun, type SkpListItem, skpKeys, skpSayaQuery, tahunIni } from './api';
import { formatPeriode } from './format';
import { StatusSkpBadge } from './StatusSkp';

type Mode = 'baru' | 'salin';

function BuatSkpModal({ mode, opened, onClose }: { mode: Mode; opened: boolean; onClose: () => void }) {
  const [tahun, setTahun] = useState(String(tahunIni()));
  const [pendekatan, setPendekatan] = useState<Pendekatan>('KUANTITATIF');
  const galat = useGalatForm();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    galat.hapus();
    setBusy(true);
    try {
      const skp = await post<SkpDetail>(mode === 'baru' ? '/api/skp' : '/api/skp/salin', {
        tahun: Number(tahun),
        pendekatan,
      });
      queryClient.setQueryData(skpKeys.detail(skp.id), skp);
      await queryClient.invalidateQueries({ queryKey: skpKeys.saya() });
      onClose();
      await navigate({ to: '/skp/$id', params: { id: String(skp.id) } });
    } catch (err) {
      galat.tampilkan(err);
    } finally {
      setBusy(false);
    }
  }

  const judul = mode === 'baru' ? 'Buat SKP' : 'Salin dari tahun lalu';
  return (
    <Modal opened={opened} onClose={onClose} title={judul}>
      <form onSubmit={submit} aria-label={judul}>
        <Stack>
          {mode === 'salin' && (
            <Text size="sm">
              SKP tahun sebelumnya yang sudah disetujui disalin menjadi draf baru untuk jabatan Anda sekarang.
              Periksa kembali RHK dan targetnya sebelum diajukan.
            </Text>
          )}
          {galat.ringkasan}
          <Select
            label="Tahun"
            data={pilihanTahun()}
            value={tahun}
            onChange={(v) => v && setTahun(v)}
            allowDeselect={false}
            error={galat.galatDi('tahun')}
          />
          <Radio.Group
            label="Pendekatan"
            description="Kuantitatif: indikator dan target berupa angka. Kualitatif: ukuran keberhasilan berupa uraian."
            value={pendekatan}
            onChange={(v) => setPendekatan(v as Pendekatan)}
            error={galat.galatDi('pendekatan')}
          >
            <Group mt="xs">
              {PENDEKATAN.map((p) => (
                <Radio key={p} value={p} label={PENDEKATAN_LABEL[p]} />
              ))}
            </Group>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" loading={busy}>
              {mode === 'baru' ? 'Buat' : 'Salin'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SkpCard({ skp }: { skp: SkpListItem }) {
  return (
    <Card withBorder component="li">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/skp/${skp.id}`} fw={600}>
            SKP {skp.tahun} — {skp.jabatanNama}
          </Anchor>
          <Text size="sm" c="dimmed">
            {formatPeriode(skp.periodeMulai, skp.periodeAkhir)} · Versi {skp.versi}
          </Text>
        </Stack>
        <StatusSkpBadge status={skp.status} />
      </Group>
    </Card>
  );
}

export function SkpSaya() {
  const query = useQuery(skpSayaQuery);
  const [mode, setMode] = useState<Mode>('baru');
  const [opened, { open, close }] = useDisclosure();
  const buka = (m: Mode) => {
    setMode(m);
    open();
  };

  const perTahun = new Map<number, SkpListItem[]>();
  for (const s of query.data?.items ?? []) perTahun.set(s.tahun, [...(perTahun.get(s.tahun) ?? []), s]);
  const tahun = [...perTahun.keys()].sort((a, b) => b - a);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>SKP Saya</Title>
        <Group gap="xs">
          <Button onClick={() => buka('baru')}>Buat SKP</Button>
          <Button variant="light" onClick={() => buka('salin')}>
            Salin dari tahun lalu
          </Button>
        </Group>
      </Group>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : tahun.length === 0 ? (
        <Card withBorder>
          <Text>Anda belum memiliki SKP. Mulai dengan "Buat SKP" atau salin SKP tahun lalu.</Text>
        </Card>
      ) : (
        tahun.map((t) => (
          <Stack key={t} gap="xs" component="section" aria-label={`SKP tahun ${t}`}>
            <Title order={3} size="h4">
              Tahun {t}
            </Title>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {(perTahun.get(t) ?? [])
                .sort((a, b) => b.versi - a.versi)
                .map((s) => (
                  <SkpCard key={s.id} skp={s} />
                ))}
            </Stack>
          </Stack>
        ))
      )}
      <BuatSkpModal key={`${mode}-${opened}`} mode={mode} opened={opened} onClose={close} />
    </Stack>
  );
}
