/** Notification calls shared by the bell and the page; every change refreshes both. */
import type { QueryClient } from '@tanstack/react-query';
import type { NotifikasiPage } from '../../../src/contracts/notifikasi';
import { api, post } from '../../lib/api';

export const NOTIFIKASI_KEY = ['notifikasi'] as const;

export function fetchNotifikasi(limit: number, cursor?: string | null) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return api<NotifikasiPage>(`/api/notifikasi?${params}`);
}

/** Without ids: everything is marked read. */
export async function tandaiDibaca(queryClient: QueryClient, ids?: number[]) {
  await post('/api/notifikasi/baca', ids ? { ids } : {});
  await queryClient.invalidateQueries({ queryKey: NOTIFIKASI_KEY });
}

/** Only links inside the application are followed. */
export const tautanInternal = (tautan: string | null) =>
  tautan?.startsWith('/') && !tautan.startsWith('//') ? tautan : null;

const rtf = new Intl.RelativeTimeFormat('id-ID', { numeric: 'auto' });

/** How long ago a notice came; older than a week, its date in the instansi's zone (not the browser's). */
export function waktuRelatif(iso: string, zonaWaktu: string | null, now = Date.now()): string {
  const detik = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(detik);
  if (abs < 60) return 'baru saja';
  if (abs < 3600) return rtf.format(Math.round(detik / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(detik / 3600), 'hour');
  if (abs < 7 * 86_400) return rtf.format(Math.round(detik / 86_400), 'day');
  return new Date(iso).toLocaleDateString('id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(zonaWaktu ? { timeZone: zonaWaktu } : {}),
  });
}
