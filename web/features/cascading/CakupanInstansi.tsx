/**
 * Dibagi habis across the instansi (SPEC §4.3, §8): summary cards, a row per unit with its coverage
 * (click to drill down), a bar chart of % IKI lengkap, and who waits for whose plan.
 */

import {
  Anchor,
  Box,
  Breadcrumbs,
  Card,
  Group,
  Loader,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UnorDetail, UnorNode } from '../../../src/contracts/org';
import type { CakupanInstansiResponse, CakupanRingkasan } from '../../../src/contracts/skp';
import { formatPersen } from '../../../src/domain/angka';
import { STATUS_SKP_LABEL } from '../../../src/domain/skp-workflow';
import { KartuAngka } from '../../components/KartuAngka';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { ISTILAH_CASCADING } from '../../lib/istilah';
import { warnaPersen } from './format';
import { GrafikCakupan } from './GrafikCakupan';

export interface CakupanSearch {
  tahun: number;
  unorId?: number;
}

export function pilihanTahun(now = new Date().getFullYear()) {
  return [now + 1, now, now - 1, now - 2].map((y) => ({ value: String(y), label: String(y) }));
}

function Ringkasan({ r }: { r: CakupanRingkasan }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" role="group" aria-label="Ringkasan cakupan">
      <KartuAngka label="Pegawai" nilai={r.pegawai} />
      <KartuAngka
        label="IKI lengkap"
        nilai={formatPersen(r.persenLengkap)}
        warna={warnaPersen(r.persenLengkap)}
      />
      <KartuAngka label="IKI kurang" nilai={r.kurang} />
      <KartuAngka label="IKI lebih" nilai={r.lebih} />
      <KartuAngka label="Beda satuan" nilai={r.bedaSatuan} />
      <KartuAngka label="Tanpa bawahan" nilai={r.tanpaBawahan} />
      <KartuAngka label={ISTILAH_CASCADING.rhkTanpaInduk} nilai={r.rhkTanpaInduk} />
      <KartuAngka label="Tanpa SKP disetujui" nilai={r.tanpaSkpDisetujui} />
      <KartuAngka label="Menunggu atasan" nilai={r.menungguAtasan} />
      <KartuAngka label="SKP disetujui" nilai={r.skpDisetujui} />
    </SimpleGrid>
  );
}

type Unit = CakupanInstansiResponse['unit'][number];

