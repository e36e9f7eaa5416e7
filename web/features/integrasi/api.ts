/** Calls of the BKD's API token page. */
import type {
  TokenApiBody,
  TokenApiDibuat,
  TokenApiItem,
  TokenApiPage,
} from '../../../src/contracts/integrasi';
import { api, post } from '../../lib/api';

export type { TokenApiItem };

export const tokenApiKeys = { semua: ['token-api'] as const };

export function daftarToken(cursor: string | null) {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api<TokenApiPage>(`/api/token-api?${params}`);
}

export const buatToken = (body: TokenApiBody) => post<TokenApiDibuat>('/api/token-api', body);

export const cabutToken = (id: number) => post<TokenApiItem>(`/api/token-api/${id}/cabut`);
