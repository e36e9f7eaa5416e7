import { Stack, Text, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { HalamanPppk } from '../features/pppk-paruh-waktu/HalamanPppk';
import { isAdmin, useMe } from '../lib/session';

export function PppkParuhWaktuPage() {
  const me = useMe();
  const penilai = !!me?.isPejabatPenilai;
  const admin = isAdmin(me);
  if (!penilai && !admin) return <Forbidden />;
  return (
    <Stack>
      <div>
        <Title order={2}>PPPK Paruh Waktu</Title>
        <Text size="sm" c="dimmed">
          Evaluasi kinerja triwulanan PPPK paruh waktu dari hasil penilaian periodiknya, untuk keputusan
          perpanjangan kontrak.
        </Text>
      </div>
      <HalamanPppk penilai={penilai} admin={admin} />
    </Stack>
  );
}
