import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { PegawaiDetail } from '../../src/contracts/pegawai';
import { ErrorView, Loading } from '../components/Status';
import { KelolaPegawai } from '../features/pegawai/KelolaPegawai';
import { ProfilPegawai } from '../features/pegawai/ProfilPegawai';
import { api } from '../lib/api';

export function PegawaiDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const query = useQuery({
    queryKey: ['pegawai', Number(id)],
    queryFn: () => api<PegawaiDetail>(`/api/pegawai/${id}`),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return (
    <Stack>
      <Title order={2}>Detail pegawai</Title>
      <ProfilPegawai pegawai={query.data} />
      {query.data.can.manage && <KelolaPegawai pegawai={query.data} />}
    </Stack>
  );
}
