/** Calls of the author's page of peer input. */
import { queryOptions } from '@tanstack/react-query';
import type { MasukanRekanSayaOut } from '../../../src/contracts/masukan-rekan';
import { api } from '../../lib/api';

export const masukanRekanKeys = { all: ['masukan-rekan'] as const };

export const masukanRekanSayaQuery = (periode: string) =>
  queryOptions({
    queryKey: [...masukanRekanKeys.all, periode],
    queryFn: () => api<MasukanRekanSayaOut>(`/api/masukan-rekan?periode=${encodeURIComponent(periode)}`),
  });

export const tulisMasukan = (body: { pegawaiId: number; periode: string; kode: string; teks: string }) =>
  api<MasukanRekanSayaOut>('/api/masukan-rekan', { method: 'POST', body });

export const hapusMasukan = (id: number, version: number) =>
  api<MasukanRekanSayaOut>(`/api/masukan-rekan/${id}?version=${version}`, { method: 'DELETE' });
