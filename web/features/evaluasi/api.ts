/** Annual evaluation, objection and tim penilai calls and query keys; every write refreshes them all. */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type {
  DiBawahEkspektasiPage,
  EvaluasiSkpList,
  EvaluasiView,
  KeberatanPage,
} from '../../../src/contracts/evaluasi';
import { api } from '../../lib/api';

export type { DiBawahEkspektasiPage, EvaluasiSkpList, EvaluasiView, KeberatanPage };

export const evaluasiKeys = {
  all: ['evaluasi'] as const,
  saya: (tahun: number) => ['evaluasi', 'saya', tahun] as const,
  dinilai: (tahun: number) => ['evaluasi', 'dinilai', tahun] as const,
  skp: (skpId: number) => ['evaluasi', 'skp', skpId] as const,
  keberatan: (sebagai: string) => ['evaluasi', 'keberatan', sebagai] as const,
  timPenilai: (tahun: number, periode: string) => ['evaluasi', 'tim-penilai', tahun, periode] as const,
};

export const evaluasiSayaQuery = (tahun: number) =>
  queryOptions({
    queryKey: evaluasiKeys.saya(tahun),
    queryFn: () => api<EvaluasiSkpList>(`/api/evaluasi/saya?tahun=${tahun}`),
  });

export const evaluasiDinilaiQuery = (tahun: number) =>
  queryOptions({
    queryKey: evaluasiKeys.dinilai(tahun),
    queryFn: () => api<EvaluasiSkpList>(`/api/evaluasi/dinilai?tahun=${tahun}`),
  });

export const evaluasiSkpQuery = (skpId: number) =>
  queryOptions({
    queryKey: evaluasiKeys.skp(skpId),
    queryFn: () => api<EvaluasiView>(`/api/evaluasi/skp/${skpId}`),
  });

export function fetchKeberatan(sebagai: string, cursor: string | null) {
  const params = new URLSearchParams({ sebagai, limit: '25' });
  if (cursor) params.set('cursor', cursor);
  return api<KeberatanPage>(`/api/keberatan?${params}`);
}

export function fetchDiBawahEkspektasi(tahun: number, periode: string, cursor: string | null) {
  const params = new URLSearchParams({ tahun: String(tahun), limit: '25' });
  if (periode) params.set('periode', periode);
  if (cursor) params.set('cursor', cursor);
  return api<DiBawahEkspektasiPage>(`/api/tim-penilai/di-bawah-ekspektasi?${params}`);
}

export const segarkanEvaluasi = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: evaluasiKeys.all });
