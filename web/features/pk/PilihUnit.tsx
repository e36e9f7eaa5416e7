/** Choose a unit level by level (the tree loads one level at a time); the deepest choice wins. */
import { Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { UnorNode } from '../../../src/contracts/org';
import { api } from '../../lib/api';

function Tingkat({
  parentId,
  value,
  onChange,
}: {
  parentId?: number;
  value: number | undefined;
  onChange: (id: number | null) => void;
}) {
  const query = useQuery({
    queryKey: ['unor', parentId ?? 'root'],
    queryFn: () => api<{ items: UnorNode[] }>(`/api/unor${parentId ? `?parentId=${parentId}` : ''}`),
    staleTime: 5 * 60_000,
  });
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

export function PilihUnit({ onChange }: { onChange: (unorId: number | null) => void }) {
  const [jalur, setJalur] = useState<number[]>([]);
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
