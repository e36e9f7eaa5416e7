/** TPP calls and query keys: parameters, computed months, a month's lines, one line, my lines. */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type {
  ParameterTppOut,
  TppBaris,
  TppBarisDetail,
  TppBarisPage,
  TppBulanList,
  TppBulanOut,
  TppSayaOut,
} from '../../../src/contracts/tpp';
import { api } from '../../lib/api';

export type { ParameterTppOut, TppBaris, TppBarisDetail, TppBulanOut, TppSayaOut };

export const tppKeys = {
  semua: ['tpp'] as const,
  parameter: ['tpp', 'parameter'] as const,
  daftar: ['tpp', 'daftar'] as const,
  bulan: (bulan: string) => ['tpp', 'bulan', bulan] as const,
  baris: (bulan: string, opdId: number | null, catatan: CatatanBaris | null, q: string) =>
    ['tpp', 'baris', bulan, opdId, catatan, q] as const,
  pegawai: (bulan: string, id: number) => ['tpp', 'pegawai', bulan, id] as const,
  saya: ['tpp', 'saya'] as const,
};

export const parameterQuery = queryOptions({
  queryKey: tppKeys.parameter,
  queryFn: () => api<ParameterTppOut>('/api/tpp/parameter'),
});

export const daftarBulanQuery = queryOptions({
  queryKey: tppKeys.daftar,
  queryFn: () => api<TppBulanList>('/api/tpp'),
});

export const bulanQuery = (bulan: string) =>
  queryOptions({
    queryKey: tppKeys.bulan(bulan),
    queryFn: () => api<TppBulanOut>(`/api/tpp/${bulan}`),
    retry: false,
  });

export const barisPegawaiQuery = (bulan: string, id: number) =>
  queryOptions({
    queryKey: tppKeys.pegawai(bulan, id),
    queryFn: () => api<TppBarisDetail>(`/api/tpp/${bulan}/pegawai/${id}`),
  });

export const tppSayaQuery = queryOptions({
  queryKey: tppKeys.saya,
  queryFn: () => api<TppSayaOut>('/api/tpp/saya'),
});

/** The lines a month's list can be narrowed to (SPEC §7.1 guards). */
export type CatatanBaris = 'MENUNGGU_PENILAIAN' | 'BELUM_DIIMPOR' | 'DITAHAN_EVALUASI';

export function fetchBaris(
  bulan: string,
  opdId: number | null,
  catatan: CatatanBaris | null,
  q: string,
  cursor: string | null,
) {
  const params = new URLSearchParams({ limit: '25' });
  if (opdId) params.set('opdId', String(opdId));
  if (catatan) params.set('catatan', catatan);
  if (q) params.set('q', q);
  if (cursor) params.set('cursor', cursor);
  return api<TppBarisPage>(`/api/tpp/${bulan}/baris?${params}`);
}

/** Every TPP view, after a write (a month computed or approved, parameters saved). */
export const segarkanTpp = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: tppKeys.semua });
