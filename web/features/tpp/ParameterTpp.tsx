/**
 * The instansi's TPP parameters as the BKD sets them per Perkada: base amount per kelas jabatan,
 * weights, lateness and early-leave bands, absence and missed-ceremony deductions, what productivity
 * follows (predikat factors or the share of approved realisasi), withholding. Checked
 * as typed (the same rules as the server), saved with the version read (409 → "Muat ulang").
 * Months already approved keep the parameters they were computed with.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { NAMA_BULAN } from '../../../src/domain/jadwal';
import { PREDIKAT_PEGAWAI, PREDIKAT_PEGAWAI_LABEL } from '../../../src/domain/predikat';
import {
  DASAR_PRODUKTIVITAS,
  DASAR_PRODUKTIVITAS_LABEL,
  type DasarProduktivitas,
  type ParameterTpp,
  type PitaPotongan,
  validasiParameterTpp,
} from '../../../src/domain/tpp';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi } from '../../lib/aksi';
import { put } from '../../lib/api';
import { useTppAksi } from './aksi';
import { type ParameterTppOut, parameterQuery } from './api';
import { angka, PERSEN, RIBUAN } from './isian';
import { PotonganKepatuhan } from './PotonganKepatuhan';

function TabelPita({
  judul,
  pita,
  ubah,
  boleh,
}: {
  judul: string;
  pita: PitaPotongan[];
  ubah: (p: PitaPotongan[]) => void;
  boleh: boolean;
}) {
  // Stable row keys while bands are typed in, added and removed (a band's values change as it is edited).
  const berikut = useRef(pita.length);
  const [kunci, setKunci] = useState(() => pita.map((_, i) => i));
  const keys = kunci.length === pita.length ? kunci : pita.map((_, i) => i);
  const hapus = (i: number) => {
    setKunci(keys.filter((_, j) => j !== i));
    ubah(pita.filter((_, j) => j !== i));
  };
  const set = (i: number, isi: Partial<PitaPotongan>) =>
    ubah(pita.map((p, j) => (j === i ? { ...p, ...isi } : p)));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {judul}
      </Text>
      <Table.ScrollContainer minWidth={320}>
        <Table aria-label={judul} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Dari (menit)</Table.Th>
              <Table.Th>Sampai (menit)</Table.Th>
              <Table.Th>Potongan per kali (%)</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pita.map((p, i) => (
              <Table.Tr key={keys[i]}>
                <Table.Td>
                  <NumberInput
                    aria-label={`${judul} ke-${i + 1} dari menit`}
                    value={p.dariMenit}
                    onChange={(v) => set(i, { dariMenit: angka(v) })}
                    min={1}
                    allowDecimal={false}
                    disabled={!boleh}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${judul} ke-${i + 1} sampai menit`}
                    placeholder="tanpa batas"
                    value={p.sampaiMenit ?? ''}
                    onChange={(v) => set(i, { sampaiMenit: v === '' ? null : Number(v) })}
                    min={1}
                    allowDecimal={false}
                    disabled={!boleh}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${judul} ke-${i + 1} persen`}
                    value={p.persen}
                    onChange={(v) => set(i, { persen: angka(v) })}
                    {...PERSEN}
                    disabled={!boleh}
                  />
                </Table.Td>
                <Table.Td>
                  {boleh && pita.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Hapus ${judul.toLowerCase()} ke-${i + 1}`}
                      onClick={() => hapus(i)}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {boleh && (
        <div>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setKunci([...keys, berikut.current++]);
              const akhir = pita.at(-1);
              const dari = akhir ? (akhir.sampaiMenit ?? akhir.dariMenit + 29) + 1 : 1;
              ubah([
                ...pita.slice(0, -1),
                ...(akhir ? [{ ...akhir, sampaiMenit: dari - 1 }] : []),
                { dariMenit: dari, sampaiMenit: null, persen: akhir?.persen ?? 0 },
              ]);
            }}
          >
            Tambah pita
          </Button>
        </div>
      )}
    </Stack>
  );
}

const KETERANGAN_DASAR: Record<DasarProduktivitas, string> = {
  PREDIKAT: 'Bagian produktivitas × faktor predikat bulanan pegawai (tabel di bawah).',
  REALISASI:
    'Bagian produktivitas × realisasi yang diterima penilai ÷ jumlah RHK pada SKP yang disetujui untuk periode itu. Realisasi yang perlu perbaikan atau belum diajukan tidak termasuk yang disetujui.',
};

function Formulir({ awal, boleh }: { awal: ParameterTppOut; boleh: boolean }) {
  const aksi = useTppAksi();
  const [p, setP] = useState<ParameterTpp>(awal.parameter);
  const [dasarHukum, setDasarHukum] = useState(awal.dasarHukum ?? '');
  useEffect(() => {
    setP(awal.parameter);
    setDasarHukum(awal.dasarHukum ?? '');
  }, [awal]);
  const salah = validasiParameterTpp(p);
  const kelas = Object.keys(p.dasarPerKelas).sort((a, b) => Number(a) - Number(b));
  const setDasar = (k: string, v: number) =>
    setP((x) => ({ ...x, dasarPerKelas: { ...x.dasarPerKelas, [k]: v } }));

  const simpan = () =>
    aksi.run(
      () =>
        put('/api/tpp/parameter', {
          parameter: p,
          dasarHukum: dasarHukum.trim() || null,
          ...(awal.version === null ? {} : { version: awal.version }),
        }),
      'Parameter TPP tersimpan.',
    );

  return (
    <Stack gap="md" aria-label="Parameter TPP">
      <Text size="sm" c="dimmed">
        {awal.version === null
          ? 'Saat ini memakai parameter bawaan; simpan untuk menetapkan parameter instansi.'
          : `Versi ${awal.version}.`}{' '}
        Bulan yang sudah disetujui tetap memakai parameter saat dihitung.
      </Text>
      <Textarea
        label="Dasar hukum (Perkada)"
        placeholder="mis. Peraturan Gubernur Gorontalo Nomor … Tahun … tentang TPP"
        value={dasarHukum}
        onChange={(e) => setDasarHukum(e.currentTarget.value)}
        autosize
        minRows={1}
        maxLength={1000}
        disabled={!boleh}
      />
      <Card withBorder padding="sm">
        <Text size="sm" fw={600} mb="xs">
          Besaran TPP per kelas jabatan (Rp per bulan)
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
          {kelas.map((k) => (
            <NumberInput
              key={k}
              label={`Kelas ${k}`}
              value={p.dasarPerKelas[k]}
              onChange={(v) => setDasar(k, angka(v))}
              min={0}
              allowDecimal={false}
              prefix="Rp "
              {...RIBUAN}
              disabled={!boleh}
            />
          ))}
        </SimpleGrid>
        {boleh && kelas.length < 20 && (
          <Button
            mt="xs"
            size="xs"
            variant="subtle"
            onClick={() => setDasar(String(Math.max(0, ...kelas.map(Number)) + 1), 0)}
          >
            Tambah kelas
          </Button>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {(
          [
            ['bobotProduktivitas', 'Bobot produktivitas (%)', null],
            ['bobotDisiplin', 'Bobot disiplin (%)', null],
            ['persenTanpaKeterangan', 'Tanpa keterangan, per hari (%)', null],
            [
              'persenApel',
              'Tidak mengikuti apel/upacara, per kali (%)',
              'Dari kolom Apel pada impor kehadiran; dihitung hanya pada hari Hadir. 0 = tidak dipotong.',
            ],
          ] as const
        ).map(([k, label, keterangan]) => (
          <NumberInput
            key={k}
            label={label}
            description={keterangan}
            value={p[k]}
            onChange={(v) => setP((x) => ({ ...x, [k]: angka(v) }))}
            {...PERSEN}
            disabled={!boleh}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TabelPita
          judul="Pita keterlambatan"
          pita={p.pitaTerlambat}
          ubah={(pita) => setP((x) => ({ ...x, pitaTerlambat: pita }))}
          boleh={boleh}
        />
        <TabelPita
          judul="Pita pulang cepat"
          pita={p.pitaPulangCepat}
          ubah={(pita) => setP((x) => ({ ...x, pitaPulangCepat: pita }))}
          boleh={boleh}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Pita terakhir tanpa batas akhir juga berlaku untuk hari hadir tanpa catatan jam masuk atau pulang.
        Dinas luar, cuti, sakit dan izin tidak dipotong, termasuk bila apel/upacara hari itu terlewat.
      </Text>
      <Card withBorder padding="sm">
        <Radio.Group
          label="Dasar produktivitas"
          description="Yang menentukan bagian produktivitas setiap pegawai."
          value={p.dasarProduktivitas}
          onChange={(v) => setP((x) => ({ ...x, dasarProduktivitas: v as DasarProduktivitas }))}
          mb="sm"
        >
          <Stack gap="xs" mt="xs">
            {DASAR_PRODUKTIVITAS.map((d) => (
              <Radio
                key={d}
                value={d}
                label={DASAR_PRODUKTIVITAS_LABEL[d]}
                description={KETERANGAN_DASAR[d]}
                disabled={!boleh}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm" fw={600} mb="xs">
          Faktor produktivitas menurut predikat bulanan (%)
          {p.dasarProduktivitas === 'REALISASI' && ' — tidak dipakai selama dasar produktivitas realisasi'}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs">
          {PREDIKAT_PEGAWAI.map((k) => (
            <NumberInput
              key={k}
              label={PREDIKAT_PEGAWAI_LABEL[k]}
              value={p.faktorPredikat[k]}
              onChange={(v) =>
                setP((x) => ({ ...x, faktorPredikat: { ...x.faktorPredikat, [k]: angka(v) } }))
              }
              {...PERSEN}
              disabled={!boleh}
            />
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="xs">
          {p.dasarProduktivitas === 'REALISASI'
            ? 'Pegawai tanpa SKP disetujui, yang belum satu pun realisasinya dinilai, atau yang masih punya realisasi menunggu penilaian atasan'
            : 'Pegawai yang belum memiliki predikat bulan itu'}{' '}
          berstatus menunggu penilaian: bagian produktivitasnya belum dihitung, bukan 0 %.
        </Text>
      </Card>
      <PotonganKepatuhan
        nilai={p.kepatuhanHarian}
        ubah={(kepatuhanHarian) => setP((x) => ({ ...x, kepatuhanHarian }))}
        boleh={boleh}
      />
      <Switch
        label="Tahan TPP pegawai yang SKP tahunannya belum disetujui"
        checked={p.tahanTanpaSkp}
        onChange={(e) => {
          const tahanTanpaSkp = e.currentTarget.checked;
          setP((x) => ({ ...x, tahanTanpaSkp }));
        }}
        disabled={!boleh}
      />
      <Select
        label="Tahan TPP selama evaluasi kinerja tahunan tahun lalu belum final, mulai bulan"
        description="Mis. April: TPP April 2027 dan seterusnya ditahan bagi pegawai yang evaluasi tahunan 2026-nya (SKP terakhirnya) belum final. Rincian TPP menyebut evaluasi yang belum final."
        data={[
          { value: '', label: 'Tidak ditahan' },
          ...NAMA_BULAN.map((nama, i) => ({ value: String(i + 1), label: nama })),
        ]}
        value={p.tahanEvaluasiSejakBulan === null ? '' : String(p.tahanEvaluasiSejakBulan)}
        onChange={(v) => setP((x) => ({ ...x, tahanEvaluasiSejakBulan: v ? Number(v) : null }))}
        allowDeselect={false}
        disabled={!boleh}
        maw={420}
      />
      {salah.length > 0 && (
        <Alert color="red" title="Parameter belum dapat disimpan" role="alert">
          <List size="sm">
            {salah.map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <GalatAksi aksi={aksi} />
      {boleh && (
        <Group>
          <Button onClick={simpan} loading={aksi.busy} disabled={salah.length > 0}>
            Simpan parameter
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function ParameterTppEditor({ boleh }: { boleh: boolean }) {
  const query = useQuery(parameterQuery);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return <Formulir awal={query.data} boleh={boleh} />;
}