/** `diSini`: the unit being shown (its own row counts the people placed directly in it). */
function TabelUnit({
  unit,
  diSini,
  onPilih,
}: {
  unit: Unit[];
  diSini: ReadonlySet<number>;
  onPilih: (unorId: number) => void;
}) {
  if (unit.length === 0) return <Text c="dimmed">Tidak ada sub-unit.</Text>;
  return (
    <Table.ScrollContainer minWidth={820} type="native" tabIndex={0}>
      <Table striped highlightOnHover aria-label="Cakupan per unit">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ minWidth: 180 }}>Unit</Table.Th>
            <Table.Th style={{ minWidth: 150 }}>IKI lengkap</Table.Th>
            <Table.Th ta="right">Pegawai</Table.Th>
            <Table.Th ta="right">SKP disetujui</Table.Th>
            <Table.Th ta="right">Kurang</Table.Th>
            <Table.Th ta="right">Lebih</Table.Th>
            <Table.Th ta="right">Beda satuan</Table.Th>
            <Table.Th ta="right">Tanpa bawahan</Table.Th>
            <Table.Th ta="right">Tanpa induk</Table.Th>
            <Table.Th ta="right">Menunggu atasan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {unit.map((u) => (
            <Table.Tr key={u.unorId}>
              <Table.Td>
                {diSini.has(u.unorId) ? (
                  <Text size="sm">
                    {u.nama}{' '}
                    <Text span size="xs" c="dimmed">
                      (langsung di unit ini)
                    </Text>
                  </Text>
                ) : (
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => onPilih(u.unorId)}
                    ta="left"
                    size="sm"
                  >
                    {u.nama}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Progress
                    value={u.persenLengkap}
                    color={warnaPersen(u.persenLengkap)}
                    style={{ flex: 1 }}
                    aria-label={`IKI lengkap ${u.nama}`}
                  />
                  <Text size="xs" w={48} ta="right">
                    {formatPersen(u.persenLengkap)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td ta="right">{u.pegawai}</Table.Td>
              <Table.Td ta="right">{u.skpDisetujui}</Table.Td>
              <Table.Td ta="right">{u.kurang}</Table.Td>
              <Table.Td ta="right">{u.lebih}</Table.Td>
              <Table.Td ta="right">{u.bedaSatuan}</Table.Td>
              <Table.Td ta="right">{u.tanpaBawahan}</Table.Td>
              <Table.Td ta="right">{u.rhkTanpaInduk}</Table.Td>
              <Table.Td ta="right">{u.menungguAtasan}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Menunggu({ items, total }: { items: CakupanInstansiResponse['menunggu']; total: number }) {
  return (
    <Card withBorder component="section" aria-labelledby="judul-menunggu">
      <Title order={3} size="h4" id="judul-menunggu">
        {ISTILAH_CASCADING.menungguAtasan}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Pegawai yang belum dapat menyusun SKP karena SKP atasannya belum diajukan atau disetujui.
        {total > items.length && ` Ditampilkan ${items.length} dari ${total.toLocaleString('id-ID')}.`}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">Tidak ada yang menunggu.</Text>
      ) : (
        <Table.ScrollContainer minWidth={520} type="native" tabIndex={0}>
          <Table striped aria-label={ISTILAH_CASCADING.menungguAtasan}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>Menunggu SKP</Table.Th>
                <Table.Th>Status SKP atasan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.pegawaiId}>
                  <Table.Td>{m.namaLengkap}</Table.Td>
                  <Table.Td>{m.atasanNama}</Table.Td>
                  <Table.Td>{m.atasanStatus ? STATUS_SKP_LABEL[m.atasanStatus] : 'Belum ada SKP'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** The roots of the tree the user sees: the instansi for the BKD, their OPDs for an OPD admin. */
const akarQuery = {
  queryKey: ['unor', 'root'],
  queryFn: () => api<{ items: UnorNode[] }>('/api/unor'),
  staleTime: 5 * 60_000,
};

/** Where the drill-down is: "Semua unit" › the unit's ancestors below the user's root › the unit. */
function Jejak({ unorId, nama, onPilih }: { unorId: number; nama: string; onPilih: (id?: number) => void }) {
  const detail = useQuery({
    queryKey: ['unor-detail', unorId],
    queryFn: () => api<UnorDetail>(`/api/unor/${unorId}`),
    staleTime: 5 * 60_000,
  });
  const roots = useQuery(akarQuery);
  const jalur = (detail.data?.jalur ?? []).filter((j) => j.id !== unorId);
  const rootIds = new Set(roots.data?.items.map((r) => r.id));
  const start = jalur.findIndex((j) => rootIds.has(j.id));
  // The visible root is what "Semua unit" shows already.
  const terlihat = start >= 0 ? jalur.slice(start + 1) : jalur;
  return (
    <Box component="nav" aria-label="Jejak unit">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
        <Anchor component="button" type="button" size="sm" onClick={() => onPilih(undefined)}>
          Semua unit
        </Anchor>
        {terlihat.map((j) => (
          <Anchor key={j.id} component="button" type="button" size="sm" onClick={() => onPilih(j.id)}>
            {j.nama}
          </Anchor>
        ))}
        <Text size="sm" fw={600} aria-current="page">
          {nama}
        </Text>
      </Breadcrumbs>
    </Box>
  );
}

export function CakupanInstansi({
  search,
  onSearch,
}: {
  search: CakupanSearch;
  onSearch: (s: CakupanSearch) => void;
}) {
  const params = new URLSearchParams({ tahun: String(search.tahun) });
  if (search.unorId) params.set('unorId', String(search.unorId));
  const query = useQuery({
    queryKey: ['cakupan', search.tahun, search.unorId ?? null],
    queryFn: () => api<CakupanInstansiResponse>(`/api/cakupan?${params}`),
    placeholderData: keepPreviousData,
  });
  const roots = useQuery(akarQuery);
  const pilih = (unorId?: number) => onSearch({ tahun: search.tahun, unorId });
  const diSini = new Set([
    ...(search.unorId ? [search.unorId] : (roots.data?.items.map((r) => r.id) ?? [])),
    ...(query.data?.unor ? [query.data.unor.id] : []),
  ]);
  return (
    <Stack>
      <Group align="flex-end" gap="sm">
        <Select
          label="Tahun"
          data={pilihanTahun()}
          value={String(search.tahun)}
          onChange={(v) => v && onSearch({ ...search, tahun: Number(v) })}
          allowDeselect={false}
          w={120}
        />
        {query.isFetching && !query.isPending && <Loader size="sm" mb={8} />}
      </Group>
      {search.unorId && <Jejak unorId={search.unorId} nama={query.data?.unor?.nama ?? '…'} onPilih={pilih} />}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : (
        <Stack style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <Ringkasan r={query.data.ringkasan} />
          <Card withBorder component="section" aria-labelledby="judul-unit">
            <Title order={3} size="h4" id="judul-unit" mb="xs">
              {query.data.unor ? `Unit di bawah ${query.data.unor.nama}` : 'Per perangkat daerah'}
            </Title>
            <TabelUnit unit={query.data.unit} diSini={diSini} onPilih={pilih} />
          </Card>
          {query.data.unit.length > 0 && (
            <Card withBorder component="section" aria-labelledby="judul-grafik">
              <Title order={3} size="h4" id="judul-grafik" mb="xs">
                Persentase IKI lengkap per unit
              </Title>
              <GrafikCakupan unit={query.data.unit} />
            </Card>
          )}
          <Menunggu items={query.data.menunggu} total={query.data.ringkasan.menungguAtasan} />
        </Stack>
      )}
    </Stack>
  );
}
