import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { approvedChain, type Client, plan, submitAndApprove, tiga } from '../../../test/skp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let rhkStaf: number[];
let rhkKasi: number[];

/** Instants in WITA (UTC+8): 10:00 local on the given day of August 2026. */
const agustus = (hari: number) => `2026-08-${String(hari).padStart(2, '0')}T02:00:00Z`;

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  const { c, plans } = await approvedChain(h, org);
  const { kasi, staf } = c;
  const pKasi = plans.kasi;
  const pStaf = await submitAndApprove(
    staf,
    kasi,
    await plan(staf, [
      {
        jenis: 'UTAMA',
        rencana: 'Terhimpunnya data kurikulum sekolah',
        iki: tiga(120, 'data'),
        intervensi: [pKasi.rhk[0].id],
      },
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya laporan supervisi',
        iki: tiga(12, 'laporan'),
        intervensi: [pKasi.rhk[1].id],
      },
    ]),
  );
  rhkStaf = pStaf.rhk.map((r: { id: number }) => r.id);
  rhkKasi = pKasi.rhk.map((r: { id: number }) => r.id);
});
afterAll(() => h.close());

/** Moves the clock and logs in again (sessions last 12 hours). */
async function pada(now: string) {
  h.clock.set(now);
  return {
    staf: await h.login(org.pelaksana.nip),
    kasi: await h.login(org.pengawas.nip),
    staf2: await h.login(org.pelaksana2.nip),
    asing: await h.login(org.orangLain.nip),
  };
}

