import { Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { labelPeriode, periodeOf, prevYearMonth } from '../../src/domain/jadwal';
import { Forbidden } from '../components/Status';
import { daftarBulanQuery } from '../features/tpp/api';
import { BulanTpp } from '../features/tpp/BulanTpp';
import { ParameterTppEditor } from '../features/tpp/ParameterTpp';
import { isAdmin, isBkd, useMe } from '../lib/session';

export interface TppSearch {
  bulan?: string;
}

const namaBulan = (bulan: string) => labelPeriode(periodeOf(bulan, { periode: 'BULANAN' }));

/** This month and the 23 before it, newest first. */
function pilihanBulan(): string[] {
  const d = new Date();
  let b = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  return Array.from({ length: 24 }, () => {
    const ini = b;
    b = prevYearMonth(b);
    return ini;
  });
}

export function TppPage() {
  const me = useMe();
  const search = useSearch({ strict: false }) as TppSearch;
  const navigate = useNavigate();
  const daftar = useQuery({ ...daftarBulanQuery, enabled: isAdmin(me) });
  if (!isAdmin(me)) return <Forbidden />;
  const bulanList = pilihanBulan();
  const bulan = search.bulan ?? bulanList[1]!;
  const status = new Map(daftar.data?.items.map((m) => [m.bulan, m.status]));
  const bkd = isBkd(me);
  return (
    <Stack>
      <div>
        <Title order={2}>TPP</Title>
        <Text size="sm" c="dimmed">
          Tambahan penghasilan pegawai: perhitungan bulanan dari besaran per kelas jabatan, predikat kinerja
          bulanan dan kehadiran, persetujuan BKD, dan ekspor untuk penggajian.
        </Text>
      </div>
      <Tabs defaultValue="bulan" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="bulan">Perhitungan bulanan</Tabs.Tab>
          <Tabs.Tab value="parameter">Parameter</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="bulan" pt="md">
          <Stack>
            <Select
              label="Bulan"
              maw={320}
              data={bulanList.map((b) => ({
                value: b,
                label: `${namaBulan(b)}${status.has(b) ? (status.get(b) === 'DISETUJUI' ? ' · disetujui' : ' · draf') : ''}`,
              }))}
              value={bulan}
              onChange={(v) => v && navigate({ to: '/tpp', search: { bulan: v } })}
              allowDeselect={false}
            />
            <BulanTpp key={bulan} bulan={bulan} bolehHitung={bkd} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="parameter" pt="md">
          <ParameterTppEditor boleh={bkd} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
