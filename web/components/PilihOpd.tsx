/**
 * An OPD picker for admins: the BKD sees the OPDs under the instansi's root unit, an OPD admin the
 * units /api/unor shows him (his OPDs). Empty means "all I may see".
 */
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { UnorNode } from '../../src/contracts/org';
import { api } from '../lib/api';

const unor = (parentId?: number) =>
  api<{ items: UnorNode[] }>(`/api/unor${parentId ? `?parentId=${parentId}` : ''}`);

export function PilihOpd({
  value,
  onChange,
  label = 'OPD',
  placeholder = 'Semua OPD',
}: {
  value: number | null;
  onChange: (opdId: number | null) => void;
  label?: string;
  placeholder?: string;
}) {
  const query = useQuery({
    queryKey: ['unor', 'opd-pilihan'],
    queryFn: async () => {
      const akar = (await unor()).items;
      // The BKD's root is the instansi itself: its children are the OPDs.
      return akar.length === 1 && akar[0]!.jenis === 'INSTANSI' ? (await unor(akar[0]!.id)).items : akar;
    },
    staleTime: 5 * 60_000,
  });
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={(query.data ?? []).map((o) => ({ value: String(o.id), label: o.nama }))}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      disabled={query.isPending}
      clearable
      searchable
    />
  );
}
