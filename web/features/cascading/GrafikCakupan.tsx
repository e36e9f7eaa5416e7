/** % IKI lengkap per unit as horizontal bars (recharts: only on the lazily loaded Dibagi Habis page). */

import { formatPersen } from '../../../src/domain/angka';
import { useSumbuNama } from '../../components/SumbuNama';
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

export function GrafikCakupan({ unit }: { unit: { unorId: number; nama: string; persenLengkap: number }[] }) {
  const sumbu = useSumbuNama(190, 100);
  const data = unit.map((u) => ({ unit: u.nama, lengkap: u.persenLengkap }));
  return (
    <BarChart
      h={Math.max(160, 28 * data.length + 40)}
      data={data}
      dataKey="unit"
      orientation="vertical"
      series={[{ name: 'lengkap', label: 'IKI lengkap', color: 'teal.6' }]}
      valueFormatter={(v) => formatPersen(v)}
      xAxisProps={{ domain: [0, 100] }}
      yAxisProps={sumbu}
      getBarColor={(v) => (v >= 100 ? 'teal.6' : v >= 50 ? 'orange.5' : 'red.6')}
      gridAxis="x"
      maxBarWidth={18}
      role="img"
      aria-label="Grafik persentase IKI lengkap per unit"
    />
  );
}
