/**
 * One functional employee's angka kredit (SPEC §7.2): the year's periods, the final annual figure
 * when there is one, the cumulative total as progress toward the next pangkat or jenjang, and — for
 * the BKD admin — the initial AK the employee brought in.
 */

import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatPersen } from '../../../src/domain/angka';
import { JENJANG_LABEL } from '../../../src/domain/jabatan';
import { formatNip } from '../../../src/domain/nip';
import { PREDIKAT_PEGAWAI_LABEL } from '../../../src/domain/predikat';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { put } from '../../lib/api';
import { formatTanggal } from '../../lib/istilah';
import { type AngkaKreditPegawaiOut, angkaKreditKeys, angkaKreditPegawaiQuery, formatAk } from './api';

const SUMBER = {
  TAHUNAN: 'Dari evaluasi tahunan yang sudah final (menggantikan jumlah angka kredit periodik tahun ini).',
  PERIODIK: 'Jumlah angka kredit periodik; diganti angka dari evaluasi tahunan setelah evaluasi itu final.',
  KOSONG: 'Belum ada penilaian pada tahun ini.',
} as const;

const SUMBER_SINGKAT = {
  TAHUNAN: 'Evaluasi tahunan',
  PERIODIK: 'Jumlah periodik',
  KOSONG: 'Belum dinilai',
} as const;

function Kemajuan({ d }: { d: AngkaKreditPegawaiOut }) {
  const langkah = d.langkahBerikut;
  if (!langkah) {
    return (
      <Text size="sm">
        Kumulatif <b>{formatAk(d.kumulatif)}</b> AK. Jenjang dan pangkat ini sudah puncak; tidak ada kenaikan
        berikutnya yang memerlukan angka kredit.
      </Text>
    );
  }
  const persen = Math.min(100, (d.kumulatif / langkah.kebutuhan) * 100);
  const selisih = d.selisih ?? 0;
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={500}>
          {langkah.label}
        </Text>
        <Text size="sm">
          <b>{formatAk(d.kumulatif)}</b> / {formatAk(langkah.kebutuhan)} AK
        </Text>
      </Group>
      <Progress
        value={persen}
        color={selisih >= 0 ? 'teal' : 'blue'}
        size="lg"
        aria-label={`Kemajuan angka kredit ${formatPersen(persen, 0)}`}
      />
      <Text size="sm" c={selisih >= 0 ? 'teal.8' : 'dimmed'}>
        {selisih >= 0
          ? `Angka kredit sudah mencukupi (lebih ${formatAk(selisih)} AK).`
          : `Kurang ${formatAk(-selisih)} AK.`}
      </Text>
    </Stack>
  );
}

/**
 * The year's SKP parts (SPEC §7.2): after a mid-year mutation each plan counts its own months once,
 * from its final annual evaluation or, until then, from its periodic ratings.
 */
