import { Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Forbidden } from '../components/Status';
import { CakupanInstansi, type CakupanSearch } from '../features/cascading/CakupanInstansi';
import { ISTILAH_CASCADING } from '../lib/istilah';
import { canBrowseOrg, useMe } from '../lib/session';

export function CakupanPage() {
  const me = useMe();
  const search = useSearch({ strict: false }) as Partial<CakupanSearch>;
  const navigate = useNavigate();
  if (!canBrowseOrg(me)) return <Forbidden />;
  const value = { tahun: search.tahun ?? new Date().getFullYear(), unorId: search.unorId };
  return (
    <Stack>
      <div>
        <Title order={2}>{ISTILAH_CASCADING.dibagiHabis}</Title>
        <Text size="sm" c="dimmed">
          Apakah target dibagi habis dari pimpinan ke bawahan: setiap IKI pimpinan dipikul bawahan dan setiap
          RHK utama bawahan mengintervensi RHK atasannya.
        </Text>
      </div>
      <CakupanInstansi search={value} onSearch={(s) => navigate({ to: '/cakupan', search: s })} />
    </Stack>
  );
}
