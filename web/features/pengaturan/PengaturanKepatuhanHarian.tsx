/**
 * Compliance per day of progres harian (SPEC §12: configurable, default off): whether every working
 * day needs an entry, and by when — a time on the N-th working day after. Saved with the version read.
 */
import { Button, Card, Group, NumberInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { PengaturanOut } from '../../../src/contracts/pengaturan';
import { HARI_KERJA_KE_MAKS, POLA_JAM } from '../../../src/domain/kepatuhan-harian';
import { GalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { KEY_PENGATURAN, useSimpanPengaturan } from './simpanPengaturan';

function Formulir({ awal }: { awal: PengaturanOut }) {
  const [aktif, setAktif] = useState(awal.kepatuhanHarian.aktif);
  const [jam, setJam] = useState(awal.kepatuhanHarian.batasJam);
  const [hari, setHari] = useState<number | string>(awal.kepatuhanHarian.hariKerjaKe);
  const { simpan, error, busy } = useSimpanPengaturan(awal, 'Aturan kepatuhan progres harian tersimpan.');
  useEffect(() => {
    setAktif(awal.kepatuhanHarian.aktif);
    setJam(awal.kepatuhanHarian.batasJam);
    setHari(awal.kepatuhanHarian.hariKerjaKe);
  }, [awal]);

  const n = Number(hari);
  const hariValid = Number.isInteger(n) && n >= 0 && n <= HARI_KERJA_KE_MAKS;
  const jamValid = POLA_JAM.test(jam);
  const k = awal.kepatuhanHarian;
  const berubah = aktif !== k.aktif || jam !== k.batasJam || n !== k.hariKerjaKe;

  return (
    <Card withBorder>
      <Stack gap="sm" component="section" aria-label="Kepatuhan progres harian">
        <Text fw={600}>Kepatuhan progres harian</Text>
        <Text size="sm" c="dimmed">
          Bila aktif, progres harian setiap hari kerja dinilai tepat waktu, terlambat, atau tidak diisi
          menurut waktu entri pertamanya diterima server. Hari dinas luar, cuti, sakit, dan izin dikecualikan.
          Potongan TPP hanya berlaku bila diaktifkan pada parameter TPP dengan dasar hukum Perkada.
        </Text>
        <Switch
          label="Wajibkan progres harian setiap hari kerja"
          checked={aktif}
          onChange={(e) => setAktif(e.currentTarget.checked)}
        />
        <Group align="start">
          <TextInput
            label="Batas jam pengisian"
            description="JJ:MM, waktu instansi"
            value={jam}
            onChange={(e) => setJam(e.currentTarget.value)}
            error={jamValid ? undefined : 'Gunakan JJ:MM, mis. 23:59.'}
            maw={200}
          />
          <NumberInput
            label="Pada hari kerja ke-"
            description="0 = hari kegiatan, 1 = hari kerja berikutnya"
            min={0}
            max={HARI_KERJA_KE_MAKS}
            allowDecimal={false}
            value={hari}
            onChange={setHari}
            error={hariValid ? undefined : `Antara 0 dan ${HARI_KERJA_KE_MAKS}.`}
            maw={260}
          />
        </Group>
        {error && <GalatForm key={error}>{error}</GalatForm>}
        <Group>
          <Button
            loading={busy}
            disabled={!berubah || !jamValid || !hariValid}
            onClick={() => simpan({ kepatuhanHarian: { aktif, batasJam: jam, hariKerjaKe: n } })}
          >
            Simpan aturan kepatuhan
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function PengaturanKepatuhanHarian() {
  const query = useQuery({ queryKey: KEY_PENGATURAN, queryFn: () => api<PengaturanOut>('/api/pengaturan') });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return <Formulir awal={query.data} />;
}
