import { Stack, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { PengaturanInstansi } from '../features/pengaturan/PengaturanInstansi';
import { PengaturanKepatuhanHarian } from '../features/pengaturan/PengaturanKepatuhanHarian';
import { PengaturanKurva } from '../features/pengaturan/PengaturanKurva';
import { PengaturanMfa } from '../features/pengaturan/PengaturanMfa';
import { PengaturanProgresHarian } from '../features/pengaturan/PengaturanProgresHarian';
import { PengaturanSso } from '../features/pengaturan/PengaturanSso';
import { ISTILAH_CASCADING } from '../lib/istilah';
import { isBkd, useMe } from '../lib/session';

export function PengaturanPage() {
  if (!isBkd(useMe())) return <Forbidden />;
  return (
    <Stack maw={720}>
      <Title order={2}>{ISTILAH_CASCADING.pengaturanInstansi}</Title>
      <PengaturanInstansi />
      <PengaturanKurva />
      <PengaturanProgresHarian />
      <PengaturanKepatuhanHarian />
      <PengaturanMfa />
      <PengaturanSso />
    </Stack>
  );
}
