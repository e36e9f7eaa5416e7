import { Stack, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { CariPegawai } from '../features/pegawai/CariPegawai';
import { canBrowseOrg, useMe } from '../lib/session';

export function PegawaiPage() {
  const me = useMe();
  if (!canBrowseOrg(me)) return <Forbidden />;
  return (
    <Stack>
      <Title order={2}>Pegawai</Title>
      <CariPegawai />
    </Stack>
  );
}
