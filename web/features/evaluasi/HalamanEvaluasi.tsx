/**
 * One SKP's annual evaluation: the periodic predikat and the suggestion with the months it comes
 * from, the assessor's ratings (live predikat), catatan and rekomendasi, the two signatures, and
 * the objection.
 */
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { labelKodePeriode, STATUS_EVALUASI_LABEL } from '../../../src/domain/evaluasi';
import { formatNip } from '../../../src/domain/nip';
import {
  PREDIKAT_ORGANISASI_LABEL,
  PREDIKAT_PEGAWAI_LABEL,
  RATING_LABEL,
} from '../../../src/domain/predikat';
import { ErrorView, Loading } from '../../components/Status';
import { SumberHasil } from '../../components/SumberHasil';
import { GalatAksi } from '../../lib/aksi';
import { post, put } from '../../lib/api';
import { formatTanggal } from '../../lib/istilah';
import { useEvaluasiAksi } from './aksi';
import { type EvaluasiView, evaluasiSkpQuery } from './api';
import { PanelKeberatan } from './PanelKeberatan';
import { type IsianRating, PilihRating } from './PilihRating';

const sumber = (s: { periode: string[] } | null) =>
  s ? `dari ${s.periode.map(labelKodePeriode).join(', ')}` : '';

function FormEvaluasi({ view }: { view: EvaluasiView }) {
  const aksi = useEvaluasiAksi();
  const e = view.evaluasi;
  const [isian, setIsian] = useState<IsianRating>({
    hasilKerja: e?.ratingHasilKerja ?? view.saran.ratingHasilKerja?.rating ?? null,
    perilaku: e?.ratingPerilaku ?? view.saran.ratingPerilaku?.rating ?? null,
  });
  const [catatan, setCatatan] = useState(e?.catatan ?? '');
  const [rekomendasi, setRekomendasi] = useState(e?.rekomendasi ?? '');
  return (
    <Stack>
      <PilihRating isian={isian} onChange={setIsian} />
      <Textarea
        label="Catatan"
        autosize
        minRows={2}
        maxLength={2000}
        value={catatan}
        onChange={(x) => setCatatan(x.currentTarget.value)}
      />
      <Textarea
        label="Rekomendasi"
        autosize
        minRows={2}
        maxLength={2000}
        value={rekomendasi}
        onChange={(x) => setRekomendasi(x.currentTarget.value)}
      />
      <GalatAksi aksi={aksi} />
      <Group>
        <Button
          disabled={!isian.hasilKerja || !isian.perilaku}
          loading={aksi.busy}
          onClick={() =>
            aksi.run(
              () =>
                put(`/api/evaluasi/skp/${view.skp.skpId}`, {
                  version: e?.version,
                  ratingHasilKerja: isian.hasilKerja,
                  ratingPerilaku: isian.perilaku,
                  catatan: catatan || null,
                  rekomendasi: rekomendasi || null,
                }),
              'Evaluasi tahunan tersimpan.',
            )
          }
        >
          Simpan evaluasi
        </Button>
      </Group>
    </Stack>
  );
}

