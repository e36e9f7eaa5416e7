/**
 * The objection on the evaluation page: the employee's reasons and the statements asked; the party
 * asked answers his own; the atasan pejabat penilai asks both sides, then decides once and for good
 * (the form says why it is still closed), and the decision names the statements it relied on.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Fieldset,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { labelDasarPihak, PIHAK_KETERANGAN, STATUS_KEBERATAN_LABEL } from '../../../src/domain/evaluasi';
import { PREDIKAT_PEGAWAI_LABEL, RATING_LABEL } from '../../../src/domain/predikat';
import { labelTanggal } from '../../../src/domain/tenggat';
import { GalatAksi } from '../../lib/aksi';
import { post } from '../../lib/api';
import { formatTanggal } from '../../lib/istilah';
import { useMe } from '../../lib/session';
import { useEvaluasiAksi } from './aksi';
import type { EvaluasiView } from './api';
import { type IsianRating, PilihRating } from './PilihRating';

type Keberatan = NonNullable<EvaluasiView['keberatan']>;

function JawabKeterangan({ keberatan, k }: { keberatan: Keberatan; k: Keberatan['keterangan'][number] }) {
  const aksi = useEvaluasiAksi();
  const [jawaban, setJawaban] = useState('');
  return (
    <Stack gap="xs">
      <Textarea
        label="Keterangan Anda"
        autosize
        minRows={2}
        maxLength={2000}
        value={jawaban}
        onChange={(x) => setJawaban(x.currentTarget.value)}
      />
      <GalatAksi aksi={aksi} />
      <Group>
        <Button
          size="xs"
          disabled={jawaban.trim().length < 3}
          loading={aksi.busy}
          onClick={() =>
            aksi.run(
              () =>
                post(`/api/keberatan/${keberatan.id}/keterangan/${k.id}/jawaban`, {
                  jawaban,
                  version: k.version,
                }),
              'Keterangan terkirim.',
            )
          }
        >
          Kirim keterangan
        </Button>
      </Group>
    </Stack>
  );
}

function FormPemutus({ keberatan }: { keberatan: Keberatan }) {
  const minta = useEvaluasiAksi();
  const putus = useEvaluasiAksi();
  const [pihak, setPihak] = useState<'PEGAWAI' | 'PENILAI'>('PEGAWAI');
  const [permintaan, setPermintaan] = useState('');
  const [keputusan, setKeputusan] = useState<'DIKUATKAN' | 'DIUBAH'>('DIKUATKAN');
  const [isian, setIsian] = useState<IsianRating>({ hasilKerja: null, perilaku: null });
  const [pertimbangan, setPertimbangan] = useState('');
  const belum = keberatan.belumDapatDiputus;
  const lengkap =
    belum === null &&
    pertimbangan.trim().length >= 3 &&
    (keputusan === 'DIKUATKAN' || (isian.hasilKerja && isian.perilaku));
  return (
    <Stack>
      <Card withBorder>
        <Stack>
          <Title order={4} size="h5">
            Minta keterangan
          </Title>
          <Select
            label="Dari"
            data={[
              { value: 'PEGAWAI', label: 'Pegawai yang mengajukan keberatan' },
              { value: 'PENILAI', label: 'Pejabat penilai' },
            ]}
            value={pihak}
            onChange={(v) => v && setPihak(v as 'PEGAWAI' | 'PENILAI')}
            allowDeselect={false}
            w={320}
          />
          <Textarea
            label="Permintaan keterangan"
            autosize
            minRows={2}
            maxLength={2000}
            value={permintaan}
            onChange={(x) => setPermintaan(x.currentTarget.value)}
          />
          <GalatAksi aksi={minta} />
          <Group>
            <Button
              variant="light"
              disabled={permintaan.trim().length < 3}
              loading={minta.busy}
              onClick={async () => {
                const ok = await minta.run(
                  () =>
                    post(`/api/keberatan/${keberatan.id}/keterangan`, {
                      pihak,
                      permintaan,
                      version: keberatan.version,
                    }),
                  'Permintaan keterangan terkirim.',
                );
                if (ok) setPermintaan('');
              }}
            >
              Kirim permintaan
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Stack>
          <Title order={4} size="h5">
            Keputusan (final)
          </Title>
          {belum !== null && (
            <Alert color="yellow" variant="light">
              {belum}
            </Alert>
          )}
          <Fieldset variant="unstyled" disabled={belum !== null}>
            <Stack>
              <Radio.Group value={keputusan} onChange={(v) => setKeputusan(v as 'DIKUATKAN' | 'DIUBAH')}>
                <Group>
                  <Radio value="DIKUATKAN" label="Dikuatkan (penilaian tetap)" />
                  <Radio value="DIUBAH" label="Diubah" />
                </Group>
              </Radio.Group>
              {keputusan === 'DIUBAH' && <PilihRating isian={isian} onChange={setIsian} />}
              <Textarea
                label="Pertimbangan"
                autosize
                minRows={3}
                maxLength={2000}
                value={pertimbangan}
                onChange={(x) => setPertimbangan(x.currentTarget.value)}
              />
            </Stack>
          </Fieldset>
          <GalatAksi aksi={putus} />
          <Group>
            <Button
              disabled={!lengkap}
              loading={putus.busy}
              onClick={() =>
                putus.run(
                  () =>
                    post(`/api/keberatan/${keberatan.id}/putusan`, {
                      keputusan,
                      ratingHasilKerja: keputusan === 'DIUBAH' ? isian.hasilKerja : undefined,
                      ratingPerilaku: keputusan === 'DIUBAH' ? isian.perilaku : undefined,
                      pertimbangan,
                      version: keberatan.version,
                    }),
                  'Keberatan diputus.',
                )
              }
            >
              Putuskan
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

/** An unanswered statement: until when it is awaited, or that its deadline passed. */
function belumDijawab(k: Keberatan, keteranganId: number): string {
  const keadaan = PIHAK_KETERANGAN.map((p) => k.kelengkapan[p]).find(
    (x) => 'keteranganId' in x && x.keteranganId === keteranganId,
  );
  if (keadaan?.keadaan === 'MENUNGGU') return `Belum dijawab; batas ${labelTanggal(keadaan.batas)}.`;
  if (keadaan?.keadaan === 'LEWAT_BATAS') return `Tidak dijawab sampai batas ${labelTanggal(keadaan.batas)}.`;
  return 'Belum dijawab.';
}

