/** "TPP Saya": the employee's computed months, each with how it was computed. */
import { Accordion, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { labelPeriode, periodeOf } from '../../../src/domain/jadwal';
import { rupiah } from '../../../src/domain/tpp';
import { ErrorView, Loading } from '../../components/Status';
import { tppSayaQuery } from './api';
import { RincianTpp, StatusBulan } from './RincianTpp';

const namaBulan = (bulan: string) => labelPeriode(periodeOf(bulan, { periode: 'BULANAN' }));

export function TppSaya() {
  const query = useQuery(tppSayaQuery);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const { items } = query.data;
  if (items.length === 0) return <Text c="dimmed">Belum ada TPP yang dihitung untuk Anda.</Text>;
  return (
    <Accordion variant="separated" defaultValue={items[0]!.bulan}>
      {items.map((b) => (
        <Accordion.Item key={b.bulan} value={b.bulan}>
          <Accordion.Control>
            <Group justify="space-between" wrap="wrap" gap="xs" pr="sm">
              <Text fw={600}>{namaBulan(b.bulan)}</Text>
              <Group gap="xs">
                <StatusBulan status={b.status} />
                <Text>{rupiah(b.jumlah)}</Text>
              </Group>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <RincianTpp baris={b} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
