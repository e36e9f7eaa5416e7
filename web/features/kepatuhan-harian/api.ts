/** Compliance per day of progres harian: per OPD, per employee of a scope, one employee's calendar. */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  KalenderKepatuhanOut,
  KepatuhanOpdOut,
  KepatuhanPegawaiListOut,
} from '../../../src/contracts/kepatuhan-harian';
import { api } from '../../lib/api';

export type { KalenderKepatuhanOut, KepatuhanOpdOut, KepatuhanPegawaiListOut };

/** Under the realisasi keys, so entries written refresh these views too. */
const KEY = ['realisasi', 'kepatuhan-harian'] as const;

export const opdQuery = (bulan: string) =>
  queryOptions({
    queryKey: [...KEY, 'opd', bulan],
    queryFn: () => api<KepatuhanOpdOut>(`/api/kepatuhan-harian/opd?bulan=${bulan}`),
  });

/** The employees of a scope by name, a page of 50 at a time ("Muat lagi"). */
export const pegawaiListQuery = (bulan: string, opdId: number | undefined) =>
  infiniteQueryOptions({
    queryKey: [...KEY, 'pegawai', bulan, opdId ?? null],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<KepatuhanPegawaiListOut>(
        `/api/kepatuhan-harian/pegawai?bulan=${bulan}&limit=50` +
          (opdId === undefined ? '' : `&opdId=${opdId}`) +
          (pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });

export const kalenderQuery = (id: number, bulan: string) =>
  queryOptions({
    queryKey: [...KEY, 'kalender', id, bulan],
    queryFn: () => api<KalenderKepatuhanOut>(`/api/kepatuhan-harian/pegawai/${id}?bulan=${bulan}`),
  });
