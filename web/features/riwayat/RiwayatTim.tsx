/**
 * A team's year at a glance: employees × periods with the predikat and the realisasi counts per
 * status; each name opens that employee's history. Paged by employee.
 */
import { Anchor, Card, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { CSSProperties } from 'react';
import { formatNip } from '../../../src/domain/nip';
import { STATUS_REALISASI, STATUS_REALISASI_LABEL } from '../../../src/domain/realisasi-workflow';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { PredikatBadge } from '../realisasi/StatusRealisasi';
import { fetchTim, labelKolom, type RiwayatTimOut, riwayatKeys } from './api';

type Sel = RiwayatTimOut['items'][number]['sel'][number];

const KOLOM_NAMA = 220;
const KOLOM_PERIODE = 130;
const lekat: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  verticalAlign: 'top',
  boxShadow: 'inset -1px 0 0 var(--mantine-color-default-border)',
  // On a phone the column keeps room for the periods beside it.
  width: `min(${KOLOM_NAMA}px, 45vw)`,
  minWidth: `min(${KOLOM_NAMA}px, 45vw)`,
};

function IsiSel({ sel }: { sel: Sel | undefined }) {
  const jumlah = sel ? STATUS_REALISASI.filter((s) => sel.jumlah[s] > 0) : [];
  if (!sel || (!sel.predikat && jumlah.length === 0))
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={4} align="flex-start">
      {sel.predikat && <PredikatBadge predikat={sel.predikat} />}
      {jumlah.map((s) => (
        <Text key={s} size="xs" c="dimmed">
          {STATUS_REALISASI_LABEL[s]}: {sel.jumlah[s]}
        </Text>
      ))}
    </Stack>
  );
}

export function RiwayatTim({ tahun, unorId }: { tahun: number; unorId: number | null }) {
  const query = useInfiniteQuery({
    queryKey: riwayatKeys.tim(tahun, unorId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchTim(tahun, unorId, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const [first] = query.data.pages;
  const periode = first?.periode ?? [];
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0)
    return (
      <Card withBorder>
        <Text c="dimmed">
          {unorId === null
            ? 'Anda tidak memiliki bawahan langsung.'
            : 'Unit ini tidak memiliki pegawai aktif.'}
        </Text>
      </Card>
    );
  return (
    <Card withBorder padding="xs">
      <Table.ScrollContainer
        minWidth={KOLOM_NAMA + periode.length * KOLOM_PERIODE}
        type="native"
        tabIndex={0}
      >
        <Table
          withColumnBorders
          verticalSpacing="xs"
          aria-label={
            first?.unor ? `Riwayat kinerja ${first.unor.nama} ${tahun}` : `Riwayat kinerja tim ${tahun}`
          }
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={lekat}>Pegawai</Table.Th>
              {periode.map((p) => (
                <Table.Th key={p.kode} miw={KOLOM_PERIODE} title={p.label}>
                  {labelKolom(p)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map(({ pegawai: p, sel }) => {
              const byKode = new Map(sel.map((s) => [s.periodeKode, s]));
              return (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" style={lekat} fw={400}>
                    <Anchor
                      size="sm"
                      fw={600}
                      renderRoot={(props) => (
                        <Link {...props} to="/riwayat" search={{ pegawai: p.id, tahun }} />
                      )}
                    >
                      {p.namaLengkap}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      NIP {formatNip(p.nip)}
                    </Text>
                    {p.jabatanNama && <Text size="xs">{p.jabatanNama}</Text>}
                  </Table.Th>
                  {periode.map((x) => (
                    <Table.Td key={x.kode} style={{ verticalAlign: 'top' }}>
                      <IsiSel sel={byKode.get(x.kode)} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore query={query} />
    </Card>
  );
}
