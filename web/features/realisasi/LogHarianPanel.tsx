/**
 * Progres harian of one RHK in a period, with the national form's fields (SPEC §5.2, §12): entries by
 * date with their sum, which is the realisasi's value, and, while the realisasi may be changed, a form
 * to add, change or remove entries. The first entry creates the draft realisasi. The day rules the
 * server applies across RHKs (overlap, daily cap, working day, plan dates) come back on their field.
 * Without a connection (or when it drops while sending) a new entry goes to the offline outbox and is
 * listed here until sent.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { LogHarianInput } from '../../../src/contracts/log-harian';
import { checkLogHarian, KUANTITAS_MAKS } from '../../../src/domain/log-harian';
import { galatField } from '../../lib/galatForm';
import { type EntriLog, useAntrean } from '../../lib/luring/antrean';
import { useDaring } from '../../lib/luring/daring';
import { DISIMPAN_DI_PERANGKAT, kirimAtauAntrekan } from '../../lib/luring/kirim';
import { useMe } from '../../lib/session';
import { GalatRealisasi, useAksiRealisasi } from './aksi';
import { berkasUrl } from './api';
import {
  hapusLog,
  type LogEntri,
  type LogHarianOut,
  logHarianQuery,
  periodeDariKode,
  rentangTanggal,
  tambahLog,
  ubahLog,
} from './log-api';

interface Isian {
  tanggal: string;
  jamMulai: string;
  jamSelesai: string;
  kegiatan: string;
  kuantitas: number | string;
  satuan: string;
  buktiDukung: string;
  /** The chosen evidence file's id as the select holds it; '' for none. */
  buktiBerkasId: string;
}

const kosong = (satuan: string): Isian => ({
  tanggal: '',
  jamMulai: '08:00',
  jamSelesai: '',
  kegiatan: '',
  kuantitas: 1,
  satuan,
  buktiDukung: '',
  buktiBerkasId: '',
});

const isianDari = ({ id: _, namaBerkas: __, buktiDukung, buktiBerkasId, ...e }: LogEntri): Isian => ({
  ...e,
  buktiDukung: buktiDukung ?? '',
  buktiBerkasId: buktiBerkasId === null ? '' : String(buktiBerkasId),
});

