/** Dibagi-habis coverage of one leader plan (SPEC §4.3): per IKI status, orphaned RHKs, who is not approved. */

import { Badge, Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CakupanResponse } from '../../../src/contracts/skp';
import { formatPersen } from '../../../src/domain/angka';
import { STATUS_CAKUPAN_LABEL } from '../../../src/domain/cascading';
import { STATUS_SKP_LABEL } from '../../../src/domain/skp-workflow';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { ISTILAH_CASCADING, WARNA_STATUS_CAKUPAN } from '../../lib/istilah';
import { formatJumlah, formatTarget, warnaPersen } from './format';

type Cakupan = z.infer<typeof CakupanResponse>;
type IkiCakupan = Cakupan['iki'][number];

/** The IKIs grouped under their RHK, in the plan's order. */
function perRhk(iki: IkiCakupan[]) {
  const groups: { rhkId: number; rencana: string; iki: IkiCakupan[] }[] = [];
  for (const i of iki) {
    const last = groups.at(-1);
    if (last?.rhkId === i.rhkId) last.iki.push(i);
    else groups.push({ rhkId: i.rhkId, rencana: i.rencana, iki: [i] });
  }
  return groups;
}

export const cakupanSkpKey = (skpId: number) => ['skp', skpId, 'cakupan'] as const;

export function CakupanSkp({ skpId }: { skpId: number }) {
  const query = useQuery({
    queryKey: cakupanSkpKey(skpId),
    queryFn: () => api<Cakupan>(`/api/skp/${skpId}/cakupan`),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const c = query.data;
  return (
    <Card withBorder component="section" aria-labelledby="judul-cakupan">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h4" id="judul-cakupan">
            Cakupan dibagi habis
          </Title>
          <Text size="sm">{c.masalah === 0 ? 'Tidak ada masalah' : `${c.masalah} masalah terbuka`}</Text>
        </Group>
        <div>
          <Group justify="space-between" gap="xs">
            <Text size="sm">IKI lengkap</Text>
            <Text size="sm" fw={700}>
              {formatPersen(c.persenLengkap)}
            </Text>
          </Group>
          <Progress
            value={c.persenLengkap}
            color={warnaPersen(c.persenLengkap)}
            aria-label={`IKI lengkap ${formatPersen(c.persenLengkap)}`}
          />
        </div>
        {c.iki.length === 0 ? (
          <Text c="dimmed" size="sm">
            Rencana ini belum memiliki IKI.
          </Text>
        ) : (
          <Stack
            gap="sm"
            component="ol"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            aria-label="Cakupan per IKI"
          >
            {perRhk(c.iki).map((r, n) => (
              <li key={r.rhkId}>
                <Text size="sm" fw={600}>
                  <Text span size="xs" c="dimmed" fw={400}>
                    RHK {n + 1} ·{' '}
                  </Text>
                  {r.rencana}
                </Text>
                <Stack
                  gap={4}
                  mt={4}
                  pl="sm"
                  style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}
                >
                  {r.iki.map((i) => (
                    <Group key={i.ikiId} justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm">{i.indikator}</Text>
                        <Text size="xs" c="dimmed">
                          Target {formatTarget(i.target)}
                          {i.jumlah !== null && ` · bawahan ${formatJumlah(i.jumlah, i.target.satuan)}`}
                        </Text>
                      </div>
                      <Badge color={WARNA_STATUS_CAKUPAN[i.status]} variant="light" style={{ flex: 'none' }}>
                        {STATUS_CAKUPAN_LABEL[i.status]}
                      </Badge>
                    </Group>
                  ))}
                </Stack>
              </li>
            ))}
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text size="sm" fw={600}>
              {ISTILAH_CASCADING.rhkTanpaInduk} ({c.tanpaInduk.length})
            </Text>
            {c.tanpaInduk.length === 0 ? (
              <Text size="sm" c="dimmed">
                Semua RHK utama bawahan mengintervensi RHK Anda.
              </Text>
            ) : (
              <List size="sm" aria-label={ISTILAH_CASCADING.rhkTanpaInduk}>
                {c.tanpaInduk.map((r) => (
                  <List.Item key={r.rhkId}>
                    {r.rencana}{' '}
                    <Text span size="xs" c="dimmed">
                      — {r.pegawaiNama}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
          <div>
            <Text size="sm" fw={600}>
              Bawahan belum disetujui ({c.belumDisetujui.length})
            </Text>
            {c.belumDisetujui.length === 0 ? (
              <Text size="sm" c="dimmed">
                SKP semua bawahan langsung sudah disetujui.
              </Text>
            ) : (
              <List size="sm" aria-label="Bawahan belum disetujui">
                {c.belumDisetujui.map((b) => (
                  <List.Item key={b.pegawaiId}>
                    {b.namaLengkap}{' '}
                    <Text span size="xs" c="dimmed">
                      — {b.status ? STATUS_SKP_LABEL[b.status] : 'belum ada SKP'}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
