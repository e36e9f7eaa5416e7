import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { SkpDetail } from '../../src/contracts/skp';
import { STATUS_SKP_LABEL } from '../../src/domain/skp-workflow';
import { CakupanSkp } from '../features/cascading/CakupanSkp';
import { MatriksPeranHasil } from '../features/cascading/MatriksPeranHasil';
import { api } from '../lib/api';
import { ISTILAH_CASCADING } from '../lib/istilah';
import { useMe } from '../lib/session';

export function MatriksPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const skpId = Number(id);
  const me = useMe();
  // Same key as the SKP page, so coming from there costs no request.
  const skp = useQuery({
    queryKey: ['skp', 'detail', skpId],
    queryFn: () => api<SkpDetail>(`/api/skp/${skpId}`),
  });
  return (
    <Stack>
      <Anchor component={Link} to={`/skp/${skpId}`} size="sm">
        ← Kembali ke SKP
      </Anchor>
      <div>
        <Title order={2}>{ISTILAH_CASCADING.matriksPeranHasil}</Title>
        {skp.data && (
          <Text size="sm">
            SKP {skp.data.tahun} · {skp.data.pegawaiNama} · {skp.data.jabatanNama} ·{' '}
            {STATUS_SKP_LABEL[skp.data.status]}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          Bagi habis rencana hasil kerja kepada bawahan langsung: setiap sel berisi hasil kerja bawahan yang
          mengintervensi RHK pada kolomnya.
        </Text>
      </div>
      <CakupanSkp skpId={skpId} />
      <MatriksPeranHasil skpId={skpId} bolehIsi={!!me && skp.data?.pegawaiId === me.id} />
    </Stack>
  );
}
