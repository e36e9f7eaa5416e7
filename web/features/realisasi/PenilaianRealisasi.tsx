/**
 * The assessor's page of one subordinate's period: each RHK's realisasi against target with its
 * evidence and verdict, then umpan balik per BerAKHLAK value and the two ratings → predikat (the
 * §6.2 matrix, live). "Simpan & berikutnya" (Ctrl/⌘+Enter) saves and opens the next subordinate.
 */

import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Kbd,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { PenilaianBody } from '../../../src/contracts/realisasi';
import { BERAKHLAK } from '../../../src/domain/berakhlak';
import { formatNip } from '../../../src/domain/nip';
import { predikatKinerja, RATING, RATING_LABEL, type Rating } from '../../../src/domain/predikat';
import { bolehTetapkanPredikat } from '../../../src/domain/realisasi-workflow';
import { akhiriKalimat } from '../../../src/domain/teks';
import { useGalatForm } from '../../components/GalatForm';
import { PetunjukPapanKetik } from '../../components/PetunjukPapanKetik';
import { ErrorView, Loading } from '../../components/Status';
import { put } from '../../lib/api';
import { DaftarMasukanRekan } from '../masukan-rekan/DaftarMasukanRekan';
import { GalatRealisasi, useAksiRealisasi } from './aksi';
import { bawahanRealisasiQuery, type RealisasiBulanOut, realisasiPegawaiQuery } from './api';
import { nomorRhk } from './format';
import { ItemPenilaian } from './ItemPenilaian';
import { JendelaRealisasi } from './JendelaRealisasi';
import { bawahanBerikutnya, langkah } from './navigasi';
import { PilihPeriode } from './PilihPeriode';
import { PredikatBadge } from './StatusRealisasi';
import { useJadwal } from './useJadwal';

export function PenilaianRealisasi({
  pegawaiId,
  periode,
  onPeriode,
}: {
  pegawaiId: number;
  periode: string | undefined;
  onPeriode: (periode: string) => void;
}) {
  const jadwal = useJadwal();
  const kode = periode ?? jadwal.periodeAwal;
  if (!kode) return jadwal.query.isError ? <ErrorView error={jadwal.query.error} /> : <Loading />;
  return <Halaman key={`${pegawaiId}-${kode}`} pegawaiId={pegawaiId} periode={kode} onPeriode={onPeriode} />;
}

