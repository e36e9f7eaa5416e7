import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Loading } from '../components/Status';
import { bulanIni, PilihBulan } from '../features/kehadiran/PilihBulan';
import { ProgresBulan } from '../features/progres-harian/ProgresBulan';
import { ProgresTim } from '../features/progres-harian/ProgresTim';
import { useMe } from '../lib/session';

/** The month in the address (`?bulan=`), today's when absent; choosing another one navigates. */
function useBulan(to: '/progres-harian' | '/progres-harian/tim') {
  const { bulan } = useSearch({ strict: false }) as { bulan?: string };
  const navigate = useNavigate();
  return [bulan ?? bulanIni(), (b: string) => navigate({ to, search: { bulan: b } })] as const;
}

/** The employee's own progres harian by day, with the assessor's comments. */
export function ProgresHarianSayaPage() {
  const me = useMe();
  const [bulan, setBulan] = useBulan('/progres-harian');
  if (!me) return <Loading />;
  return (
    <Stack maw={900}>
      <Group justify="space-between" align="end">
        <Title order={2}>Progres Harian Saya</Title>
        <PilihBulan value={bulan} onChange={setBulan} />
      </Group>
      <Text size="sm">
        Entri dicatat per RHK pada halaman{' '}
        <Anchor component={Link} to="/realisasi">
          Realisasi Saya
        </Anchor>
        ; realisasi bulanan adalah jumlah realisasi harian.{' '}
        <Anchor
          renderRoot={(props) => (
            <Link
              {...props}
              to="/monitoring/progres-harian/pegawai/$id"
              params={{ id: String(me.id) }}
              search={{ bulan }}
            />
          )}
        >
          Kepatuhan pengisian saya
        </Anchor>
      </Text>
      <ProgresBulan pegawaiId={me.id} bulan={bulan} tingkat={3} />
    </Stack>
  );
}

/** The assessor's team month at a glance. */
export function ProgresHarianTimPage() {
  const [bulan, setBulan] = useBulan('/progres-harian/tim');
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>Progres Harian Tim</Title>
        <PilihBulan value={bulan} onChange={setBulan} />
      </Group>
      <Anchor renderRoot={(props) => <Link {...props} to="/progres-harian/kepatuhan" search={{ bulan }} />}>
        Kepatuhan progres harian tim
      </Anchor>
      <ProgresTim bulan={bulan} />
    </Stack>
  );
}
