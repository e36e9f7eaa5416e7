/** A figure on a card: label, value (numbers in Indonesian format), an optional note and colour. */
import { Card, Text } from '@mantine/core';

export function KartuAngka({
  label,
  nilai,
  keterangan,
  warna,
}: {
  label: string;
  nilai: string | number;
  keterangan?: string;
  warna?: string;
}) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={warna}>
        {typeof nilai === 'number' ? nilai.toLocaleString('id-ID') : nilai}
      </Text>
      {keterangan && (
        <Text size="xs" c="dimmed">
          {keterangan}
        </Text>
      )}
    </Card>
  );
}
