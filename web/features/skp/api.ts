/** SKP calls and query keys shared by the SKP pages. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SkpBawahanResponse, SkpDetail, SkpListResponse } from '../../../src/contracts/skp';
import { api } from '../../lib/api';

export type SkpListItem = z.infer<typeof SkpListResponse>['items'][number];
export type SkpBawahan = z.infer<typeof SkpBawahanResponse>;
export type Rhk = SkpDetail['rhk'][number];

export const skpKeys = {
  all: ['skp'] as const,
  saya: () => ['skp', 'saya'] as const,
  detail: (id: number) => ['skp', 'detail', id] as const,
  bawahan: (filter: object) => ['skp', 'bawahan', filter] as const,
};

export const skpSayaQuery = queryOptions({
  queryKey: skpKeys.saya(),
  queryFn: () => api<z.infer<typeof SkpListResponse>>('/api/skp'),
});

export const skpDetailQuery = (id: number) =>
  queryOptions({
    queryKey: skpKeys.detail(id),
    queryFn: () => api<SkpDetail>(`/api/skp/${id}`),
  });

/** The calendar year in the browser: the default of every year filter. */
export const tahunIni = () => new Date().getFullYear();

export function pilihanTahun(sekitar = tahunIni()) {
  return [sekitar + 1, sekitar, sekitar - 1, sekitar - 2].map(String);
}
