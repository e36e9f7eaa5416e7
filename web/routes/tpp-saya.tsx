import { Stack, Text, Title } from '@mantine/core';
import { TppSaya } from '../features/tpp/TppSaya';

export function TppSayaPage() {
  return (
    <Stack>
      <div>
        <Title order={2}>TPP Saya</Title>
        <Text size="sm" c="dimmed">
          Tambahan penghasilan Anda per bulan dengan rincian perhitungannya: besaran kelas jabatan, faktor
          predikat kinerja, potongan kehadiran, dan penahanan bila SKP tahunan belum disetujui.
        </Text>
      </div>
      <TppSaya />
    </Stack>
  );
}
