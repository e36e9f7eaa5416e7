/** Calls of the BKD's SIASN bridge page. */
import type {
  HasilKirimSiasn,
  PengaturanSiasnBody,
  PengaturanSiasnOut,
  PercobaanSiasnOut,
  PesanSiasnPage,
} from '../../../src/contracts/siasn';
import type { StatusPesanSiasn } from '../../../src/domain/siasn';
import { api, post, put } from '../../lib/api';

export type { PengaturanSiasnOut };

export const siasnKeys = {
  semua: ['siasn'] as const,
  pengaturan: ['siasn', 'pengaturan'] as const,
  pesan: (status: StatusPesanSiasn | null) => ['siasn', 'pesan', status] as const,
  percobaan: (id: number) => ['siasn', 'percobaan', id] as const,
};

export const pengaturanSiasn = () => api<PengaturanSiasnOut>('/api/siasn/pengaturan');

export const simpanPengaturanSiasn = (body: PengaturanSiasnBody) =>
  put<PengaturanSiasnOut>('/api/siasn/pengaturan', body);

export function daftarPesan(status: StatusPesanSiasn | null, cursor: string | null) {
  const params = new URLSearchParams({ limit: '50' });
  if (status) params.set('status', status);
  if (cursor) params.set('cursor', cursor);
  return api<PesanSiasnPage>(`/api/siasn/pesan?${params}`);
}

export const percobaanPesan = (id: number) => api<PercobaanSiasnOut>(`/api/siasn/pesan/${id}/percobaan`);

export const kirimUlang = (id: number, version: number) =>
  post<{ ok: true }>(`/api/siasn/pesan/${id}/kirim-ulang`, { version });

export const kirimSekarang = () => post<HasilKirimSiasn>('/api/siasn/kirim-sekarang');
