import { Stack, Text, Title } from '@mantine/core';
import { KotakMasuk } from '../features/inbox/KotakMasuk';

export function KotakMasukPage() {
  return (
    <Stack>
      <div>
        <Title order={2}>Kotak Masuk</Title>
        <Text size="sm" c="dimmed">
          Yang menunggu Anda, yang paling mendesak lebih dulu; batas waktu menurut zona waktu instansi.
        </Text>
      </div>
      <KotakMasuk />
    </Stack>
  );
}
