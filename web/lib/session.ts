/** The logged-in user (GET /api/me), shared through TanStack Query. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeResponse } from '../../src/contracts/pegawai';
import { ApiError, api } from './api';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<MeResponse | null> => {
    try {
      return await api<MeResponse>('/api/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery).data ?? null;
}

export function isAdmin(me: MeResponse | null): boolean {
  return !!me?.roles.some((r) => r.peran === 'ADMIN_INSTANSI' || r.peran === 'ADMIN_OPD');
}

export function isTimPenilai(me: MeResponse | null): boolean {
  return !!me?.roles.some((r) => r.peran === 'TIM_PENILAI');
}

export function canBrowseOrg(me: MeResponse | null): boolean {
  return isAdmin(me) || isTimPenilai(me);
}

export function isBkd(me: MeResponse | null): boolean {
  return !!me?.roles.some((r) => r.peran === 'ADMIN_INSTANSI');
}

/**
 * The account must be put in order first (a temporary password, or an authenticator the instansi
 * requires and this account has not enrolled): only the own-account pages work.
 */
export function akunTerbatas(me: MeResponse | null): boolean {
  return !!me?.mustChangePassword || !!me?.mfa.mustEnrol;
}

/** The pages a restricted account may open: they use only the own-account routes. */
export const HALAMAN_AKUN = ['/ganti-kata-sandi', '/keamanan'];

/** Where a restricted account is sent first, or null when it may go anywhere. */
export function halamanWajib(me: { mustChangePassword: boolean; mustEnrolMfa: boolean }): string | null {
  if (me.mustChangePassword) return '/ganti-kata-sandi';
  if (me.mustEnrolMfa) return '/keamanan';
  return null;
}
