/** Options for an employee picker: the first 20 matches of at least 3 typed characters (name or NIP). */
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { PegawaiRingkas } from '../../../src/contracts/pegawai';
import { api } from '../../lib/api';

export function usePegawaiOptions(search: string) {
  const [q] = useDebouncedValue(search, 250);
  return useQuery({
    queryKey: ['pegawai-pilih', q],
    enabled: q.trim().length >= 3,
    queryFn: () => api<{ items: PegawaiRingkas[] }>(`/api/pegawai?limit=20&q=${encodeURIComponent(q)}`),
    select: (d) =>
      d.items.map((p) => ({ value: String(p.id), label: `${p.namaLengkap} — ${p.jabatanNama ?? ''}` })),
  });
}
