/** A deadline as the server counted it: "3 hari lagi", "berakhir hari ini", "terlambat 2 hari". */
import { Badge, Group, Text } from '@mantine/core';
import type { Tenggat } from '../../../src/contracts/kotak-masuk';
import { labelTanggal } from '../../../src/domain/tenggat';

const WARNA: Record<Tenggat['status'], string> = {
  BELUM_DIBUKA: 'gray',
  BERJALAN: 'teal',
  HARI_INI: 'orange',
  TERLAMBAT: 'red',
};

export function TenggatBadge({ tenggat, zona }: { tenggat: Tenggat; zona: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={WARNA[tenggat.status]} variant={tenggat.status === 'TERLAMBAT' ? 'filled' : 'light'}>
        {tenggat.label}
      </Badge>
      <Text size="xs" c="dimmed">
        batas {labelTanggal(tenggat.tanggalAkhir)} ({zona})
      </Text>
    </Group>
  );
}
