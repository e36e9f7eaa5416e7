/**
 * One unit's curve for a period: the organisation predikat (set one level up), the distribution of the
 * employees' predikat against the expected band (recharts, only on this lazily loaded page), each
 * breach in words, the 3×3 calibration board and the leader's penetapan.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatPersen } from '../../../src/domain/angka';
import {
  PREDIKAT_ORGANISASI,
  PREDIKAT_ORGANISASI_LABEL,
  PREDIKAT_PEGAWAI,
  PREDIKAT_PEGAWAI_LABEL,
  type PredikatOrganisasi,
  RATING,
  RATING_LABEL,
  type Rating,
} from '../../../src/domain/predikat';
import { akhiriKalimat } from '../../../src/domain/teks';
import { GalatForm } from '../../components/GalatForm';
import { ErrorView, Loading } from '../../components/Status';
import { post, put } from '../../lib/api';
import { pesanGalat } from '../../lib/galatForm';
import { formatTanggal } from '../../lib/istilah';
import { TombolPekerjaan } from '../pekerjaan/TombolPekerjaan';
import { type KalibrasiOut, type KurvaUnitOut, kurvaKeys, kurvaUnitQuery } from './api';

type Pegawai = KalibrasiOut['pegawai'][number];

/** A refused write in the user's words, in view and focused; nothing was saved. */
function Galat({ error }: { error: Error | null }) {
  if (!error) return null;
  return <GalatForm key={error.message}>{pesanGalat(error)}</GalatForm>;
}

function GrafikKurva({ kurva }: { kurva: KurvaUnitOut }) {
  const n = kurva.hasil?.n ?? PREDIKAT_PEGAWAI.reduce((x, p) => x + kurva.distribusi[p], 0);
  const persen = (x: number) => (n === 0 ? 0 : Math.round((x * 1000) / n) / 10);
  const data = PREDIKAT_PEGAWAI.map((p) => {
    const h = kurva.hasil?.harapan.find((x) => x.predikat === p);
    return {
      predikat: PREDIKAT_PEGAWAI_LABEL[p],
      aktual: persen(kurva.distribusi[p]),
      ...(h ? { minimal: persen(h.min), maksimal: persen(h.maks) } : {}),
    };
  });
  return (
    <BarChart
      h={260}
      data={data}
      dataKey="predikat"
      series={[
        { name: 'aktual', label: 'Distribusi aktual', color: 'blue.6' },
        ...(kurva.hasil
          ? [
              { name: 'minimal', label: 'Batas bawah kurva', color: 'gray.4' },
              { name: 'maksimal', label: 'Batas atas kurva', color: 'teal.4' },
            ]
          : []),
      ]}
      valueFormatter={(v) => formatPersen(v)}
      yAxisProps={{ domain: [0, 100] }}
      withLegend
      aria-label="Grafik kurva distribusi predikat pegawai"
    />
  );
}

