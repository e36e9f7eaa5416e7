/** Status of an SKP as a badge, with the red "Terlambat" badge and its reason beside it. */
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { StatusSkp } from '../../../src/domain/skp-workflow';
import { ISTILAH_SKP, STATUS_SKP_LABEL } from '../../lib/istilah';

const WARNA: Record<StatusSkp, string> = {
  DRAFT: 'gray',
  DIAJUKAN: 'blue',
  DISETUJUI: 'teal',
  DIKEMBALIKAN: 'orange',
};

export function StatusSkpBadge({ status }: { status: StatusSkp | null }) {
  if (!status)
    return (
      <Badge color="gray" variant="outline">
        {ISTILAH_SKP.belumAda}
      </Badge>
    );
  return (
    <Badge color={WARNA[status]} variant="light">
      {STATUS_SKP_LABEL[status]}
    </Badge>
  );
}

/**
 * Late against the plan's deadline: the badge and, beside it, the approval date and the deadline it
 * missed (dates in the instansi's zone, the ones the server judged), so it is never unexplained.
 */
export function TerlambatBadge({ keterangan }: { keterangan: string }) {
  return (
    <Group gap={4} data-testid="terlambat">
      <Tooltip label={keterangan}>
        <Badge color="red" variant="filled">
          {ISTILAH_SKP.terlambat}
        </Badge>
      </Tooltip>
      <Text size="xs" c="red.8">
        {keterangan}
      </Text>
    </Group>
  );
}
