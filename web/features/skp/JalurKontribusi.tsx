/** "Lihat kontribusi": the chain from one RHK up to the unit's Perjanjian Kinerja (SPEC §4.3). */
import { Button, Modal, Text, Timeline } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { JalurResponse } from '../../../src/contracts/skp';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { ISTILAH_SKP } from '../../lib/istilah';

function Jalur({ skpId, rhkId }: { skpId: number; rhkId: number }) {
  const query = useQuery({
    queryKey: ['skp', 'jalur', skpId, rhkId],
    queryFn: () => api<z.infer<typeof JalurResponse>>(`/api/skp/${skpId}/rhk/${rhkId}/jalur`),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const { langkah, pk } = query.data;
  return (
    <Timeline
      active={pk ? langkah.length : langkah.length - 1}
      bulletSize={18}
      lineWidth={2}
      aria-label="Jalur kontribusi"
    >
      {langkah.map((l, i) => (
        <Timeline.Item key={l.rhkId} title={l.rencana}>
          <Text size="sm" c="dimmed">
            {i === 0 ? 'RHK ini' : 'Mendukung RHK'} · {l.pegawaiNama}, {l.jabatanNama} ({l.tahun})
          </Text>
        </Timeline.Item>
      ))}
      {pk ? (
        <Timeline.Item title={`${ISTILAH_SKP.perjanjianKinerja}: ${pk.sasaran}`} color="teal">
          <Text size="sm">Indikator: {pk.indikator}</Text>
          <Text size="sm" c="dimmed">
            {pk.unorNama} ({pk.tahun})
          </Text>
        </Timeline.Item>
      ) : (
        <Timeline.Item title="Belum tersambung ke Perjanjian Kinerja" color="gray">
          <Text size="sm" c="dimmed">
            Rantai berhenti sebelum mencapai Perjanjian Kinerja unit (RHK atasan belum diturunkan dari PK).
          </Text>
        </Timeline.Item>
      )}
    </Timeline>
  );
}

export function LihatKontribusi({ skpId, rhkId }: { skpId: number; rhkId: number }) {
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={open}>
        Lihat kontribusi
      </Button>
      <Modal opened={opened} onClose={close} title={ISTILAH_SKP.kontribusi} size="lg">
        {opened && <Jalur skpId={skpId} rhkId={rhkId} />}
      </Modal>
    </>
  );
}
