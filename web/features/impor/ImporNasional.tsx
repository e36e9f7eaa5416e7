/**
 * The BKD imports the national application's "Laporan Penilaian SKP" or "Laporan SKP": a dry run
 * names the report read, lists what cannot be matched and every month or year that already has a
 * local evaluation; the BKD chooses per conflict, and the commit applies exactly those choices.
 */
import { Alert, Card, List, NumberInput, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ImporNasionalResponse } from '../../../src/contracts/impor-nasional';
import { STATUS_EVALUASI_LABEL } from '../../../src/domain/evaluasi';
import { NAMA_BULAN, parseYearMonth } from '../../../src/domain/jadwal';
import { JENIS_LAPORAN_NASIONAL_LABEL } from '../../../src/domain/laporan';
import { formatNip } from '../../../src/domain/nip';
import { PREDIKAT_PEGAWAI_LABEL } from '../../../src/domain/predikat';
import { BarisSalah } from '../../components/BarisSalah';
import { ImporBerkas } from '../../components/ImporBerkas';
import { useImporBerkas } from '../../lib/impor';

/** A month (YYYY-MM) or the annual result (YYYY). */
const periode = (kode: string) => {
  if (/^\d{4}$/.test(kode)) return `Tahunan ${kode}`;
  const { tahun, bulan: b } = parseYearMonth(kode);
  return `${NAMA_BULAN[b - 1]} ${tahun}`;
};

function Konflik({
  rows,
  ambil,
  setAmbil,
}: {
  rows: ImporNasionalResponse['konflik'];
  ambil: Set<string>;
  setAmbil: (s: Set<string>) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={640} mt="sm" type="native" tabIndex={0}>
      <Table striped aria-label="Konflik dengan penilaian lokal">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Pegawai</Table.Th>
            <Table.Th>Periode</Table.Th>
            <Table.Th>Lokal</Table.Th>
            <Table.Th>Nasional</Table.Th>
            <Table.Th>Pilihan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((k) => (
            <Table.Tr key={k.kunci}>
              <Table.Td>
                {k.nama}
                <Text size="xs">{formatNip(k.nip)}</Text>
              </Table.Td>
              <Table.Td>{periode(k.periode)}</Table.Td>
              <Table.Td>
                {PREDIKAT_PEGAWAI_LABEL[k.predikatLokal]}
                <Text size="xs">
                  oleh {k.penilaiLokal}
                  {k.statusLokal !== 'FINAL' && ` · ${STATUS_EVALUASI_LABEL[k.statusLokal]}, belum final`}
                </Text>
              </Table.Td>
              <Table.Td>{PREDIKAT_PEGAWAI_LABEL[k.predikatNasional]}</Table.Td>
              <Table.Td>
                {k.keberatan ? (
                  <Text size="xs">Dipertahankan: sudah diajukan keberatan</Text>
                ) : (
                  <SegmentedControl
                    size="xs"
                    aria-label={`Pilihan ${k.nama} ${periode(k.periode)}`}
                    value={ambil.has(k.kunci) ? 'nasional' : 'lokal'}
                    onChange={(v) => {
                      const s = new Set(ambil);
                      if (v === 'nasional') s.add(k.kunci);
                      else s.delete(k.kunci);
                      setAmbil(s);
                    }}
                    data={[
                      { value: 'lokal', label: 'Pertahankan lokal' },
                      { value: 'nasional', label: 'Ambil nasional' },
                    ]}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ImporNasional() {
  const [tahun, setTahun] = useState(new Date().getFullYear());
  const [ambil, setAmbil] = useState<Set<string>>(new Set());
  const pilihan = [...ambil].join(',');
  const imp = useImporBerkas<ImporNasionalResponse>(
    `/api/impor/nasional?tahun=${tahun}${pilihan ? `&ambilNasional=${encodeURIComponent(pilihan)}` : ''}`,
    {
      onCommit: () => {
        notifications.show({ color: 'teal', message: 'Hasil penilaian nasional diterapkan.' });
      },
      bagian: 'nasional',
      fromRefusal: (details) => details as ImporNasionalResponse,
    },
  );
  const { report, error } = imp;

  return (
    <Stack component="section" aria-label="Impor hasil penilaian nasional">
      <Card withBorder>
        <Stack>
          <Text size="sm">
            Unggah <b>Laporan Penilaian SKP</b> atau <b>Laporan SKP</b> yang diunduh dari aplikasi e-Kinerja
            nasional, tanpa diubah: kolom <b>NIP</b>, Nama, satu kolom per bulan berisi predikat, dan/atau
            kolom Tahunan (Predikat Kinerja). Tiap bulan menjadi penilaian periodik dan kolom tahunan menjadi
            evaluasi tahunan (final), bersumber impor nasional, yang dipakai TPP, monitoring, angka kredit,
            tindak lanjut, dan kurva. Penilaian lokal, final maupun draf, tidak pernah ditimpa kecuali Anda
            memilih “Ambil nasional”.
          </Text>
          <NumberInput
            label="Tahun penilaian"
            value={tahun}
            onChange={(v) => {
              setTahun(Number(v) || tahun);
              // A report of another year must not be applied to this one: test the file again.
              imp.setFile(imp.file);
              setAmbil(new Set());
            }}
            min={2000}
            max={2100}
            w={160}
          />
          <ImporBerkas
            imp={{
              ...imp,
              // Choices belong to the conflicts of one file.
              setFile: (f) => {
                imp.setFile(f);
                setAmbil(new Set());
              },
            }}
            label="Laporan Penilaian SKP atau Laporan SKP (XLSX atau CSV)"
          />
        </Stack>
      </Card>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {report && (
        <Card withBorder>
          <Text size="sm">Berkas terbaca sebagai {JENIS_LAPORAN_NASIONAL_LABEL[report.jenisBerkas]}.</Text>
          <Text fw={600}>
            {report.jumlahBaris} baris: {report.baru} hasil baru ({report.baruTahunan} tahunan),{' '}
            {report.gantiImpor} mengganti impor sebelumnya, {report.tidakBerubah} tidak berubah,{' '}
            {report.konflik.length} konflik, {report.kesalahan.length} salah
          </Text>
          {report.diterapkan && (
            <Text c="teal.8">
              Dibuat {report.diterapkan.dibuat}, diganti {report.diterapkan.diganti}, penilaian lokal
              dipertahankan {report.diterapkan.lokalDipertahankan}.
            </Text>
          )}
          {report.kesalahan.length > 0 && <BarisSalah rows={report.kesalahan} />}
          {report.tidakDikenal.length > 0 && (
            <>
              <Text fw={600} mt="sm">
                NIP tidak dikenal (dilewati)
              </Text>
              <List size="sm">
                {report.tidakDikenal.map((t) => (
                  <List.Item key={t.baris}>
                    Baris {t.baris}: {formatNip(t.nip)} {t.nama ?? ''}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {report.tanpaSkp.length > 0 && (
            <>
              <Text fw={600} mt="sm">
                Tanpa SKP yang disetujui (dilewati)
              </Text>
              <List size="sm">
                {report.tanpaSkp.map((t) => (
                  <List.Item key={`${t.nip}:${t.periode}`}>
                    {t.nama} ({formatNip(t.nip)}), {periode(t.periode)}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {report.konflik.length > 0 && (
            <>
              <Text fw={600} mt="sm">
                Sudah ada penilaian lokal: pilih per bulan dan per tahun
              </Text>
              <Konflik rows={report.konflik} ambil={ambil} setAmbil={setAmbil} />
            </>
          )}
        </Card>
      )}
    </Stack>
  );
}
