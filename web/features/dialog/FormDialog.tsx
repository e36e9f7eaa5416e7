/**
 * Record (or, for its recorder, change) a dialog kinerja: the subordinate, date and kind, topics and
 * agreements, other participants, the RHKs of the subordinate's plan it was about, and follow-ups.
 */
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { DialogOut } from '../../../src/contracts/dialog';
import { JENIS_DIALOG, JENIS_DIALOG_LABEL, type JenisDialog } from '../../../src/domain/dialog';
import { Loading } from '../../components/Status';
import { GalatAksi } from '../../lib/aksi';
import { post, put } from '../../lib/api';
import { hariIniDi, ISTILAH_SKP } from '../../lib/istilah';
import { useMe } from '../../lib/session';
import { useJadwal } from '../realisasi/useJadwal';
import { useDialogAksi } from './aksi';
import { rhkPilihanQuery } from './api';

type Nilai = {
  pegawaiId: string;
  tanggal: string;
  jenis: JenisDialog;
  topik: string;
  kesepakatan: string;
  pesertaIds: string[];
  rhkIds: string[];
  tindakLanjut: { id?: number; uraian: string; penanggungJawabId: string; tenggat: string }[];
};

const TANGGAL = /^\d{4}-\d{2}-\d{2}$/;

function awal(d: DialogOut | undefined, hariIni: string): Nilai {
  return d
    ? {
        pegawaiId: String(d.pegawai.id),
        tanggal: d.tanggal,
        jenis: d.jenis,
        topik: d.topik,
        kesepakatan: d.kesepakatan ?? '',
        pesertaIds: d.peserta.map((p) => String(p.id)),
        rhkIds: d.rhk.map((r) => String(r.id)),
        tindakLanjut: d.tindakLanjut.map((t) => ({
          id: t.id,
          uraian: t.uraian,
          penanggungJawabId: String(t.penanggungJawab.id),
          tenggat: t.tenggat,
        })),
      }
    : {
        pegawaiId: '',
        tanggal: hariIni,
        jenis: 'PEMANTAUAN',
        topik: '',
        kesepakatan: '',
        pesertaIds: [],
        rhkIds: [],
        tindakLanjut: [],
      };
}

function PilihRhk({
  pegawaiId,
  tahun,
  form,
}: {
  pegawaiId: number;
  tahun: number;
  form: UseFormReturnType<Nilai>;
}) {
  const query = useQuery(rhkPilihanQuery(pegawaiId, tahun));
  if (query.isPending) return <Loading />;
  const items = query.data?.items ?? [];
  return (
    <Checkbox.Group
      label={`RHK yang dibahas (SKP ${tahun})`}
      description="Pilih Rencana Hasil Kerja pegawai yang menjadi pokok dialog."
      {...form.getInputProps('rhkIds')}
    >
      <Stack gap={6} mt="xs">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Pegawai belum memiliki SKP tahun {tahun}.
          </Text>
        ) : (
          items.map((r) => (
            <Checkbox
              key={r.id}
              value={String(r.id)}
              label={r.rencana}
              description={`${r.jenis === 'UTAMA' ? ISTILAH_SKP.utama : ISTILAH_SKP.tambahan} · versi ${r.skpVersi}`}
            />
          ))
        )}
      </Stack>
    </Checkbox.Group>
  );
}

