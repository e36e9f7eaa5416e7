/**
 * The follow-up lists of a year (SPEC §7.3) for the BKD and the tim penilai: one tab per list with
 * its count, the employees with both years' final predikat, and the list's XLSX download.
 */
import { Badge, Button, Group, NumberInput, Stack, Table, Tabs, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNip } from '../../../src/domain/nip';
import { PREDIKAT_PEGAWAI_LABEL, type PredikatPegawai } from '../../../src/domain/predikat';
import {
  DAFTAR_TINDAK_LANJUT,
  DAFTAR_TINDAK_LANJUT_LABEL,
  type DaftarTindakLanjut as Daftar,
} from '../../../src/domain/tindak-lanjut';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { daftarTindakLanjut, eksporUrl, tindakLanjutKeys } from './api';

const KETERANGAN: Record<Daftar, string> = {
  NAIK_PANGKAT:
    'Predikat paling rendah Baik dalam dua tahun terakhir: memenuhi syarat kinerja kenaikan pangkat.',
  TALENTA: 'Predikat Sangat Baik dua tahun berturut-turut: masuk kelompok rencana suksesi (talenta).',
  GAGAL_BERULANG:
    'Predikat di bawah Baik (Butuh Perbaikan, Kurang, atau Sangat Kurang) dalam kedua tahun: dipertimbangkan untuk sanksi.',
  BELUM_LENGKAP:
    'Belum ada penilaian tahunan FINAL untuk salah satu atau kedua tahun: belum dapat diklasifikasikan.',
};

const label = (p: PredikatPegawai | null) => (p ? PREDIKAT_PEGAWAI_LABEL[p] : 'Belum final');

function useDaftar(tahun: number, daftar: Daftar) {
  return useInfiniteQuery({
    queryKey: tindakLanjutKeys.daftar(tahun, daftar),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => daftarTindakLanjut(tahun, daftar, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
}

function Isi({
  tahun,
  daftar,
  query,
}: {
  tahun: number;
  daftar: Daftar;
  query: ReturnType<typeof useDaftar>;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {KETERANGAN[daftar]}
        </Text>
        <Button component="a" href={eksporUrl(tahun, daftar)} download>
          Unduh XLSX
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">Tidak ada pegawai dalam daftar ini.</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>NIP</Table.Th>
              <Table.Th>Nama</Table.Th>
              <Table.Th>Predikat {tahun - 1}</Table.Th>
              <Table.Th>Predikat {tahun}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.pegawaiId}>
                <Table.Td>{formatNip(i.nip)}</Table.Td>
                <Table.Td>{i.nama}</Table.Td>
                <Table.Td>{label(i.predikatSebelumnya)}</Table.Td>
                <Table.Td>{label(i.predikat)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore query={query} />
    </Stack>
  );
}

export function DaftarTindakLanjut() {
  const [tahun, setTahun] = useState(new Date().getFullYear() - 1);
  const [daftar, setDaftar] = useState<Daftar>('NAIK_PANGKAT');
  const query = useDaftar(tahun, daftar);
  // Every page carries the counts of all lists; the first page's label the tabs.
  const jumlah = query.data?.pages[0]?.jumlah;
  return (
    <Stack>
      <NumberInput
        label="Tahun penilaian"
        description={`Dibandingkan dengan predikat akhir tahun ${tahun - 1}`}
        value={tahun}
        min={2001}
        max={2100}
        allowDecimal={false}
        maw={240}
        onChange={(v) => typeof v === 'number' && setTahun(v)}
      />
      <Tabs value={daftar} onChange={(v) => v && setDaftar(v as Daftar)}>
        <Tabs.List>
          {DAFTAR_TINDAK_LANJUT.map((d) => (
            <Tabs.Tab
              key={d}
              value={d}
              rightSection={jumlah ? <Badge variant="light">{jumlah[d]}</Badge> : null}
            >
              {DAFTAR_TINDAK_LANJUT_LABEL[d]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Isi tahun={tahun} daftar={daftar} query={query} />
    </Stack>
  );
}
