/**
 * One TPP month for the BKD (and, read-only, an OPD admin): compute or recompute the draft, approve
 * it, the totals per OPD, the lines with each employee's explanation, and the payroll XLSX.
 */

import {
  Alert,
  Button,
  Card,
  Drawer,
  Group,
  List,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatPersen } from '../../../src/domain/angka';
import { formatNip } from '../../../src/domain/nip';
import {
  adaKekurangan,
  DASAR_PRODUKTIVITAS_LABEL,
  PANJANG_ALASAN_MIN,
  rupiah,
  uraianKekurangan,
} from '../../../src/domain/tpp';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi } from '../../lib/aksi';
import { ApiError, post } from '../../lib/api';
import { formatTanggal } from '../../lib/istilah';
import { useMulaiPekerjaan } from '../pekerjaan/api';
import { useTppAksi } from './aksi';
import {
  barisPegawaiQuery,
  bulanQuery,
  type CatatanBaris,
  fetchBaris,
  type TppBaris,
  type TppBulanOut,
  tppKeys,
} from './api';
import { Angka, RincianTpp, StatusBulan } from './RincianTpp';

/** The computation runs as a job (ADR 0011): the tray shows its progress, the page refreshes when done. */
const PESAN_MULAI = 'Perhitungan TPP dimulai; kemajuannya tampil di panel Pekerjaan.';
const PESAN_EKSPOR =
  'Ekspor TPP sedang dibuat; kemajuannya tampil di panel Pekerjaan, unduh dari sana bila selesai.';

function RincianPegawai({ bulan, pegawaiId }: { bulan: string; pegawaiId: number }) {
  const query = useQuery(barisPegawaiQuery(bulan, pegawaiId));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return <RincianTpp baris={query.data} />;
}

