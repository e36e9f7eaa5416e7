import { Stack, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { LogAudit } from '../features/audit/LogAudit';
import { isAdmin, useMe } from '../lib/session';

export function AuditPage() {
  if (!isAdmin(useMe())) return <Forbidden />;
  return (
    <Stack>
      <Title order={2}>Log audit</Title>
      <LogAudit />
    </Stack>
  );
}
