import { Stack, Title } from '@mantine/core';
import { Forbidden } from '../components/Status';
import { StrukturOrganisasi } from '../features/org/StrukturOrganisasi';
import { canBrowseOrg, useMe } from '../lib/session';

export function OrganisasiPage() {
  if (!canBrowseOrg(useMe())) return <Forbidden />;
  return (
    <Stack>
      <Title order={2}>Struktur organisasi</Title>
      <StrukturOrganisasi />
    </Stack>
  );
}
