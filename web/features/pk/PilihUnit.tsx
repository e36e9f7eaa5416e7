/** Choose a unit level by level (the tree loads one level at a time); the deepest choice wins. */
import { Select, Stack } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { UnorDetail, UnorNode } from '../../../src/contracts/org';
import { api } from '../../lib/api';

const anakUnor = (parentId?: number) =>
  queryOptions({
    queryKey: ['unor', parentId ?? 'root'],
    queryFn: () => api<{ items: UnorNode[] }>(`/api/unor${parentId ? `?parentId=${parentId}` : ''}`),
    staleTime: 5 * 60_000,
  });

function Tingkat({
  parentId,
  value,
  onChange,
}: {
  parentId?: number;
  value: number | undefined;
  onChange: (id: number | null) => void;
}) {
  const query = useQuery(anakUnor(parentId));
  const items = query.data?.items ?? [];
  const akar = parentId === undefined;
  // One visible root (an OPD admin's OPD, or the instansi): choose it right away.
  useEffect(() => {
    if (akar && value === undefined && items.length === 1) onChange(items[0]!.id);
  }, [akar, value, items, onChange]);
  if (!akar && query.isSuccess && items.length === 0) return null;
  return (
    <Select
      label={akar ? 'Unit organisasi' : 'Sub-unit (opsional)'}
      placeholder={query.isPending ? 'Memuat…' : akar ? 'Pilih unit' : 'Seluruh unit di atas'}
      data={items.map((u) => ({ value: String(u.id), label: u.nama }))}
      value={value === undefined ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      searchable
      clearable={!akar}
      allowDeselect={!akar}
      nothingFoundMessage="Unit tidak ditemukan"
      error={query.isError ? 'Daftar unit tidak dapat dimuat.' : undefined}
    />
  );
}

/**
 * The levels down to unit `awal`, from the root the user sees (the BKD's instansi, an OPD admin's
 * OPD); undefined while loading, empty without `awal` or when it cannot be read.
 */
function useJalurAwal(awal: number | undefined): number[] | undefined {
  const akar = useQuery(anakUnor());
  const detail = useQuery({
    queryKey: ['unor', 'detail', awal],
    queryFn: () => api<UnorDetail>(`/api/unor/${awal}`),
    enabled: awal !== undefined,
    staleTime: 5 * 60_000,
  });
  if (awal === undefined) return [];
  if (akar.isPending || detail.isPending) return undefined;
  const ids = detail.data?.jalur.map((j) => j.id) ?? [];
  const terlihat = new Set(akar.data?.items.map((u) => u.id));
  const mulai = ids.findIndex((id) => terlihat.has(id));
  return mulai < 0 ? [] : ids.slice(mulai);
}

function Jalur({ awal, onChange }: { awal: number[]; onChange: (unorId: number | null) => void }) {
  const [jalur, setJalur] = useState(awal);
  const pilih = (tingkat: number) => (id: number | null) => {
    const baru = id === null ? jalur.slice(0, tingkat) : [...jalur.slice(0, tingkat), id];
    setJalur(baru);
    onChange(baru.at(-1) ?? null);
  };
  return (
    <Stack gap="xs">
      {[undefined, ...jalur].map((parentId, i) => (
        <Tingkat key={parentId ?? 'root'} parentId={parentId} value={jalur[i]} onChange={pilih(i)} />
      ))}
    </Stack>
  );
}

/** `awal`: the unit chosen when the picker opens (e.g. the one in the page's address). */
export function PilihUnit({ awal, onChange }: { awal?: number; onChange: (unorId: number | null) => void }) {
  const jalurAwal = useJalurAwal(awal);
  if (jalurAwal === undefined)
    return <Select label="Unit organisasi" placeholder="Memuat…" data={[]} disabled />;
  return <Jalur awal={jalurAwal} onChange={onChange} />;
}
