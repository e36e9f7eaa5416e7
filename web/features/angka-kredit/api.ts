/** Angka kredit calls and query keys: one employee's figures, the admins' list, the initial AK. */
import { queryOptions } from '@tanstack/react-query';
import type { AngkaKreditItem, AngkaKreditPegawaiOut } from '../../../src/contracts/angka-kredit';
import { api } from '../../lib/api';

export type { AngkaKreditItem, AngkaKreditPegawaiOut };

export const angkaKreditKeys = {
  semua: ['angka-kredit'] as const,
  pegawai: (id: number, tahun: number) => ['angka-kredit', 'pegawai', id, tahun] as const,
  daftar: (tahun: number, opdId: number | null) => ['angka-kredit', 'daftar', tahun, opdId] as const,
};

export const angkaKreditPegawaiQuery = (id: number, tahun: number) =>
  queryOptions({
    queryKey: angkaKreditKeys.pegawai(id, tahun),
    queryFn: () => api<AngkaKreditPegawaiOut>(`/api/angka-kredit/pegawai/${id}?tahun=${tahun}`),
  });

export function fetchDaftar(tahun: number, opdId: number | null, cursor: string | null) {
  const params = new URLSearchParams({ tahun: String(tahun) });
  if (opdId !== null) params.set('opdId', String(opdId));
  if (cursor) params.set('cursor', cursor);
  return api<{ items: AngkaKreditItem[]; nextCursor: string | null }>(`/api/angka-kredit?${params}`);
}

/** AK with two decimals, the Indonesian way (18,75). */
export const formatAk = (n: number) =>
  n.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
