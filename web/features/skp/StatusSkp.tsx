/** Status of an SKP as a badge, with the red "Terlambat" badge beside it. */
import { Badge } from '@mantine/core';
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

export function TerlambatBadge() {
  return (
    <Badge color="red" variant="filled">
      {ISTILAH_SKP.terlambat}
    </Badge>
  );
}
