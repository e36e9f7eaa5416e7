/**
 * The Hasil Kerja editor (owner, while the plan is editable): RHKs in groups A. Utama and B. Tambahan,
 * their IKIs and targets, and for non-JPT the superior's RHKs each one intervenes. Saving sends the
 * whole list with the existing ids, so subordinates' links to them survive. Findings come from the
 * server after each save; nothing here decides what is valid.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import type { PkOut } from '../../../src/contracts/pk';
import type { RhkInput, SkpDetail } from '../../../src/contracts/skp';
import {
  ASPEK,
  type Aspek,
  JENIS_RHK,
  type JenisRhk,
  PERSPEKTIF,
  type Perspektif,
} from '../../../src/domain/skp';
import { GalatForm } from '../../components/GalatForm';
import { api, put } from '../../lib/api';
import { ASPEK_LABEL, ISTILAH_SKP, PERSPEKTIF_LABEL, STATUS_SKP_LABEL } from '../../lib/istilah';
import { GalatAksi, type useSkpAksi } from './aksi';
import { atasanRhkLabel } from './HasilKerjaTabel';
import { LihatKontribusi } from './JalurKontribusi';

type RhkBody = z.input<typeof RhkInput>;

interface IkiDraft {
  key: number;
  aspek: Aspek | null;
  indikator: string;
  nilai: number | string;
  nilaiMaks: number | string;
  satuan: string;
  teks: string;
  perspektif: Perspektif | null;
}

interface RhkDraft {
  key: number;
  id: number | null;
  jenis: JenisRhk;
  rencana: string;
  penugasanDari: string;
  pkSasaranId: number | null;
  intervensi: string[];
  iki: IkiDraft[];
}

let nextKey = 1;
const key = () => nextKey++;

function ikiBaru(aspek: Aspek | null): IkiDraft {
  return {
    key: key(),
    aspek,
    indikator: '',
    nilai: '',
    nilaiMaks: '',
    satuan: '',
    teks: '',
    perspektif: null,
  };
}

function rhkBaru(jenis: JenisRhk, formatJpt: boolean): RhkDraft {
  return {
    key: key(),
    id: null,
    jenis,
    rencana: '',
    penugasanDari: '',
    pkSasaranId: null,
    intervensi: [],
    // Typically one IKI per aspect (SPEC §4.2); the JPT layout measures by perspektif instead.
    iki: formatJpt ? [ikiBaru(null)] : [ikiBaru('KUANTITAS'), ikiBaru('KUALITAS'), ikiBaru('WAKTU')],
  };
}

function fromServer(skp: SkpDetail): RhkDraft[] {
  const drafts = skp.rhk.map(
    (r): RhkDraft => ({
      key: key(),
      id: r.id,
      jenis: r.jenis,
      rencana: r.rencana,
      penugasanDari: r.penugasanDari ?? '',
      pkSasaranId: r.pkSasaranId,
      intervensi: r.intervensi.map(String),
      iki: r.iki.map((k) => ({
        key: key(),
        aspek: k.aspek,
        indikator: k.indikator,
        nilai: k.target.nilai ?? '',
        nilaiMaks: k.target.nilaiMaks ?? '',
        satuan: k.target.satuan ?? '',
        teks: k.target.teks ?? '',
        perspektif: k.perspektif,
      })),
    }),
  );
  return drafts;
}

/** The body lists the RHK by jenis: the server's `rhk.<n>` is a draft's place in this order. */
const urutkan = (drafts: RhkDraft[]) => JENIS_RHK.flatMap((j) => drafts.filter((d) => d.jenis === j));

