import { Alert, Stack, Title } from '@mantine/core';
import { Autentikator } from '../features/auth/Autentikator';
import { SesiAktif } from '../features/auth/SesiAktif';
import { useMe } from '../lib/session';

export function KeamananPage() {
  const me = useMe();
  if (!me) return null;
  return (
    <Stack maw={720}>
      <Title order={2}>Keamanan akun</Title>
      {me.mfa.mustEnrol && (
        <Alert color="orange" title="Daftarkan aplikasi autentikator">
          Instansi mewajibkan kode autentikator untuk akun Anda. Daftarkan aplikasi autentikator untuk
          melanjutkan ke halaman lain.
        </Alert>
      )}
      <Autentikator status={me.mfa} />
      <SesiAktif />
    </Stack>
  );
}