function AksiEvaluasi({ view }: { view: EvaluasiView }) {
  const aksi = useEvaluasiAksi();
  const [alasan, setAlasan] = useState('');
  const e = view.evaluasi!;
  return (
    <Stack>
      {/* An imported result's documents are the national application's (its signatures are there). */}
      {e.sumber === 'LOKAL' && (
        <Group gap="xs">
          <Button
            component="a"
            href={`/api/dokumen/evaluasi/ringkas/${view.skp.skpId}`}
            download
            variant="default"
          >
            Unduh Dokumen Evaluasi (PDF)
          </Button>
          <Button
            component="a"
            href={`/api/dokumen/evaluasi/tahunan/${view.skp.skpId}`}
            download
            variant="default"
          >
            Unduh Evaluasi Kinerja Pegawai (PDF)
          </Button>
        </Group>
      )}
      {view.boleh.tandaTangan && (
        <Group>
          <Button
            loading={aksi.busy}
            onClick={() =>
              aksi.run(
                () => post(`/api/evaluasi/skp/${view.skp.skpId}/tanda-tangan`, { version: e.version }),
                e.status === 'DRAF'
                  ? 'Evaluasi ditandatangani; menunggu tanda tangan pegawai.'
                  : 'Evaluasi tahunan final.',
              )
            }
          >
            Tanda tangani evaluasi
          </Button>
        </Group>
      )}
      {view.boleh.keberatan && (
        <Card withBorder>
          <Stack>
            <Text size="sm">
              Anda dapat mengajukan keberatan kepada atasan pejabat penilai paling lambat{' '}
              {formatTanggal(view.batasKeberatan)}. Keputusan atasan pejabat penilai bersifat final.
            </Text>
            <Textarea
              label="Alasan keberatan"
              autosize
              minRows={3}
              maxLength={2000}
              value={alasan}
              onChange={(x) => setAlasan(x.currentTarget.value)}
            />
            <Group>
              <Button
                color="orange"
                disabled={alasan.trim().length < 3}
                loading={aksi.busy}
                onClick={() =>
                  aksi.run(
                    () => post(`/api/evaluasi/skp/${view.skp.skpId}/keberatan`, { alasan }),
                    'Keberatan diajukan.',
                  )
                }
              >
                Ajukan keberatan
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <GalatAksi aksi={aksi} />
    </Stack>
  );
}

/**
 * The employee's earlier plans of the year (a mid-year mutation, SPEC §4.1): the assessor of the last
 * one decides with their evaluations beside it; each was evaluated by its own assessor.
 */
function SkpSebelumnya({ view }: { view: EvaluasiView }) {
  if (view.skpSebelumnya.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        SKP sebelumnya tahun {view.skp.tahun}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table striped aria-label="SKP sebelumnya">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Jabatan dan masa</Table.Th>
              <Table.Th>Pejabat penilai</Table.Th>
              <Table.Th>Evaluasi tahunan</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.skpSebelumnya.map((s) => (
              <Table.Tr key={s.skpId}>
                <Table.Td>
                  {s.jabatanNama}
                  <Text size="xs" c="dimmed">
                    {formatTanggal(s.periodeMulai)} – {formatTanggal(s.periodeAkhir)}
                  </Text>
                </Table.Td>
                <Table.Td>{s.pejabatPenilai?.namaLengkap ?? '—'}</Table.Td>
                <Table.Td>
                  {s.evaluasi
                    ? `${PREDIKAT_PEGAWAI_LABEL[s.evaluasi.predikat]} (${STATUS_EVALUASI_LABEL[s.evaluasi.status]})`
                    : 'Belum dievaluasi'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export function HalamanEvaluasi({ skpId }: { skpId: number }) {
  const q = useQuery(evaluasiSkpQuery(skpId));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorView error={q.error} />;
  const v = q.data;
  const e = v.evaluasi;
  return (
    <Stack>
      <Card withBorder>
        <Title order={3} size="h4">
          {v.skp.pegawai.namaLengkap}
        </Title>
        <Text size="sm">
          NIP {formatNip(v.skp.pegawai.nip)} · {v.skp.jabatanNama} · {formatTanggal(v.skp.periodeMulai)} –{' '}
          {formatTanggal(v.skp.periodeAkhir)}
        </Text>
        <Text size="sm">Pejabat penilai: {v.skp.pejabatPenilai?.namaLengkap ?? '—'}</Text>
        <Text size="sm">Batas evaluasi tahunan: {formatTanggal(v.batasEvaluasi)}</Text>
        <Text size="sm">
          Capaian kinerja organisasi:{' '}
          {v.predikatOrganisasi ? PREDIKAT_ORGANISASI_LABEL[v.predikatOrganisasi] : 'belum ditetapkan'}
        </Text>
      </Card>

      <SkpSebelumnya view={v} />

      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Penilaian periodik
        </Title>
        {v.periodik.length ? (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Periode</Table.Th>
                  <Table.Th>Rating hasil kerja</Table.Th>
                  <Table.Th>Rating perilaku kerja</Table.Th>
                  <Table.Th>Predikat</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.periodik.map((p) => (
                  <Table.Tr key={`${p.skpId}-${p.periodeKode}`}>
                    <Table.Td>{labelKodePeriode(p.periodeKode)}</Table.Td>
                    <Table.Td>{RATING_LABEL[p.ratingHasilKerja]}</Table.Td>
                    <Table.Td>{RATING_LABEL[p.ratingPerilaku]}</Table.Td>
                    <Table.Td>
                      {PREDIKAT_PEGAWAI_LABEL[p.predikat]}
                      <SumberHasil sumber={p.sumber} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text c="dimmed">Belum ada penilaian periodik untuk SKP ini.</Text>
        )}
        {v.saran.ratingHasilKerja && v.saran.ratingPerilaku && (
          <Text size="sm" mt="sm">
            Saran sistem (rating terbanyak, seri ke yang terakhir): hasil kerja{' '}
            <b>{RATING_LABEL[v.saran.ratingHasilKerja.rating]}</b> {sumber(v.saran.ratingHasilKerja)}
            {'; '}perilaku kerja <b>{RATING_LABEL[v.saran.ratingPerilaku.rating]}</b>{' '}
            {sumber(v.saran.ratingPerilaku)}.
          </Text>
        )}
        {v.kepalaUnit && (
          <Alert color="blue" mt="sm" title="Rating hasil kerja pimpinan unit">
            {v.kepalaUnit.alasan} Rating ini diterapkan saat evaluasi disimpan.
          </Alert>
        )}
      </Card>

      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            Evaluasi kinerja tahunan
          </Title>
          {e && (
            <Badge variant="light" color={e.status === 'FINAL' ? 'teal' : 'gray'}>
              {STATUS_EVALUASI_LABEL[e.status]}
            </Badge>
          )}
        </Group>
        {v.boleh.ubah ? (
          <FormEvaluasi key={e?.version ?? 0} view={v} />
        ) : e ? (
          <Stack gap={4}>
            {/* The national report has only the predikat: the stored ratings are derived from it. */}
            {e.sumber === 'LOKAL' && (
              <>
                <Text size="sm">Rating hasil kerja: {RATING_LABEL[e.ratingHasilKerja]}</Text>
                <Text size="sm">Rating perilaku kerja: {RATING_LABEL[e.ratingPerilaku]}</Text>
              </>
            )}
            <Text size="sm" fw={600}>
              Predikat: {PREDIKAT_PEGAWAI_LABEL[e.predikat]}
            </Text>
            <SumberHasil sumber={e.sumber} />
            {e.catatan && <Text size="sm">Catatan: {e.catatan}</Text>}
            {e.rekomendasi && <Text size="sm">Rekomendasi: {e.rekomendasi}</Text>}
            {v.hasilAkhir && v.hasilAkhir.predikat !== e.predikat && (
              <Text size="sm" fw={600} c="orange">
                Predikat akhir setelah keputusan keberatan: {PREDIKAT_PEGAWAI_LABEL[v.hasilAkhir.predikat]}
              </Text>
            )}
          </Stack>
        ) : (
          <Text c="dimmed">Evaluasi tahunan belum diisi pejabat penilai.</Text>
        )}
        {e && (
          <Text size="xs" c="dimmed" mt="sm">
            Ditandatangani pejabat penilai:{' '}
            {e.ditandatanganiPenilaiAt ? formatTanggal(e.ditandatanganiPenilaiAt) : 'belum'} · pegawai:{' '}
            {e.ditandatanganiPegawaiAt ? formatTanggal(e.ditandatanganiPegawaiAt) : 'belum'}
          </Text>
        )}
        {e && (
          <div>
            <AksiEvaluasi view={v} />
          </div>
        )}
      </Card>

      {v.keberatan && <PanelKeberatan view={v} />}
    </Stack>
  );
}
