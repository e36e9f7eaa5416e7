import { Stack, Text, Title } from '@mantine/core';
import { TimPenilai } from '../features/evaluasi/TimPenilai';

export function TimPenilaiPage() {
  return (
    <Stack>
      <div>
        <Title order={2}>Tim Penilai Kinerja</Title>
        <Text size="sm" c="dimmed">
          Pegawai dengan predikat Butuh Perbaikan, Kurang/Misconduct atau Sangat Kurang di seluruh instansi,
          dan rekomendasi pembinaan yang dicatat tim penilai.
        </Text>
      </div>
      <TimPenilai />
    </Stack>
  );
}
