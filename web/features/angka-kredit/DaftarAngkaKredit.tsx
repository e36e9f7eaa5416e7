/** The admins' list of functional employees with the year's AK and the cumulative total, a page at a time. */
import { Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { JENJANG_LABEL } from '../../../src/domain/jabatan';
import { formatNip } from '../../../src/domain/nip';
import { LoadMore } from '../../components/LoadMore';
import { PilihOpd } from '../../components/PilihOpd';
import { ErrorView, Loading } from '../../components/Status';
import { angkaKreditKeys, fetchDaftar, formatAk } from './api';

export function DaftarAngkaKredit({
  tahun,
  onPilih,
}: {
  tahun: number;
  onPilih: (pegawaiId: number) => void;
}) {
  const [opdId, setOpdId] = useState<number | null>(null);
  const query = useInfiniteQuery({
    queryKey: angkaKreditKeys.daftar(tahun, opdId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchDaftar(tahun, opdId, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <PilihOpd value={opdId} onChange={setOpdId} />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">Tidak ada pejabat fungsional.</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped highlightOnHover aria-label="Daftar angka kredit pejabat fungsional">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>Jenjang</Table.Th>
                <Table.Th ta="right">AK {tahun}</Table.Th>
                <Table.Th ta="right">Kumulatif</Table.Th>
                <Table.Th ta="right">Kebutuhan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.pegawai.id}>
                  <Table.Td>
                    <UnstyledButton onClick={() => onPilih(i.pegawai.id)}>
                      <Text size="sm" fw={500} c="teal.8">
                        {i.pegawai.namaLengkap}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatNip(i.pegawai.nip)} · {i.pegawai.opdNama ?? 'Tanpa OPD'}
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{JENJANG_LABEL[i.jenjang]}</Table.Td>
                  <Table.Td ta="right">
                    {formatAk(i.akTahun)}
                    {i.sementara && (
                      <Text size="xs" c="dimmed">
                        sementara
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatAk(i.kumulatif)}</Table.Td>
                  <Table.Td ta="right">
                    {i.kebutuhan === null ? '–' : formatAk(i.kebutuhan)}
                    {i.selisih !== null && i.selisih < 0 && (
                      <Text size="xs" c="dimmed">
                        kurang {formatAk(-i.selisih)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
    </Stack>
  );
}
