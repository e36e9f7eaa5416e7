/**
 * Who must enter an authenticator code after the password, per role group (issue 12). The server
 * refuses a rule stricter for ordinary staff than for admins and assessors; the form says so first.
 * Saved with the version read (409 when someone else saved first).
 */
import { Alert, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { PengaturanOut } from '../../../src/contracts/pengaturan';
import {
  ATURAN_MFA,
  ATURAN_MFA_LABEL,
  type AturanMfa,
  KELOMPOK_MFA,
  KELOMPOK_MFA_LABEL,
  type KebijakanMfa,
  masalahKebijakanMfa,
} from '../../../src/domain/mfa';
import { GalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { KEY_PENGATURAN, useSimpanPengaturan } from './simpanPengaturan';

function Formulir({ awal }: { awal: PengaturanOut }) {
  const [kebijakan, setKebijakan] = useState<KebijakanMfa>(awal.kebijakanMfa);
  const {
    simpan: simpanPengaturan,
    error,
    busy,
  } = useSimpanPengaturan(awal, 'Kebijakan kode autentikator tersimpan.');
  useEffect(() => setKebijakan(awal.kebijakanMfa), [awal]);

  const masalah = masalahKebijakanMfa(kebijakan);
  const berubah = JSON.stringify(kebijakan) !== JSON.stringify(awal.kebijakanMfa);

  const simpan = () => simpanPengaturan({ kebijakanMfa: kebijakan });

  return (
    <Card withBorder>
      <Stack gap="sm" aria-label="Kode autentikator">
        <Text fw={600}>Kode autentikator (verifikasi dua langkah)</Text>
        <Text size="sm" c="dimmed">
          Bila wajib, pegawai pada kelompok itu memasukkan kode dari aplikasi autentikator setelah kata sandi,
          dan yang belum mendaftar diarahkan untuk mendaftar dulu. Pegawai yang termasuk beberapa kelompok
          mengikuti aturan yang paling ketat. Ponsel yang hilang direset oleh admin dari halaman pegawai.
        </Text>
        {KELOMPOK_MFA.map((k) => (
          <Group key={k} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" id={`mfa-${k}`}>
              {KELOMPOK_MFA_LABEL[k]}
            </Text>
            <SegmentedControl
              aria-labelledby={`mfa-${k}`}
              data={ATURAN_MFA.map((a) => ({ value: a, label: ATURAN_MFA_LABEL[a] }))}
              value={kebijakan[k]}
              onChange={(v) => setKebijakan((s) => ({ ...s, [k]: v as AturanMfa }))}
            />
          </Group>
        ))}
        {masalah && (
          <Alert color="orange" role="alert">
            {masalah}
          </Alert>
        )}
        {error && <GalatForm key={error}>{error}</GalatForm>}
        <Group>
          <Button loading={busy} disabled={!berubah || !!masalah} onClick={simpan}>
            Simpan kebijakan
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function PengaturanMfa() {
  const query = useQuery({ queryKey: KEY_PENGATURAN, queryFn: () => api<PengaturanOut>('/api/pengaturan') });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return <Formulir awal={query.data} />;
}