function toBody(drafts: RhkDraft[], skp: SkpDetail): RhkBody[] {
  const kualitatif = skp.pendekatan === 'KUALITATIF';
  return urutkan(drafts).map((d) => ({
    id: d.id,
    jenis: d.jenis,
    rencana: d.rencana.trim(),
    penugasanDari: skp.formatJpt ? d.penugasanDari.trim() || null : null,
    pkSasaranId: d.pkSasaranId,
    intervensi: skp.formatJpt ? [] : d.intervensi.map(Number),
    iki: d.iki.map((k) => ({
      aspek: skp.formatJpt ? null : k.aspek,
      indikator: k.indikator.trim(),
      perspektif: skp.formatJpt ? k.perspektif : null,
      target: kualitatif
        ? { nilai: null, nilaiMaks: null, satuan: null, teks: k.teks.trim() || null }
        : {
            nilai: asNumber(k.nilai),
            nilaiMaks: asNumber(k.nilaiMaks),
            satuan: k.satuan.trim() || null,
            teks: null,
          },
    })),
  }));
}

/** NumberInput gives a string while a value is partial ("1,"); the body wants a number or null. */
function asNumber(v: number | string): number | null {
  if (typeof v === 'number') return v;
  const n = Number(v.replace(',', '.'));
  return v.trim() === '' || !Number.isFinite(n) ? null : n;
}