const tanggalPendek = (t: string) =>
  new Date(`${t}T00:00:00Z`).toLocaleDateString('id-ID', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

const angka = (n: number) => n.toLocaleString('id-ID');

/** The entries of this RHK still in the offline outbox. */
function Tertunda({ entri, namaRhk }: { entri: EntriLog[]; namaRhk: string }) {
  if (entri.length === 0) return null;
  return (
    <Stack
      gap={4}
      component="ul"
      aria-label={`Entri ${namaRhk} yang menunggu dikirim`}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {entri.map((e) => (
        <Group key={e.kunci} component="li" gap="xs" wrap="nowrap" align="flex-start">
          <Badge color={e.status === 'KONFLIK' ? 'red' : 'yellow'} variant="light" style={{ flexShrink: 0 }}>
            {e.status === 'KONFLIK' ? 'Konflik' : 'Menunggu dikirim'}
          </Badge>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {tanggalPendek(e.isi.tanggal)} {e.isi.jamMulai}–{e.isi.jamSelesai} · {e.isi.kegiatan} ·{' '}
            {angka(Number(e.isi.kuantitas))} {e.isi.satuan}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function Ringkasan({ log }: { log: LogHarianOut }) {
  const { jumlahEntri, perSatuan } = log.ringkasan;
  if (jumlahEntri === 0) return null;
  const dihitung = perSatuan.find((p) => p.dihitung);
  const lain = perSatuan.filter((p) => !p.dihitung);
  return (
    <Text size="sm">
      {jumlahEntri} entri. Realisasi bulan ini (jumlah progres harian):{' '}
      <b>{dihitung ? `${angka(dihitung.kuantitas)} ${dihitung.satuan}` : '—'}</b>
      {lain.length > 0 &&
        ` (tidak dijumlahkan karena satuannya lain: ${lain.map((p) => `${angka(p.kuantitas)} ${p.satuan}`).join(', ')})`}
      .
    </Text>
  );
}

export function LogHarianPanel(props: {
  realisasiId: number | null;
  rhkId: number;
  /** The RHK as the page names it ("RHK Utama 1"): one panel per RHK, so its landmarks need distinct names. */
  namaRhk: string;
  periode: string;
  dapatDiubah: boolean;
  /** The realisasi's uploaded evidence files an entry may point at. */
  berkas?: readonly { id: number; namaBerkas: string | null }[];
}) {
  const { realisasiId, rhkId, namaRhk, periode, dapatDiubah, berkas = [] } = props;
  const judulId = useId();
  const query = useQuery({ ...logHarianQuery(realisasiId ?? 0), enabled: realisasiId !== null });
  const log = realisasiId === null ? null : (query.data ?? null);
  const p = useMemo(() => periodeDariKode(periode), [periode]);
  const batas = rentangTanggal(p);
  const satuanUtama = log?.ringkasan.perSatuan.find((s) => s.dihitung)?.satuan ?? log?.satuan ?? '';

  const aksi = useAksiRealisasi();
  const me = useMe();
  const daring = useDaring();
  const tertunda = useAntrean(me?.id).filter(
    (e): e is EntriLog => e.jenis === 'LOG' && e.rhkId === rhkId && e.periode === periode,
  );
  const [isian, setIsian] = useState<Isian | null>(null);
  const [diubah, setDiubah] = useState<number | null>(null);
  const [galat, setGalat] = useState<string[]>([]);
  const [hapus, setHapus] = useState<number | null>(null);

  function buka(entri: LogEntri | null) {
    aksi.clear();
    setGalat([]);
    setDiubah(entri?.id ?? null);
    setIsian(entri ? isianDari(entri) : kosong(satuanUtama));
  }

  function tutup() {
    setIsian(null);
    setDiubah(null);
    setGalat([]);
  }

  const ubahField = <K extends keyof Isian>(k: K, v: Isian[K]) => setIsian((s) => (s ? { ...s, [k]: v } : s));

  async function simpan() {
    if (!isian) return;
    const parsed = LogHarianInput.safeParse({
      ...isian,
      kuantitas: typeof isian.kuantitas === 'number' ? isian.kuantitas : Number.NaN,
      buktiBerkasId: isian.buktiBerkasId === '' ? null : Number(isian.buktiBerkasId),
    });
    const pesan = parsed.success
      ? checkLogHarian(parsed.data, p)
      : [...new Set(parsed.error.issues.map((i) => i.message))];
    setGalat(pesan);
    if (!parsed.success || pesan.length) return;
    const version = log?.version;
    if (diubah !== null && realisasiId !== null && version !== undefined) {
      const hasil = await aksi.run(
        () => ubahLog(realisasiId, diubah, { ...parsed.data, version }),
        'Entri progres harian diubah.',
      );
      if (hasil) tutup();
      return;
    }
    if (!me) return;
    const isi = { ...parsed.data, version };
    const kunci = crypto.randomUUID();
    const judul = `${tanggalPendek(isi.tanggal)} ${isi.jamMulai}–${isi.jamSelesai}: ${isi.kegiatan}`;
    const hasil = await aksi.run(
      () =>
        kirimAtauAntrekan(daring, () => tambahLog(rhkId, periode, isi, kunci), {
          jenis: 'LOG',
          kunci,
          pegawaiId: me.id,
          judul,
          rhkId,
          periode,
          isi,
        }),
      (out) =>
        out === 'ANTRE'
          ? `Entri progres harian: ${DISIMPAN_DI_PERANGKAT}`
          : 'Entri progres harian ditambahkan.',
    );
    if (hasil) tutup();
  }

  async function hapusEntri(e: LogEntri) {
    if (realisasiId === null || !log) return;
    if (hapus !== e.id) {
      setHapus(e.id);
      return;
    }
    await aksi.run(() => hapusLog(realisasiId, e.id, log.version), 'Entri progres harian dihapus.');
    setHapus(null);
  }

  const entri = log?.entri ?? [];
  // The server's day rules name their field: the message shows there (and in the alert above the form).
  const diField = galatField(aksi.error).fields;
  return (
    <Stack gap="xs" component="section" aria-label={`Progres harian ${namaRhk}`}>
      <Group justify="space-between" gap="xs">
        <Title order={4} size="h6" id={judulId}>
          Progres harian
        </Title>
        {dapatDiubah && !isian && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => buka(null)}
            disabled={realisasiId !== null && !log}
          >
            Tambah entri
          </Button>
        )}
      </Group>
      {query.isError && (
        <Alert color="red" role="alert">
          {query.error.message}
        </Alert>
      )}
      {log && <Ringkasan log={log} />}
      <Tertunda entri={tertunda} namaRhk={namaRhk} />
      {entri.length === 0 && tertunda.length === 0 && !query.isLoading && (
        <Text size="sm" c="dimmed">
          Belum ada entri. Bila diisi, realisasi bulan ini menjadi jumlah realisasi harian.
        </Text>
      )}
      {entri.length > 0 && (
        <Table.ScrollContainer minWidth={300} type="native" tabIndex={0}>
          <Table striped verticalSpacing={4} fz="sm" aria-labelledby={judulId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tanggal</Table.Th>
                <Table.Th>Kegiatan harian</Table.Th>
                <Table.Th ta="right">Realisasi</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entri.map((e) => (
                <Table.Tr key={e.id} bg={diubah === e.id ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {tanggalPendek(e.tanggal)}
                    <Text size="xs" c="dimmed">
                      {e.jamMulai}–{e.jamSelesai}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {e.kegiatan}
                    {(e.buktiDukung || e.buktiBerkasId !== null) && (
                      <Group gap="xs">
                        {e.buktiDukung && (
                          <Anchor size="xs" href={e.buktiDukung} target="_blank" rel="noopener noreferrer">
                            Bukti
                          </Anchor>
                        )}
                        {e.buktiBerkasId !== null && realisasiId !== null && (
                          <Anchor
                            size="xs"
                            href={berkasUrl(realisasiId, e.buktiBerkasId)}
                            download={e.namaBerkas ?? true}
                          >
                            {e.namaBerkas ?? 'Berkas'}
                          </Anchor>
                        )}
                      </Group>
                    )}
                    {/* Under the activity, not in a column of their own: room on a phone. */}
                    {dapatDiubah && (
                      <Group gap={4} mt={2}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => buka(e)}
                          aria-label={`Ubah entri ${e.tanggal} ${e.kegiatan}`}
                        >
                          Ubah
                        </Button>
                        <Button
                          size="compact-xs"
                          variant={hapus === e.id ? 'filled' : 'subtle'}
                          color="red"
                          loading={aksi.busy && hapus === e.id}
                          onClick={() => hapusEntri(e)}
                          onBlur={() => setHapus((h) => (h === e.id ? null : h))}
                          aria-label={
                            hapus === e.id
                              ? 'Yakin hapus? Tekan sekali lagi untuk menghapus entri ini'
                              : `Hapus entri ${e.tanggal} ${e.kegiatan}`
                          }
                        >
                          {hapus === e.id ? 'Yakin hapus?' : 'Hapus'}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {angka(e.kuantitas)} {e.satuan}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <GalatRealisasi aksi={aksi} />
      {dapatDiubah && isian && (
        <Stack
          gap="xs"
          component="form"
          aria-label={`${diubah !== null ? 'Ubah' : 'Tambah'} entri progres harian ${namaRhk}`}
          onSubmit={(ev) => {
            ev.preventDefault();
            simpan();
          }}
        >
          <Text size="sm">
            <Text span fw={600} size="sm">
              Rencana Aksi:{' '}
            </Text>
            {log?.rencanaAksi?.trim() ||
              `${namaRhk} (rencana aksi bulan ini belum diisi pada draf realisasi)`}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            <TextInput
              label="Tanggal Kegiatan"
              type="date"
              required
              min={batas.min}
              max={batas.max}
              value={isian.tanggal}
              error={diField.tanggal}
              onChange={(ev) => ubahField('tanggal', ev.currentTarget.value)}
            />
            <TextInput
              label="Jam Mulai"
              type="time"
              required
              value={isian.jamMulai}
              error={diField.jamMulai}
              onChange={(ev) => ubahField('jamMulai', ev.currentTarget.value)}
            />
            <TextInput
              label="Jam Selesai"
              type="time"
              required
              value={isian.jamSelesai}
              error={diField.jamSelesai}
              onChange={(ev) => ubahField('jamSelesai', ev.currentTarget.value)}
            />
          </SimpleGrid>
          <Textarea
            label="Kegiatan Harian"
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={isian.kegiatan}
            onChange={(ev) => ubahField('kegiatan', ev.currentTarget.value)}
          />
          <SimpleGrid cols={2} spacing="xs">
            <NumberInput
              label="Realisasi"
              description="Bilangan bulat"
              required
              min={0}
              max={KUANTITAS_MAKS}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator="."
              decimalSeparator=","
              value={isian.kuantitas}
              onChange={(v) => ubahField('kuantitas', v)}
            />
            <TextInput
              label="Satuan"
              description="Mis. dokumen, kegiatan"
              required
              maxLength={60}
              value={isian.satuan}
              onChange={(ev) => ubahField('satuan', ev.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput
            label="Bukti Dukung (tautan, opsional)"
            type="url"
            placeholder="https://"
            maxLength={2000}
            value={isian.buktiDukung}
            onChange={(ev) => ubahField('buktiDukung', ev.currentTarget.value)}
          />
          {berkas.length > 0 && (
            <NativeSelect
              label="Berkas bukti dukung (opsional)"
              description="Berkas yang sudah diunggah pada realisasi ini"
              data={[
                { value: '', label: 'Tanpa berkas' },
                ...berkas.map((b) => ({ value: String(b.id), label: b.namaBerkas ?? `Berkas ${b.id}` })),
              ]}
              value={isian.buktiBerkasId}
              error={diField.buktiBerkasId}
              onChange={(ev) => ubahField('buktiBerkasId', ev.currentTarget.value)}
            />
          )}
          {galat.length > 0 && (
            <Alert color="red" role="alert" title="Periksa isian">
              <List size="sm">
                {galat.map((g) => (
                  <List.Item key={g}>{g}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group gap="xs">
            <Button type="submit" size="sm" loading={aksi.busy}>
              {diubah !== null ? 'Simpan perubahan' : 'Tambah'}
            </Button>
            <Button size="sm" variant="default" onClick={tutup} disabled={aksi.busy}>
              Batal
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
