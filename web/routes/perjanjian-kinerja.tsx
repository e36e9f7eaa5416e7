import { Stack, Text, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { PerjanjianKinerja } from '../features/pk/PerjanjianKinerja';
import { ISTILAH_CASCADING } from '../lib/istilah';
import { isAdmin, useMe } from '../lib/session';

export function PerjanjianKinerjaPage() {
  if (!isAdmin(useMe())) return <Forbidden />;
  return (
    <Stack>
      <div>
        <Title order={2}>{ISTILAH_CASCADING.perjanjianKinerja}</Title>
        <Text size="sm" c="dimmed">
          Sasaran strategis unit dan indikatornya; RHK pimpinan tinggi diturunkan dari sini.
        </Text>
      </div>
      <PerjanjianKinerja />
    </Stack>
  );
}
