/**
 * "Riwayat Kinerja": my year, my team's (for a leader) and a unit's (for admins and the tim penilai);
 * with `pegawai` in the address, one employee's year (opened from a team).
 */
import { Anchor, Select, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { canBrowseOrg, useMe } from '../../lib/session';
import { PilihUnit } from '../pk/PilihUnit';
import { pilihanTahun } from '../skp/api';
import { RiwayatPegawai } from './RiwayatPegawai';
import { RiwayatTim } from './RiwayatTim';

export interface RiwayatSearch {
  tahun: number;
  pegawai?: number;
}

export function RiwayatKinerja({
  search,
  onSearch,
}: {
  search: RiwayatSearch;
  onSearch: (s: RiwayatSearch) => void;
}) {
  const me = useMe();
  const [unorId, setUnorId] = useState<number | null>(null);
  if (!me) return null;
  const { tahun } = search;
  const pilihTahun = (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <Select
        label="Tahun"
        data={pilihanTahun()}
        value={String(tahun)}
        onChange={(v) => v && onSearch({ ...search, tahun: Number(v) })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );

  if (search.pegawai !== undefined && search.pegawai !== me.id)
    return (
      <Stack>
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/riwayat" search={{ tahun }} />}>
          ← Kembali ke riwayat tim
        </Anchor>
        {pilihTahun}
        <RiwayatPegawai pegawaiId={search.pegawai} tahun={tahun} />
      </Stack>
    );

  const pimpinan = me.bawahanLangsung.length > 0;
  const admin = canBrowseOrg(me);
  return (
    <Stack>
      {pilihTahun}
      <Tabs defaultValue="saya" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="saya">Riwayat saya</Tabs.Tab>
          {pimpinan && <Tabs.Tab value="tim">Tim saya</Tabs.Tab>}
          {admin && <Tabs.Tab value="unit">Per unit</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="saya" pt="md">
          <RiwayatPegawai pegawaiId={me.id} tahun={tahun} />
        </Tabs.Panel>
        {pimpinan && (
          <Tabs.Panel value="tim" pt="md">
            <RiwayatTim tahun={tahun} unorId={null} />
          </Tabs.Panel>
        )}
        {admin && (
          <Tabs.Panel value="unit" pt="md">
            <Stack>
              <PilihUnit onChange={setUnorId} />
              {unorId !== null && <RiwayatTim tahun={tahun} unorId={unorId} />}
            </Stack>
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
