/**
 * "Realisasi Saya": the month of the employee per RHK of the approved plan, the schedule's windows,
 * and submitting the month (drafts in the input window, corrections in the correction window).
 */
import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { BERAKHLAK } from '../../../src/domain/berakhlak';
import { RATING_LABEL } from '../../../src/domain/predikat';
import { STATUS_REALISASI, STATUS_REALISASI_LABEL } from '../../../src/domain/realisasi-workflow';
import { ErrorView, Loading } from '../../components/Status';
import { post } from '../../lib/api';
import { formatWaktu, ISTILAH, type Zona } from '../../lib/istilah';
import { DaftarMasukanRekan } from '../masukan-rekan/DaftarMasukanRekan';
import { GalatRealisasi, useAksiRealisasi } from './aksi';
import { type Ajukan, type RealisasiBulanOut, realisasiSayaQuery } from './api';
import { nomorRhk } from './format';
import { ImporRealisasi } from './ImporRealisasi';
import { JendelaRealisasi } from './JendelaRealisasi';
import { KartuRealisasi } from './KartuRealisasi';
import { LogHarianPanel } from './LogHarianPanel';
import { PilihPeriode } from './PilihPeriode';
import { BELUM_DIISI, PredikatBadge, WARNA_STATUS_REALISASI } from './StatusRealisasi';
import { useJadwal } from './useJadwal';

export function RealisasiSaya({
  periode,
  onPeriode,
}: {
  periode: string | undefined;
  onPeriode: (periode: string) => void;
}) {
  const jadwal = useJadwal();
  const kode = periode ?? jadwal.periodeAwal;
  if (!kode) return jadwal.query.isError ? <ErrorView error={jadwal.query.error} /> : <Loading />;
  return <Bulan key={kode} periode={kode} onPeriode={onPeriode} />;
}

