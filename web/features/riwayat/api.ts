/** History calls and query keys: one employee's year, and a team's (paged by employee). */
import { queryOptions } from '@tanstack/react-query';
import type { RiwayatPegawaiOut, RiwayatTimOut } from '../../../src/contracts/riwayat';
import { api } from '../../lib/api';

export type { RiwayatPegawaiOut, RiwayatTimOut };
export type Periode = RiwayatPegawaiOut['periode'][number];

export const riwayatKeys = {
  pegawai: (id: number, tahun: number) => ['riwayat', 'pegawai', id, tahun] as const,
  tim: (tahun: number, unorId: number | null) => ['riwayat', 'tim', tahun, unorId] as const,
};

export const riwayatPegawaiQuery = (id: number, tahun: number) =>
  queryOptions({
    queryKey: riwayatKeys.pegawai(id, tahun),
    queryFn: () => api<RiwayatPegawaiOut>(`/api/riwayat/pegawai/${id}?tahun=${tahun}`),
  });

export function fetchTim(tahun: number, unorId: number | null, cursor: string | null) {
  const params = new URLSearchParams({ tahun: String(tahun), limit: '25' });
  if (unorId !== null) params.set('unorId', String(unorId));
  if (cursor) params.set('cursor', cursor);
  return api<RiwayatTimOut>(`/api/riwayat/tim?${params}`);
}

/** A column heading without the year: 'Juli', 'Triwulan III', 'Semester II'. */
export const labelKolom = (p: Periode) => p.label.replace(/ \d{4}$/, '');
