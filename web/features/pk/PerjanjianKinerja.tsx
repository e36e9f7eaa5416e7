/** Perjanjian Kinerja per unit and year (OPD admin for their OPD, BKD for all): pick, edit, or import. */
import { Card, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FormPerjanjianKinerja } from './FormPerjanjianKinerja';
import { ImporPerjanjianKinerja } from './ImporPerjanjianKinerja';
import { PilihUnit } from './PilihUnit';

const tahunIni = new Date().getFullYear();
const TAHUN = [tahunIni + 1, tahunIni, tahunIni - 1, tahunIni - 2].map(String);

export function PerjanjianKinerja() {
  const [unorId, setUnorId] = useState<number | null>(null);
  const [tahun, setTahun] = useState(tahunIni);
  return (
    <Stack>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PilihUnit onChange={setUnorId} />
          <Select
            label="Tahun"
            data={TAHUN}
            value={String(tahun)}
            onChange={(v) => v && setTahun(Number(v))}
            allowDeselect={false}
            maw={160}
          />
        </SimpleGrid>
      </Card>
      {unorId ? (
        <FormPerjanjianKinerja unorId={unorId} tahun={tahun} />
      ) : (
        <Text c="dimmed">Pilih unit untuk melihat atau mengisi perjanjian kinerjanya.</Text>
      )}
      <ImporPerjanjianKinerja />
    </Stack>
  );
}