function IkiRow({
  iki,
  nomor,
  skp,
  tampilkanGalat,
  galatDi,
  onChange,
  onRemove,
}: {
  iki: IkiDraft;
  nomor: number;
  skp: SkpDetail;
  tampilkanGalat: boolean;
  /** The server's error of this IKI's field (`target.satuan`). */
  galatDi: (field: string) => string | undefined;
  onChange: (patch: Partial<IkiDraft>) => void;
  onRemove?: () => void;
}) {
  const wajib = (v: string) => (tampilkanGalat && !v.trim() ? 'Wajib diisi.' : undefined);
  return (
    <Paper withBorder p="xs" role="group" aria-label={`IKI ${nomor}`}>
      <Grid gap="xs" align="flex-start">
        <Grid.Col span={{ base: 12, sm: 3 }}>
          {skp.formatJpt ? (
            <Select
              label={ISTILAH_SKP.perspektif}
              data={PERSPEKTIF.map((p) => ({ value: p, label: PERSPEKTIF_LABEL[p] }))}
              value={iki.perspektif}
              error={galatDi('perspektif')}
              onChange={(v) => onChange({ perspektif: v as Perspektif | null })}
            />
          ) : (
            <Select
              label={ISTILAH_SKP.aspek}
              data={ASPEK.map((a) => ({ value: a, label: ASPEK_LABEL[a] }))}
              value={iki.aspek}
              error={galatDi('aspek')}
              onChange={(v) => onChange({ aspek: v as Aspek | null })}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: onRemove ? 10 : 12, sm: onRemove ? 8 : 9 }}>
          <Textarea
            label="Indikator"
            placeholder="mis. Jumlah dokumen yang tersusun"
            autosize
            minRows={1}
            value={iki.indikator}
            error={wajib(iki.indikator) ?? galatDi('indikator')}
            onChange={(e) => onChange({ indikator: e.currentTarget.value })}
          />
        </Grid.Col>
        {onRemove && (
          <Grid.Col span={{ base: 2, sm: 1 }}>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={`Hapus IKI ${nomor}`}
              title="Hapus IKI"
              onClick={onRemove}
            >
              ✕
            </ActionIcon>
          </Grid.Col>
        )}
        {skp.pendekatan === 'KUALITATIF' ? (
          <Grid.Col span={12}>
            <Textarea
              label={ISTILAH_SKP.ukuranKeberhasilan}
              autosize
              minRows={2}
              value={iki.teks}
              error={galatDi('target.teks')}
              onChange={(e) => onChange({ teks: e.currentTarget.value })}
            />
          </Grid.Col>
        ) : (
          <>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <NumberInput
                label={ISTILAH_SKP.target}
                min={0}
                decimalSeparator=","
                thousandSeparator="."
                hideControls
                value={iki.nilai}
                error={galatDi('target.nilai')}
                onChange={(v) => onChange({ nilai: v })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <NumberInput
                label="Target maks."
                placeholder="opsional"
                min={0}
                decimalSeparator=","
                thousandSeparator="."
                hideControls
                value={iki.nilaiMaks}
                error={galatDi('target.nilaiMaks')}
                onChange={(v) => onChange({ nilaiMaks: v })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Satuan"
                placeholder="mis. dokumen, %, bulan"
                value={iki.satuan}
                error={galatDi('target.satuan')}
                onChange={(e) => onChange({ satuan: e.currentTarget.value })}
              />
            </Grid.Col>
          </>
        )}
      </Grid>
    </Paper>
  );
}

function RhkCard({
  rhk,
  nomor,
  skp,
  temuan,
  pkOpsi,
  tampilkanGalat,
  galatDi,
  onChange,
  onRemove,
}: {
  rhk: RhkDraft;
  nomor: number;
  skp: SkpDetail;
  temuan: string[];
  /** JPT: the unit's Perjanjian Kinerja items this RHK may derive from (null: none to choose). */
  pkOpsi: { value: string; label: string }[] | null;
  tampilkanGalat: boolean;
  /** The server's error of this RHK's field (`rencana`, `iki.0.indikator`). */
  galatDi: (field: string) => string | undefined;
  onChange: (patch: Partial<RhkDraft>) => void;
  onRemove: () => void;
}) {
  const nama = `RHK ${rhk.jenis === 'UTAMA' ? 'Utama' : 'Tambahan'} ${nomor}`;
  const tersimpan = rhk.id !== null ? skp.rhk.find((r) => r.id === rhk.id) : undefined;
  const opsiAtasan = useMemo(() => {
    const opsi = (skp.skpAtasan?.rhk ?? []).map((r) => ({ value: String(r.id), label: r.rencana }));
    for (const v of rhk.intervensi)
      if (!opsi.some((o) => o.value === v)) opsi.push({ value: v, label: atasanRhkLabel(skp, Number(v)) });
    return opsi;
  }, [skp, rhk.intervensi]);
  const setIki = (i: number, patch: Partial<IkiDraft>) =>
    onChange({ iki: rhk.iki.map((k, j) => (j === i ? { ...k, ...patch } : k)) });

  return (
    <Card withBorder role="group" aria-label={nama} padding="sm">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text fw={700}>{nama}</Text>
            {tersimpan?.perluDitinjau && (
              <Badge color="orange" title="RHK atasan yang diintervensi telah dihapus atau diubah">
                {ISTILAH_SKP.perluDitinjau}
              </Badge>
            )}
          </Group>
          <Group gap={4}>
            {rhk.id !== null && <LihatKontribusi skpId={skp.id} rhkId={rhk.id} />}
            <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
              Hapus RHK
            </Button>
          </Group>
        </Group>
        <Textarea
          label={ISTILAH_SKP.rhk}
          description='Rumuskan sebagai hasil, mis. "Tersusunnya dokumen perencanaan"'
          autosize
          minRows={2}
          value={rhk.rencana}
          error={
            tampilkanGalat && !rhk.rencana.trim() ? 'Rencana hasil kerja wajib diisi.' : galatDi('rencana')
          }
          onChange={(e) => onChange({ rencana: e.currentTarget.value })}
        />
        {skp.formatJpt && pkOpsi && (
          <Select
            label="Sasaran Perjanjian Kinerja"
            description="Sasaran perjanjian kinerja unit yang diturunkan menjadi RHK ini"
            placeholder="Pilih sasaran"
            data={pkOpsi}
            value={rhk.pkSasaranId === null ? null : String(rhk.pkSasaranId)}
            onChange={(v) => onChange({ pkSasaranId: v ? Number(v) : null })}
            error={galatDi('pkSasaranId')}
            clearable
            searchable
          />
        )}
        {skp.formatJpt ? (
          <TextInput
            label={ISTILAH_SKP.penugasanDari}
            description="Opsional: siapa yang menugaskan RHK ini"
            value={rhk.penugasanDari}
            onChange={(e) => onChange({ penugasanDari: e.currentTarget.value })}
            error={galatDi('penugasanDari')}
          />
        ) : (
          <MultiSelect
            label={ISTILAH_SKP.rhkAtasan}
            placeholder={opsiAtasan.length ? 'Pilih RHK atasan' : 'Belum ada RHK atasan'}
            data={opsiAtasan}
            value={rhk.intervensi}
            onChange={(v) => onChange({ intervensi: v })}
            error={galatDi('intervensi')}
            disabled={opsiAtasan.length === 0}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {ISTILAH_SKP.iki}
          </Text>
          {rhk.iki.map((k, i) => (
            <IkiRow
              key={k.key}
              iki={k}
              nomor={i + 1}
              skp={skp}
              tampilkanGalat={tampilkanGalat}
              galatDi={(field) => galatDi(`iki.${i}.${field}`)}
              onChange={(patch) => setIki(i, patch)}
              onRemove={
                rhk.iki.length > 1 ? () => onChange({ iki: rhk.iki.filter((_, j) => j !== i) }) : undefined
              }
            />
          ))}
          <div>
            <Button
              size="xs"
              variant="light"
              onClick={() => onChange({ iki: [...rhk.iki, ikiBaru(null)] })}
              disabled={rhk.iki.length >= 10}
            >
              Tambah IKI
            </Button>
          </div>
        </Stack>
        {temuan.map((t) => (
          <Text key={t} size="sm" c="red.8">
            {t}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

export function CatatanAtasan({ skp }: { skp: SkpDetail }) {
  if (skp.formatJpt) return null;
  const a = skp.skpAtasan;
  const nama = a?.pegawaiNama ?? skp.identitas.pejabatPenilai?.nama ?? 'atasan langsung';
  if (!a)
    return (
      <Alert color="yellow" title="SKP atasan belum ada">
        Atasan Anda ({nama}) belum mengajukan SKP tahun {skp.tahun}; RHK Utama belum dapat mengintervensi.
        Anda tetap dapat menyusun dan menyimpan draf.
      </Alert>
    );
  if (a.status === 'DRAFT' || a.status === 'DIKEMBALIKAN')
    return (
      <Alert color="yellow" title="SKP atasan belum diajukan">
        SKP atasan Anda ({nama}) masih berstatus {STATUS_SKP_LABEL[a.status]}; RHK-nya dapat berubah.
      </Alert>
    );
  return (
    <Text size="sm" c="dimmed">
      RHK yang dapat diintervensi berasal dari SKP {nama} ({STATUS_SKP_LABEL[a.status]}).
    </Text>
  );
}

export function HasilKerjaEditor({
  skp,
  aksi,
  ajukan,
}: {
  skp: SkpDetail;
  aksi: ReturnType<typeof useSkpAksi>;
  /** The submit button, told whether unsaved changes are pending. */
  ajukan: (dirty: boolean) => React.ReactNode;
}) {
  const [drafts, setDrafts] = useState<RhkDraft[]>(() => {
    const d = fromServer(skp);
    return d.length > 0 ? d : [rhkBaru('UTAMA', skp.formatJpt)];
  });
  const [tampilkanGalat, setTampilkanGalat] = useState(false);
  const unorId = skp.unorId;
  const pk = useQuery({
    queryKey: ['perjanjian-kinerja', unorId, skp.tahun],
    enabled: skp.formatJpt && !!unorId,
    queryFn: () => api<PkOut>(`/api/perjanjian-kinerja?unorId=${unorId}&tahun=${skp.tahun}`),
  });
  const pkOpsi = pk.data
    ? pk.data.sasaran.map((x) => ({ value: String(x.id), label: `${x.sasaran} — ${x.indikator}` }))
    : null;
  const tersimpan = useMemo(() => JSON.stringify(toBody(fromServer(skp), skp)), [skp]);
  const body = toBody(drafts, skp);
  const urutan = urutkan(drafts);
  const dirty = JSON.stringify(body) !== tersimpan;

  const perRhk = (list: SkpDetail['temuan'], id: number | null) => {
    if (id === null || dirty) return [];
    const index = skp.rhk.findIndex((r) => r.id === id);
    return list.filter((t) => t.rhkIndex === index).map((t) => t.message);
  };
  const update = (k: number, patch: Partial<RhkDraft>) =>
    setDrafts((ds) => ds.map((d) => (d.key === k ? { ...d, ...patch } : d)));
  const kosong = body.some((r) => !r.rencana || r.iki.some((k) => !k.indikator));

  async function simpan() {
    if (kosong) {
      setTampilkanGalat(true);
      return;
    }
    await aksi.run(
      () => put<SkpDetail>(`/api/skp/${skp.id}/isi`, { version: skp.version, rhk: body }),
      'Hasil kerja tersimpan.',
    );
  }

  return (
    <Stack gap="md">
      <CatatanAtasan skp={skp} />
      {JENIS_RHK.map((jenis) => {
        const list = drafts.filter((d) => d.jenis === jenis);
        return (
          <Stack
            key={jenis}
            gap="xs"
            component="section"
            aria-label={jenis === 'UTAMA' ? ISTILAH_SKP.utama : ISTILAH_SKP.tambahan}
          >
            <Title order={4}>{jenis === 'UTAMA' ? ISTILAH_SKP.utama : ISTILAH_SKP.tambahan}</Title>
            {list.length === 0 && (
              <Text size="sm" c="dimmed">
                {jenis === 'UTAMA'
                  ? 'Belum ada RHK Utama (minimal satu).'
                  : 'Tidak ada RHK Tambahan (opsional).'}
              </Text>
            )}
            {list.map((d, i) => (
              <RhkCard
                key={d.key}
                rhk={d}
                nomor={i + 1}
                skp={skp}
                temuan={perRhk(skp.temuan, d.id)}
                pkOpsi={pkOpsi}
                tampilkanGalat={tampilkanGalat}
                galatDi={(field) => aksi.galatDi(`rhk.${urutan.indexOf(d)}.${field}`)}
                onChange={(patch) => update(d.key, patch)}
                onRemove={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))}
              />
            ))}
            <div>
              <Button
                variant="light"
                size="xs"
                onClick={() => setDrafts((ds) => [...ds, rhkBaru(jenis, skp.formatJpt)])}
                disabled={drafts.length >= 50}
              >
                {jenis === 'UTAMA' ? 'Tambah RHK Utama' : 'Tambah RHK Tambahan'}
              </Button>
            </div>
          </Stack>
        );
      })}
      {tampilkanGalat && kosong && (
        <GalatForm>
          Lengkapi dulu isian yang wajib: setiap RHK perlu rencana hasil kerja dan setiap IKI perlu indikator.
        </GalatForm>
      )}
      <DaftarTemuan skp={skp} />
      <GalatAksi aksi={aksi} />
      <Group>
        <Button onClick={simpan} loading={aksi.busy} disabled={!dirty}>
          Simpan
        </Button>
        {ajukan(dirty)}
        {dirty && (
          <Text size="sm" c="orange.8">
            Ada perubahan yang belum disimpan.
          </Text>
        )}
      </Group>
    </Stack>
  );
}

export function DaftarTemuan({ skp }: { skp: SkpDetail }) {
  return (
    <>
      {skp.temuan.length > 0 && (
        <Alert color="red" title={ISTILAH_SKP.temuan}>
          <List size="sm" aria-label={ISTILAH_SKP.temuan}>
            {skp.temuan.map((t) => (
              <List.Item key={`${t.rhkIndex}-${t.message}`}>{t.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {skp.saran.length > 0 && (
        <Alert color="yellow" title={ISTILAH_SKP.saran}>
          <List size="sm" aria-label={ISTILAH_SKP.saran}>
            {skp.saran.map((t) => (
              <List.Item key={`${t.rhkIndex}-${t.message}`}>{t.message}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt={4}>
            Saran tidak menghalangi pengajuan.
          </Text>
        </Alert>
      )}
    </>
  );
}
