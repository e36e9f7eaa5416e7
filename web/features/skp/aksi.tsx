/**
 * One place for the SKP writes: each returns the fresh SkpDetail, which replaces the cached one; a
 * 409 (VERSION_CONFLICT, or a status changed meanwhile) offers "Muat ulang", a 422 lists the server's temuan;
 * `galatDi(path)` is the server's error of one field, for the form to mark it (as useGalatForm).
 */
import { Button, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SkpDetail } from '../../../src/contracts/skp';
import { GalatForm } from '../../components/GalatForm';
import { ApiError } from '../../lib/api';
import { galatField, pesanGalat } from '../../lib/galatForm';
import { skpKeys } from './api';

export function useSkpAksi(id: number) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(call: () => Promise<SkpDetail>, berhasil: string): Promise<SkpDetail | null> {
    setError(null);
    setBusy(true);
    try {
      const skp = await call();
      queryClient.setQueryData(skpKeys.detail(skp.id), skp);
      void queryClient.invalidateQueries({ queryKey: skpKeys.saya() });
      void queryClient.invalidateQueries({ queryKey: ['skp', 'bawahan'] });
      notifications.show({ color: 'teal', message: berhasil });
      return skp;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', 'Gagal menyimpan.'));
      // The server's findings may have changed (422): show the current ones.
      if (e instanceof ApiError && e.status === 422)
        void queryClient.invalidateQueries({ queryKey: skpKeys.detail(id) });
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function muatUlang() {
    setError(null);
    await queryClient.invalidateQueries({ queryKey: skpKeys.detail(id) });
  }

  const fields = error ? galatField(error).fields : {};
  const galatDi = (field: string): string | undefined => fields[field];
  return { error, busy, run, muatUlang, galatDi, clear: () => setError(null) };
}

function temuanOf(details: unknown): string[] {
  const t = (details as { temuan?: { message?: unknown }[] } | undefined)?.temuan;
  return Array.isArray(t) ? t.map((x) => String(x?.message ?? '')).filter(Boolean) : [];
}

export function GalatAksi({ aksi }: { aksi: ReturnType<typeof useSkpAksi> }) {
  const { error } = aksi;
  if (!error) return null;
  const temuan = temuanOf(error.details);
  return (
    <GalatForm
      key={`${error.code}:${error.message}`}
      title={error.code === 'VERSION_CONFLICT' ? 'Data sudah berubah' : undefined}
    >
      <Stack gap="xs">
        <Text size="sm">{pesanGalat(error)}</Text>
        {temuan.length > 0 && (
          <List size="sm">
            {temuan.map((t) => (
              <List.Item key={t}>{t}</List.Item>
            ))}
          </List>
        )}
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
