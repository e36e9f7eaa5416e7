/** Compliance per day of progres harian: per OPD, per employee of a scope, one employee's calendar. */
import { queryOptions } from '@tanstack/react-query';
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

export const pegawaiListQuery = (bulan: string, opdId: number | undefined) =>
  queryOptions({
    queryKey: [...KEY, 'pegawai', bulan, opdId ?? null],
    queryFn: () =>
      api<KepatuhanPegawaiListOut>(
        `/api/kepatuhan-harian/pegawai?bulan=${bulan}${opdId === undefined ? '' : `&opdId=${opdId}`}`,
      ),
  });

export const kalenderQuery = (id: number, bulan: string) =>
  queryOptions({
    queryKey: [...KEY, 'kalender', id, bulan],
    queryFn: () => api<KalenderKepatuhanOut>(`/api/kepatuhan-harian/pegawai/${id}?bulan=${bulan}`),
  });
