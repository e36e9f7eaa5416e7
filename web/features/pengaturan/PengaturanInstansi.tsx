/**
 * Instansi settings (BKD): the SKP deadline as a day and month, whether open dibagi-habis problems
 * block approving a leader's plan or only warn, and the schedule of the monthly cycle (period and
 * window days; the server checks their order). Saved with the version read (409 when someone else
 * saved first).
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { JendelaHari, PengaturanOut } from '../../../src/contracts/pengaturan';
import { NAMA_BULAN as BULAN, JENIS_JENDELA_LABEL, type JenisPeriode } from '../../../src/domain/jadwal';
import { GalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { ApiError, api, put } from '../../lib/api';
import { pesanGalat } from '../../lib/galatForm';
import { KEY_PENGATURAN } from './simpanPengaturan';

const HARI_PER_BULAN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const dua = (n: number) => String(n).padStart(2, '0');

const PERIODE: { value: JenisPeriode; label: string }[] = [
  { value: 'BULANAN', label: 'Bulanan' },
  { value: 'TRIWULANAN', label: 'Triwulanan' },
  { value: 'SEMESTERAN', label: 'Semesteran' },
];
const JENDELA = [
  ['input', 'INPUT'],
  ['penilaian', 'PENILAIAN'],
  ['perbaikan', 'PERBAIKAN'],
] as const;

function Formulir({ awal, onMuatUlang }: { awal: PengaturanOut; onMuatUlang: () => Promise<unknown> }) {
  const queryClient = useQueryClient();
  const [bulan, setBulan] = useState(awal.batasSkp.slice(0, 2));
  const [hari, setHari] = useState(awal.batasSkp.slice(3, 5));
  const [memblokir, setMemblokir] = useState(awal.cakupanMemblokir);
  const [periode, setPeriode] = useState(awal.periode);
  const [jendela, setJendela] = useState<JendelaHari>(awal.jendela);
  const [keberatanHari, setKeberatanHari] = useState<number | string>(awal.keberatanHari);
  const [keteranganHari, setKeteranganHari] = useState<number | string>(awal.keteranganKeberatanHari);
  const [evBulan, setEvBulan] = useState(awal.batasEvaluasiTahunan.slice(0, 2));
  const [evHari, setEvHari] = useState(awal.batasEvaluasiTahunan.slice(3, 5));
  const [tempat, setTempat] = useState(awal.tempatTandaTangan ?? '');
  const [error, setError] = useState<string | null>(null);
  const [konflik, setKonflik] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setBulan(awal.batasSkp.slice(0, 2));
    setHari(awal.batasSkp.slice(3, 5));
    setMemblokir(awal.cakupanMemblokir);
    setPeriode(awal.periode);
    setJendela(awal.jendela);
    setKeberatanHari(awal.keberatanHari);
    setKeteranganHari(awal.keteranganKeberatanHari);
    setEvBulan(awal.batasEvaluasiTahunan.slice(0, 2));
    setEvHari(awal.batasEvaluasiTahunan.slice(3, 5));
    setTempat(awal.tempatTandaTangan ?? '');
  }, [awal]);

  const maksHari = HARI_PER_BULAN[Number(bulan) - 1] ?? 31;
  const evHariValid = Number(evHari) <= (HARI_PER_BULAN[Number(evBulan) - 1] ?? 31);
  const hariValid = Number(hari) <= maksHari && evHariValid;
  const berubah =
    `${bulan}-${hari}` !== awal.batasSkp ||
    memblokir !== awal.cakupanMemblokir ||
    periode !== awal.periode ||
    JSON.stringify(jendela) !== JSON.stringify(awal.jendela) ||
    Number(keberatanHari) !== awal.keberatanHari ||
    Number(keteranganHari) !== awal.keteranganKeberatanHari ||
    `${evBulan}-${evHari}` !== awal.batasEvaluasiTahunan ||
    tempat.trim() !== (awal.tempatTandaTangan ?? '');
  const setHariJendela = (k: keyof JendelaHari, ujung: 'mulai' | 'akhir', v: number | string) =>
    setJendela((j) => ({ ...j, [k]: { ...j[k], [ujung]: Number(v) } }));

  async function simpan(e: React.FormEvent) {
    e.preventDefault();
    if (!hariValid) return;
    setBusy(true);
    setError(null);
    setKonflik(false);
    try {
      const res = await put<PengaturanOut>('/api/pengaturan', {
        version: awal.version,
        batasSkp: `${bulan}-${hari}`,
        cakupanMemblokir: memblokir,
        periode,
        jendela,
        keberatanHari: Number(keberatanHari),
        keteranganKeberatanHari: Number(keteranganHari),
        batasEvaluasiTahunan: `${evBulan}-${evHari}`,
        // Empty: the documents print the region in the instansi's name.
        tempatTandaTangan: tempat.trim() || null,
      });
      queryClient.setQueryData(KEY_PENGATURAN, res);
      notifications.show({ color: 'teal', message: 'Pengaturan tersimpan.' });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') setKonflik(true);
      else setError(pesanGalat(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={simpan} aria-label="Pengaturan instansi">
      <Stack>
        {konflik && (
          <Alert color="orange" role="alert" title="Pengaturan telah diubah pengguna lain">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                Muat ulang untuk melihat nilai terbaru, lalu ulangi perubahan Anda bila masih diperlukan.
              </Text>
              <Button
                size="xs"
                variant="light"
                color="orange"
                onClick={async () => {
                  await onMuatUlang();
                  setKonflik(false);
                }}
              >
                Muat ulang
              </Button>
            </Stack>
          </Alert>
        )}
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>Batas waktu penetapan SKP</Text>
            <Text size="sm" c="dimmed">
              Tanggal setiap tahun paling lambat SKP disetujui (umumnya akhir Januari). SKP yang dimulai
              setelah tanggal ini (karena mutasi) diberi waktu satu bulan sejak mulai.
            </Text>
            <Group grow align="flex-start">
              <Select
                label="Tanggal"
                data={Array.from({ length: 31 }, (_, i) => dua(i + 1))}
                value={hari}
                onChange={(v) => v && setHari(v)}
                allowDeselect={false}
                error={hariValid ? undefined : `${BULAN[Number(bulan) - 1]} hanya ${maksHari} hari.`}
              />
              <Select
                label="Bulan"
                data={BULAN.map((b, i) => ({ value: dua(i + 1), label: b }))}
                value={bulan}
                onChange={(v) => v && setBulan(v)}
                allowDeselect={false}
              />
            </Group>
          </Stack>
        </Card>
        <Card withBorder>
          <Switch
            label="Masalah cakupan memblokir persetujuan"
            description="Bila aktif, SKP pimpinan yang masih memiliki masalah dibagi habis tidak dapat disetujui. Bila mati, masalah hanya ditampilkan sebagai peringatan."
            checked={memblokir}
            onChange={(e) => setMemblokir(e.currentTarget.checked)}
          />
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>Evaluasi tahunan dan keberatan</Text>
            <Text size="sm" c="dimmed">
              Batas evaluasi kinerja tahunan pada tahun berikutnya, dan berapa hari setelah evaluasi final
              pegawai masih dapat mengajukan keberatan kepada atasan pejabat penilai.
            </Text>
            <Group grow align="flex-start">
              <Select
                label="Tanggal batas evaluasi"
                data={Array.from({ length: 31 }, (_, i) => dua(i + 1))}
                value={evHari}
                onChange={(v) => v && setEvHari(v)}
                allowDeselect={false}
                error={evHariValid ? undefined : `${BULAN[Number(evBulan) - 1]} tidak memiliki tanggal ini.`}
              />
              <Select
                label="Bulan batas evaluasi"
                data={BULAN.map((b, i) => ({ value: dua(i + 1), label: b }))}
                value={evBulan}
                onChange={(v) => v && setEvBulan(v)}
                allowDeselect={false}
              />
              <NumberInput
                label="Jangka waktu keberatan (hari)"
                min={1}
                max={90}
                allowDecimal={false}
                value={keberatanHari}
                onChange={setKeberatanHari}
              />
              <NumberInput
                label="Jangka waktu keterangan keberatan (hari)"
                description="Sesudah diminta, tanpa keterangan keberatan tetap dapat diputus"
                min={1}
                max={30}
                allowDecimal={false}
                value={keteranganHari}
                onChange={setKeteranganHari}
              />
            </Group>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>Jadwal siklus bulanan</Text>
            <Text size="sm" c="dimmed">
              Tanggal pada bulan sesudah periode penilaian, menurut zona waktu instansi. Di luar jendela,
              admin dapat membuka jendela untuk pegawai atau unit tertentu dengan alasan di halaman{' '}
              <Anchor component={Link} to="/jadwal/bukaan" underline="always">
                Bukaan jendela
              </Anchor>
              .
            </Text>
            <Select
              label="Periode penilaian"
              data={PERIODE}
              value={periode}
              onChange={(v) => v && setPeriode(v as JenisPeriode)}
              allowDeselect={false}
            />
            {JENDELA.map(([k, jenis]) => (
              <Group key={k} grow align="flex-start">
                <NumberInput
                  label={`${JENIS_JENDELA_LABEL[jenis]}: mulai`}
                  min={1}
                  max={31}
                  value={jendela[k].mulai}
                  onChange={(v) => setHariJendela(k, 'mulai', v)}
                />
                <NumberInput
                  label="sampai tanggal"
                  min={1}
                  max={31}
                  value={jendela[k].akhir}
                  onChange={(v) => setHariJendela(k, 'akhir', v)}
                />
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <TextInput
            label="Tempat penandatanganan dokumen"
            description="Dicetak di samping tanggal tanda tangan pada SKP, evaluasi dan penetapan predikat. Kosongkan untuk memakai nama daerah instansi."
            placeholder="mis. Gorontalo"
            maxLength={60}
            value={tempat}
            onChange={(e) => setTempat(e.currentTarget.value)}
          />
        </Card>
        {/* The error by the button that caused it, scrolled into view (GalatForm). */}
        {error && <GalatForm key={error}>{error}</GalatForm>}
        <Group>
          <Button type="submit" loading={busy} disabled={!berubah || !hariValid}>
            Simpan pengaturan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PengaturanInstansi() {
  const query = useQuery({ queryKey: KEY_PENGATURAN, queryFn: () => api<PengaturanOut>('/api/pengaturan') });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return <Formulir awal={query.data} onMuatUlang={() => query.refetch()} />;
}