export function PanelKeberatan({ view }: { view: EvaluasiView }) {
  const me = useMe();
  const k = view.keberatan!;
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            Keberatan
          </Title>
          <Badge variant="light" color={k.status === 'DIPUTUS' ? 'teal' : 'orange'}>
            {STATUS_KEBERATAN_LABEL[k.status]}
          </Badge>
        </Group>
        <Text size="sm">
          Diajukan {k.pegawai.namaLengkap} pada {formatTanggal(k.diajukanAt)} · pemutus (atasan pejabat
          penilai): {k.pemutus.namaLengkap}
        </Text>
        <Text size="sm">Alasan: {k.alasan}</Text>
        {k.keterangan.map((x) => (
          <Card key={x.id} withBorder padding="sm">
            <Text size="sm" fw={600}>
              Keterangan diminta dari {x.pihak.namaLengkap} ({formatTanggal(x.dimintaAt)})
            </Text>
            <Text size="sm">{x.permintaan}</Text>
            {x.jawaban ? (
              <Text size="sm" mt={4}>
                Jawaban: {x.jawaban}
              </Text>
            ) : x.pihak.id === me?.id && k.status !== 'DIPUTUS' ? (
              <JawabKeterangan keberatan={k} k={x} />
            ) : (
              <Text size="sm" c="dimmed">
                {belumDijawab(k, x.id)}
              </Text>
            )}
          </Card>
        ))}
        {k.status === 'DIPUTUS' && k.keputusan && (
          <Card withBorder padding="sm">
            <Text size="sm" fw={600}>
              Keputusan: {k.keputusan === 'DIUBAH' ? 'penilaian diubah' : 'penilaian dikuatkan'} (
              {formatTanggal(k.diputusAt)}), bersifat final.
            </Text>
            {k.keputusan === 'DIUBAH' && k.ratingHasilKerjaBaru && k.ratingPerilakuBaru && k.predikatBaru && (
              <Text size="sm">
                Rating hasil kerja {RATING_LABEL[k.ratingHasilKerjaBaru]}, rating perilaku kerja{' '}
                {RATING_LABEL[k.ratingPerilakuBaru]}: predikat {PREDIKAT_PEGAWAI_LABEL[k.predikatBaru]}.
              </Text>
            )}
            <Text size="sm">Pertimbangan: {k.pertimbangan}</Text>
            {k.dasarPutusan && (
              <Text size="sm">
                Dasar putusan:{' '}
                {PIHAK_KETERANGAN.map((p) => labelDasarPihak(p, k.dasarPutusan![p])).join('; ')}.
              </Text>
            )}
          </Card>
        )}
        {view.boleh.putus && <FormPemutus key={k.version} keberatan={k} />}
      </Stack>
    </Card>
  );
}
