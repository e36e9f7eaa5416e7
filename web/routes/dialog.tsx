import { Stack, Text, Title } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { DialogKinerja } from '../features/dialog/DialogKinerja';

export function DialogPage() {
  const search = useSearch({ strict: false }) as { id?: number };
  return (
    <Stack>
      <div>
        <Title order={2}>Dialog Kinerja</Title>
        <Text size="sm" c="dimmed">
          Percakapan kinerja antara pimpinan dan pegawai: perencanaan, pemantauan, bimbingan, konseling dan
          evaluasi, dengan kesepakatan dan tindak lanjutnya.
        </Text>
      </div>
      <DialogKinerja dibuka={search.id} />
    </Stack>
  );
}
