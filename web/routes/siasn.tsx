import { Stack, Text, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { KirimanSiasn } from '../features/siasn/KirimanSiasn';
import { PengaturanSiasn } from '../features/siasn/PengaturanSiasn';
import { isBkd, useMe } from '../lib/session';

export function SiasnPage() {
  if (!isBkd(useMe())) return <Forbidden />;
  return (
    <Stack maw={1100}>
      <Title order={2}>Jembatan SIASN</Title>
      <Text c="dimmed" size="sm">
        Evaluasi kinerja periodik dan tahunan yang sudah final dikirim ke SIASN BKN, sehingga pegawai tidak
        mengetik dua kali. Tidak ada yang dikirim sebelum jembatan diaktifkan.
      </Text>
      <PengaturanSiasn />
      <KirimanSiasn />
    </Stack>
  );
}