function DaftarBaris({ m }: { m: TppBulanOut }) {
  const [opdId, setOpdId] = useState<number | null>(null);
  const [catatan, setCatatan] = useState<CatatanBaris | null>(null);
  const [q, setQ] = useState('');
  const [term] = useDebouncedValue(q.trim(), 300);
  const [dibuka, setDibuka] = useState<TppBaris | null>(null);
  const lebar = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const query = useInfiniteQuery({
    queryKey: tppKeys.baris(m.bulan, opdId, catatan, term),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchBaris(m.bulan, opdId, catatan, term, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="OPD"
          placeholder="Semua OPD"
          data={m.perOpd
            .filter((o) => o.opdId !== null)
            .map((o) => ({ value: String(o.opdId), label: o.opdNama }))}
          value={opdId === null ? null : String(opdId)}
          onChange={(v) => setOpdId(v ? Number(v) : null)}
          clearable
          searchable
        />
        <Select
          label="Catatan"
          placeholder="Semua pegawai"
          data={[
            { value: 'MENUNGGU_PENILAIAN', label: 'Menunggu penilaian' },
            { value: 'BELUM_DIIMPOR', label: 'Kehadiran belum diimpor' },
            { value: 'DITAHAN_EVALUASI', label: 'Ditahan: evaluasi tahunan belum final' },
          ]}
          value={catatan}
          onChange={(v) => setCatatan(v as CatatanBaris | null)}
          clearable
        />
        <TextInput
          label="Cari pegawai"
          placeholder="NIP atau nama"
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
      </SimpleGrid>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">Tidak ada baris yang cocok.</Text>
      ) : lebar ? (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label="Baris TPP pegawai" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>Kelas</Table.Th>
                <Table.Th ta="right">Produktivitas</Table.Th>
                <Table.Th ta="right">Disiplin</Table.Th>
                <Table.Th ta="right">Potongan</Table.Th>
                <Table.Th ta="right">Jumlah</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((b) => (
                <Table.Tr key={b.pegawaiId}>
                  <Table.Td>
                    <UnstyledButton onClick={() => setDibuka(b)}>
                      <Text size="sm" fw={500} c="teal.8">
                        <VisuallyHidden component="span">Rincian TPP </VisuallyHidden>
                        {b.namaLengkap}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatNip(b.nip)} · {b.opdNama ?? 'Tanpa OPD'}
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{b.kelasJabatan ?? '–'}</Table.Td>
                  <Table.Td ta="right">
                    {b.menungguPenilaian ? (
                      <Text size="sm" c="orange.8">
                        menunggu penilaian
                      </Text>
                    ) : (
                      rupiah(b.produktivitas)
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{rupiah(b.disiplin)}</Table.Td>
                  <Table.Td ta="right">
                    {formatPersen(b.potonganPersen, 2)}
                    {b.hariBelumDiimpor > 0 && (
                      <Text size="xs" c="orange.8">
                        {b.hariBelumDiimpor} hari belum diimpor
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {rupiah(b.jumlah)}
                    {b.ditahan && (
                      <Text size="xs" c="orange.8">
                        ditahan
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Stack gap="xs">
          {items.map((b) => (
            <Card
              key={b.pegawaiId}
              withBorder
              padding="sm"
              component="button"
              onClick={() => setDibuka(b)}
              style={{ textAlign: 'left' }}
            >
              {/* The visible text is the button's name (axe label-content-name-mismatch), after what it opens. */}
              <Text size="sm" fw={500}>
                <VisuallyHidden component="span">Rincian TPP </VisuallyHidden>
                {b.namaLengkap}
              </Text>
              <Text size="xs" c="dimmed">
                {formatNip(b.nip)} · kelas {b.kelasJabatan ?? '–'}
              </Text>
              <Text size="sm">
                {rupiah(b.jumlah)}
                {b.ditahan ? ' (ditahan)' : ''}
                {b.menungguPenilaian ? ' · produktivitas menunggu penilaian' : ''}
                {b.hariBelumDiimpor > 0 ? ` · ${b.hariBelumDiimpor} hari kehadiran belum diimpor` : ''}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      <LoadMore query={query} />
      <Drawer
        opened={dibuka !== null}
        onClose={() => setDibuka(null)}
        position="right"
        size="lg"
        title={dibuka ? `TPP ${dibuka.namaLengkap}` : ''}
      >
        {dibuka && <RincianPegawai bulan={m.bulan} pegawaiId={dibuka.pegawaiId} />}
      </Drawer>
    </Stack>
  );
}

/** Employees withheld while last year's annual evaluation is not final: shown, no reason needed. */
function DitahanEvaluasi({ m }: { m: TppBulanOut }) {
  const n = m.kekurangan.ditahanEvaluasi;
  if (n === 0) return null;
  return (
    <Alert color="yellow" title="TPP ditahan: evaluasi tahunan belum final">
      <Text size="sm">
        {n} pegawai TPP-nya ditahan karena evaluasi kinerja tahunan tahun lalu belum final. Setelah
        evaluasinya final, hitung ulang bulan ini. Daftar pegawainya: pilih Catatan pada daftar di bawah.
      </Text>
    </Alert>
  );
}

/** The SPEC §7.1 gaps of the month: days not imported per OPD, employees waiting for a predikat. */
function Kekurangan({ m }: { m: TppBulanOut }) {
  const k = m.kekurangan;
  if (!adaKekurangan(k))
    return m.status === 'DRAF' ? (
      <Text size="sm" c="dimmed">
        Kehadiran semua OPD sudah diimpor dan semua pegawai sudah memiliki predikat bulan ini.
      </Text>
    ) : null;
  return (
    <Alert color="orange" title="Data belum lengkap">
      <Stack gap={4}>
        <Text size="sm">Masih ada {uraianKekurangan(k)}.</Text>
        {k.belumDiimpor.length > 0 && (
          <List size="sm" aria-label="Kehadiran belum diimpor per OPD">
            {k.belumDiimpor.map((o) => (
              <List.Item key={o.opdId ?? 0}>
                {o.opdNama}: {o.tanggal.length} hari ({o.tanggal.map((t) => Number(t.slice(8))).join(', ')})
              </List.Item>
            ))}
          </List>
        )}
        <Text size="xs">
          Hari kerja tanpa catatan kehadiran siapa pun di OPD tidak dihitung sebagai tanpa keterangan;
          produktivitas pegawai tanpa predikat belum dihitung. Impor kehadiran atau tunggu penilaian, lalu
          hitung ulang. Daftar pegawainya: pilih Catatan pada daftar di bawah.
        </Text>
      </Stack>
    </Alert>
  );
}

function Ringkasan({ m }: { m: TppBulanOut }) {
  const aksi = useTppAksi();
  const [konfirmasi, { open, close }] = useDisclosure(false);
  const [alasan, setAlasan] = useState('');
  const perluAlasan = adaKekurangan(m.kekurangan);
  const alasanCukup = alasan.trim().length >= PANJANG_ALASAN_MIN;
  const mulai = useMulaiPekerjaan();
  const hitungUlang = () => aksi.run(() => mulai(`/api/tpp/${m.bulan}/hitung/latar`), PESAN_MULAI);
  async function setujui() {
    const ok = await aksi.run(
      () =>
        post(`/api/tpp/${m.bulan}/setujui`, {
          version: m.version,
          ...(perluAlasan && { alasan: alasan.trim() }),
        }),
      'TPP disetujui.',
    );
    if (ok) close();
  }
  return (
    <Stack gap="md">
      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs">
              <StatusBulan status={m.status} />
              <Text size="sm" c="dimmed">
                Dihitung {formatTanggal(m.dihitungAt.slice(0, 10))} oleh {m.dihitungOleh.namaLengkap}
                {m.disetujuiOleh &&
                  m.disetujuiAt &&
                  ` · disetujui ${formatTanggal(m.disetujuiAt.slice(0, 10))} oleh ${m.disetujuiOleh.namaLengkap}`}
              </Text>
            </Group>
            <Group gap="xs">
              {m.hak.hitung && (
                <Button variant="light" onClick={hitungUlang} loading={aksi.busy}>
                  Hitung ulang
                </Button>
              )}
              {m.hak.setujui && <Button onClick={open}>Setujui</Button>}
              <Button
                variant="default"
                onClick={() => aksi.run(() => mulai(`/api/tpp/${m.bulan}/xlsx/latar`), PESAN_EKSPOR)}
                loading={aksi.busy}
              >
                Buat XLSX
              </Button>
            </Group>
          </Group>
          <GalatAksi aksi={aksi} />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Angka label="Hari kerja" nilai={`${m.hariKerja} hari`} />
            <Angka label="Pegawai" nilai={String(m.jumlahPegawai)} />
            <Angka label="Jumlah dibayarkan" nilai={rupiah(m.total)} />
            <Angka
              label="Bobot produktivitas / disiplin"
              nilai={`${m.parameter.bobotProduktivitas} / ${m.parameter.bobotDisiplin}`}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Dasar produktivitas: {DASAR_PRODUKTIVITAS_LABEL[m.parameter.dasarProduktivitas]}. Tidak mengikuti
            apel/upacara:{' '}
            {m.parameter.persenApel > 0
              ? `${formatPersen(m.parameter.persenApel, 2)} per kali`
              : 'tidak dipotong'}
            . Progres harian:{' '}
            {m.parameter.kepatuhanHarian
              ? `tidak diisi ${formatPersen(m.parameter.kepatuhanHarian.persenTidakAda, 2)}, terlambat ${formatPersen(m.parameter.kepatuhanHarian.persenTerlambat, 2)} per hari, paling banyak ${formatPersen(m.parameter.kepatuhanHarian.batasPersen, 2)} (${m.parameter.kepatuhanHarian.dasarHukum})`
              : 'tidak dipotong'}
            .{m.dasarHukum && ` Dasar hukum: ${m.dasarHukum}`}
          </Text>
          <Kekurangan m={m} />
          <DitahanEvaluasi m={m} />
          {m.alasanPersetujuan && (
            <Alert color="gray" title="Disetujui dengan data belum lengkap">
              <Text size="sm">Alasan BKD: {m.alasanPersetujuan}</Text>
            </Alert>
          )}
          {m.status === 'DISETUJUI' && (
            <Text size="xs" c="dimmed">
              Bulan yang sudah disetujui memakai parameter saat dihitung; perubahan parameter tidak
              mengubahnya.
            </Text>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="xs">
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="TPP per OPD" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>OPD</Table.Th>
                <Table.Th ta="right">Pegawai</Table.Th>
                <Table.Th ta="right">Ditahan</Table.Th>
                <Table.Th ta="right">Ditahan (evaluasi tahunan)</Table.Th>
                <Table.Th ta="right">Menunggu penilaian</Table.Th>
                <Table.Th ta="right">Kehadiran belum diimpor</Table.Th>
                <Table.Th ta="right">Jumlah</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.perOpd.map((o) => (
                <Table.Tr key={o.opdId ?? 0}>
                  <Table.Td>{o.opdNama}</Table.Td>
                  <Table.Td ta="right">{o.jumlahPegawai}</Table.Td>
                  <Table.Td ta="right">{o.ditahan}</Table.Td>
                  <Table.Td ta="right">{o.ditahanEvaluasi}</Table.Td>
                  <Table.Td ta="right">{o.menungguPenilaian}</Table.Td>
                  <Table.Td ta="right">{o.pegawaiBelumDiimpor}</Table.Td>
                  <Table.Td ta="right">{rupiah(o.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <DaftarBaris m={m} />
      <Modal opened={konfirmasi} onClose={close} title={`Setujui TPP ${m.bulan}`}>
        <Stack>
          <Text size="sm">
            Setujui TPP {m.jumlahPegawai} pegawai sejumlah {rupiah(m.total)}? Setelah disetujui, bulan ini
            terkunci: tidak dapat dihitung ulang dan tidak berubah bila parameter diubah.
          </Text>
          <DitahanEvaluasi m={m} />
          {perluAlasan && (
            <>
              <Kekurangan m={m} />
              <Textarea
                label="Alasan menyetujui dengan data belum lengkap"
                description={`Dicatat pada persetujuan dan jejak audit (sekurang-kurangnya ${PANJANG_ALASAN_MIN} karakter).`}
                value={alasan}
                onChange={(e) => setAlasan(e.currentTarget.value)}
                maxLength={1000}
                autosize
                minRows={2}
                required
              />
            </>
          )}
          <GalatAksi aksi={aksi} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Batal
            </Button>
            <Button onClick={setujui} loading={aksi.busy} disabled={perluAlasan && !alasanCukup}>
              Ya, setujui
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function BulanTpp({ bulan, bolehHitung }: { bulan: string; bolehHitung: boolean }) {
  const query = useQuery(bulanQuery(bulan));
  const aksi = useTppAksi();
  const mulai = useMulaiPekerjaan();
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (!(query.error instanceof ApiError && query.error.status === 404))
      return <ErrorView error={query.error} />;
    return (
      <Card withBorder>
        <Stack gap="sm" align="flex-start">
          <Text>TPP bulan ini belum dihitung.</Text>
          <GalatAksi aksi={aksi} />
          {bolehHitung ? (
            <Button
              onClick={() => aksi.run(() => mulai(`/api/tpp/${bulan}/hitung/latar`), PESAN_MULAI)}
              loading={aksi.busy}
            >
              Hitung TPP
            </Button>
          ) : (
            <Alert color="gray">TPP dihitung oleh admin BKD.</Alert>
          )}
        </Stack>
      </Card>
    );
  }
  return <Ringkasan m={query.data} />;
}
