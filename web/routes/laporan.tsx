import { Stack, Text, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { UnduhLaporan } from '../features/laporan/UnduhLaporan';
import { isAdmin, useMe } from '../lib/session';

export function LaporanPage() {
  const me = useMe();
  if (!isAdmin(me)) return <Forbidden />;
  return (
    <Stack>
      <div>
        <Title order={2}>Laporan</Title>
        <Text size="sm" c="dimmed">
          Ekspor berformat aplikasi nasional untuk dilaporkan ke BKN: Laporan SKP dan Laporan Penilaian SKP.
        </Text>
      </div>
      <UnduhLaporan />
    </Stack>
  );
}