const auditRealisasi = async () =>
  (
    await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity IN ('realisasi', 'penilaian') AND instansi_id = ${org.instansiId}`,
    )
  )[0]!.n;

type Item = {
  rhk: { id: number };
  realisasi: { id: number; status: string; version: number; riwayat: unknown[] };
};
const itemOf = (bulan: { items: Item[] }, rhkId: number) => bulan.items.find((i) => i.rhk.id === rhkId)!;

async function bulanStaf(c: Client) {
  const res = await c.get('/api/realisasi?periode=2026-07');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('realisasi bulanan: isi, ajukan, nilai, perbaiki, predikat', () => {
  it('runs the month of July 2026 through its windows (WITA)', async () => {
    // 3 August: the input window is open.
    let c = await pada(agustus(3));
    const bulan = await bulanStaf(c.staf);
    expect(bulan.periode).toMatchObject({ kode: '2026-07', label: 'Juli 2026' });
    expect(bulan.items.map((i: Item) => i.rhk.id)).toEqual(rhkStaf);
    expect(bulan.items.every((i: Item) => i.realisasi === null)).toBe(true);
    expect(bulan.jumlah.BELUM_DIISI).toBe(2);
    expect(bulan.pejabatPenilai.id).toBe(org.pengawas.id);
    expect(bulan.jendela.find((j: { jenis: string }) => j.jenis === 'INPUT')).toMatchObject({
      status: 'DIBUKA',
      izin: true,
      tanggalMulai: '2026-08-01',
      tanggalAkhir: '2026-08-07',
    });

    // Input is validated with Indonesian messages.
    const badLink = await c.staf.put(`/api/realisasi/${rhkStaf[0]}/2026-07`, {
      nilai: 10,
      buktiDukung: [{ url: 'ftp://contoh.go.id/berkas', deskripsi: 'Berkas' }],
    });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.body).toMatch(/http:\/\/ atau https:\/\//);
    const badPeriode = await c.staf.get('/api/realisasi?periode=2026-13');
    expect(badPeriode.statusCode).toBe(400);
    // Someone else's RHK is not found.
    expect((await c.staf2.put(`/api/realisasi/${rhkStaf[0]}/2026-07`, { nilai: 1 })).statusCode).toBe(404);

    const saved = await c.staf.put(`/api/realisasi/${rhkStaf[0]}/2026-07`, {
      rencanaAksi: 'Menghimpun data kurikulum 10 sekolah',
      targetAksi: '10 data',
      nilai: 10,
      satuan: 'data',
      buktiDukung: [{ url: 'https://drive.contoh.go.id/data-juli', deskripsi: 'Rekap data Juli' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      status: 'DRAFT',
      version: 1,
      nilai: 10,
      dapatDiubah: true,
      buktiDukung: [
        { jenis: 'TAUTAN', url: 'https://drive.contoh.go.id/data-juli', deskripsi: 'Rekap data Juli' },
      ],
    });
    // Second RHK: a plan without a value or a text cannot be submitted.
    const empty = await c.staf.put(`/api/realisasi/${rhkStaf[1]}/2026-07`, {
      rencanaAksi: 'Menyusun laporan',
    });
    expect(empty.statusCode, empty.body).toBe(200);
    const refusedEmpty = await c.staf.post('/api/realisasi/ajukan', { periode: '2026-07' });
    expect(refusedEmpty.statusCode).toBe(422);
    expect(refusedEmpty.json().error).toMatchObject({ code: 'REALISASI_KOSONG' });
    expect(refusedEmpty.json().error.message).toMatch(/Tersusunnya laporan supervisi.*Isi nilai atau uraian/);

    const filled = await c.staf.put(`/api/realisasi/${rhkStaf[1]}/2026-07`, {
      version: 1,
      rencanaAksi: 'Menyusun laporan',
      teks: 'Laporan supervisi SMA 1 dan SMA 3 selesai.',
      buktiDukung: [],
    });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json().version).toBe(2);
    const stale = await c.staf.put(`/api/realisasi/${rhkStaf[1]}/2026-07`, { version: 1, teks: 'lama' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const ajukan = await c.staf.post('/api/realisasi/ajukan', { periode: '2026-07' });
    expect(ajukan.statusCode, ajukan.body).toBe(200);
    expect(ajukan.json()).toMatchObject({ diajukan: 2, diperbaiki: 0 });
    const setelah = (await c.staf.get('/api/realisasi?periode=2026-07')).json();
    expect(setelah.jumlah).toMatchObject({ DIAJUKAN: 2, DRAFT: 0 });
    const notifKasi = (await c.kasi.get('/api/notifikasi')).json();
    expect(notifKasi.items[0]).toMatchObject({ jenis: 'REALISASI_DIAJUKAN' });

    // The kasi leaves a draft of their own for the period.
    const draftKasi = await c.kasi.put(`/api/realisasi/${rhkKasi[0]}/2026-07`, {
      nilai: 2,
      satuan: 'dokumen',
    });
    expect(draftKasi.statusCode, draftKasi.body).toBe(200);

    // 9 August: input closed; submitting is refused, naming the dates, and writes nothing.
    c = await pada(agustus(9));
    const auditBefore = await auditRealisasi();
    const late = await c.kasi.post('/api/realisasi/ajukan', { periode: '2026-07' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('WINDOW_CLOSED');
    expect(late.json().error.message).toMatch(
      /Pengisian realisasi periode Juli 2026 dibuka 1–7 Agustus 2026 \(WITA\)/,
    );
    const kasiBulan = (await c.kasi.get('/api/realisasi?periode=2026-07')).json();
    expect(itemOf(kasiBulan, rhkKasi[0]!).realisasi).toMatchObject({
      status: 'DRAFT',
      version: 1,
      riwayat: [],
    });
    expect(await auditRealisasi()).toBe(auditBefore);
    // A submitted item is not the employee's to change.
    const locked = await c.staf.put(`/api/realisasi/${rhkStaf[0]}/2026-07`, { version: 2, nilai: 11 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('REALISASI_NOT_EDITABLE');

    // 10 August: assessment window.
    c = await pada(agustus(10));
    const daftar = await c.kasi.get('/api/realisasi/bawahan?periode=2026-07');
    expect(daftar.statusCode, daftar.body).toBe(200);
    expect(daftar.json().items[0]).toMatchObject({
      pegawaiId: org.pelaksana.id,
      menunggu: 2,
      jumlah: { DIAJUKAN: 2 },
    });
    expect(daftar.json().items.map((i: { pegawaiId: number }) => i.pegawaiId)).toEqual(
      expect.arrayContaining([org.pelaksana2.id, org.fungsional.id]),
    );

    // Reading: the direct superior yes; a colleague and a stranger no.
    const dibaca = await c.kasi.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-07`);
    expect(dibaca.statusCode, dibaca.body).toBe(200);
    expect(dibaca.json().dapatMenilai).toBe(true);
    expect((await c.staf2.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-07`)).statusCode).toBe(
      403,
    );
    expect((await c.asing.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-07`)).statusCode).toBe(
      403,
    );

    const [r1, r2] = rhkStaf.map((id) => itemOf(dibaca.json(), id).realisasi);
    expect(
      (
        await c.asing.post(`/api/realisasi/${r1!.id}/nilai`, {
          version: r1!.version,
          keputusan: 'TERIMA',
          capaian: 'SESUAI',
        })
      ).statusCode,
    ).toBe(403);
    const tanpaArahan = await c.kasi.post(`/api/realisasi/${r1!.id}/nilai`, {
      version: r1!.version,
      keputusan: 'PERLU_PERBAIKAN',
    });
    expect(tanpaArahan.statusCode).toBe(400);
    expect(tanpaArahan.body).toMatch(/Arahan perbaikan wajib diisi/);

    const kembali = await c.kasi.post(`/api/realisasi/${r1!.id}/nilai`, {
      version: r1!.version,
      keputusan: 'PERLU_PERBAIKAN',
      arahan: 'Lampirkan rekap per sekolah, bukan total saja.',
      umpanBalik: 'Data sudah lengkap, tapi perlu dirinci.',
    });
    expect(kembali.statusCode, kembali.body).toBe(200);
    expect(kembali.json()).toMatchObject({
      status: 'PERLU_PERBAIKAN',
      arahan: 'Lampirkan rekap per sekolah, bukan total saja.',
      umpanBalik: [{ teks: 'Data sudah lengkap, tapi perlu dirinci.' }],
    });
    const terima = await c.kasi.post(`/api/realisasi/${r2!.id}/nilai`, {
      version: r2!.version,
      keputusan: 'TERIMA',
      capaian: 'DI_ATAS',
    });
    expect(terima.statusCode, terima.body).toBe(200);
    expect(terima.json()).toMatchObject({ status: 'DITERIMA', capaian: 'DI_ATAS' });
    // Accepting twice is not a valid transition.
    const lagi = await c.kasi.post(`/api/realisasi/${r2!.id}/nilai`, {
      version: terima.json().version,
      keputusan: 'TERIMA',
      capaian: 'DI_ATAS',
    });
    expect(lagi.statusCode).toBe(409);
    expect(lagi.json().error.code).toBe('REALISASI_INVALID_TRANSITION');

    const notifStaf = (await c.staf.get('/api/notifikasi')).json();
    expect(notifStaf.items[0]).toMatchObject({ jenis: 'REALISASI_PERLU_PERBAIKAN' });
    expect(notifStaf.items[0].pesan).toMatch(/Lampirkan rekap per sekolah/);
    // The correction window is not open yet.
    const terlalu = await c.staf.put(`/api/realisasi/${rhkStaf[0]}/2026-07`, {
      version: kembali.json().version,
      nilai: 10,
    });
    expect(terlalu.statusCode).toBe(409);
    expect(terlalu.json().error.message).toMatch(
      /Perbaikan realisasi periode Juli 2026 dibuka 19–25 Agustus 2026/,
    );

    // 20 August: the staf corrects and resubmits; the kasi re-assesses in the correction window.
    c = await pada(agustus(20));
    const perbaikan = await c.staf.put(`/api/realisasi/${rhkStaf[0]}/2026-07`, {
      version: kembali.json().version,
      rencanaAksi: 'Menghimpun data kurikulum 10 sekolah',
      nilai: 10,
      satuan: 'data',
      teks: 'Rincian per sekolah terlampir.',
      buktiDukung: [
        { url: 'https://drive.contoh.go.id/data-juli', deskripsi: 'Rekap data Juli' },
        { url: 'https://drive.contoh.go.id/data-juli-per-sekolah', deskripsi: 'Rincian per sekolah' },
      ],
    });
    expect(perbaikan.statusCode, perbaikan.body).toBe(200);
    expect(perbaikan.json().buktiDukung).toHaveLength(2);
    const ajukanLagi = await c.staf.post('/api/realisasi/ajukan', { periode: '2026-07' });
    expect(ajukanLagi.statusCode, ajukanLagi.body).toBe(200);
    expect(ajukanLagi.json()).toMatchObject({ diajukan: 0, diperbaiki: 1 });
    const diperbaiki = itemOf(
      (await c.staf.get('/api/realisasi?periode=2026-07')).json(),
      rhkStaf[0]!,
    ).realisasi;
    expect(diperbaiki.status).toBe('DIPERBAIKI');

    const terimaLagi = await c.kasi.post(`/api/realisasi/${diperbaiki.id}/nilai`, {
      version: diperbaiki.version,
      keputusan: 'TERIMA',
      capaian: 'DI_ATAS',
      umpanBalik: 'Terima kasih, sudah dirinci.',
    });
    expect(terimaLagi.statusCode, terimaLagi.body).toBe(200);
    expect(terimaLagi.json()).toMatchObject({ status: 'DITERIMA', arahan: null });
    expect(
      terimaLagi
        .json()
        .riwayat.map((r: { putaran: number; aksi: string; oleh: { id: number } }) => [
          r.putaran,
          r.aksi,
          r.oleh.id,
        ]),
    ).toEqual([
      [1, 'AJUKAN', org.pelaksana.id],
      [1, 'PERLU_PERBAIKAN', org.pengawas.id],
      [2, 'PERBAIKI', org.pelaksana.id],
      [2, 'TERIMA', org.pengawas.id],
    ]);
    expect(terimaLagi.json().riwayat[1].catatan).toBe('Lampirkan rekap per sekolah, bukan total saja.');
    expect(terimaLagi.json().umpanBalik).toHaveLength(2);

    // Ratings: the suggestion informs, the assessor decides; the predikat follows the matrix.
    const sebelum = (await c.kasi.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-07`)).json();
    expect(sebelum.saran).toMatchObject({ rating: 'DI_ATAS_EKSPEKTASI' });
    expect(sebelum.penilaian).toBeNull();
    expect(
      (
        await c.asing.put(`/api/realisasi/pegawai/${org.pelaksana.id}/penilaian`, {
          periode: '2026-07',
          ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
          ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
        })
      ).statusCode,
    ).toBe(403);
    const dinilai = await c.kasi.put(`/api/realisasi/pegawai/${org.pelaksana.id}/penilaian`, {
      periode: '2026-07',
      ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
      ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
      catatan: 'Pertahankan.',
      umpanBalikPerilaku: [{ kode: 'AKUNTABEL', teks: 'Laporan selalu tepat waktu.' }],
    });
    expect(dinilai.statusCode, dinilai.body).toBe(200);
    expect(dinilai.json().penilaian).toMatchObject({
      predikat: 'SANGAT_BAIK',
      predikatLabel: 'Sangat Baik',
      version: 1,
      penilai: { id: org.pengawas.id },
    });
    expect(dinilai.json().umpanBalikPerilaku).toMatchObject([{ kode: 'AKUNTABEL' }]);
    // Had the month come from the national import, the assessor's re-rating makes it local again.
    const bulanIni = sql`periode_kode = '2026-07' AND skp_id IN (SELECT id FROM skp WHERE pegawai_id = ${org.pelaksana.id})`;
    await h.db.execute(sql`UPDATE penilaian_periodik SET sumber = 'IMPOR_NASIONAL' WHERE ${bulanIni}`);
    const ubah = await c.kasi.put(`/api/realisasi/pegawai/${org.pelaksana.id}/penilaian`, {
      periode: '2026-07',
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'DI_BAWAH_EKSPEKTASI',
      version: 1,
    });
    expect(ubah.statusCode, ubah.body).toBe(200);
    expect(ubah.json().penilaian).toMatchObject({ predikat: 'KURANG', version: 2 });
    expect(await rows(h.db, sql`SELECT sumber FROM penilaian_periodik WHERE ${bulanIni}`)).toEqual([
      { sumber: 'LOKAL' },
    ]);
    const basi = await c.kasi.put(`/api/realisasi/pegawai/${org.pelaksana.id}/penilaian`, {
      periode: '2026-07',
      ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
      ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
      version: 1,
    });
    expect(basi.statusCode).toBe(409);
    expect(basi.json().error.code).toBe('VERSION_CONFLICT');

    // The employee sees the whole thread, the feedback and the predikat.
    const akhir = await bulanStaf(c.staf);
    expect(akhir.jumlah).toMatchObject({ DITERIMA: 2 });
    expect(akhir.penilaian).toMatchObject({ predikat: 'KURANG' });
    expect(akhir.dapatMenilai).toBe(false);
    const daftarAkhir = (await c.kasi.get('/api/realisasi/bawahan?periode=2026-07')).json();
    expect(
      daftarAkhir.items.find((i: { pegawaiId: number }) => i.pegawaiId === org.pelaksana.id),
    ).toMatchObject({
      menunggu: 0,
      predikat: 'KURANG',
    });
    const audit = await rows<{ action: string }>(
      h.db,
      sql`SELECT action FROM audit_log WHERE entity = 'penilaian' AND instansi_id = ${org.instansiId} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['penilaian.buat', 'penilaian.ubah']);
  });
});
