import { Stack, Text, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { BukaanJendela } from '../features/jadwal/BukaanJendela';
import { isAdmin, useMe } from '../lib/session';

export function JadwalBukaanPage() {
  const me = useMe();
  if (!isAdmin(me)) return <Forbidden />;
  return (
    <Stack>
      <div>
        <Title order={2}>Bukaan jendela</Title>
        <Text size="sm" c="dimmed">
          Buka jendela pengisian, penilaian atau perbaikan di luar jadwal untuk seorang pegawai atau sebuah
          unit, dengan alasan dan batas waktu. Admin OPD hanya untuk OPD-nya.
        </Text>
      </div>
      <BukaanJendela />
    </Stack>
  );
}
