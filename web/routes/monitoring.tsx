import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { ErrorView, Forbidden, Loading } from '../components/Status';
import { aksesQuery } from '../features/monitoring/api';
import { MonitoringInstansi } from '../features/monitoring/MonitoringInstansi';
import { MonitoringOpd } from '../features/monitoring/MonitoringOpd';
import { PilihPeriode } from '../features/realisasi/PilihPeriode';
import { isAdmin, useMe } from '../lib/session';

export interface MonitoringSearch {
  periode?: string;
}

function Judul() {
  return (
    <div>
      <Title order={2}>Monitoring</Title>
      <Text size="sm" c="dimmed">
        Monitoring pengisian, kepatuhan pelaporan (e-Lapkin), distribusi predikat, dan pegawai terlambat.
      </Text>
    </div>
  );
}

/** The instansi view (BKD admin, head of region); an OPD admin goes straight to their OPD. */
export function MonitoringPage() {
  const search = useSearch({ strict: false }) as MonitoringSearch;
  const navigate = useNavigate();
  const me = useMe();
  const akses = useQuery(aksesQuery);
  if (akses.isPending) return <Loading />;
  if (akses.isError) return <ErrorView error={akses.error} />;
  const { instansi, opd, periodeBawaan } = akses.data;
  if (!instansi && opd.length === 0) return <Forbidden />;
  const periode = search.periode ?? periodeBawaan;
  return (
    <Stack>
      <Judul />
      <Anchor renderRoot={(props) => <Link {...props} to="/monitoring/progres-harian" />}>
        Kepatuhan progres harian per OPD dan pegawai
      </Anchor>
      <PilihPeriode
        value={periode}
        onChange={(p) => navigate({ to: '/monitoring', search: { periode: p } })}
      />
      {instansi || opd.length > 1 ? (
        <MonitoringInstansi periode={periode} bolehPerbarui={isAdmin(me)} />
      ) : (
        <>
          <Anchor
            renderRoot={(props) => (
              <Link {...props} to={`/monitoring/opd/${opd[0]!.id}`} search={{ periode }} />
            )}
          >
            Buka monitoring {opd[0]!.nama}
          </Anchor>
          <MonitoringOpd opdId={opd[0]!.id} periode={periode} />
        </>
      )}
    </Stack>
  );
}

export function MonitoringOpdPage() {
  const { opdId } = useParams({ strict: false }) as { opdId: string };
  const search = useSearch({ strict: false }) as MonitoringSearch;
  const navigate = useNavigate();
  const akses = useQuery(aksesQuery);
  if (akses.isPending) return <Loading />;
  if (akses.isError) return <ErrorView error={akses.error} />;
  const periode = search.periode ?? akses.data.periodeBawaan;
  return (
    <Stack>
      <Judul />
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/monitoring" search={{ periode }} />}>
        ← Kembali ke monitoring instansi
      </Anchor>
      <PilihPeriode
        value={periode}
        onChange={(p) => navigate({ to: `/monitoring/opd/${opdId}`, search: { periode: p } })}
      />
      <MonitoringOpd key={`${opdId}-${periode}`} opdId={Number(opdId)} periode={periode} />
    </Stack>
  );
}
