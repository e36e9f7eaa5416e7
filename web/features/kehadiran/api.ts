/** Calls and cache keys of the attendance pages. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DaftarLiburOut, JamKerjaOut, KehadiranBulanOut } from '../../../src/contracts/kehadiran';
import { api } from '../../lib/api';

export const KEHADIRAN = ['kehadiran'] as const;

export const TEMPLAT_URL = '/api/kehadiran/templat';
export const IMPOR_URL = '/api/kehadiran/impor';

export const liburQuery = (tahun: number) =>
  queryOptions({
    queryKey: [...KEHADIRAN, 'libur', tahun],
    queryFn: () => api<z.infer<typeof DaftarLiburOut>>(`/api/kehadiran/libur?tahun=${tahun}`),
  });

export const jamKerjaQuery = queryOptions({
  queryKey: [...KEHADIRAN, 'jam-kerja'],
  queryFn: () => api<z.infer<typeof JamKerjaOut>>('/api/kehadiran/jam-kerja'),
});

export const bulanQuery = (pegawaiId: number, bulan: string) =>
  queryOptions({
    queryKey: [...KEHADIRAN, 'pegawai', pegawaiId, bulan],
    queryFn: () => api<KehadiranBulanOut>(`/api/kehadiran/pegawai/${pegawaiId}?bulan=${bulan}`),
  });
