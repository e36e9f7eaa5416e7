import { Stack, Title } from '@mantine/core';
import { SkpBawahan } from '../features/skp/SkpBawahan';

export function SkpBawahanPage() {
  return (
    <Stack>
      <Title order={2}>SKP Bawahan</Title>
      <SkpBawahan />
    </Stack>
  );
}
