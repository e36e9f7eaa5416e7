/** % IKI lengkap per unit as horizontal bars (recharts: only on the lazily loaded Dibagi Habis page). */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useMediaQuery } from '@mantine/hooks';
import { formatPersen } from './format';

export function GrafikCakupan({ unit }: { unit: { unorId: number; nama: string; persenLengkap: number }[] }) {
  const ponsel = useMediaQuery('(max-width: 36em)');
  // Long unit names would wrap into each other: one line each, shortened.
  const maks = ponsel ? 16 : 30;
  const pendek = (s: string) => (s.length > maks ? `${s.slice(0, maks - 1)}…` : s);
  const data = unit.map((u) => ({ unit: pendek(u.nama), lengkap: u.persenLengkap }));
  return (
    <BarChart
      h={Math.max(160, 28 * data.length + 40)}
      data={data}
      dataKey="unit"
      orientation="vertical"
      series={[{ name: 'lengkap', label: 'IKI lengkap', color: 'teal.6' }]}
      valueFormatter={formatPersen}
      xAxisProps={{ domain: [0, 100] }}
      yAxisProps={{ width: ponsel ? 100 : 190, interval: 0, tick: { fontSize: 11 } }}
      getBarColor={(v) => (v >= 100 ? 'teal.6' : v >= 50 ? 'orange.5' : 'red.6')}
      gridAxis="x"
      maxBarWidth={18}
      role="img"
      aria-label="Grafik persentase IKI lengkap per unit"
    />
  );
}
