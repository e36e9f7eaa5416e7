import { Stack, Tabs, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { ImporKehadiran } from '../features/kehadiran/ImporKehadiran';
import { JamKerjaForm } from '../features/kehadiran/JamKerjaForm';
import { KalenderLibur } from '../features/kehadiran/KalenderLibur';
import { isAdmin, isBkd, useMe } from '../lib/session';

/** Attendance administration: import (BKD, OPD admins), holidays and working hours (edited by the BKD). */
export function KehadiranPage() {
  const me = useMe();
  if (!isAdmin(me)) return <Forbidden />;
  const bkd = isBkd(me);
  return (
    <Stack maw={900}>
      <Title order={2}>Kehadiran</Title>
      <Tabs defaultValue="impor" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="impor">Impor kehadiran</Tabs.Tab>
          <Tabs.Tab value="libur">Hari libur</Tabs.Tab>
          <Tabs.Tab value="jam">Jam kerja</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="impor" pt="md">
          <ImporKehadiran />
        </Tabs.Panel>
        <Tabs.Panel value="libur" pt="md">
          <KalenderLibur bolehUbah={bkd} />
        </Tabs.Panel>
        <Tabs.Panel value="jam" pt="md">
          <JamKerjaForm bolehUbah={bkd} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
