/** Inbox, delegation and escalation calls with their query keys; every change refreshes the inbox. */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { CalonPenerimaOut, DelegasiPage } from '../../../src/contracts/delegasi';
import type { EskalasiPage, ItemKotakMasuk, KotakMasukOut } from '../../../src/contracts/kotak-masuk';
import { api } from '../../lib/api';

export type { EskalasiPage, ItemKotakMasuk, KotakMasukOut };
export type Delegasi = DelegasiPage['items'][number];
export type Lingkup = 'SAYA' | 'KELOLA';

export const kotakMasukQuery = queryOptions({
  queryKey: ['kotak-masuk'],
  queryFn: () => api<KotakMasukOut>('/api/kotak-masuk'),
  // The countdown is the server's; a minute keeps "berakhir hari ini" honest without polling hard.
  refetchInterval: 60_000,
});

export const DELEGASI_KEY = ['delegasi'] as const;

export function fetchDelegasi(lingkup: Lingkup, cursor: string | null) {
  const params = new URLSearchParams({ lingkup, limit: '25' });
  if (cursor) params.set('cursor', cursor);
  return api<DelegasiPage>(`/api/delegasi?${params}`);
}

export const calonPenerima = (q: string) =>
  api<CalonPenerimaOut>(`/api/delegasi/calon?q=${encodeURIComponent(q)}`);

export function fetchEskalasi(periode: string, cursor: string | null) {
  const params = new URLSearchParams({ periode, limit: '25' });
  if (cursor) params.set('cursor', cursor);
  return api<EskalasiPage>(`/api/realisasi/eskalasi?${params}`);
}

/** After a delegation changes: its lists and the inbox (what the delegate assesses). */
export const segarkanDelegasi = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: DELEGASI_KEY }),
    queryClient.invalidateQueries({ queryKey: kotakMasukQuery.queryKey }),
  ]);