function FormPredikatOrganisasi({
  kurva,
  onSaved,
}: {
  kurva: KurvaUnitOut;
  onSaved: (k: KurvaUnitOut) => void;
}) {
  const awal = kurva.predikatOrganisasi;
  const [predikat, setPredikat] = useState<string | null>(awal?.predikat ?? null);
  const [progres, setProgres] = useState<number | string>(awal?.dasar.progresRencanaAksi ?? '');
  const [capaianPk, setCapaianPk] = useState<number | string>(awal?.dasar.capaianPk ?? '');
  const [ikm, setIkm] = useState<number | string>(awal?.dasar.nilaiIkm ?? '');
  const [keterangan, setKeterangan] = useState(awal?.dasar.keterangan ?? '');
  const angka = (v: number | string) => (v === '' ? null : Number(v));
  const simpan = useMutation({
    mutationFn: () =>
      put<KurvaUnitOut>(`/api/kurva/unor/${kurva.unor.id}/predikat-organisasi`, {
        periode: kurva.periode,
        predikat,
        dasar: {
          progresRencanaAksi: angka(progres),
          capaianPk: angka(capaianPk),
          nilaiIkm: angka(ikm),
          keterangan,
        },
        version: awal?.version,
      }),
    onSuccess: onSaved,
  });
  return (
    <Stack gap="xs">
      <Select
        label="Predikat kinerja organisasi"
        data={PREDIKAT_ORGANISASI.map((p) => ({ value: p, label: PREDIKAT_ORGANISASI_LABEL[p] }))}
        value={predikat}
        onChange={setPredikat}
        required
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label="Progres rencana aksi (%)"
          value={progres}
          onChange={setProgres}
          min={0}
          max={1000}
        />
        <NumberInput
          label="Capaian Perjanjian Kinerja (%)"
          value={capaianPk}
          onChange={setCapaianPk}
          min={0}
        />
        <NumberInput label="Nilai IKM (opsional)" value={ikm} onChange={setIkm} min={0} max={100} />
      </SimpleGrid>
      <Textarea
        label="Dasar penetapan"
        value={keterangan}
        onChange={(e) => setKeterangan(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Galat error={simpan.error} />
      <Group>
        <Button onClick={() => simpan.mutate()} loading={simpan.isPending} disabled={!predikat}>
          Simpan predikat organisasi
        </Button>
      </Group>
    </Stack>
  );
}

function FormKalibrasi({ unorId, p, onSaved }: { unorId: number; p: Pegawai; onSaved: () => void }) {
  const [hasil, setHasil] = useState<string | null>(p.ratingHasilKerja);
  const [perilaku, setPerilaku] = useState<string | null>(p.ratingPerilaku);
  const [alasan, setAlasan] = useState('');
  const ratingData = RATING.map((r) => ({ value: r, label: RATING_LABEL[r] }));
  const simpan = useMutation({
    mutationFn: () =>
      put<KurvaUnitOut>(`/api/kurva/unor/${unorId}/kalibrasi/${p.penilaianId}`, {
        ratingHasilKerja: hasil,
        ratingPerilaku: perilaku,
        alasan,
        version: p.version,
      }),
    onSuccess: onSaved,
  });
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>Kalibrasi: {p.pegawai.namaLengkap}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Rating hasil kerja" data={ratingData} value={hasil} onChange={setHasil} />
          <Select label="Rating perilaku kerja" data={ratingData} value={perilaku} onChange={setPerilaku} />
        </SimpleGrid>
        <Textarea
          label="Alasan perubahan"
          value={alasan}
          onChange={(e) => setAlasan(e.currentTarget.value)}
        />
        <Galat error={simpan.error} />
        <Group>
          <Button onClick={() => simpan.mutate()} loading={simpan.isPending}>
            Simpan perubahan
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The 3×3 board: rating hasil kerja (rows) × rating perilaku (columns), names in each cell. */
function PapanKalibrasi({
  data,
  dapatUbah,
  onPilih,
}: {
  data: KalibrasiOut;
  dapatUbah: boolean;
  onPilih: (p: Pegawai) => void;
}) {
  const sel = (h: Rating, pr: Rating) =>
    data.pegawai.filter((p) => p.ratingHasilKerja === h && p.ratingPerilaku === pr);
  return (
    <Table withTableBorder withColumnBorders aria-label="Papan kalibrasi 3×3">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Hasil kerja ↓ · Perilaku →</Table.Th>
          {RATING.map((pr) => (
            <Table.Th key={pr}>{RATING_LABEL[pr]}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {RATING.map((h) => (
          <Table.Tr key={h}>
            <Table.Th>{RATING_LABEL[h]}</Table.Th>
            {RATING.map((pr) => {
              const isi = sel(h, pr);
              return (
                <Table.Td key={pr} valign="top">
                  <Text size="xs" c="dimmed">
                    {isi.length} pegawai
                  </Text>
                  {isi.map((p) =>
                    dapatUbah ? (
                      <UnstyledButton key={p.penilaianId} onClick={() => onPilih(p)} display="block">
                        <Text size="sm" c="blue">
                          {p.pegawai.namaLengkap}
                        </Text>
                      </UnstyledButton>
                    ) : (
                      <Text key={p.penilaianId} size="sm">
                        {p.pegawai.namaLengkap}
                      </Text>
                    ),
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Penetapan({ kurva, onSaved }: { kurva: KurvaUnitOut; onSaved: (k: KurvaUnitOut) => void }) {
  const [justifikasi, setJustifikasi] = useState('');
  const menyimpang = (kurva.hasil?.pelanggaran.length ?? 0) > 0;
  const tetapkan = useMutation({
    mutationFn: () =>
      post<KurvaUnitOut>(`/api/kurva/unor/${kurva.unor.id}/penetapan`, {
        periode: kurva.periode,
        justifikasi: justifikasi || undefined,
        version: kurva.penetapan?.version,
      }),
    onSuccess: onSaved,
  });
  return (
    <Stack gap="xs">
      {menyimpang && (
        <Textarea
          label="Justifikasi penyimpangan kurva"
          description="Wajib diisi karena distribusi menyimpang dari kurva."
          value={justifikasi}
          onChange={(e) => setJustifikasi(e.currentTarget.value)}
          autosize
          minRows={2}
        />
      )}
      <Galat error={tetapkan.error} />
      <Group>
        <Button onClick={() => tetapkan.mutate()} loading={tetapkan.isPending}>
          Tetapkan
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * A unit's documents are one PDF per employee: the ZIP is made as a job (ADR 0011), shown in the
 * tray, downloaded from there when ready, so a big unit on a poor connection is not one long wait.
 */
export function KurvaUnit({ unorId, periode }: { unorId: number; periode: string }) {
  const queryClient = useQueryClient();
  const query = useQuery(kurvaUnitQuery(unorId, periode));
  const [dipilih, setDipilih] = useState<Pegawai | null>(null);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorView error={query.error} />;
  const { kurva, papan } = query.data;
  const muatUlang = () => queryClient.invalidateQueries({ queryKey: kurvaKeys.unit(unorId, periode) });
  const po = kurva.predikatOrganisasi;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{kurva.unor.nama}</Title>
        {kurva.hasil?.unitKecil && (
          <Badge color="gray">N = {kurva.hasil.n}: unit kecil, ditandai, tidak dinilai</Badge>
        )}
      </Group>

      <Card withBorder>
        <Stack gap="xs">
          <Title order={4}>Predikat kinerja organisasi</Title>
          {po ? (
            <Text>
              <b>{PREDIKAT_ORGANISASI_LABEL[po.predikat as PredikatOrganisasi]}</b>, ditetapkan oleh{' '}
              {akhiriKalimat(po.ditetapkanOleh.namaLengkap)} {po.dasar.keterangan}
            </Text>
          ) : (
            <Text c="dimmed">Belum ditetapkan oleh pimpinan satu tingkat di atas.</Text>
          )}
          {kurva.hak.predikatOrganisasi && <FormPredikatOrganisasi kurva={kurva} onSaved={muatUlang} />}
        </Stack>
      </Card>

      <Card withBorder>
        <Stack gap="xs">
          <Title order={4}>Kurva distribusi</Title>
          <GrafikKurva kurva={kurva} />
          {kurva.belumFinal > 0 && (
            <Alert color="yellow" title="Kurva bersifat sementara">
              {kurva.belumFinal} pegawai belum memiliki evaluasi tahunan final dan belum dihitung.
            </Alert>
          )}
          {kurva.hasil && kurva.hasil.pelanggaran.length > 0 && (
            <Alert color="red" title="Distribusi menyimpang dari kurva">
              <List size="sm">
                {kurva.hasil.pelanggaran.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {kurva.hasil && (
            <Text size="sm" c="dimmed">
              Ketentuan: {kurva.hasil.ketentuan.join(' ')}
            </Text>
          )}
        </Stack>
      </Card>

      <Card withBorder>
        <Stack gap="xs">
          <Title order={4}>Papan kalibrasi</Title>
          {!papan ? (
            <Text size="sm" c="dimmed">
              Kalibrasi dilakukan pada penilaian periodik; kurva tahunan memakai hasil evaluasi tahunan.
            </Text>
          ) : (
            <>
              {!papan.lengkap && (
                <Text size="sm" c="dimmed">
                  Hanya sebagian pegawai ditampilkan; jumlah pada kurva tetap mencakup seluruh unit.
                </Text>
              )}
              <PapanKalibrasi data={papan} dapatUbah={kurva.hak.kalibrasi} onPilih={setDipilih} />
            </>
          )}
          {dipilih && kurva.hak.kalibrasi && (
            <FormKalibrasi
              key={dipilih.penilaianId}
              unorId={unorId}
              p={dipilih}
              onSaved={() => {
                setDipilih(null);
                void muatUlang();
              }}
            />
          )}
        </Stack>
      </Card>

      <Card withBorder>
        <Stack gap="xs">
          <Title order={4}>Penetapan predikat kinerja</Title>
          {kurva.penetapan ? (
            <Alert color="teal" title="Sudah ditetapkan">
              Ditetapkan oleh {kurva.penetapan.ditetapkanOleh.namaLengkap} pada{' '}
              {formatTanggal(kurva.penetapan.ditetapkanAt)}.
              {kurva.penetapan.justifikasi && ` Justifikasi: ${kurva.penetapan.justifikasi}`}
              <Group gap="xs" mt="xs">
                <Button
                  component="a"
                  size="xs"
                  variant="white"
                  href={`/api/dokumen/penetapan/${kurva.unor.id}?periode=${kurva.periode}`}
                  download
                >
                  Unduh Penetapan Predikat (PDF)
                </Button>
                {/* One PDF per employee: made as a job (ADR 0011), downloaded from the tray when ready. */}
                <TombolPekerjaan
                  size="xs"
                  variant="white"
                  path={`/api/dokumen/unit/${kurva.unor.id}/zip/latar?periode=${kurva.periode}`}
                  pesan="Dokumen unit sedang disiapkan; unduh dari panel Pekerjaan bila sudah selesai."
                >
                  Siapkan dokumen evaluasi unit (ZIP)
                </TombolPekerjaan>
              </Group>
            </Alert>
          ) : (
            !kurva.hak.penetapan && (
              <Text c="dimmed" size="sm">
                Penetapan dilakukan oleh pimpinan unit setelah predikat kinerja organisasi ditetapkan.
              </Text>
            )
          )}
          {kurva.hak.penetapan && <Penetapan kurva={kurva} onSaved={muatUlang} />}
        </Stack>
      </Card>
    </Stack>
  );
}
