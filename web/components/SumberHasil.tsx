/** The source of a periodic or annual result, said only when it is not this application (ADR 0015). */
import { Text } from '@mantine/core';
import { SUMBER_PENILAIAN_LABEL, type SumberPenilaian } from '../../src/domain/predikat';

export function SumberHasil({ sumber }: { sumber: SumberPenilaian }) {
  if (sumber === 'LOKAL') return null;
  return (
    <Text size="xs" c="dimmed">
      Sumber: {SUMBER_PENILAIAN_LABEL[sumber]}
    </Text>
  );
}
