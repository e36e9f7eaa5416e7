/**
 * One place for the realisasi writes: on success the month views and the assessor's list are
 * refreshed; an error keeps the server's Indonesian message. A 409 means the data or the status
 * changed meanwhile (or the window closed): the alert says so and offers "Muat ulang".
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { segarkanRealisasi } from './api';

export function useAksiRealisasi() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(
    call: () => Promise<T>,
    berhasil: string | ((hasil: T) => string),
  ): Promise<T | null> {
    setError(null);
    setBusy(true);
    try {
      const hasil = await call();
      await segarkanRealisasi(queryClient);
      notifications.show({
        color: 'teal',
        message: typeof berhasil === 'string' ? berhasil : berhasil(hasil),
      });
      return hasil;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', 'Gagal menyimpan.'));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function muatUlang() {
    setError(null);
    await segarkanRealisasi(queryClient);
  }

  return { error, busy, run, muatUlang, setError, clear: () => setError(null) };
}

export type AksiRealisasi = ReturnType<typeof useAksiRealisasi>;

const JUDUL: Record<string, string> = {
  VERSION_CONFLICT: 'Data sudah berubah',
  REALISASI_NOT_EDITABLE: 'Data sudah berubah',
  REALISASI_INVALID_TRANSITION: 'Data sudah berubah',
  WINDOW_CLOSED: 'Di luar jadwal',
  BERKAS_TERLALU_BESAR: 'Berkas terlalu besar',
  UNSUPPORTED_FILE: 'Jenis berkas tidak didukung',
};

export function GalatRealisasi({ aksi }: { aksi: Pick<AksiRealisasi, 'error' | 'muatUlang'> }) {
  const { error } = aksi;
  if (!error) return null;
  const berubah = error.status === 409 && error.code !== 'WINDOW_CLOSED' && error.code !== 'BERKAS_PENUH';
  return (
    <Alert color="red" role="alert" title={JUDUL[error.code]}>
      <Stack gap="xs">
        <Text size="sm">
          {error.message}
          {berubah
            ? ' Muat ulang untuk melihat data terbaru; perubahan yang belum disimpan akan hilang.'
            : ''}
        </Text>
        {error.status === 409 && (
          <div>
            <Button size="xs" variant="white" color="red" onClick={aksi.muatUlang}>
              Muat ulang
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
