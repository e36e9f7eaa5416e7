import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { bulanIni, PilihBulan } from '../features/kehadiran/PilihBulan';
import { KalenderKepatuhan } from '../features/kepatuhan-harian/KalenderKepatuhan';
import { KepatuhanPerOpd, KepatuhanPerPegawai } from '../features/kepatuhan-harian/KepatuhanTabel';
import { useMonitoringInstansi } from '../features/monitoring/api';
import { useMe } from '../lib/session';

export interface KepatuhanSearch {
  bulan?: string;
  opdId?: number;
}

function Judul() {
  return (
    <div>
      <Title order={2}>Kepatuhan Progres Harian</Title>
      <Text size="sm" c="dimmed">
        Apakah progres harian setiap hari kerja diisi sebelum batas waktu yang ditetapkan instansi.
      </Text>
    </div>
  );
}

/** Per OPD of the reader's scope, or with `opdId` the employees of one OPD (an assessor: his team). */
export function KepatuhanHarianPage() {
  const search = useSearch({ strict: false }) as KepatuhanSearch;
  const navigate = useNavigate();
  const bulan = search.bulan ?? bulanIni();
  const ke = (b: string) =>
    navigate({
      to: '/monitoring/progres-harian',
      search: { bulan: b, ...(search.opdId && { opdId: search.opdId }) },
    });
  return (
    <Stack>
      <Judul />
      <Group justify="space-between" align="end">
        {search.opdId ? (
          <Anchor
            renderRoot={(props) => <Link {...props} to="/monitoring/progres-harian" search={{ bulan }} />}
          >
            ← Semua perangkat daerah
          </Anchor>
        ) : (
          <span />
        )}
        <PilihBulan value={bulan} onChange={ke} />
      </Group>
      {search.opdId ? (
        <KepatuhanPerPegawai key={search.opdId} bulan={bulan} opdId={search.opdId} />
      ) : (
        <KepatuhanPerOpd bulan={bulan} />
      )}
    </Stack>
  );
}

/** The assessor's team, one row per employee. */
export function KepatuhanHarianTimPage() {
  const search = useSearch({ strict: false }) as KepatuhanSearch;
  const navigate = useNavigate();
  const bulan = search.bulan ?? bulanIni();
  return (
    <Stack>
      <Judul />
      <Group justify="flex-end">
        <PilihBulan
          value={bulan}
          onChange={(b) => navigate({ to: '/progres-harian/kepatuhan', search: { bulan: b } })}
        />
      </Group>
      <KepatuhanPerPegawai bulan={bulan} opdId={undefined} />
    </Stack>
  );
}

/**
 * Back to where the reader came from: his own month, his team, or (an admin) the OPD list; each
 * goes only where the reader may look.
 */
function Kembali({ pegawaiId, bulan }: { pegawaiId: number; bulan: string }) {
  const me = useMe();
  const monitoringInstansi = useMonitoringInstansi(me);
  const [to, teks] =
    me?.id === pegawaiId
      ? (['/progres-harian', '← Progres Harian Saya'] as const)
      : monitoringInstansi
        ? (['/monitoring/progres-harian', '← Kepatuhan per perangkat daerah'] as const)
        : (['/progres-harian/kepatuhan', '← Kepatuhan tim'] as const);
  return <Anchor renderRoot={(props) => <Link {...props} to={to} search={{ bulan }} />}>{teks}</Anchor>;
}

/** One employee's calendar month. */
export function KalenderKepatuhanPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const search = useSearch({ strict: false }) as KepatuhanSearch;
  const navigate = useNavigate();
  const bulan = search.bulan ?? bulanIni();
  return (
    <Stack>
      <Judul />
      <Group justify="space-between" align="end">
        <Kembali pegawaiId={Number(id)} bulan={bulan} />
        <PilihBulan
          value={bulan}
          onChange={(b) =>
            navigate({ to: '/monitoring/progres-harian/pegawai/$id', params: { id }, search: { bulan: b } })
          }
        />
      </Group>
      <KalenderKepatuhan key={`${id}-${bulan}`} pegawaiId={Number(id)} bulan={bulan} />
    </Stack>
  );
}
