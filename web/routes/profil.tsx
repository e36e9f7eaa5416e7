import { Stack, Title } from '@mantine/core';
import { ProfilPegawai } from '../features/pegawai/ProfilPegawai';
import { useMe } from '../lib/session';

export function ProfilPage() {
  const me = useMe();
  if (!me) return null;
  return (
    <Stack>
      <Title order={2}>Profil saya</Title>
      <ProfilPegawai pegawai={me} />
    </Stack>
  );
}
