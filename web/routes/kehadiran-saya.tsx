import { Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { Loading } from '../components/Status';
import { KehadiranBulan } from '../features/kehadiran/KehadiranBulan';
import { bulanIni, PilihBulan } from '../features/kehadiran/PilihBulan';
import { useMe } from '../lib/session';

/** The employee's own attendance, month by month. */
export function KehadiranSayaPage() {
  const me = useMe();
  const [bulan, setBulan] = useState(bulanIni);
  if (!me) return <Loading />;
  return (
    <Stack maw={900}>
      <Group justify="space-between" align="end">
        <Title order={2}>Kehadiran Saya</Title>
        <PilihBulan value={bulan} onChange={setBulan} />
      </Group>
      <KehadiranBulan pegawaiId={me.id} bulan={bulan} />
    </Stack>
  );
}
