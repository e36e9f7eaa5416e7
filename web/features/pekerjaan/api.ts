/** Jobs the user started (ADR 0011): the list the tray polls, and starting one. */
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { PekerjaanList, PekerjaanOut } from '../../../src/contracts/pekerjaan';
import { api, post } from '../../lib/api';
import { selangTanya } from './kemajuan';

export type { PekerjaanOut };

export const pekerjaanKeys = { semua: ['pekerjaan'] as const };

export const pekerjaanQuery = queryOptions({
  queryKey: pekerjaanKeys.semua,
  queryFn: () => api<PekerjaanList>('/api/pekerjaan'),
  refetchInterval: (query) => selangTanya(query.state.data?.items ?? [], Date.now()),
  // A phone returning to the tab learns at once what ended meanwhile.
  refetchOnWindowFocus: true,
});

/** Makes the tray show and poll a job a route has just started (answered 202 with it). */
export function useTampilkanPekerjaan() {
  const queryClient = useQueryClient();
  return async (p: PekerjaanOut) => {
    // Seen running before the next answer, so the tray announces its end even when that is quick.
    queryClient.setQueryData<PekerjaanList>(pekerjaanKeys.semua, (lama) => ({
      items: [p, ...(lama?.items ?? []).filter((x) => x.id !== p.id)],
    }));
    await queryClient.invalidateQueries({ queryKey: pekerjaanKeys.semua });
    return p;
  };
}

/** Starts a job by a POST without body, and shows it in the tray. */
export function useMulaiPekerjaan() {
  const tampilkan = useTampilkanPekerjaan();
  return async (path: string) => tampilkan(await post<PekerjaanOut>(path));
}
