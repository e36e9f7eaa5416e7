import { Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { labelPeriodeKurva } from '../../src/domain/kurva';
import { ErrorView, Loading } from '../components/Status';
import { periodeUnitQuery, unitSayaQuery } from '../features/kurva/api';
import { KurvaUnit } from '../features/kurva/KurvaUnit';
import { PilihUnit } from '../features/pk/PilihUnit';
import { isAdmin, useMe } from '../lib/session';

export interface KurvaSearch {
  unorId?: number;
  periode?: string;
}

/** Last month: the period shown when the unit has no assessment yet. */
function bulanLalu(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The unit's periods with data, newest first; it opens on the newest (or on the one in the address). */
function PeriodeDanKurva({
  unorId,
  periode,
  onPeriode,
}: {
  unorId: number;
  periode: string | undefined;
  onPeriode: (periode: string) => void;
}) {
  const daftar = useQuery(periodeUnitQuery(unorId));
  if (daftar.isPending) return <Loading />;
  if (daftar.isError) return <ErrorView error={daftar.error} />;
  const dipilih = periode ?? daftar.data.items[0] ?? bulanLalu();
  const kode = daftar.data.items.includes(dipilih) ? daftar.data.items : [dipilih, ...daftar.data.items];
  return (
    <>
      <Select
        label="Periode"
        description={daftar.data.items.length ? undefined : 'Belum ada penilaian di unit ini.'}
        data={kode.map((k) => ({ value: k, label: labelPeriodeKurva(k) }))}
        value={dipilih}
        onChange={(v) => v && onPeriode(v)}
        allowDeselect={false}
        maw={480}
      />
      <KurvaUnit key={`${unorId}-${dipilih}`} unorId={unorId} periode={dipilih} />
    </>
  );
}

export function KurvaPage() {
  const me = useMe();
  const search = useSearch({ strict: false }) as KurvaSearch;
  const navigate = useNavigate();
  const unit = useQuery(unitSayaQuery);
  const dipimpin = unit.data?.items ?? [];
  // An admin who heads no unit picks any unit in scope (the server checks the scope again).
  const pilihBebas = dipimpin.length === 0 && isAdmin(me);
  const unorId = search.unorId ?? dipimpin.find((u) => u.dipimpin)?.id ?? dipimpin[0]?.id;
  const pindah = (s: KurvaSearch) =>
    navigate({ to: '/kurva', search: { unorId, periode: search.periode, ...s } });
  return (
    <Stack>
      <div>
        <Title order={2}>Kurva &amp; Predikat</Title>
        <Text size="sm" c="dimmed">
          Predikat kinerja organisasi, kurva distribusi predikat pegawai, kalibrasi dan penetapan predikat
          kinerja unit per periode.
        </Text>
      </div>
      {unit.isPending ? (
        <Loading />
      ) : unit.error ? (
        <ErrorView error={unit.error} />
      ) : dipimpin.length === 0 && !pilihBebas ? (
        <Text c="dimmed">Anda tidak memimpin unit organisasi.</Text>
      ) : (
        <>
          <Stack gap="xs" maw={480}>
            {pilihBebas ? (
              <PilihUnit
                awal={search.unorId}
                onChange={(id) => id && pindah({ unorId: id, periode: undefined })}
              />
            ) : (
              <Select
                label="Unit organisasi"
                data={dipimpin.map((u) => ({ value: String(u.id), label: u.nama }))}
                value={unorId === undefined ? null : String(unorId)}
                onChange={(v) => v && pindah({ unorId: Number(v), periode: undefined })}
                allowDeselect={false}
              />
            )}
          </Stack>
          {unorId !== undefined && (
            <PeriodeDanKurva
              key={unorId}
              unorId={unorId}
              periode={search.periode}
              onPeriode={(periode) => pindah({ periode })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
