/** Dialog kinerja calls and query keys; every write refreshes all dialog views and the bell. */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { DialogOut, DialogPage, RhkPilihanOut } from '../../../src/contracts/dialog';
import { api } from '../../lib/api';
import { NOTIFIKASI_KEY } from '../notifikasi/notifikasi';

export type { DialogOut };
export type TindakLanjut = DialogOut['tindakLanjut'][number];

export const dialogKeys = {
  all: ['dialog'] as const,
  pegawai: (id: number) => ['dialog', 'pegawai', id] as const,
  dicatat: () => ['dialog', 'dicatat'] as const,
  detail: (id: number) => ['dialog', 'detail', id] as const,
  rhk: (pegawaiId: number, tahun: number) => ['dialog', 'rhk', pegawaiId, tahun] as const,
};

/** One page of a dialog list (`/api/dialog/pegawai/:id` or `/api/dialog/dicatat`). */
export function fetchHalaman(path: string, cursor: string | null) {
  const params = new URLSearchParams({ limit: '10' });
  if (cursor) params.set('cursor', cursor);
  return api<DialogPage>(`${path}?${params}`);
}

export const dialogDetailQuery = (id: number) =>
  queryOptions({ queryKey: dialogKeys.detail(id), queryFn: () => api<DialogOut>(`/api/dialog/${id}`) });

export const rhkPilihanQuery = (pegawaiId: number, tahun: number) =>
  queryOptions({
    queryKey: dialogKeys.rhk(pegawaiId, tahun),
    queryFn: () => api<RhkPilihanOut>(`/api/dialog/pegawai/${pegawaiId}/rhk?tahun=${tahun}`),
  });

export async function segarkanDialog(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: dialogKeys.all }),
    queryClient.invalidateQueries({ queryKey: NOTIFIKASI_KEY }),
  ]);
}