function Halaman({
  pegawaiId,
  periode,
  onPeriode,
}: {
  pegawaiId: number;
  periode: string;
  onPeriode: (periode: string) => void;
}) {
  const query = useQuery(realisasiPegawaiQuery(pegawaiId, periode));
  const daftar = useQuery(bawahanRealisasiQuery(periode));
  const { zona } = useJadwal();
  const navigate = useNavigate();
  const kartu = useRef<(HTMLDivElement | null)[]>([]);

  const berikutnyaId = daftar.data ? bawahanBerikutnya(daftar.data.items, pegawaiId) : null;
  const berikutnya = daftar.data?.items.find((p) => p.pegawaiId === berikutnyaId) ?? null;
  async function keBerikutnya() {
    if (berikutnyaId === null) {
      notifications.show({ color: 'teal', message: 'Tidak ada lagi bawahan berikutnya pada periode ini.' });
      await navigate({ to: '/realisasi/bawahan', search: { periode } });
    } else
      await navigate({
        to: '/realisasi/bawahan/$pegawaiId',
        params: { pegawaiId: String(berikutnyaId) },
        search: { periode },
      });
  }

  const pindah = (i: number) => (key: string) => {
    const ke = langkah(key, i, kartu.current.length);
    if (ke === null) return false;
    kartu.current[ke]?.focus();
    return true;
  };

  return (
    <Stack>
      <Anchor
        size="sm"
        renderRoot={(props) => <Link {...props} to="/realisasi/bawahan" search={{ periode }} />}
      >
        ← Penilaian Bawahan
      </Anchor>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : (
        <>
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <div style={{ minWidth: 0 }}>
              <Title order={2}>{query.data.pegawai.namaLengkap}</Title>
              <Text size="sm" c="dimmed">
                NIP {formatNip(query.data.pegawai.nip)} · Realisasi {query.data.periode.label}
              </Text>
            </div>
            <PilihPeriode value={periode} label={query.data.periode.label} onChange={onPeriode} />
          </Group>
          <JendelaRealisasi jendela={query.data.jendela} zona={zona?.singkatan ?? null} milikSaya={false} />
          {query.data.menilaiSebagai && query.data.pejabatPenilai && (
            <Alert color="grape" title={`a.n. ${query.data.pejabatPenilai.namaLengkap}`}>
              {query.data.menilaiSebagai === 'DELEGASI'
                ? 'Anda menilai sebagai penerima delegasi dari pejabat penilai; penilaian tercatat atas nama Anda.'
                : 'Pejabat penilai melewati jendela penilaian; sebagai atasan pejabat penilai Anda memutuskan realisasi yang tereskalasi.'}
            </Alert>
          )}
          {!query.data.dapatMenilai && (
            <Alert color="blue">
              Hanya pejabat penilai pegawai ini yang dapat menilai; Anda dapat membaca.
            </Alert>
          )}
          {!query.data.skp ? (
            <Alert color="yellow">
              Belum ada SKP yang disetujui untuk periode {query.data.periode.label}.
            </Alert>
          ) : (
            <>
              {query.data.dapatMenilai && (
                <PetunjukPapanKetik>
                  Papan ketik: pilih kartu RHK, lalu <Kbd>1</Kbd> <Kbd>2</Kbd> <Kbd>3</Kbd> terima (di
                  atas/sesuai/di bawah ekspektasi), <Kbd>p</Kbd> perlu perbaikan, <Kbd>j</Kbd>/<Kbd>k</Kbd>{' '}
                  RHK berikutnya/sebelumnya; <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> simpan penilaian dan buka
                  bawahan berikutnya.
                </PetunjukPapanKetik>
              )}
              <Stack gap="md" aria-label="Realisasi per RHK">
                {query.data.items.map((item, i) => (
                  <ItemPenilaian
                    key={item.rhk.id}
                    ref={(el) => {
                      kartu.current[i] = el;
                    }}
                    item={item}
                    nomor={nomorRhk(query.data.items, i)}
                    periode={query.data.periode.kode}
                    jendela={query.data.jendela}
                    dapatMenilai={query.data.dapatMenilai}
                    eskalasi={query.data.menilaiSebagai === 'ESKALASI'}
                    penilaianUlang={query.data.penilaianUlang.item}
                    zona={zona}
                    onPindah={pindah(i)}
                  />
                ))}
              </Stack>
              <RatingPenilaian
                key={query.data.penilaian?.version ?? 0}
                bulan={query.data}
                berikutnya={berikutnya?.namaLengkap ?? null}
                onBerikutnya={keBerikutnya}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function RatingPenilaian({
  bulan,
  berikutnya,
  onBerikutnya,
}: {
  bulan: RealisasiBulanOut;
  /** The name of the next subordinate, null at the end of the list. */
  berikutnya: string | null;
  onBerikutnya: () => Promise<void>;
}) {
  const umpanBalik: Record<string, string> = Object.fromEntries(
    bulan.umpanBalikPerilaku.map((u) => [u.kode, u.teks]),
  );
  const awal = {
    hasilKerja: bulan.penilaian?.ratingHasilKerja ?? null,
    perilaku: bulan.penilaian?.ratingPerilaku ?? null,
    catatan: bulan.penilaian?.catatan ?? '',
    umpanBalik,
  };
  const [isian, setIsian] = useState(awal);
  const cek = useGalatForm();
  const aksi = useAksiRealisasi();
  // A feedback field typed into and emptied again is no change.
  const isi = (i: typeof awal) =>
    JSON.stringify({
      ...i,
      umpanBalik: Object.entries(i.umpanBalik)
        .filter(([, t]) => t.trim())
        .sort(([a], [b]) => a.localeCompare(b)),
    });
  const berubah = isi(isian) !== isi(awal);
  const { saran, penilaian } = bulan;
  const dalamJadwal =
    bulan.menilaiSebagai === 'ESKALASI' ||
    bulan.penilaianUlang.rating ||
    bulan.jendela.some((j) => (j.jenis === 'PENILAIAN' || j.jenis === 'PERBAIKAN') && j.izin);
  const dapat = bulan.dapatMenilai && dalamJadwal;
  // The same rule the server applies: no predikat while an RHK waits for correction or re-assessment.
  const izinPredikat = bolehTetapkanPredikat(
    bulan.items.flatMap((i) => (i.realisasi ? [{ status: i.realisasi.status, rencana: i.rhk.rencana }] : [])),
  );
  const predikat =
    isian.hasilKerja && isian.perilaku ? predikatKinerja(isian.hasilKerja, isian.perilaku) : null;
  const dapatSimpan = !!predikat && izinPredikat.ok;

  async function simpan(lanjut: boolean) {
    const body = PenilaianBody.safeParse({
      periode: bulan.periode.kode,
      ratingHasilKerja: isian.hasilKerja ?? undefined,
      ratingPerilaku: isian.perilaku ?? undefined,
      catatan: isian.catatan,
      umpanBalikPerilaku: BERAKHLAK.flatMap((b) => {
        const teks = isian.umpanBalik[b.kode]?.trim();
        return teks ? [{ kode: b.kode, teks }] : [];
      }),
      version: penilaian?.version,
    });
    if (!body.success) {
      cek.periksa(body.error.issues[0]?.message ?? 'Data penilaian tidak valid.');
      return;
    }
    cek.hapus();
    const hasil = await aksi.run(
      () => put<RealisasiBulanOut>(`/api/realisasi/pegawai/${bulan.pegawai.id}/penilaian`, body.data),
      (b) => `Penilaian tersimpan: predikat ${b.penilaian?.predikatLabel ?? '—'}.`,
    );
    if (hasil && lanjut) await onBerikutnya();
  }

  // Ctrl/⌘+Enter works inside the fields too; "n" only outside them (useHotkeys' default).
  useHotkeys([['mod+Enter', () => dapat && dapatSimpan && !aksi.busy && void simpan(true)]], []);
  useHotkeys([
    [
      'n',
      () => {
        if (berubah)
          notifications.show({
            color: 'orange',
            message: 'Simpan penilaian terlebih dahulu (Ctrl+Enter: Simpan & berikutnya).',
          });
        else void onBerikutnya();
      },
    ],
  ]);

  const pilihRating = (label: string, value: Rating | null, onChange: (r: Rating) => void) => (
    <Radio.Group label={label} value={value ?? ''} onChange={(v) => onChange(v as Rating)}>
      <Stack gap={6} mt={6}>
        {RATING.map((r) => (
          <Radio key={r} value={r} label={RATING_LABEL[r]} disabled={!dapat} />
        ))}
      </Stack>
    </Radio.Group>
  );

  return (
    <Card withBorder padding="sm" component="section" aria-label="Penilaian periode">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Penilaian periode {bulan.periode.label}
        </Title>
        {!dalamJadwal && bulan.dapatMenilai && (
          <Text size="sm" c="dimmed">
            Rating hanya dapat disimpan pada jendela penilaian atau perbaikan, atau sesudah perbaikan sampai
            periode ditutup.
          </Text>
        )}
        {dapat && !izinPredikat.ok && (
          <Alert color="orange" title="Predikat belum dapat ditetapkan" role="note">
            {izinPredikat.pesan}
          </Alert>
        )}
        <Stack gap="xs" role="group" aria-label="Umpan balik perilaku kerja">
          <Text size="sm" fw={600}>
            Umpan balik perilaku kerja (BerAKHLAK)
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {BERAKHLAK.map((b) => (
              <Textarea
                key={b.kode}
                label={b.nama}
                aria-label={`Umpan balik ${b.nama}`}
                description={b.panduan[0]}
                autosize
                minRows={1}
                maxLength={2000}
                disabled={!dapat}
                value={isian.umpanBalik[b.kode] ?? ''}
                onChange={(e) => {
                  const teks = e.currentTarget.value;
                  setIsian((s) => ({ ...s, umpanBalik: { ...s.umpanBalik, [b.kode]: teks } }));
                }}
              />
            ))}
          </SimpleGrid>
          <DaftarMasukanRekan
            items={bulan.masukanRekan}
            keterangan="Opsional, dari rekan kerja pegawai ini; Anda yang memutuskan rating perilaku kerja. Pegawai membacanya tanpa nama penulis."
          />
        </Stack>
        {saran && (
          <Alert color="blue" title="Saran sistem untuk rating hasil kerja" role="note">
            <Stack gap={6}>
              <Text size="sm">
                <b>{RATING_LABEL[saran.rating]}</b> — {saran.alasan} Saran dihitung dari capaian realisasi
                yang diterima; keputusan tetap pada pejabat penilai.
              </Text>
              {dapat && isian.hasilKerja !== saran.rating && (
                <div>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setIsian((s) => ({ ...s, hasilKerja: saran.rating }))}
                  >
                    Pakai saran
                  </Button>
                </div>
              )}
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {pilihRating('Rating hasil kerja', isian.hasilKerja, (r) =>
            setIsian((s) => ({ ...s, hasilKerja: r })),
          )}
          {pilihRating('Rating perilaku kerja', isian.perilaku, (r) =>
            setIsian((s) => ({ ...s, perilaku: r })),
          )}
          <div role="status" aria-label="Predikat kinerja">
            <Text size="sm" fw={500}>
              Predikat kinerja
            </Text>
            {predikat ? (
              <PredikatBadge predikat={predikat} />
            ) : (
              <Text size="sm" c="dimmed">
                Pilih kedua rating.
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              Menurut matriks rating hasil kerja × rating perilaku kerja (PermenPANRB 6/2022).
            </Text>
          </div>
        </SimpleGrid>
        <Textarea
          label="Catatan/rekomendasi (opsional)"
          autosize
          minRows={2}
          maxLength={4000}
          disabled={!dapat}
          value={isian.catatan}
          onChange={(e) => {
            const catatan = e.currentTarget.value;
            setIsian((s) => ({ ...s, catatan }));
          }}
        />
        {penilaian && (
          <Text size="xs" c="dimmed">
            {akhiriKalimat(
              `Tersimpan: predikat ${penilaian.predikatLabel} oleh ${penilaian.penilai.namaLengkap}`,
            )}
          </Text>
        )}
        {cek.ringkasan}
        <GalatRealisasi aksi={aksi} />
        {dapat && (
          <Group gap="sm" wrap="wrap">
            <Button loading={aksi.busy} disabled={!dapatSimpan} onClick={() => simpan(false)}>
              Simpan penilaian
            </Button>
            <Button variant="light" loading={aksi.busy} disabled={!dapatSimpan} onClick={() => simpan(true)}>
              Simpan & berikutnya
            </Button>
            {berubah && (
              <Text size="sm" c="orange.8">
                Ada perubahan yang belum disimpan.
              </Text>
            )}
          </Group>
        )}
        <Group gap="xs">
          <Button variant="subtle" size="xs" onClick={onBerikutnya} disabled={berubah}>
            {berikutnya ? `Lewati ke ${berikutnya}` : 'Kembali ke daftar'}
          </Button>
          <PetunjukPapanKetik>
            <Kbd>n</Kbd>
          </PetunjukPapanKetik>
        </Group>
      </Stack>
    </Card>
  );
}
