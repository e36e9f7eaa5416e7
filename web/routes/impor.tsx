import { Stack, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { ImporPegawai } from '../features/impor/ImporPegawai';
import { isBkd, useMe } from '../lib/session';

export function ImporPage() {
  if (!isBkd(useMe())) return <Forbidden />;
  return (
    <Stack>
      <Title order={2}>Impor pegawai</Title>
      <ImporPegawai />
    </Stack>
  );
}
