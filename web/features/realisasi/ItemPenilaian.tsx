/**
 * One RHK of a subordinate's month for the assessor: realisasi against target with the evidence and
 * the daily log, the thread, and the verdict — Terima with the capaian, or Perlu perbaikan with a direction — plus
 * umpan balik. Keys while the card has focus: 1/2/3 accept (di atas/sesuai/di bawah ekspektasi),
 * p asks for a correction, j/k or ↓/↑ move to the next/previous RHK.
 */

import { Alert, Button, Card, Divider, Group, Kbd, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { NilaiBody } from '../../../src/contracts/realisasi';
import { CAPAIAN_RHK, type CapaianRhk } from '../../../src/domain/predikat';
import { requiredWindows } from '../../../src/domain/realisasi-workflow';
import { PetunjukPapanKetik } from '../../components/PetunjukPapanKetik';
import { post } from '../../lib/api';
import type { Zona } from '../../lib/istilah';
import { GalatRealisasi, useAksiRealisasi } from './aksi';
import type { ItemRealisasi, Jendela, RealisasiOut } from './api';
import { BuktiDukungList } from './BuktiDukung';
import { TampilRealisasi } from './KartuRealisasi';
import { LogHarianPanel } from './LogHarianPanel';
import { dalamIsian } from './navigasi';
import { RhkRingkas } from './RhkRingkas';
import { RiwayatRealisasi } from './RiwayatRealisasi';
import { CAPAIAN_LABEL, CapaianBadge, StatusRealisasiBadge } from './StatusRealisasi';

type Keputusan = 'TERIMA' | 'PERLU_PERBAIKAN';
const TOMBOL_CAPAIAN: Record<string, CapaianRhk> = { '1': 'DI_ATAS', '2': 'SESUAI', '3': 'DI_BAWAH' };

export function ItemPenilaian({
  item,
  nomor,
  periode,
  jendela,
  dapatMenilai,
  eskalasi,
  penilaianUlang,
  zona,
  onPindah,
  ref,
}: {
  item: ItemRealisasi;
  nomor: number;
  periode: string;
  jendela: Jendela[];
  dapatMenilai: boolean;
  /** The atasan deciding escalated items: their windows have closed by definition. */
  eskalasi: boolean;
  /** Corrected items may be re-assessed now, past the correction window until the period closes. */
  penilaianUlang: boolean;
  zona: Zona;
  /** A movement key pressed on the card (j/k, arrows, Home/End); true when it moved. */
  onPindah: (key: string) => boolean;
  ref?: React.Ref<HTMLDivElement>;
}) {
  const { rhk, realisasi: r } = item;
  const judulId = useId();
  const pintasan = useRef<((key: string) => boolean) | null>(null);
  const dinilai = !!r && dapatMenilai && (r.status === 'DIAJUKAN' || r.status === 'DIPERBAIKI');

  function onKeyDown(e: React.KeyboardEvent) {
    if (dalamIsian(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
    if ((dinilai && pintasan.current?.(e.key)) || onPindah(e.key)) e.preventDefault();
  }

  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-labelledby={judulId}
      tabIndex={0}
      ref={ref}
      onKeyDown={onKeyDown}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div id={judulId} style={{ flex: '1 1 240px', minWidth: 0 }}>
            <RhkRingkas rhk={rhk} nomor={nomor} />
          </div>
          <Group gap={4}>
            <StatusRealisasiBadge status={r?.status ?? null} />
            {r?.status === 'DITERIMA' && r.capaian && <CapaianBadge capaian={r.capaian} />}
          </Group>
        </Group>
        <TampilRealisasi realisasi={r} />
        {r && (
          <>
            <Text size="xs" c="dimmed">
              Berkas bukti dukung
            </Text>
            <BuktiDukungList realisasiId={r.id} bukti={r.buktiDukung} jenis="BERKAS" />
          </>
        )}
        {r && r.log.jumlahEntri > 0 && (
          <LogHarianPanel
            realisasiId={r.id}
            rhkId={rhk.id}
            namaRhk={`RHK ${rhk.jenis === 'UTAMA' ? 'Utama' : 'Tambahan'} ${nomor}`}
            periode={periode}
            dapatDiubah={false}
          />
        )}
        {r?.arahan && r.status !== 'DITERIMA' && (
          <Alert color="orange" title="Arahan perbaikan" role="note">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {r.arahan}
            </Text>
          </Alert>
        )}
        {r && (r.riwayat.length > 0 || r.umpanBalik.length > 0) && (
          <>
            <Divider label="Riwayat dan umpan balik" labelPosition="left" />
            <RiwayatRealisasi realisasi={r} zona={zona} />
          </>
        )}
        {dinilai && (
          <Keputusan
            key={r.version}
            realisasi={r}
            jendela={jendela}
            eskalasi={eskalasi}
            penilaianUlang={penilaianUlang}
            pintasan={pintasan}
            onLanjut={() => onPindah('j')}
          />
        )}
      </Stack>
    </Card>
  );
}

function Keputusan({
  realisasi,
  jendela,
  eskalasi,
  penilaianUlang,
  pintasan,
  onLanjut,
}: {
  realisasi: RealisasiOut;
  jendela: Jendela[];
  eskalasi: boolean;
  penilaianUlang: boolean;
  /** Where the card finds this form's shortcut keys. */
  pintasan: React.Ref<(key: string) => boolean>;
  /** After a verdict given by a shortcut: on to the next RHK. */
  onLanjut: () => void;
}) {
  const [keputusan, setKeputusan] = useState<Keputusan | null>(null);
  const [capaian, setCapaian] = useState<CapaianRhk | null>(null);
  const [arahan, setArahan] = useState('');
  const [umpanBalik, setUmpanBalik] = useState('');
  const [galat, setGalat] = useState<Record<string, string>>({});
  const [fokusArahan, setFokusArahan] = useState(false);
  const arahanRef = useRef<HTMLTextAreaElement>(null);
  const aksi = useAksiRealisasi();

  useEffect(() => {
    if (fokusArahan && keputusan === 'PERLU_PERBAIKAN') {
      arahanRef.current?.focus();
      setFokusArahan(false);
    }
  }, [fokusArahan, keputusan]);

  // Re-assessing a corrected item is also allowed in the correction window, and after it until the
  // period closes.
  const windows = requiredWindows(realisasi.status, 'accept');
  const terbuka = jendela.filter((j) => windows.includes(j.jenis));
  const dalamJadwal =
    eskalasi || terbuka.some((j) => j.izin) || (realisasi.status === 'DIPERBAIKI' && penilaianUlang);

  useImperativeHandle(pintasan, () => (key: string) => {
    if (!dalamJadwal || aksi.busy) return false;
    const c = TOMBOL_CAPAIAN[key];
    if (c) {
      setKeputusan('TERIMA');
      setCapaian(c);
      void kirim('TERIMA', c).then((ok) => ok && onLanjut());
      return true;
    }
    if (key === 'p') {
      setKeputusan('PERLU_PERBAIKAN');
      setFokusArahan(true);
      return true;
    }
    return false;
  });

  if (!dalamJadwal)
    return (
      <Text size="sm" c="dimmed">
        Penilaian di luar jadwal. {terbuka.map((j) => j.pesan).join(' ')}
      </Text>
    );

  async function kirim(k: Keputusan | null, c: CapaianRhk | null) {
    const body = NilaiBody.safeParse({
      version: realisasi.version,
      keputusan: k ?? undefined,
      capaian: k === 'TERIMA' ? (c ?? undefined) : undefined,
      arahan: k === 'PERLU_PERBAIKAN' ? arahan : undefined,
      umpanBalik: umpanBalik.trim() || undefined,
    });
    const g: Record<string, string> = {};
    if (!body.success) for (const i of body.error.issues) g[String(i.path[0] ?? 'keputusan')] ??= i.message;
    if (!k) g.keputusan = 'Pilih Terima atau Perlu perbaikan.';
    setGalat(g);
    if (!body.success || !k) return false;
    const hasil = await aksi.run(
      () => post<RealisasiOut>(`/api/realisasi/${realisasi.id}/nilai`, body.data),
      k === 'TERIMA' ? 'Realisasi diterima.' : 'Realisasi dikembalikan untuk perbaikan.',
    );
    return hasil !== null;
  }

  return (
    <Stack gap="xs">
      <Divider label="Keputusan pejabat penilai" labelPosition="left" />
      <Radio.Group
        label="Keputusan"
        value={keputusan ?? ''}
        onChange={(v) => setKeputusan(v as Keputusan)}
        error={galat.keputusan}
      >
        <Group gap="md" mt={4}>
          <Radio value="TERIMA" label="Terima" />
          <Radio value="PERLU_PERBAIKAN" label="Perlu perbaikan" />
        </Group>
      </Radio.Group>
      {keputusan === 'TERIMA' && (
        <Radio.Group
          label="Capaian terhadap ekspektasi"
          value={capaian ?? ''}
          onChange={(v) => setCapaian(v as CapaianRhk)}
          error={galat.capaian}
        >
          <Group gap="md" mt={4}>
            {CAPAIAN_RHK.map((c) => (
              <Radio key={c} value={c} label={CAPAIAN_LABEL[c]} />
            ))}
          </Group>
        </Radio.Group>
      )}
      {keputusan === 'PERLU_PERBAIKAN' && (
        <Textarea
          ref={arahanRef}
          label="Arahan perbaikan"
          description="Yang harus diperbaiki pegawai pada jendela perbaikan"
          autosize
          minRows={2}
          maxLength={2000}
          value={arahan}
          error={galat.arahan}
          onChange={(e) => setArahan(e.currentTarget.value)}
        />
      )}
      <Textarea
        label="Umpan balik (opsional)"
        autosize
        minRows={1}
        maxLength={4000}
        value={umpanBalik}
        error={galat.umpanBalik}
        onChange={(e) => setUmpanBalik(e.currentTarget.value)}
      />
      <GalatRealisasi aksi={aksi} />
      <Group gap="sm" wrap="wrap">
        <Button loading={aksi.busy} onClick={() => kirim(keputusan, capaian)}>
          Simpan keputusan
        </Button>
        <PetunjukPapanKetik>
          <Kbd>1</Kbd> <Kbd>2</Kbd> <Kbd>3</Kbd> terima (di atas/sesuai/di bawah) · <Kbd>p</Kbd> perlu
          perbaikan
        </PetunjukPapanKetik>
      </Group>
    </Stack>
  );
}
