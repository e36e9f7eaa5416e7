/**
 * A feature's writes: each refreshes the feature's views (`segarkan`); an error keeps the server's
 * Indonesian message, and a 409 (changed meanwhile, locked, already done) offers "Muat ulang".
 */
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { GalatForm } from '../components/GalatForm';
import { ApiError } from './api';
import { pesanGalat } from './galatForm';

export function useAksi(segarkan: (queryClient: QueryClient) => Promise<unknown>) {
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
      const out = await call();
      await segarkan(queryClient);
      notifications.show({ color: 'teal', message: typeof berhasil === 'string' ? berhasil : berhasil(out) });
      return out;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', 'Gagal menyimpan.'));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function muatUlang() {
    setError(null);
    await segarkan(queryClient);
  }

  return { error, busy, run, muatUlang, setError, clear: () => setError(null) };
}

export type Aksi = ReturnType<typeof useAksi>;

export function GalatAksi({ aksi }: { aksi: Aksi }) {
  const { error } = aksi;
  if (!error) return null;
  return (
    <GalatForm
      key={`${error.code}:${error.message}`}
      title={error.code === 'VERSION_CONFLICT' ? 'Data sudah berubah' : undefined}
    >
      <Stack gap="xs">
        <Text size="sm">{pesanGalat(error)}</Text>
        {error.status === 409 && (
          <div>
            <Button size="xs" variant="white" color="red" onClick={aksi.muatUlang}>
              Muat ulang
            </Button>
          </div>
        )}
      </Stack>
    </GalatForm>
  );
}