function Bulan({ periode, onPeriode }: { periode: string; onPeriode: (periode: string) => void }) {
  const query = useQuery(realisasiSayaQuery(periode));
  const { zona } = useJadwal();
  const [belumDisimpan, setBelumDisimpan] = useState<ReadonlySet<number>>(new Set());
  const tandai = useCallback(
    (rhkId: number, belum: boolean) =>
      setBelumDisimpan((s) => {
        if (s.has(rhkId) === belum) return s;
        const n = new Set(s);
        if (belum) n.add(rhkId);
        else n.delete(rhkId);
        return n;
      }),
    [],
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>Realisasi Saya</Title>
          <Text size="sm" c="dimmed">
            Rencana aksi, realisasi dan bukti dukung per Rencana Hasil Kerja (RHK) setiap periode.
          </Text>
        </div>
        <PilihPeriode value={periode} label={query.data?.periode.label} onChange={onPeriode} />
      </Group>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : (
        <>
          <Ringkasan bulan={query.data} />
          <JendelaRealisasi jendela={query.data.jendela} zona={zona?.singkatan ?? null} milikSaya />
          {!query.data.skp ? (
            <Alert color="yellow" title="Belum ada SKP yang disetujui">
              Realisasi diisi per RHK dari SKP yang disetujui untuk periode {query.data.periode.label}.{' '}
              <Anchor component={Link} to="/skp">
                Buka SKP Saya
              </Anchor>
            </Alert>
          ) : (
            <>
              <AjukanBulan bulan={query.data} belumDisimpan={belumDisimpan.size} />
              {izin(query.data, 'INPUT') && <ImporRealisasi periode={query.data.periode.kode} />}
              <Stack gap="md" aria-label="Realisasi per RHK">
                {query.data.items.map((item, i) => (
                  <KartuRealisasi
                    // A new version (saved, assessed, reloaded) starts the form from the server's values.
                    key={`${item.rhk.id}-${item.realisasi?.version ?? 0}`}
                    item={item}
                    nomor={nomorRhk(query.data.items, i)}
                    periode={query.data.periode.kode}
                    dapatMengisi={izin(query.data, 'INPUT')}
                    zona={zona}
                    onBelumDisimpan={tandai}
                    logHarian={
                      <LogHarianPanel
                        realisasiId={item.realisasi?.id ?? null}
                        rhkId={item.rhk.id}
                        namaRhk={`RHK ${item.rhk.jenis === 'UTAMA' ? 'Utama' : 'Tambahan'} ${nomorRhk(query.data.items, i)}`}
                        periode={query.data.periode.kode}
                        dapatDiubah={item.realisasi ? item.realisasi.dapatDiubah : izin(query.data, 'INPUT')}
                        berkas={item.realisasi?.buktiDukung.filter((b) => b.jenis === 'BERKAS')}
                      />
                    }
                  />
                ))}
              </Stack>
              <HasilPenilaian bulan={query.data} zona={zona} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

const izin = (bulan: RealisasiBulanOut, jenis: 'INPUT' | 'PERBAIKAN') =>
  bulan.jendela.some((j) => j.jenis === jenis && j.izin);

function Ringkasan({ bulan }: { bulan: RealisasiBulanOut }) {
  const jumlah = [
    { label: BELUM_DIISI, n: bulan.jumlah.BELUM_DIISI, warna: 'gray' },
    ...STATUS_REALISASI.map((s) => ({
      label: STATUS_REALISASI_LABEL[s],
      n: bulan.jumlah[s],
      warna: WARNA_STATUS_REALISASI[s],
    })),
  ].filter((j) => j.n > 0);
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Text fw={600}>{bulan.periode.label}</Text>
        <Text size="sm">
          {ISTILAH.pejabatPenilai}: {bulan.pejabatPenilai?.namaLengkap ?? '—'}
        </Text>
        {jumlah.length > 0 && (
          <Group gap={4} aria-label="Jumlah per status">
            {jumlah.map((j) => (
              <Badge key={j.label} color={j.warna} variant="light">
                {j.label}: {j.n}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/**
 * What "Ajukan" would send now: drafts if input is open for me, returned items if correction is;
 * and, for those whose window is closed, when it opens (the API's message).
 */
function yangDiajukan(bulan: RealisasiBulanOut) {
  const per = (jenis: 'INPUT' | 'PERBAIKAN', status: 'DRAFT' | 'PERLU_PERBAIKAN') => {
    const items = bulan.items.filter((i) => i.realisasi?.status === status);
    const jendela = bulan.jendela.find((j) => j.jenis === jenis);
    return jendela?.izin
      ? { siap: items, tertahan: null }
      : { siap: [], tertahan: items.length ? jendela?.pesan : null };
  };
  const draf = per('INPUT', 'DRAFT');
  const perbaikan = per('PERBAIKAN', 'PERLU_PERBAIKAN');
  return {
    draf: draf.siap,
    perbaikan: perbaikan.siap,
    tertahan: [draf.tertahan, perbaikan.tertahan].filter((p): p is string => !!p),
  };
}

function AjukanBulan({ bulan, belumDisimpan }: { bulan: RealisasiBulanOut; belumDisimpan: number }) {
  const [opened, { open, close }] = useDisclosure();
  const aksi = useAksiRealisasi();
  const { draf, perbaikan, tertahan } = yangDiajukan(bulan);
  const semua = [...draf, ...perbaikan];
  const kosong = semua.filter((i) => i.realisasi!.nilai === null && !i.realisasi!.teks?.trim());
  const belumDiisi = bulan.items.filter((i) => !i.realisasi).length;
  if (semua.length === 0)
    return tertahan.length > 0 ? (
      <Alert color="yellow" title="Belum dapat diajukan">
        {tertahan.join(' ')}
      </Alert>
    ) : null;

  async function ajukan() {
    const ok = await aksi.run(
      () => post<Ajukan>('/api/realisasi/ajukan', { periode: bulan.periode.kode }),
      (r) => {
        const bagian = [
          r.diajukan ? `${r.diajukan} realisasi diajukan` : null,
          r.diperbaiki ? `${r.diperbaiki} perbaikan diajukan` : null,
        ];
        return `${bagian.filter(Boolean).join(' dan ')} kepada pejabat penilai.`;
      },
    );
    if (ok) close();
  }

  return (
    <Card withBorder padding="sm" bg="var(--mantine-color-teal-light)">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          {draf.length > 0 && `${draf.length} realisasi berstatus Draf`}
          {draf.length > 0 && perbaikan.length > 0 && ' dan '}
          {perbaikan.length > 0 && `${perbaikan.length} perbaikan`} siap diajukan kepada{' '}
          {bulan.pejabatPenilai?.namaLengkap ?? 'pejabat penilai'}.
        </Text>
        <Button onClick={open} disabled={belumDisimpan > 0}>
          Ajukan
        </Button>
      </Group>
      {belumDisimpan > 0 && (
        <Text size="sm" c="orange.8" mt={4}>
          Simpan perubahan pada {belumDisimpan} RHK terlebih dahulu.
        </Text>
      )}
      <Modal opened={opened} onClose={close} title="Ajukan realisasi">
        <Stack>
          <Text size="sm">
            Realisasi berikut diajukan kepada {bulan.pejabatPenilai?.namaLengkap ?? 'pejabat penilai'} untuk
            periode {bulan.periode.label}. Setelah diajukan, realisasi tidak dapat diubah kecuali dikembalikan
            untuk perbaikan.
          </Text>
          <List size="sm" spacing={4} aria-label="Yang diajukan">
            {semua.map((i) => (
              <List.Item key={i.rhk.id}>
                <Text size="sm" span fw={500}>
                  {i.rhk.rencana}
                </Text>{' '}
                <Text size="sm" span c="dimmed">
                  ({i.realisasi!.status === 'PERLU_PERBAIKAN' ? 'perbaikan' : 'draf'})
                </Text>
                {kosong.includes(i) && (
                  <Text size="sm" c="red">
                    Nilai atau uraian realisasi belum diisi.
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
          {belumDiisi > 0 && (
            <Text size="sm" c="dimmed">
              {belumDiisi} RHK belum diisi dan tidak ikut diajukan.
            </Text>
          )}
          <GalatRealisasi aksi={aksi} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Batal
            </Button>
            <Button loading={aksi.busy} disabled={kosong.length > 0} onClick={ajukan}>
              Ya, ajukan
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** The assessor's ratings, predikat and behaviour feedback of the period, once given. */
function HasilPenilaian({ bulan, zona }: { bulan: RealisasiBulanOut; zona: Zona }) {
  const { penilaian, umpanBalikPerilaku, masukanRekan } = bulan;
  if (!penilaian && umpanBalikPerilaku.length === 0 && masukanRekan.length === 0) return null;
  const nama = (kode: string) => BERAKHLAK.find((b) => b.kode === kode)?.nama ?? kode;
  return (
    <Card withBorder padding="sm" component="section" aria-label="Penilaian periode">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Penilaian periode {bulan.periode.label}
        </Title>
        {penilaian && (
          <>
            <Group gap="xs">
              <Text size="sm">Predikat kinerja:</Text>
              <PredikatBadge predikat={penilaian.predikat} />
            </Group>
            <Text size="sm">
              Rating hasil kerja: {RATING_LABEL[penilaian.ratingHasilKerja]} · Rating perilaku kerja:{' '}
              {RATING_LABEL[penilaian.ratingPerilaku]}
            </Text>
            {penilaian.catatan && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                Catatan: {penilaian.catatan}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {penilaian.penilai.namaLengkap} · {formatWaktu(penilaian.at, zona)}
            </Text>
            <div>
              <Button
                component="a"
                size="xs"
                variant="default"
                href={`/api/dokumen/evaluasi/periodik/${bulan.pegawai.id}?periode=${bulan.periode.kode}`}
                download
              >
                Unduh Evaluasi Kinerja Pegawai (PDF)
              </Button>
            </div>
          </>
        )}
        {umpanBalikPerilaku.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              Umpan balik perilaku kerja (BerAKHLAK)
            </Text>
            <List size="sm" spacing={4}>
              {umpanBalikPerilaku.map((u) => (
                <List.Item key={u.kode}>
                  <Text span size="sm" fw={500}>
                    {nama(u.kode)}:
                  </Text>{' '}
                  {u.teks}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <DaftarMasukanRekan
          items={masukanRekan}
          keterangan="Dari rekan kerja dengan pejabat penilai yang sama; nama penulis tidak ditampilkan."
        />
      </Stack>
    </Card>
  );
}
