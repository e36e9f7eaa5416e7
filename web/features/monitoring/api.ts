/** Monitoring calls and query keys: scope, the period overview, compliance, trend, one OPD, the late list. */
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type {
  AksesOut,
  KepatuhanOut,
  OpdOut,
  RingkasanOut,
  TerlambatOut,
  TrenOut,
} from '../../../src/contracts/monitoring';
import type { MeResponse } from '../../../src/contracts/pegawai';
import { api, post } from '../../lib/api';
import { akunTerbatas, isAdmin } from '../../lib/session';

export type { AksesOut, KepatuhanOut, OpdOut, RingkasanOut, TerlambatOut, TrenOut };

const KEY = ['monitoring'] as const;

export const aksesQuery = queryOptions({
  queryKey: [...KEY, 'akses'],
  queryFn: () => api<AksesOut>('/api/monitoring/akses'),
  staleTime: 5 * 60_000,
});

/**
 * Whether the reader sees the instansi's monitoring: an admin, or the head of region, who holds no
 * admin role, so assessors ask the server.
 */
export function useMonitoringInstansi(me: MeResponse | null): boolean {
  const { data } = useQuery({
    ...aksesQuery,
    enabled: !!me?.isPejabatPenilai && !isAdmin(me) && !akunTerbatas(me),
  });
  return isAdmin(me) || !!data?.instansi;
}

/** While the scheduler has not computed a recap yet (just after start-up), ask again now and then. */
const SELAMA_BELUM_DIHITUNG_MS = 10_000;

export const ringkasanQuery = (periode: string) =>
  queryOptions({
    queryKey: [...KEY, 'ringkasan', periode],
    queryFn: () => api<RingkasanOut>(`/api/monitoring/ringkasan?periode=${periode}`),
    refetchInterval: (q) => (q.state.data && q.state.data.total === null ? SELAMA_BELUM_DIHITUNG_MS : false),
  });

export const kepatuhanQuery = (tahun: number) =>
  queryOptions({
    queryKey: [...KEY, 'kepatuhan', tahun],
    queryFn: () => api<KepatuhanOut>(`/api/monitoring/kepatuhan?tahun=${tahun}`),
  });

export const trenQuery = (tahun: number, opdId?: number) =>
  queryOptions({
    queryKey: [...KEY, 'tren', tahun, opdId ?? null],
    queryFn: () =>
      api<TrenOut>(`/api/monitoring/tren?tahun=${tahun}${opdId === undefined ? '' : `&opdId=${opdId}`}`),
  });

export const opdQuery = (opdId: number, periode: string) =>
  queryOptions({
    queryKey: [...KEY, 'opd', opdId, periode],
    queryFn: () => api<OpdOut>(`/api/monitoring/opd/${opdId}?periode=${periode}`),
  });

export const terlambatKey = (opdId: number, periode: string) =>
  [...KEY, 'terlambat', opdId, periode] as const;

export function fetchTerlambat(opdId: number, periode: string, cursor: string | null) {
  const c = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
  return api<TerlambatOut>(`/api/monitoring/opd/${opdId}/terlambat?periode=${periode}&limit=25${c}`);
}

export const perbarui = (periode: string) =>
  post<{ periode: string; dihitungAt: string; opd: number }>('/api/monitoring/perbarui', { periode });

/** After "Perbarui data" every figure is read again. */
export const segarkanMonitoring = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: KEY });
