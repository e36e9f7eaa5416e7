/** Objections the user decides, has filed, or is asked a statement in; each opens its evaluation page. */
import { Anchor, Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { STATUS_KEBERATAN_LABEL } from '../../../src/domain/evaluasi';
import { formatNip } from '../../../src/domain/nip';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { formatTanggal } from '../../lib/istilah';
import { evaluasiKeys, fetchKeberatan } from './api';

type Sebagai = 'PEMUTUS' | 'PEGAWAI' | 'PIHAK';

export function DaftarKeberatan({ awal }: { awal: Sebagai }) {
  const [sebagai, setSebagai] = useState<Sebagai>(awal);
  const query = useInfiniteQuery({
    queryKey: evaluasiKeys.keberatan(sebagai),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchKeberatan(sebagai, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <SegmentedControl
        value={sebagai}
        onChange={(v) => setSebagai(v as Sebagai)}
        data={[
          { value: 'PEMUTUS', label: 'Saya putus' },
          { value: 'PEGAWAI', label: 'Saya ajukan' },
          { value: 'PIHAK', label: 'Keterangan saya diminta' },
        ]}
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">Tidak ada keberatan.</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>Tahun</Table.Th>
                <Table.Th>Diajukan</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Keterangan belum dijawab</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/evaluasi/skp/${k.skpId}`}>
                      {k.pegawai.namaLengkap}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      NIP {formatNip(k.pegawai.nip)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{k.tahun}</Table.Td>
                  <Table.Td>{formatTanggal(k.diajukanAt)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={k.status === 'DIPUTUS' ? 'teal' : 'orange'}>
                      {STATUS_KEBERATAN_LABEL[k.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{k.keteranganTerbuka}</Table.Td>
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
