import { Stack, Text, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { DaftarTindakLanjut } from '../features/tindak-lanjut/DaftarTindakLanjut';
import { isBkd, isTimPenilai, useMe } from '../lib/session';

export function TindakLanjutPage() {
  const me = useMe();
  if (!isBkd(me) && !isTimPenilai(me)) return <Forbidden />;
  return (
    <Stack>
      <div>
        <Title order={2}>Tindak Lanjut Penilaian</Title>
        <Text size="sm" c="dimmed">
          Daftar pegawai menurut predikat kinerja akhir (setelah keberatan) dua tahun terakhir: usul kenaikan
          pangkat, talenta, dan tidak mencapai target berulang.
        </Text>
      </div>
      <DaftarTindakLanjut />
    </Stack>
  );
}
