/** Progres harian across RHKs: the team's month, one employee's days, the assessor's comment. */
import { queryOptions } from '@tanstack/react-query';
import type { ProgresPegawaiOut, TimProgresOut } from '../../../src/contracts/progres-harian';
import { api, post } from '../../lib/api';

export type { ProgresPegawaiOut, TimProgresOut };
export type HariProgres = ProgresPegawaiOut['hari'][number];

/** Under the realisasi keys, so every realisasi and log write refreshes these views too. */
export const progresKeys = {
  tim: (bulan: string) => ['realisasi', 'progres', 'tim', bulan] as const,
  pegawai: (id: number, bulan: string) => ['realisasi', 'progres', 'pegawai', id, bulan] as const,
};

export const timQuery = (bulan: string) =>
  queryOptions({
    queryKey: progresKeys.tim(bulan),
    queryFn: () => api<TimProgresOut>(`/api/progres-harian/tim?bulan=${bulan}`),
  });

export const pegawaiQuery = (id: number, bulan: string) =>
  queryOptions({
    queryKey: progresKeys.pegawai(id, bulan),
    queryFn: () => api<ProgresPegawaiOut>(`/api/progres-harian/pegawai/${id}?bulan=${bulan}`),
  });

export const komentari = (pegawaiId: number, tanggal: string, teks: string) =>
  post<ProgresPegawaiOut>(`/api/progres-harian/pegawai/${pegawaiId}/${tanggal}/komentar`, { teks });
