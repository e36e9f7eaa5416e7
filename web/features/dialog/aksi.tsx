/**
 * The dialog writes: each refreshes every dialog view; an error keeps the server's Indonesian message,
 * and a 409 (changed meanwhile, already done or rated) offers "Muat ulang".
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { segarkanDialog } from './api';

export function useDialogAksi() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(call: () => Promise<T>, berhasil: string): Promise<T | null> {
    setError(null);
    setBusy(true);
    try {
      const out = await call();
      await segarkanDialog(queryClient);
      notifications.show({ color: 'teal', message: berhasil });
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
    await segarkanDialog(queryClient);
  }

  return { error, busy, run, muatUlang, clear: () => setError(null) };
}

export function GalatDialog({ aksi }: { aksi: ReturnType<typeof useDialogAksi> }) {
  const { error } = aksi;
  if (!error) return null;
  return (
    <Alert
      color="red"
      role="alert"
      title={error.code === 'VERSION_CONFLICT' ? 'Data sudah berubah' : undefined}
    >
      <Stack gap="xs">
        <Text size="sm">{error.message}</Text>
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
