/** Realisasi calls and query keys shared by "Realisasi Saya" and "Penilaian Bawahan". */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { JadwalOut } from '../../../src/contracts/jadwal';
import type {
  AjukanOut,
  BawahanRealisasiOut,
  BuktiDukungOut,
  RealisasiBulanOut,
  RealisasiOut,
} from '../../../src/contracts/realisasi';
import { api } from '../../lib/api';

export type { BuktiDukungOut, RealisasiBulanOut, RealisasiOut };
export type ItemRealisasi = RealisasiBulanOut['items'][number];
export type Jendela = RealisasiBulanOut['jendela'][number];
export type BawahanRealisasi = z.infer<typeof BawahanRealisasiOut>;
export type Ajukan = z.infer<typeof AjukanOut>;

export const realisasiKeys = {
  all: ['realisasi'] as const,
  saya: (periode: string) => ['realisasi', 'saya', periode] as const,
  pegawai: (id: number, periode: string) => ['realisasi', 'pegawai', id, periode] as const,
  bawahan: (periode: string) => ['realisasi', 'bawahan', periode] as const,
};

export const jadwalQuery = queryOptions({
  queryKey: ['jadwal'],
  queryFn: () => api<JadwalOut>('/api/jadwal'),
  staleTime: 60_000,
});

export const realisasiSayaQuery = (periode: string) =>
  queryOptions({
    queryKey: realisasiKeys.saya(periode),
    queryFn: () => api<RealisasiBulanOut>(`/api/realisasi?periode=${encodeURIComponent(periode)}`),
  });

export const realisasiPegawaiQuery = (id: number, periode: string) =>
  queryOptions({
    queryKey: realisasiKeys.pegawai(id, periode),
    queryFn: () =>
      api<RealisasiBulanOut>(`/api/realisasi/pegawai/${id}?periode=${encodeURIComponent(periode)}`),
  });

export const bawahanRealisasiQuery = (periode: string) =>
  queryOptions({
    queryKey: realisasiKeys.bawahan(periode),
    queryFn: () => api<BawahanRealisasi>(`/api/realisasi/bawahan?periode=${encodeURIComponent(periode)}`),
  });

export const berkasUrl = (realisasiId: number, buktiId: number) =>
  `/api/realisasi/${realisasiId}/berkas/${buktiId}`;

/** After any write: the month views and the assessor's list all read the same rows. */
export const segarkanRealisasi = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: realisasiKeys.all });
