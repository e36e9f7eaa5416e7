import { Anchor, Group, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { ProfilPegawai } from '../features/pegawai/ProfilPegawai';
import { useMe } from '../lib/session';

export function ProfilPage() {
  const me = useMe();
  if (!me) return null;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>Profil saya</Title>
        <Anchor component={Link} to="/keamanan" size="sm">
          Keamanan akun: autentikator dan sesi aktif
        </Anchor>
      </Group>
      <ProfilPegawai pegawai={me} />
    </Stack>
  );
}
