/** Calls of the PPPK paruh waktu page (SPEC §12): the assessor's quarter and the unit report. */
import type { z } from 'zod';
import type {
  DaftarTriwulanResponse,
  EvaluasiTriwulanView,
  LaporanTriwulanResponse,
  SimpanTriwulanBody,
} from '../../../src/contracts/pppk-paruh-waktu';
import { api, post, put } from '../../lib/api';

export interface Triwulan {
  tahun: number;
  triwulan: number;
}

const qs = (t: Triwulan) => `tahun=${t.tahun}&triwulan=${t.triwulan}`;
const evaluasiPath = (id: number, t: Triwulan) =>
  `/api/pppk-paruh-waktu/pegawai/${id}/triwulan/${t.tahun}/${t.triwulan}`;

export const pppkKeys = {
  semua: ['pppk-paruh-waktu'] as const,
  bawahan: (t: Triwulan) => ['pppk-paruh-waktu', 'bawahan', t.tahun, t.triwulan] as const,
  evaluasi: (id: number, t: Triwulan) => ['pppk-paruh-waktu', 'evaluasi', id, t.tahun, t.triwulan] as const,
  laporan: (opdId: number, t: Triwulan) =>
    ['pppk-paruh-waktu', 'laporan', opdId, t.tahun, t.triwulan] as const,
};

export const bawahanTriwulan = (t: Triwulan) =>
  api<z.infer<typeof DaftarTriwulanResponse>>(`/api/pppk-paruh-waktu/bawahan?${qs(t)}`);

export const evaluasiTriwulan = (id: number, t: Triwulan) => api<EvaluasiTriwulanView>(evaluasiPath(id, t));

export const simpanTriwulan = (id: number, t: Triwulan, body: SimpanTriwulanBody) =>
  put<EvaluasiTriwulanView>(evaluasiPath(id, t), body);

export const finalkanTriwulan = (id: number, t: Triwulan, version: number) =>
  post<EvaluasiTriwulanView>(`${evaluasiPath(id, t)}/final`, { version });

export function laporanTriwulan(opdId: number, t: Triwulan, cursor: string | null) {
  const params = new URLSearchParams({
    ...{ tahun: String(t.tahun), triwulan: String(t.triwulan) },
    opdId: String(opdId),
    limit: '50',
  });
  if (cursor) params.set('cursor', cursor);
  return api<z.infer<typeof LaporanTriwulanResponse>>(`/api/pppk-paruh-waktu/laporan?${params}`);
}

export const laporanXlsxUrl = (opdId: number, t: Triwulan) =>
  `/api/pppk-paruh-waktu/laporan.xlsx?${qs(t)}&opdId=${opdId}`;