function PerSkp({ d }: { d: AngkaKreditPegawaiOut }) {
  if (d.bagian.length === 0) return null;
  return (
    <div>
      <Title order={3} size="h5" mb="xs">
        Per SKP, {d.tahun}
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table striped aria-label="Angka kredit per SKP">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>SKP (jabatan dan masa)</Table.Th>
              <Table.Th>Sumber</Table.Th>
              <Table.Th ta="right">Bulan</Table.Th>
              <Table.Th ta="right">AK</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.bagian.map((b) => (
              <Table.Tr key={b.skpId}>
                <Table.Td>
                  {b.jabatanNama}
                  <Text size="xs" c="dimmed">
                    {formatTanggal(b.periodeMulai)} – {formatTanggal(b.periodeAkhir)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {SUMBER_SINGKAT[b.sumber]}
                  {!b.evaluasiFinal && (
                    <Badge ml={6} size="xs" variant="light" color="yellow">
                      sementara
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">{b.bulan}</Table.Td>
                <Table.Td ta="right">{formatAk(b.angkaKredit)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={2} fw={600}>
                Jumlah tahun {d.tahun}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {d.bagian.reduce((n, b) => n + b.bulan, 0)}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatAk(d.akTahun)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>
        Setiap bulan dihitung sekali, pada SKP yang berlaku di tanggal 1 bulan itu.
      </Text>
    </div>
  );
}

function FormAwal({ d }: { d: AngkaKreditPegawaiOut }) {
  const aksi = useAksi((qc) => qc.invalidateQueries({ queryKey: angkaKreditKeys.semua }));
  const [nilai, setNilai] = useState<number | string>(d.awal?.nilai ?? 0);
  const [tahunMulai, setTahunMulai] = useState<number | string>(d.awal?.tahunMulai ?? d.tahun);
  const [keterangan, setKeterangan] = useState(d.awal?.keterangan ?? '');
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Angka kredit awal (konversi/integrasi)
        </Title>
        <Text size="xs" c="dimmed">
          Angka kredit yang dibawa pegawai dari penetapan sebelumnya, dan tahun mulai dihitungnya predikat
          dari aplikasi ini. Setelah kenaikan jenjang, tetapkan ulang angka awal dan tahunnya.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Angka kredit awal"
            value={nilai}
            onChange={setNilai}
            min={0}
            decimalScale={3}
            decimalSeparator=","
            thousandSeparator="."
          />
          <NumberInput
            label="Tahun mulai"
            value={tahunMulai}
            onChange={setTahunMulai}
            min={2000}
            max={2100}
            allowDecimal={false}
          />
        </SimpleGrid>
        <Textarea
          label="Keterangan"
          placeholder="mis. PAK konversi Nomor ... tanggal ..."
          value={keterangan}
          onChange={(e) => setKeterangan(e.currentTarget.value)}
          autosize
          minRows={1}
        />
        <GalatAksi aksi={aksi} />
        <Group>
          <Button
            loading={aksi.busy}
            onClick={() =>
              aksi.run(
                () =>
                  put(`/api/angka-kredit/pegawai/${d.pegawai.id}/awal`, {
                    nilai: Number(nilai),
                    tahunMulai: Number(tahunMulai),
                    keterangan: keterangan.trim() || null,
                    ...(d.awal ? { version: d.awal.version } : {}),
                  }),
                'Angka kredit awal disimpan.',
              )
            }
          >
            Simpan angka kredit awal
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function AngkaKreditPegawai({
  pegawaiId,
  tahun,
  bisaUbahAwal,
}: {
  pegawaiId: number;
  tahun: number;
  bisaUbahAwal: boolean;
}) {
  const query = useQuery(angkaKreditPegawaiQuery(pegawaiId, tahun));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const d = query.data;
  return (
    <Stack>
      <Card withBorder>
        <Stack gap="sm">
          <div>
            <Text fw={600}>{d.pegawai.namaLengkap}</Text>
            <Text size="sm" c="dimmed">
              {formatNip(d.pegawai.nip)} · {d.pegawai.jabatanNama ?? '–'} · {d.pangkatGolongan}
            </Text>
          </div>
          <Group gap="xs">
            <Badge variant="light">Jenjang {JENJANG_LABEL[d.jenjang]}</Badge>
            {d.awal && (
              <Badge variant="outline" color="gray">
                AK awal {formatAk(d.awal.nilai)} sejak {d.awal.tahunMulai}
              </Badge>
            )}
          </Group>
          <Kemajuan d={d} />
        </Stack>
      </Card>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            Angka kredit tahun {d.tahun}
          </Text>
          <Text fz="xl" fw={700}>
            {formatAk(d.akTahun)}
          </Text>
          <Text size="xs" c="dimmed">
            {SUMBER[d.sumber]}
          </Text>
          {d.sementara && (
            <Badge mt={6} variant="light" color="yellow">
              Sementara
            </Badge>
          )}
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            Angka kredit kumulatif s.d. {d.tahun}
          </Text>
          <Text fz="xl" fw={700}>
            {formatAk(d.kumulatif)}
          </Text>
          <Text size="xs" c="dimmed">
            Angka kredit awal ditambah setiap tahun sejak tahun mulai, dijumlahkan sebelum dibulatkan.
          </Text>
        </Card>
      </SimpleGrid>

      {d.belumFinal.length > 0 && (
        <Alert color="yellow" title={`Angka kredit ${d.tahun} masih sementara`}>
          <Stack gap={2}>
            {d.belumFinal.map((t) => (
              <Text key={t} size="sm">
                {t}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      <PerSkp d={d} />

      <div>
        <Title order={3} size="h5" mb="xs">
          Per periode, {d.tahun}
        </Title>
        {d.periodik.length === 0 ? (
          <Text size="sm" c="dimmed">
            Belum ada penilaian periodik pada tahun ini.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table striped aria-label="Angka kredit per periode">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Periode</Table.Th>
                  <Table.Th>Predikat</Table.Th>
                  <Table.Th ta="right">Bulan</Table.Th>
                  <Table.Th ta="right">AK</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.periodik.map((p) => (
                  <Table.Tr key={p.periodeKode}>
                    <Table.Td>{p.periodeLabel}</Table.Td>
                    <Table.Td>{PREDIKAT_PEGAWAI_LABEL[p.predikat]}</Table.Td>
                    <Table.Td ta="right">{p.bulan}</Table.Td>
                    <Table.Td ta="right">{formatAk(p.angkaKredit)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td colSpan={3} fw={600}>
                    Jumlah periodik
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatAk(d.jumlahPeriodik)}
                  </Table.Td>
                </Table.Tr>
                {d.tahunan.map((t) => (
                  <Table.Tr key={t.skpId}>
                    <Table.Td fw={600}>Evaluasi tahunan (final)</Table.Td>
                    <Table.Td>{PREDIKAT_PEGAWAI_LABEL[t.predikat]}</Table.Td>
                    <Table.Td ta="right">{t.bulan}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {formatAk(t.angkaKredit)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt={4}>
              Tiap baris dibulatkan dua desimal; jumlah dihitung dari nilai sebelum dibulatkan, lalu
              dibulatkan sekali.
            </Text>
          </Table.ScrollContainer>
        )}
      </div>

      <div>
        <Title order={3} size="h5" mb="xs">
          Per tahun
        </Title>
        <Table striped aria-label="Angka kredit per tahun">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tahun</Table.Th>
              <Table.Th>Sumber</Table.Th>
              <Table.Th ta="right">AK</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.awal && (
              <Table.Tr>
                <Table.Td>Awal</Table.Td>
                <Table.Td>{d.awal.keterangan ?? 'Angka kredit awal'}</Table.Td>
                <Table.Td ta="right">{formatAk(d.awal.nilai)}</Table.Td>
              </Table.Tr>
            )}
            {d.perTahun.map((t) => (
              <Table.Tr key={t.tahun}>
                <Table.Td>{t.tahun}</Table.Td>
                <Table.Td>{SUMBER_SINGKAT[t.sumber]}</Table.Td>
                <Table.Td ta="right">{formatAk(t.angkaKredit)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>

      {bisaUbahAwal && <FormAwal key={`${d.pegawai.id}-${d.awal?.version ?? 0}`} d={d} />}
    </Stack>
  );
}
