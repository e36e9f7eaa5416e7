/**
 * The day rules of progres harian (SPEC §12): the most hours of activity per day (practice 7.5 h)
 * and whether entries may fall on holidays and weekends. Saved with the version read.
 */
import { Button, Card, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { PengaturanOut } from '../../../src/contracts/pengaturan';
import { BATAS_MENIT_HARIAN_MAKS, BATAS_MENIT_HARIAN_MIN } from '../../../src/domain/progres-harian';
import { GalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { KEY_PENGATURAN, useSimpanPengaturan } from './simpanPengaturan';

function Formulir({ awal }: { awal: PengaturanOut }) {
  const [jam, setJam] = useState<number | string>(awal.progresHarian.batasMenitHarian / 60);
  const [boleh, setBoleh] = useState(awal.progresHarian.bolehHariLibur);
  const { simpan, error, busy } = useSimpanPengaturan(awal, 'Aturan progres harian tersimpan.');
  useEffect(() => {
    setJam(awal.progresHarian.batasMenitHarian / 60);
    setBoleh(awal.progresHarian.bolehHariLibur);
  }, [awal]);

  const menit = Math.round(Number(jam) * 60);
  const valid = menit >= BATAS_MENIT_HARIAN_MIN && menit <= BATAS_MENIT_HARIAN_MAKS;
  const berubah =
    menit !== awal.progresHarian.batasMenitHarian || boleh !== awal.progresHarian.bolehHariLibur;

  return (
    <Card withBorder>
      <Stack gap="sm" component="section" aria-label="Progres harian">
        <Text fw={600}>Progres harian</Text>
        <Text size="sm" c="dimmed">
          Entri progres harian pegawai ditolak bila jamnya bertumpang tindih, bila jumlah jam sehari melebihi
          batas, atau di luar masa SKP. Hari libur dan akhir pekan mengikuti kalender dan jam kerja instansi.
        </Text>
        <NumberInput
          label="Batas jam kegiatan per hari"
          description="Dalam jam; kelipatan 15 menit, mis. 7,5"
          min={1}
          max={24}
          step={0.25}
          decimalScale={2}
          decimalSeparator=","
          value={jam}
          onChange={setJam}
          error={valid ? undefined : 'Batas antara 1 dan 24 jam.'}
          maw={260}
        />
        <Switch
          label="Izinkan progres harian pada hari libur dan akhir pekan"
          checked={boleh}
          onChange={(e) => setBoleh(e.currentTarget.checked)}
        />
        {error && <GalatForm key={error}>{error}</GalatForm>}
        <Group>
          <Button
            loading={busy}
            disabled={!berubah || !valid}
            onClick={() => simpan({ progresHarian: { batasMenitHarian: menit, bolehHariLibur: boleh } })}
          >
            Simpan aturan progres harian
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function PengaturanProgresHarian() {
  const query = useQuery({ queryKey: KEY_PENGATURAN, queryFn: () => api<PengaturanOut>('/api/pengaturan') });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return <Formulir awal={query.data} />;
}
