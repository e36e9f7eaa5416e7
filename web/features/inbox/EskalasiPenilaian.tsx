/**
 * Eskalasi Penilaian (admins): per period, the pejabat penilai who let items pass the assessment
 * deadline, to whom they escalated, how many wait and since when; an OPD admin sees their OPD only.
 */
import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { formatNip } from '../../../src/domain/nip';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { formatWaktu } from '../../lib/istilah';
import { PilihPeriode } from '../realisasi/PilihPeriode';
import { useJadwal } from '../realisasi/useJadwal';
import { fetchEskalasi } from './api';

function Daftar({ periode }: { periode: string }) {
  const { zona } = useJadwal();
  const query = useInfiniteQuery({
    queryKey: ['eskalasi', periode],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchEskalasi(periode, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const first = query.data.pages[0]!;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed" mb="sm">
        Batas penilaian periode {first.periode.label}: {formatWaktu(first.batasPenilaian, zona)}. Realisasi
        yang belum dinilai setelah batas itu dapat dinilai atasan pejabat penilai.
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed">Tidak ada penilaian yang dieskalasi pada periode ini.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native" tabIndex={0}>
          <Table striped aria-label="Pejabat penilai yang melewati batas penilaian">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pejabat penilai</Table.Th>
                <Table.Th>Dieskalasi kepada</Table.Th>
                <Table.Th ta="right">Pegawai menunggu</Table.Th>
                <Table.Th ta="right">Realisasi</Table.Th>
                <Table.Th>Diajukan paling lama</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.penilai.id}>
                  <Table.Td>
                    <Text size="sm">{r.penilai.namaLengkap}</Text>
                    <Text size="xs" c="dimmed">
                      {formatNip(r.penilai.nip)}
                      {r.penilai.jabatanNama ? ` · ${r.penilai.jabatanNama}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.atasan ? (
                      <>
                        <Text size="sm">{r.atasan.namaLengkap}</Text>
                        <Text size="xs" c="dimmed">
                          {r.atasan.jabatanNama}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Tidak ada atasan pejabat penilai
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{r.jumlahPegawai}</Table.Td>
                  <Table.Td ta="right">{r.jumlahRealisasi}</Table.Td>
                  <Table.Td>{r.diajukanTerlama ? formatWaktu(r.diajukanTerlama, zona) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
    </Card>
  );
}

export function EskalasiPenilaian({
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
        <Title order={2}>Eskalasi Penilaian</Title>
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