export function FormDialog({
  dialog,
  pegawaiId,
  onClose,
}: {
  /** The dialog to change; without it a new one is recorded. */
  dialog?: DialogOut;
  /** Preselected subordinate for a new dialog. */
  pegawaiId?: number;
  onClose: () => void;
}) {
  const me = useMe();
  const aksi = useDialogAksi();
  // The server refuses a date after its own today, in the instansi's zone.
  const hariIni = hariIniDi(useJadwal().zona);
  const layarKecil = useMediaQuery('(max-width: 48em)');
  const form = useForm<Nilai>({
    initialValues: {
      ...awal(dialog, hariIni),
      ...(pegawaiId && !dialog ? { pegawaiId: String(pegawaiId) } : {}),
    },
    validate: {
      pegawaiId: (v) => (v ? null : 'Pilih pegawai.'),
      tanggal: (v) =>
        !TANGGAL.test(v)
          ? 'Tanggal wajib diisi.'
          : v > hariIni
            ? 'Tanggal tidak boleh setelah hari ini.'
            : null,
      topik: (v) => (v.trim().length >= 3 ? null : 'Topik dialog wajib diisi (minimal 3 karakter).'),
      tindakLanjut: {
        uraian: (v) => (v.trim().length >= 3 ? null : 'Uraian wajib diisi (minimal 3 karakter).'),
        penanggungJawabId: (v) => (v ? null : 'Pilih penanggung jawab.'),
        tenggat: (v, nilai) =>
          !TANGGAL.test(v)
            ? 'Tenggat wajib diisi.'
            : v < nilai.tanggal
              ? 'Tenggat sebelum tanggal dialog.'
              : null,
      },
    },
  });
  if (!me) return null;

  // The people a leader usually talks with: his own superiors and direct subordinates.
  const orang = new Map<string, string>([
    ...me.rantaiAtasan.map((p) => [String(p.id), p.namaLengkap] as const),
    ...me.bawahanLangsung.map((p) => [String(p.id), p.namaLengkap] as const),
    ...(dialog ? [[String(dialog.pegawai.id), dialog.pegawai.namaLengkap] as const] : []),
    ...(dialog?.peserta.map((p) => [String(p.id), p.namaLengkap] as const) ?? []),
  ]);
  const v = form.getValues();
  const pesertaOpsi = [...orang]
    .filter(([id]) => id !== v.pegawaiId && id !== String(me.id))
    .map(([value, label]) => ({ value, label }));
  const pjOpsi = [
    ...(v.pegawaiId ? [{ value: v.pegawaiId, label: `${orang.get(v.pegawaiId)} (pegawai)` }] : []),
    { value: String(me.id), label: `${me.namaLengkap} (pimpinan)` },
    ...v.pesertaIds.map((id) => ({ value: id, label: orang.get(id) ?? id })),
  ];
  const tahun = TANGGAL.test(v.tanggal) ? Number(v.tanggal.slice(0, 4)) : new Date().getFullYear();

  const submit = form.onSubmit(async (n) => {
    const body = {
      tanggal: n.tanggal,
      jenis: n.jenis,
      topik: n.topik,
      kesepakatan: n.kesepakatan,
      pesertaIds: n.pesertaIds.map(Number),
      rhkIds: n.rhkIds.map(Number),
      tindakLanjut: n.tindakLanjut.map((t) => ({ ...t, penanggungJawabId: Number(t.penanggungJawabId) })),
    };
    const ok = await aksi.run(
      () =>
        dialog
          ? put<DialogOut>(`/api/dialog/${dialog.id}`, { ...body, version: dialog.version })
          : post<DialogOut>(`/api/dialog/pegawai/${n.pegawaiId}`, body),
      dialog ? 'Dialog kinerja diperbarui.' : 'Dialog kinerja dicatat.',
    );
    if (ok) onClose();
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={dialog ? 'Ubah dialog kinerja' : 'Catat dialog kinerja'}
      size="lg"
      fullScreen={layarKecil}
      closeButtonProps={{ 'aria-label': 'Tutup' }}
    >
      <form onSubmit={submit} aria-label={dialog ? 'Ubah dialog kinerja' : 'Catat dialog kinerja'}>
        <Stack>
          {dialog ? (
            <Text size="sm">
              Pegawai: <b>{dialog.pegawai.namaLengkap}</b>
            </Text>
          ) : (
            <Select
              label="Pegawai"
              placeholder="Pilih bawahan"
              data={me.bawahanLangsung.map((p) => ({
                value: String(p.id),
                label: p.namaLengkap,
              }))}
              searchable
              nothingFoundMessage="Tidak ada bawahan"
              {...form.getInputProps('pegawaiId')}
              onChange={(id) => {
                form.setFieldValue('pegawaiId', id ?? '');
                form.setFieldValue('rhkIds', []);
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Tanggal dialog" type="date" max={hariIni} {...form.getInputProps('tanggal')} />
            <Select
              label="Jenis dialog"
              data={JENIS_DIALOG.map((j) => ({ value: j, label: JENIS_DIALOG_LABEL[j] }))}
              allowDeselect={false}
              {...form.getInputProps('jenis')}
            />
          </SimpleGrid>
          <Textarea
            label="Topik yang dibahas"
            autosize
            minRows={2}
            maxLength={4000}
            {...form.getInputProps('topik')}
          />
          <Textarea
            label="Kesepakatan"
            autosize
            minRows={2}
            maxLength={4000}
            {...form.getInputProps('kesepakatan')}
          />
          <MultiSelect
            label="Peserta lain (opsional)"
            placeholder="Pilih peserta"
            data={pesertaOpsi}
            searchable
            maxValues={20}
            {...form.getInputProps('pesertaIds')}
          />
          {v.pegawaiId && <PilihRhk pegawaiId={Number(v.pegawaiId)} tahun={tahun} form={form} />}
          <Stack gap="xs">
            <Text fw={600} size="sm">
              Tindak lanjut
            </Text>
            {v.tindakLanjut.length === 0 && (
              <Text size="sm" c="dimmed">
                Belum ada tindak lanjut.
              </Text>
            )}
            {v.tindakLanjut.map((t, i) => (
              <Card
                withBorder
                padding="sm"
                key={t.id ?? `baru-${i}`}
                component="fieldset"
                aria-label={`Tindak lanjut ${i + 1}`}
              >
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <TextInput
                      style={{ flex: 1 }}
                      label="Uraian tindak lanjut"
                      maxLength={1000}
                      {...form.getInputProps(`tindakLanjut.${i}.uraian`)}
                    />
                    <ActionIcon
                      mt={24}
                      variant="subtle"
                      color="red"
                      aria-label={`Hapus tindak lanjut ${i + 1}`}
                      onClick={() => form.removeListItem('tindakLanjut', i)}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select
                      label="Penanggung jawab"
                      data={pjOpsi}
                      allowDeselect={false}
                      {...form.getInputProps(`tindakLanjut.${i}.penanggungJawabId`)}
                    />
                    <TextInput
                      label="Tenggat"
                      type="date"
                      min={v.tanggal}
                      {...form.getInputProps(`tindakLanjut.${i}.tenggat`)}
                    />
                  </SimpleGrid>
                </Stack>
              </Card>
            ))}
            <div>
              <Button
                variant="light"
                size="xs"
                disabled={v.tindakLanjut.length >= 30}
                onClick={() =>
                  form.insertListItem('tindakLanjut', {
                    uraian: '',
                    penanggungJawabId: v.pegawaiId,
                    tenggat: '',
                  })
                }
              >
                Tambah tindak lanjut
              </Button>
            </div>
          </Stack>
          <GalatAksi aksi={aksi} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" loading={aksi.busy}>
              Simpan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
