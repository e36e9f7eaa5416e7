/** Calls of the follow-up lists page (SPEC §7.3). */
import type { TindakLanjutOut } from '../../../src/contracts/tindak-lanjut';
import type { DaftarTindakLanjut } from '../../../src/domain/tindak-lanjut';
import { api } from '../../lib/api';

export const tindakLanjutKeys = {
  daftar: (tahun: number, daftar: DaftarTindakLanjut) => ['tindak-lanjut', tahun, daftar] as const,
};

export function daftarTindakLanjut(tahun: number, daftar: DaftarTindakLanjut, cursor: string | null) {
  const params = new URLSearchParams({ tahun: String(tahun), daftar, limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api<TindakLanjutOut>(`/api/tindak-lanjut?${params}`);
}

export const eksporUrl = (tahun: number, daftar: DaftarTindakLanjut) =>
  `/api/tindak-lanjut/ekspor.xlsx?${new URLSearchParams({ tahun: String(tahun), daftar })}`;
