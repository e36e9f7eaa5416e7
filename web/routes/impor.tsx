import { Stack, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { ImporNasional } from '../features/impor/ImporNasional';
import { ImporPegawai } from '../features/impor/ImporPegawai';
import { isBkd, useMe } from '../lib/session';

export function ImporPage() {
  if (!isBkd(useMe())) return <Forbidden />;
  return (
    <Stack>
      <Title order={2}>Impor pegawai</Title>
      <ImporPegawai />
      <Title order={2}>Impor hasil penilaian nasional</Title>
      <ImporNasional />
    </Stack>
  );
}
