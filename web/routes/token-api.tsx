import { Stack, Text, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { TokenApi } from '../features/integrasi/TokenApi';
import { isBkd, useMe } from '../lib/session';

export function TokenApiPage() {
  if (!isBkd(useMe())) return <Forbidden />;
  return (
    <Stack maw={1000}>
      <Title order={2}>Token API</Title>
      <Text c="dimmed" size="sm">
        Token untuk sistem lain (presensi, SIMPEG, aplikasi keuangan) yang memakai API e-Kinerja versi 1.
        Setiap token hanya untuk instansi ini dan hanya membuka cakupan yang dipilih.
      </Text>
      <TokenApi />
    </Stack>
  );
}
