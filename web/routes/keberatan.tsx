import { Stack, Text, Title } from '@mantine/core';
import { DaftarKeberatan } from '../features/evaluasi/DaftarKeberatan';
import { useMe } from '../lib/session';

export function KeberatanPage() {
  const me = useMe();
  return (
    <Stack>
      <div>
        <Title order={2}>Keberatan</Title>
        <Text size="sm" c="dimmed">
          Keberatan atas evaluasi kinerja tahunan diputus oleh atasan pejabat penilai setelah meminta
          keterangan kedua pihak; keputusannya bersifat final.
        </Text>
      </div>
      <DaftarKeberatan awal={me?.isAtasanPejabatPenilai ? 'PEMUTUS' : 'PEGAWAI'} />
    </Stack>
  );
}
