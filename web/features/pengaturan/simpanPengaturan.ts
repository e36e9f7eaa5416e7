/**
 * Saving one part of the instansi's settings: the rest of the row is sent back as it was read,
 * under its version, so a change made meanwhile by someone else answers 409 instead of being lost.
 */
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PengaturanOut } from '../../../src/contracts/pengaturan';
import { ApiError, put } from '../../lib/api';
import { pesanGalat } from '../../lib/galatForm';

export const KEY_PENGATURAN = ['pengaturan'] as const;

export function useSimpanPengaturan(awal: PengaturanOut, berhasil: string) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function simpan(isi: Partial<PengaturanOut>) {
    setBusy(true);
    setError(null);
    try {
      const res = await put<PengaturanOut>('/api/pengaturan', {
        version: awal.version,
        batasSkp: awal.batasSkp,
        cakupanMemblokir: awal.cakupanMemblokir,
        ...isi,
      });
      queryClient.setQueryData(KEY_PENGATURAN, res);
      notifications.show({ color: 'teal', message: berhasil });
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'VERSION_CONFLICT'
          ? 'Pengaturan telah diubah pengguna lain; muat ulang halaman lalu ulangi perubahan Anda.'
          : pesanGalat(err),
      );
    } finally {
      setBusy(false);
    }
  }
  return { simpan, error, busy };
}
