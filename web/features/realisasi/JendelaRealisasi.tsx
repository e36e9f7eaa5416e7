/** The period's three windows (input, assessment, correction) with their dates and state now. */
import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { TenggatBadge } from '../inbox/TenggatBadge';
import type { Jendela } from './api';
import { formatRentangTanggal } from './format';

const STATUS: Record<Jendela['status'], { label: string; warna: string }> = {
  BELUM_DIBUKA: { label: 'Belum dibuka', warna: 'gray' },
  DIBUKA: { label: 'Dibuka', warna: 'teal' },
  DITUTUP: { label: 'Ditutup', warna: 'red' },
};

/**
 * `izin` already counts the admin's exceptions for the employee; `milikSaya` words them for the
 * employee or for the assessor; the countdown is the server's, as in the inbox.
 */
export function JendelaRealisasi({
  jendela,
  zona,
  milikSaya,
}: {
  jendela: Jendela[];
  zona: string | null;
  milikSaya: boolean;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" role="list" aria-label="Jadwal periode">
      {jendela.map((j) => {
        const khusus = j.izin && j.status !== 'DIBUKA';
        const s = khusus
          ? { label: milikSaya ? 'Dibuka khusus untuk Anda' : 'Dibuka khusus', warna: 'grape' }
          : STATUS[j.status];
        return (
          <Paper key={j.jenis} withBorder p="xs" role="listitem" aria-label={j.label}>
            <Group justify="space-between" gap={4} wrap="wrap">
              <Text size="sm" fw={600}>
                {j.label}
              </Text>
              <Badge color={s.warna} variant="light">
                {s.label}
              </Badge>
            </Group>
            <Text size="sm">
              {formatRentangTanggal(j.tanggalMulai, j.tanggalAkhir)}
              {zona ? ` (${zona})` : ''}
            </Text>
            {/* The inbox's own countdown, counted by the server in the instansi's zone. */}
            {j.status !== 'DITUTUP' && !khusus && zona && (
              <div>
                <TenggatBadge tenggat={j.tenggat} zona={zona} />
              </div>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
