/**
 * One RHK of "Realisasi Saya": the plan's targets, the month's rencana aksi and realisasi with its
 * evidence, the assessor's direction and the thread. Editable while the API says so (a draft in the
 * input window, a returned item in the correction window); the draft is saved per RHK.
 */
import { Alert, Button, Card, Divider, Grid, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { HEADER_IDEMPOTEN } from '../../../src/contracts/idempoten';
import { SimpanRealisasiBody } from '../../../src/contracts/realisasi';
import { api } from '../../lib/api';
import type { Zona } from '../../lib/istilah';
import { useDaring } from '../../lib/luring/daring';
import { DISIMPAN_DI_PERANGKAT, kirimAtauAntrekan } from '../../lib/luring/kirim';
import { useMe } from '../../lib/session';
import { GalatRealisasi, useAksiRealisasi } from './aksi';
import type { ItemRealisasi, RealisasiOut } from './api';
import { BerkasBukti, BuktiDukungList } from './BuktiDukung';
import { formatAngka, formatNilai, periksaAngka } from './format';
import { RhkRingkas } from './RhkRingkas';
import { RiwayatRealisasi } from './RiwayatRealisasi';
import { CapaianBadge, StatusRealisasiBadge } from './StatusRealisasi';

interface Isian {
  rencanaAksi: string;
  targetAksi: string;
  nilai: string;
  satuan: string;
  teks: string;
  /** `kunci` only tells the rows apart on screen. */
  tautan: { kunci: number; url: string; deskripsi: string }[];
}

function isianAwal(r: RealisasiOut | null): Isian {
  return {
    rencanaAksi: r?.rencanaAksi ?? '',
    targetAksi: r?.targetAksi ?? '',
    nilai: formatAngka(r?.nilai ?? null),
    satuan: r?.satuan ?? '',
    teks: r?.teks ?? '',
    tautan: (r?.buktiDukung ?? [])
      .filter((b) => b.jenis === 'TAUTAN')
      .map((b) => ({ kunci: b.id, url: b.url ?? '', deskripsi: b.deskripsi })),
  };
}

/** Messages per field ('nilai', 'tautan.0.url', …) from the number parser and the API's own contract. */
function periksa(isian: Isian, version: number | undefined) {
  const galat: Record<string, string> = {};
  const angka = periksaAngka(isian.nilai);
  if (!angka.ok) galat.nilai = angka.pesan;
  const body = SimpanRealisasiBody.safeParse({
    version,
    rencanaAksi: isian.rencanaAksi,
    targetAksi: isian.targetAksi,
    nilai: angka.ok ? angka.nilai : null,
    satuan: isian.satuan,
    teks: isian.teks,
    buktiDukung: isian.tautan.map(({ url, deskripsi }) => ({ url, deskripsi })),
  });
  if (!body.success)
    for (const issue of body.error.issues) {
      const key = (issue.path[0] === 'buktiDukung' ? ['tautan', ...issue.path.slice(1)] : issue.path).join(
        '.',
      );
      galat[key] ??= issue.message;
    }
  return { galat, body: body.success && angka.ok ? body.data : null };
}

export function KartuRealisasi({
  item,
  nomor,
  periode,
  dapatMengisi,
  zona,
  onBelumDisimpan,
  logHarian,
}: {
  item: ItemRealisasi;
  nomor: number;
  periode: string;
  /** Whether a realisasi not yet started may be created now (the input window is open for me). */
  dapatMengisi: boolean;
  zona: Zona;
  /** Stable (the parent's useCallback): whether this RHK has unsaved changes. */
  onBelumDisimpan: (rhkId: number, belum: boolean) => void;
  /** Slot for the daily log (progress harian) panel of this RHK's month, under the realisasi. */
  logHarian?: ReactNode;
}) {
  const { rhk, realisasi } = item;
  const dapatDiubah = realisasi ? realisasi.dapatDiubah : dapatMengisi;
  const judulId = useId();
  return (
    <Card withBorder component="article" aria-labelledby={judulId} padding="sm">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div id={judulId} style={{ flex: '1 1 240px', minWidth: 0 }}>
            <RhkRingkas rhk={rhk} nomor={nomor} />
          </div>
          <Group gap={4}>
            <StatusRealisasiBadge status={realisasi?.status ?? null} />
            {realisasi?.status === 'DITERIMA' && realisasi.capaian && (
              <CapaianBadge capaian={realisasi.capaian} />
            )}
          </Group>
        </Group>
        {realisasi?.arahan && (
          <Alert color="orange" title="Arahan perbaikan dari pejabat penilai" role="note">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {realisasi.arahan}
            </Text>
          </Alert>
        )}
        {dapatDiubah ? (
          <FormRealisasi
            rhkId={rhk.id}
            periode={periode}
            realisasi={realisasi}
            onBelumDisimpan={onBelumDisimpan}
          />
        ) : (
          <TampilRealisasi realisasi={realisasi} />
        )}
        {realisasi && <BerkasBukti realisasi={realisasi} rhkId={rhk.id} periode={periode} />}
        {!realisasi && dapatDiubah && (
          <Text size="xs" c="dimmed">
            Simpan draf terlebih dahulu, lalu unggah berkas bukti dukung.
          </Text>
        )}
        {logHarian}
        {realisasi && (realisasi.riwayat.length > 0 || realisasi.umpanBalik.length > 0) && (
          <>
            <Divider label="Riwayat dan umpan balik" labelPosition="left" />
            <RiwayatRealisasi realisasi={realisasi} zona={zona} />
          </>
        )}
      </Stack>
    </Card>
  );
}

export function TampilRealisasi({ realisasi }: { realisasi: RealisasiOut | null }) {
  if (!realisasi)
    return (
      <Text size="sm" c="dimmed">
        Realisasi belum diisi.
      </Text>
    );
  const baris: [string, string | null][] = [
    ['Rencana aksi', realisasi.rencanaAksi],
    ['Target aksi', realisasi.targetAksi],
    ['Realisasi', realisasi.nilai === null ? null : formatNilai(realisasi.nilai, realisasi.satuan)],
    ['Uraian realisasi', realisasi.teks],
  ];
  return (
    <Stack gap={6}>
      {baris.map(([label, nilai]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {nilai ?? '—'}
          </Text>
        </div>
      ))}
      <Text size="xs" c="dimmed">
        Tautan bukti dukung
      </Text>
      <BuktiDukungList realisasiId={realisasi.id} bukti={realisasi.buktiDukung} jenis="TAUTAN" />
    </Stack>
  );
}

function FormRealisasi({
  rhkId,
  periode,
  realisasi,
  onBelumDisimpan,
}: {
  rhkId: number;
  periode: string;
  realisasi: RealisasiOut | null;
  onBelumDisimpan: (rhkId: number, belum: boolean) => void;
}) {
  const [awal] = useState(() => isianAwal(realisasi));
  const [isian, setIsian] = useState(awal);
  const [galat, setGalat] = useState<Record<string, string>>({});
  const aksi = useAksiRealisasi();
  const me = useMe();
  const daring = useDaring();
  // Saved into the offline outbox: kept on the device, not lost, but not on the server yet.
  const [diantre, setDiantre] = useState(false);
  const dariLog = (realisasi?.log.jumlahEntri ?? 0) > 0;
  const berubah = JSON.stringify(isian) !== JSON.stringify(awal) && !diantre;
  useEffect(() => onBelumDisimpan(rhkId, berubah), [rhkId, berubah, onBelumDisimpan]);
  useEffect(() => () => onBelumDisimpan(rhkId, false), [rhkId, onBelumDisimpan]);

  const ubah = (patch: Partial<Isian>) => {
    setDiantre(false);
    setIsian((s) => ({ ...s, ...patch }));
  };
  const ubahTautan = (i: number, patch: Partial<Isian['tautan'][number]>) =>
    ubah({ tautan: isian.tautan.map((t, j) => (j === i ? { ...t, ...patch } : t)) });

  async function simpan(e: React.FormEvent) {
    e.preventDefault();
    const cek = periksa(isian, realisasi?.version);
    setGalat(cek.galat);
    const body = cek.body;
    if (!body || !me) return;
    const kunci = crypto.randomUUID();
    const kirim = () =>
      api<RealisasiOut>(`/api/realisasi/${rhkId}/${periode}`, {
        method: 'PUT',
        body,
        headers: { [HEADER_IDEMPOTEN]: kunci },
      });
    const judul = [body.rencanaAksi, body.teks, isian.nilai && `${isian.nilai} ${isian.satuan}`]
      .filter(Boolean)
      .join(' · ');
    const hasil = await aksi.run(
      () =>
        kirimAtauAntrekan(daring, kirim, {
          jenis: 'DRAF',
          kunci,
          pegawaiId: me.id,
          judul: judul || 'Draf realisasi',
          rhkId,
          periode,
          isi: body,
        }),
      (out) =>
        out === 'ANTRE'
          ? `Draf realisasi: ${DISIMPAN_DI_PERANGKAT}`
          : realisasi?.status === 'PERLU_PERBAIKAN'
            ? 'Perbaikan tersimpan. Ajukan kembali agar dinilai ulang.'
            : 'Draf realisasi tersimpan.',
    );
    if (hasil === 'ANTRE') setDiantre(true);
  }

  return (
    <form onSubmit={simpan} noValidate>
      <Stack gap="sm">
        <Grid gap="xs">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Textarea
              label="Rencana aksi"
              description="Yang akan dilakukan bulan ini untuk RHK ini"
              autosize
              minRows={2}
              maxLength={2000}
              value={isian.rencanaAksi}
              error={galat.rencanaAksi}
              onChange={(e) => ubah({ rencanaAksi: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label="Target aksi"
              placeholder="mis. 10 data"
              maxLength={500}
              value={isian.targetAksi}
              error={galat.targetAksi}
              onChange={(e) => ubah({ targetAksi: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput
              label="Realisasi (angka)"
              placeholder="mis. 12,5"
              inputMode="decimal"
              value={isian.nilai}
              error={galat.nilai}
              // With a daily log the value is the log's sum; the server ignores a typed one.
              readOnly={dariLog}
              description={dariLog ? 'Dihitung dari progres harian' : undefined}
              onChange={(e) => ubah({ nilai: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput
              label="Satuan"
              placeholder="mis. dokumen"
              maxLength={60}
              value={isian.satuan}
              error={galat.satuan}
              onChange={(e) => ubah({ satuan: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="Uraian realisasi"
              description="Isi angka, uraian, atau keduanya"
              autosize
              minRows={2}
              maxLength={4000}
              value={isian.teks}
              error={galat.teks}
              onChange={(e) => ubah({ teks: e.currentTarget.value })}
            />
          </Grid.Col>
        </Grid>
        <Stack gap="xs" role="group" aria-label="Tautan bukti dukung">
          <Text size="sm" fw={500}>
            Tautan bukti dukung
          </Text>
          {isian.tautan.length === 0 && (
            <Text size="sm" c="dimmed">
              Belum ada tautan bukti dukung.
            </Text>
          )}
          {isian.tautan.map((t, i) => (
            <Grid gap="xs" key={t.kunci} align="flex-end">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label={`Tautan ${i + 1}`}
                  placeholder="https://…"
                  type="url"
                  value={t.url}
                  error={galat[`tautan.${i}.url`]}
                  onChange={(e) => ubahTautan(i, { url: e.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 9, sm: 5 }}>
                <TextInput
                  label={`Deskripsi tautan ${i + 1}`}
                  placeholder="mis. Rekap data Juli"
                  maxLength={500}
                  value={t.deskripsi}
                  error={galat[`tautan.${i}.deskripsi`]}
                  onChange={(e) => ubahTautan(i, { deskripsi: e.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 3, sm: 1 }}>
                <Button
                  variant="subtle"
                  color="red"
                  px={4}
                  aria-label={`Hapus tautan ${i + 1}`}
                  onClick={() => ubah({ tautan: isian.tautan.filter((_, j) => j !== i) })}
                >
                  Hapus
                </Button>
              </Grid.Col>
            </Grid>
          ))}
          {galat.tautan && (
            <Text size="sm" c="red">
              {galat.tautan}
            </Text>
          )}
          <div>
            <Button
              size="xs"
              variant="light"
              onClick={() =>
                ubah({
                  // Saved links carry their positive id; new rows count down from -1.
                  tautan: [
                    ...isian.tautan,
                    { kunci: Math.min(0, ...isian.tautan.map((t) => t.kunci)) - 1, url: '', deskripsi: '' },
                  ],
                })
              }
            >
              Tambah tautan
            </Button>
          </div>
        </Stack>
        <GalatRealisasi aksi={aksi} />
        <Group gap="sm">
          <Button type="submit" loading={aksi.busy} disabled={!berubah && realisasi !== null}>
            {realisasi?.status === 'PERLU_PERBAIKAN' ? 'Simpan perbaikan' : 'Simpan draf'}
          </Button>
          {berubah && (
            <Text size="sm" c="orange.8">
              Ada perubahan yang belum disimpan.
            </Text>
          )}
          {diantre && (
            <Text size="sm" c="orange.8" role="status">
              Disimpan di perangkat; menunggu dikirim.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
