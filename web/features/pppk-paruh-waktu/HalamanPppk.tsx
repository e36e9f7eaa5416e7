/**
 * PPPK paruh waktu (SPEC §12): a quarter picked once for the page; the direct assessor evaluates his
 * paruh waktu subordinates, the OPD/BKD admin reads a unit's quarterly report for the contract
 * extension decisions and downloads it as XLSX.
 */
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Triwulan as Ke, labelTriwulan, TRIWULAN } from '../../../src/domain/pppk-paruh-waktu';
import { LoadMore } from '../../components/LoadMore';
import { PilihOpd } from '../../components/PilihOpd';
import { ErrorView, Loading } from '../../components/Status';
import { bawahanTriwulan, laporanTriwulan, laporanXlsxUrl, pppkKeys, type Triwulan } from './api';
import { EvaluasiTriwulan } from './EvaluasiTriwulan';
import { TabelTriwulan } from './TabelTriwulan';

/** The last quarter already over (the browser's date; the server judges again on finalising). */
function triwulanTerakhir(now = new Date()): Triwulan {
  const ke = Math.floor(now.getMonth() / 3);
  return ke === 0
    ? { tahun: now.getFullYear() - 1, triwulan: 4 }
    : { tahun: now.getFullYear(), triwulan: ke };
}

function Bawahan({ t }: { t: Triwulan }) {
  const [dipilih, setDipilih] = useState<number | null>(null);
  const query = useQuery({ queryKey: pppkKeys.bawahan(t), queryFn: () => bawahanTriwulan(t) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const { items, label } = query.data;
  return (
    <Stack>
      <Title order={3}>Evaluasi triwulan bawahan langsung</Title>
      {items.length === 0 ? (
        <Text c="dimmed">Tidak ada PPPK paruh waktu di antara bawahan langsung Anda.</Text>
      ) : (
        <TabelTriwulan
          label={label}
          items={items}
          aksi={(b) => (
            <Button
              size="xs"
              variant="light"
              onClick={() => setDipilih(b.pegawaiId)}
              aria-label={`Evaluasi ${b.namaLengkap}`}
            >
              Evaluasi
            </Button>
          )}
        />
      )}
      {dipilih !== null && (
        <EvaluasiTriwulan key={`${dipilih}:${t.tahun}:${t.triwulan}`} pegawaiId={dipilih} t={t} />
      )}
    </Stack>
  );
}

function LaporanUnit({ t }: { t: Triwulan }) {
  const [opdId, setOpdId] = useState<number | null>(null);
  const query = useInfiniteQuery({
    queryKey: pppkKeys.laporan(opdId ?? 0, t),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => laporanTriwulan(opdId!, t, pageParam),
    getNextPageParam: (last) => last.nextCursor,
    enabled: opdId !== null,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Title order={3}>Laporan triwulanan per OPD</Title>
      <Text size="sm" c="dimmed">
        Bahan keputusan perpanjangan kontrak: predikat setiap periode, predikat triwulan, rekomendasi atasan
        langsung, dan kekurangan yang masih ada.
      </Text>
      <Group align="end">
        <PilihOpd value={opdId} onChange={setOpdId} label="Unit (OPD)" placeholder="Pilih OPD" />
        {opdId !== null && (
          <Button component="a" href={laporanXlsxUrl(opdId, t)} download>
            Unduh XLSX
          </Button>
        )}
      </Group>
      {opdId === null ? null : query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">Tidak ada PPPK paruh waktu di OPD ini.</Text>
      ) : (
        <TabelTriwulan label={labelTriwulan(t.tahun, t.triwulan as Ke)} items={items} />
      )}
      <LoadMore query={query} />
    </Stack>
  );
}

export function HalamanPppk({ penilai, admin }: { penilai: boolean; admin: boolean }) {
  const [t, setT] = useState<Triwulan>(triwulanTerakhir);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2 }} maw={420}>
        <NumberInput
          label="Tahun"
          value={t.tahun}
          min={2000}
          max={2100}
          allowDecimal={false}
          onChange={(v) => typeof v === 'number' && setT({ ...t, tahun: v })}
        />
        <Select
          label="Triwulan"
          allowDeselect={false}
          data={TRIWULAN.map((k) => ({
            value: String(k),
            label: labelTriwulan(t.tahun, k).replace(` ${t.tahun}`, ''),
          }))}
          value={String(t.triwulan)}
          onChange={(v) => v && setT({ ...t, triwulan: Number(v) })}
        />
      </SimpleGrid>
      {penilai && <Bawahan t={t} />}
      {admin && <LaporanUnit t={t} />}
    </Stack>
  );
}
