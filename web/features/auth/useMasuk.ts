/** What every way of logging in does once a session is open: the CSRF token, a clean cache, the next page. */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { LoginSesi } from '../../../src/contracts/auth';
import { setCsrfToken } from '../../lib/api';
import { hapusCacheData } from '../../lib/luring/daring';
import { halamanWajib, meQuery } from '../../lib/session';

export type Sesi = (typeof LoginSesi)['_output'];

export function useMasuk(kembali: string | undefined) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (res: Sesi) => {
    setCsrfToken(res.csrfToken);
    // Reads cached for offline use belong to whoever was logged in before.
    await hapusCacheData();
    await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    await navigate({ to: halamanWajib(res.user) ?? kembali ?? '/' });
  };
}
