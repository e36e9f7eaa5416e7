/** "SKP Bawahan": direct subordinates' plans for a year, filters, reminders and the XLSX export. */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import type { PengingatResponse } from '../../../src/contracts/skp';
import { formatNip } from '../../../src/domain/nip';
import { STATUS_SKP } from '../../../src/domain/skp-workflow';
import { useGalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { api, post } from '../../lib/api';
import { formatTanggal, formatTanggalDi, ISTILAH_SKP, STATUS_SKP_LABEL } from '../../lib/istilah';
import { useJadwal } from '../realisasi/useJadwal';
import { pilihanTahun, type SkpBawahan as Response, skpKeys, tahunIni } from './api';
import { StatusSkpBadge, TerlambatBadge } from './StatusSkp';

type Item = Response['items'][number];

const STATUS_OPSI = [
  { value: '', label: 'Semua status' },
  ...STATUS_SKP.map((s) => ({ value: s, label: STATUS_SKP_LABEL[s] })),
  { value: 'BELUM_ADA', label: ISTILAH_SKP.belumAda },
];
const TERLAMBAT_OPSI = [
  { value: '', label: 'Semua' },
  { value: 'true', label: 'Terlambat' },
  { value: 'false', label: 'Tidak terlambat' },
];

function Nama({ p }: { p: Item }) {
  return p.skpId ? (
    <Anchor component={Link} to={`/skp/${p.skpId}`} fw={600}>
      {p.namaLengkap}
    </Anchor>
  ) : (
    <Text fw={600}>{p.namaLengkap}</Text>
  );
}

function Status({ p }: { p: Item }) {
  return (
    <Group gap={4}>
      <StatusSkpBadge status={p.status} />
      {p.keteranganTerlambat && <TerlambatBadge keterangan={p.keteranganTerlambat} />}
    </Group>
  );
}

function PengingatDialog({
  tahun,
  ids,
  opened,
  onClose,
  onSent,
}: {
  tahun: number;
  ids: number[];
  opened: boolean;
  onClose: () => void;
  onSent: (n: number) => void;
}) {
  const [pesan, setPesan] = useState('');
  const galat = useGalatForm();
  const [busy, setBusy] = useState(false);
  async function kirim() {
    setBusy(true);
    galat.hapus();
    try {
      const res = await post<z.infer<typeof PengingatResponse>>('/api/skp-bawahan/pengingat', {
        tahun,
        pegawaiIds: ids,
        ...(pesan.trim() ? { pesan: pesan.trim() } : {}),
      });
      onSent(res.terkirim);
      onClose();
    } catch (e) {
      galat.tampilkan(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title="Kirim pengingat">
      <Stack>
        <Text size="sm">
          Pengingat dikirim sebagai notifikasi dalam aplikasi kepada {ids.length} pegawai terpilih.
        </Text>
        <Textarea
          label="Pesan (opsional)"
          placeholder={`Mohon segera menyusun dan mengajukan SKP tahun ${tahun}.`}
          maxLength={500}
          autosize
          minRows={2}
          value={pesan}
          onChange={(e) => setPesan(e.currentTarget.value)}
          error={galat.galatDi('pesan')}
        />
        {galat.ringkasan}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button loading={busy} onClick={kirim}>
            Kirim
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function SkpBawahan() {
  const { zona } = useJadwal();
  const [tahun, setTahun] = useState(String(tahunIni()));
  const [status, setStatus] = useState('');
  const [terlambat, setTerlambat] = useState('');
  const [q, setQ] = useState('');
  const [term] = useDebouncedValue(q.trim(), 300);
  const [dipilih, setDipilih] = useState<Set<number>>(new Set());
  const [terkirim, setTerkirim] = useState<number | null>(null);
  const [pengingat, { open, close }] = useDisclosure();
  const lebar = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  const params = new URLSearchParams({ tahun });
  if (status) params.set('status', status);
  if (terlambat) params.set('terlambat', terlambat);
  if (term) params.set('q', term);
  const query = useQuery({
    queryKey: skpKeys.bawahan({ tahun, status, terlambat, term }),
    queryFn: () => api<Response>(`/api/skp-bawahan?${params}`),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items ?? [];
  const ids = items.filter((p) => dipilih.has(p.pegawaiId)).map((p) => p.pegawaiId);
  const semua = items.length > 0 && ids.length === items.length;
  const pilih = (id: number, on: boolean) =>
    setDipilih((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const pilihSemua = (on: boolean) => setDipilih(on ? new Set(items.map((p) => p.pegawaiId)) : new Set());

  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Select
          label="Tahun"
          data={pilihanTahun()}
          value={tahun}
          onChange={(v) => v && setTahun(v)}
          allowDeselect={false}
        />
        <Select
          label="Status"
          data={STATUS_OPSI}
          value={status}
          onChange={(v) => setStatus(v ?? '')}
          allowDeselect={false}
        />
        <Select
          label="Ketepatan waktu"
          data={TERLAMBAT_OPSI}
          value={terlambat}
          onChange={(v) => setTerlambat(v ?? '')}
          allowDeselect={false}
        />
        <TextInput
          label="Cari"
          placeholder="Nama atau NIP"
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed">
          {query.data
            ? `${items.length} bawahan · ${ISTILAH_SKP.batasWaktu}: ${formatTanggal(query.data.batasWaktu)}`
            : ''}
        </Text>
        <Group gap="xs">
          <Button variant="light" disabled={ids.length === 0} onClick={open}>
            Kirim pengingat{ids.length > 0 ? ` (${ids.length})` : ''}
          </Button>
          <Button component="a" variant="default" href={`/api/skp-bawahan/ekspor.xlsx?${params}`} download>
            Unduh XLSX
          </Button>
        </Group>
      </Group>
      {terkirim !== null && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setTerkirim(null)}>
          Pengingat terkirim kepada {terkirim} pegawai.
        </Alert>
      )}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : items.length === 0 ? (
        <Card withBorder>
          <Text c="dimmed">Tidak ada bawahan yang cocok dengan saringan.</Text>
        </Card>
      ) : lebar ? (
        <Card withBorder padding="xs">
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label="SKP bawahan" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Pilih semua"
                      checked={semua}
                      indeterminate={ids.length > 0 && !semua}
                      onChange={(e) => pilihSemua(e.currentTarget.checked)}
                    />
                  </Table.Th>
                  <Table.Th>Nama / NIP</Table.Th>
                  <Table.Th>Jabatan</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Tanggal diajukan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.pegawaiId}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Pilih ${p.namaLengkap}`}
                        checked={dipilih.has(p.pegawaiId)}
                        onChange={(e) => pilih(p.pegawaiId, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Nama p={p} />
                      <Text size="xs" c="dimmed">
                        NIP {formatNip(p.nip)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.jabatanNama ?? '—'}</Table.Td>
                    <Table.Td>
                      <Status p={p} />
                    </Table.Td>
                    <Table.Td>{p.diajukanAt ? formatTanggalDi(p.diajukanAt, zona) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : (
        <Stack gap="xs">
          <Checkbox
            label="Pilih semua"
            checked={semua}
            indeterminate={ids.length > 0 && !semua}
            onChange={(e) => pilihSemua(e.currentTarget.checked)}
          />
          <Stack
            gap="xs"
            component="ul"
            aria-label="SKP bawahan"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {items.map((p) => (
              <Card withBorder padding="sm" component="li" key={p.pegawaiId}>
                <Group align="flex-start" wrap="nowrap" gap="sm">
                  <Checkbox
                    mt={4}
                    aria-label={`Pilih ${p.namaLengkap}`}
                    checked={dipilih.has(p.pegawaiId)}
                    onChange={(e) => pilih(p.pegawaiId, e.currentTarget.checked)}
                  />
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Nama p={p} />
                    <Text size="xs" c="dimmed">
                      NIP {formatNip(p.nip)}
                    </Text>
                    <Text size="sm">{p.jabatanNama ?? '—'}</Text>
                    <Status p={p} />
                    {p.diajukanAt && (
                      <Text size="xs" c="dimmed">
                        Diajukan {formatTanggalDi(p.diajukanAt, zona)}
                      </Text>
                    )}
                  </Stack>
                </Group>
              </Card>
            ))}
          </Stack>
        </Stack>
      )}
      {pengingat && (
        <PengingatDialog
          tahun={Number(tahun)}
          ids={ids}
          opened
          onClose={close}
          onSent={(n) => {
            setTerkirim(n);
            setDipilih(new Set());
            notifications.show({ color: 'teal', message: `Pengingat terkirim kepada ${n} pegawai.` });
          }}
        />
      )}
    </Stack>
  );
}
