import { Stack, Title } from '@mantine/core';
import { DaftarNotifikasi } from '../features/notifikasi/DaftarNotifikasi';

export function NotifikasiPage() {
  return (
    <Stack>
      <Title order={2}>Notifikasi</Title>
      <DaftarNotifikasi />
    </Stack>
  );
}
