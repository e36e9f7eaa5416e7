/**
 * "Penilaian Bawahan": the direct subordinates' month as a quick list for the keyboard — ↑/↓ or j/k
 * move, Enter opens; those waiting for the assessor come first (the API's order).
 */

import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { formatNip } from '../../../src/domain/nip';
import { STATUS_REALISASI_LABEL } from '../../../src/domain/realisasi-workflow';
import { PetunjukPapanKetik } from '../../components/PetunjukPapanKetik';
import { ErrorView, Loading } from '../../components/Status';
import { type BawahanRealisasi, bawahanRealisasiQuery } from './api';
import { langkah } from './navigasi';
import { PilihPeriode } from './PilihPeriode';
import { BELUM_DIISI, PredikatBadge, WARNA_STATUS_REALISASI } from './StatusRealisasi';
import { useJadwal } from './useJadwal';

type Item = BawahanRealisasi['items'][number];
type Jumlah = Item['jumlah'];
const URUTAN: (keyof Jumlah)[] = ['DIAJUKAN', 'DIPERBAIKI', 'PERLU_PERBAIKAN', 'DITERIMA', 'DRAFT'];

export function RealisasiBawahan({
  periode,
  onPeriode,
}: {
  periode: string | undefined;
  onPeriode: (periode: string) => void;
}) {
  const jadwal = useJadwal();
  const kode = periode ?? jadwal.periodeAwal;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Penilaian Bawahan</Title>
          <Text size="sm" c="dimmed">
            Realisasi bawahan langsung per periode; yang menunggu penilaian tampil lebih dulu.
          </Text>
        </div>
        {kode && <PilihPeriode value={kode} onChange={onPeriode} />}
      </Group>
      {kode ? (
        <Daftar key={kode} periode={kode} />
      ) : jadwal.query.isError ? (
        <ErrorView error={jadwal.query.error} />
      ) : (
        <Loading />
      )}
    </Stack>
  );
}

function Daftar({ periode }: { periode: string }) {
  const query = useQuery(bawahanRealisasiQuery(periode));
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const items = query.data?.items ?? [];

  // The quick list starts under the keyboard: the first subordinate (the first one waiting) has focus.
  const siap = query.isSuccess && items.length > 0;
  useEffect(() => {
    if (siap) links.current[0]?.focus();
  }, [siap]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  if (items.length === 0)
    return (
      <Card withBorder>
        <Text c="dimmed">Anda tidak memiliki bawahan langsung.</Text>
      </Card>
    );

  const total = (k: keyof Jumlah) => items.reduce((n, p) => n + p.jumlah[k], 0);
  const menunggu = items.filter((p) => p.menunggu > 0).length;

  function onKeyDown(e: React.KeyboardEvent) {
    const i = links.current.indexOf(e.target as HTMLAnchorElement);
    if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const ke = langkah(e.key, i, items.length);
    if (ke === null) return;
    e.preventDefault();
    links.current[ke]?.focus();
  }

  return (
    <Stack gap="sm">
      <Group gap={6} aria-label="Jumlah realisasi per status">
        <Badge color="blue" variant="filled">
          Menunggu penilaian: {menunggu} pegawai
        </Badge>
        {URUTAN.map((k) => (
          <Badge key={k} color={WARNA_STATUS_REALISASI[k]} variant="light">
            {STATUS_REALISASI_LABEL[k]}: {total(k)}
          </Badge>
        ))}
      </Group>
      <PetunjukPapanKetik>Papan ketik: ↑/↓ atau j/k untuk berpindah, Enter untuk membuka.</PetunjukPapanKetik>
      <Stack
        gap={6}
        component="ul"
        aria-label="Bawahan langsung"
        onKeyDown={onKeyDown}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {items.map((p, i) => (
          <Card
            key={p.pegawaiId}
            component="li"
            withBorder
            padding="xs"
            bg={p.menunggu > 0 ? 'var(--mantine-color-blue-0)' : undefined}
          >
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor
                  fw={600}
                  renderRoot={(props) => (
                    <Link
                      {...props}
                      to="/realisasi/bawahan/$pegawaiId"
                      params={{ pegawaiId: String(p.pegawaiId) }}
                      search={{ periode }}
                    />
                  )}
                  ref={(el: HTMLAnchorElement | null) => {
                    links.current[i] = el;
                  }}
                  aria-label={`${p.namaLengkap}${p.menunggu > 0 ? `, ${p.menunggu} menunggu penilaian` : ''}`}
                >
                  {p.namaLengkap}
                </Anchor>
                <Text size="xs" c="dimmed">
                  NIP {formatNip(p.nip)} · {p.jabatanNama ?? '—'}
                </Text>
              </div>
              <Group gap={4}>
                {p.skpId === null ? (
                  <Badge color="gray" variant="outline">
                    Belum ada SKP disetujui
                  </Badge>
                ) : Object.values(p.jumlah).every((n) => n === 0) ? (
                  <Badge color="gray" variant="light">
                    {BELUM_DIISI}
                  </Badge>
                ) : (
                  <>
                    {p.menunggu > 0 && (
                      <Badge color="blue" variant="filled">
                        Menunggu {p.menunggu}
                      </Badge>
                    )}
                    {URUTAN.filter((k) => p.jumlah[k] > 0 && k !== 'DIAJUKAN' && k !== 'DIPERBAIKI').map(
                      (k) => (
                        <Badge key={k} color={WARNA_STATUS_REALISASI[k]} variant="light">
                          {STATUS_REALISASI_LABEL[k]} {p.jumlah[k]}
                        </Badge>
                      ),
                    )}
                  </>
                )}
                {p.predikat && <PredikatBadge predikat={p.predikat} />}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
