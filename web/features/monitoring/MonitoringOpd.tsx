/**
 * One OPD for a period: its figures per unit (live) and who is late, with the reason, each row
 * leading to the person's page and their performance history.
 */
import { Anchor, Badge, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { formatPersen } from '../../../src/domain/angka';
import { STATUS_TERLAMBAT_LABEL } from '../../../src/domain/monitoring';
import { formatNip } from '../../../src/domain/nip';
import { KartuAngka } from '../../components/KartuAngka';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { fetchTerlambat, opdQuery, terlambatKey } from './api';
import { angkaId } from './bersama';

function DaftarTerlambat({ opdId, periode }: { opdId: number; periode: string }) {
  const query = useInfiniteQuery({
    queryKey: terlambatKey(opdId, periode),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchTerlambat(opdId, periode, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm" id="judul-terlambat">
        Pegawai terlambat
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Tidak ada pegawai yang terlambat pada periode ini.
        </Text>
      ) : (
        <ScrollArea viewportProps={{ tabIndex: 0 }}>
          <Table striped withTableBorder fz="sm" miw={720} aria-labelledby="judul-terlambat">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>Jabatan / unit</Table.Th>
                <Table.Th>Pejabat penilai</Table.Th>
                <Table.Th>Keterangan</Table.Th>
                <Table.Th ta="right">RHK diajukan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.pegawai.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/pegawai/${i.pegawai.id}`}>
                      {i.pegawai.namaLengkap}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      NIP {formatNip(i.pegawai.nip)} ·{' '}
                      <Anchor
                        size="xs"
                        underline="always"
                        renderRoot={(props) => (
                          <Link {...props} to="/riwayat" search={{ pegawai: i.pegawai.id }} />
                        )}
                      >
                        Riwayat kinerja
                      </Anchor>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.pegawai.jabatanNama ?? '–'}
                    <Text size="xs" c="dimmed">
                      {i.pegawai.unorNama ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{i.penilai?.namaLengkap ?? '–'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {i.status.map((s) => (
                        <Badge key={s} color={s === 'BELUM_MELAPOR' ? 'red' : 'orange'} variant="light">
                          {STATUS_TERLAMBAT_LABEL[s]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    {i.diajukan}/{i.rhk}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <LoadMore query={query} />
    </Card>
  );
}

export function MonitoringOpd({ opdId, periode }: { opdId: number; periode: string }) {
  const q = useQuery(opdQuery(opdId, periode));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorView error={q.error} />;
  const { total: t, units } = q.data;
  return (
    <Stack>
      <Title order={3}>
        {q.data.opd.nama} — {q.data.periode.label}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <KartuAngka label="SKP disetujui" nilai={angkaId(t.skpDisetujui)} />
        <KartuAngka label="Melapor" nilai={angkaId(t.melapor)} keterangan={formatPersen(t.persenMelapor)} />
        <KartuAngka label="Tepat waktu (e-Lapkin)" nilai={formatPersen(t.kepatuhan)} />
        <KartuAngka
          label="Terlambat"
          nilai={angkaId(t.terlambat)}
          warna={t.terlambat > 0 ? 'red' : undefined}
        />
      </SimpleGrid>
      <DaftarTerlambat opdId={opdId} periode={periode} />
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Pengisian per unit kerja
        </Title>
        <ScrollArea viewportProps={{ tabIndex: 0 }}>
          <Table striped withTableBorder fz="sm" miw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Unit kerja</Table.Th>
                <Table.Th ta="right">Pegawai</Table.Th>
                <Table.Th ta="right">SKP disetujui</Table.Th>
                <Table.Th ta="right">Melapor</Table.Th>
                <Table.Th ta="right">Tepat waktu</Table.Th>
                <Table.Th ta="right">Dinilai</Table.Th>
                <Table.Th ta="right">Terlambat</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((u) => (
                <Table.Tr key={u.unor.id}>
                  <Table.Td>{u.unor.nama}</Table.Td>
                  <Table.Td ta="right">{angkaId(u.angka.jumlahPegawai)}</Table.Td>
                  <Table.Td ta="right">{angkaId(u.angka.skpDisetujui)}</Table.Td>
                  <Table.Td ta="right">{angkaId(u.angka.melapor)}</Table.Td>
                  <Table.Td ta="right">{formatPersen(u.angka.kepatuhan)}</Table.Td>
                  <Table.Td ta="right">{angkaId(u.angka.dinilai)}</Table.Td>
                  <Table.Td ta="right">{angkaId(u.angka.terlambat)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Card>
    </Stack>
  );
}
