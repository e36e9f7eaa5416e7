import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluasiTahunan,
  keberatanDiubah,
  penetapan,
  penilaianPeriodik,
  predikatOrganisasi,
  realisasiDinilai,
  umpanBalikPerilaku,
} from '../../../test/dokumen-fixture.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { pdfText } from '../../../test/pdf-text.js';
import { stafDenganRencana } from '../../../test/siklus.js';
import type { PekerjaanOut } from '../../contracts/pekerjaan.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let skpStaf: number;
let skpKasi: number;
let evaluasiStaf: number;

const jumlahTerbit = async () =>
  (
    await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM dokumen_terbit WHERE instansi_id = ${org.instansiId}`,
    )
  )[0]!.n;

/** The PDF's text with line breaks folded into spaces. */
const teks = async (data: Buffer) => (await pdfText(data)).replace(/\s+/g, ' ');

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  const { plans, rhkStaf } = await stafDenganRencana(h, org);
  skpKasi = plans.kasi.id;
  skpStaf = (await rows<{ id: number }>(h.db, sql`SELECT skp_id AS id FROM rhk WHERE id = ${rhkStaf[0]}`))[0]!
    .id;
  // July 2026: staf's first RHK accepted with feedback, behaviour feedback, both rated; the seksi's predikat.
  await realisasiDinilai(h.db, {
    rhkId: rhkStaf[0]!,
    periode: '2026-07',
    nilai: 10,
    satuan: 'data',
    umpanBalik: 'Data sudah lengkap dan rapi',
    penilaiId: org.pengawas.id,
  });
  await umpanBalikPerilaku(h.db, {
    skpId: skpStaf,
    periode: '2026-07',
    kode: 'BERORIENTASI_PELAYANAN',
    teks: 'Sigap melayani sekolah',
    olehId: org.pengawas.id,
  });
  await penilaianPeriodik(h.db, {
    instansiId: org.instansiId,
    skpId: skpStaf,
    periode: '2026-07',
    hasil: 'SESUAI_EKSPEKTASI',
    perilaku: 'SESUAI_EKSPEKTASI',
    predikat: 'BAIK',
    penilaiId: org.pengawas.id,
  });
  await penilaianPeriodik(h.db, {
    instansiId: org.instansiId,
    skpId: skpKasi,
    periode: '2026-07',
    hasil: 'DI_ATAS_EKSPEKTASI',
    perilaku: 'DI_ATAS_EKSPEKTASI',
    predikat: 'SANGAT_BAIK',
    penilaiId: org.administrator.id,
  });
  await predikatOrganisasi(h.db, {
    instansiId: org.instansiId,
    unorId: org.unor.seksi.id,
    periode: '2026-07',
    predikat: 'BAIK',
    olehId: org.administrator.id,
  });
  await penetapan(h.db, {
    instansiId: org.instansiId,
    unorId: org.unor.seksi.id,
    periode: '2026-07',
    predikat: 'BAIK',
    distribusi: { SANGAT_BAIK: 1, BAIK: 1, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 },
    olehId: org.pengawas.id,
  });
  evaluasiStaf = await evaluasiTahunan(h.db, {
    skpId: skpStaf,
    penilaiId: org.pengawas.id,
    atasanId: org.administrator.id,
    hasil: 'SESUAI_EKSPEKTASI',
    perilaku: 'SESUAI_EKSPEKTASI',
    predikat: 'BAIK',
    status: 'FINAL',
  });
  await keberatanDiubah(h.db, { evaluasiId: evaluasiStaf, pemutusId: org.administrator.id });
  await evaluasiTahunan(h.db, {
    skpId: skpKasi,
    penilaiId: org.administrator.id,
    atasanId: org.kepala.id,
    hasil: 'DI_ATAS_EKSPEKTASI',
    perilaku: 'SESUAI_EKSPEKTASI',
    predikat: 'BAIK',
    status: 'DRAF',
  });
});
afterAll(() => h.close());

/** A multipart/form-data body with one file field. */
function unggah(data: Buffer) {
  const boundary = `----ekinerja${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dokumen.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('Evaluasi Kinerja Pegawai periodik', () => {
  it('prints the period with realisasi, feedback, ratings, the unit predikat and distribution, and registers it', async () => {
    const before = await jumlahTerbit();
    const staf = await h.login(org.pelaksana.nip);
    const res = await staf.get(`/api/dokumen/evaluasi/periodik/${org.pelaksana.id}?periode=2026-07`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Evaluasi-Kinerja-${org.pelaksana.nip}-2026-07.pdf"`,
    );
    const kode = String(res.headers['x-kode-verifikasi']);
    expect(kode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const text = await teks(res.rawPayload);
    for (const s of [
      'EVALUASI KINERJA PEGAWAI PERIODIK',
      'PERIODE PENILAIAN: JULI 2026',
      'Pelaksana Satu',
      'Kepala Seksi',
      'CAPAIAN KINERJA ORGANISASI Baik (Seksi Kurikulum)',
      'SB: 1',
      'B: 1',
      'N = 2 pegawai',
      'Terhimpunnya data kurikulum sekolah',
      '10 data',
      'Data sudah lengkap dan rapi',
      'Sigap melayani sekolah',
      'PREDIKAT KINERJA PEGAWAI Baik',
      `Kode verifikasi: ${kode.slice(0, 5)}-${kode.slice(5)}`,
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('DRAF');
    expect(await jumlahTerbit()).toBe(before + 1);
  });

  it('is for the employee, his chain, admins and the tim penilai; not for a peer or a stranger', async () => {
    const url = `/api/dokumen/evaluasi/periodik/${org.pelaksana.id}?periode=2026-07`;
    for (const who of [org.pengawas, org.kepala, org.adminBkd, org.adminOpd, org.timPenilai])
      expect((await (await h.login(who.nip)).get(url)).statusCode).toBe(200);
    for (const who of [org.pelaksana2, org.orangLain])
      expect((await (await h.login(who.nip)).get(url)).statusCode).toBe(403);
    const kasi = await h.login(org.pengawas.nip);
    expect(
      (await kasi.get(`/api/dokumen/evaluasi/periodik/${org.pelaksana.id}?periode=2026-13`)).statusCode,
    ).toBe(400);
    // No approved plan: nothing to evaluate.
    expect(
      (await kasi.get(`/api/dokumen/evaluasi/periodik/${org.pelaksana2.id}?periode=2026-07`)).statusCode,
    ).toBe(422);
  });

  it('a period not yet rated is a draft', async () => {
    const staf = await h.login(org.pelaksana.nip);
    const res = await staf.get(`/api/dokumen/evaluasi/periodik/${org.pelaksana.id}?periode=2026-08`);
    expect(res.statusCode).toBe(200);
    const text = await teks(res.rawPayload);
    expect(text).toContain('DRAF — penilaian periode Agustus 2026 belum diberikan');
    expect(text).toContain('CAPAIAN KINERJA ORGANISASI Belum ditetapkan');
  });
});

describe('verifikasi dokumen', () => {
  it('anyone sees the identity, date and hash (no performance data); the same bytes match, altered ones do not', async () => {
    const staf = await h.login(org.pelaksana.nip);
    const res = await staf.get(`/api/dokumen/evaluasi/periodik/${org.pelaksana.id}?periode=2026-07`);
    const kode = String(res.headers['x-kode-verifikasi']);

    const pub = await h.app.inject({ method: 'GET', url: `/api/verifikasi/${kode.toLowerCase()}` });
    expect(pub.statusCode, pub.body).toBe(200);
    const body = pub.json();
    expect(body).toEqual({
      kode: `${kode.slice(0, 5)}-${kode.slice(5)}`,
      jenis: 'EVALUASI_PERIODIK',
      judul: 'Evaluasi Kinerja Pegawai Periodik',
      instansi: 'Pemerintah Provinsi Uji',
      nama: 'Pelaksana Satu',
      nip: `${org.pelaksana.nip.slice(0, 6)}*********${org.pelaksana.nip.slice(-3)}`,
      unitKerja: 'Seksi Kurikulum, Dinas Pendidikan',
      periode: 'Juli 2026',
      dicetakAt: '2026-01-10T02:00:00.000Z',
      tanggalCetak: '10 Januari 2026',
      dicetakOleh: 'Pelaksana Satu',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(pub.body).not.toMatch(/Baik|EKSPEKTASI|Terhimpunnya|10 data/);

    const cocok = await h.app.inject({
      method: 'POST',
      url: `/api/verifikasi/${kode}/berkas`,
      ...unggah(res.rawPayload),
    });
    expect(cocok.statusCode, cocok.body).toBe(200);
    expect(cocok.json()).toMatchObject({ cocok: true, sha256: body.sha256 });

    const diubah = Buffer.from(res.rawPayload);
    // One bit flipped near the end (in the trailer), as a tampered copy would differ.
    const i = diubah.length - 20;
    diubah.writeUInt8(diubah.readUInt8(i) ^ 1, i);
    const beda = await h.app.inject({
      method: 'POST',
      url: `/api/verifikasi/${kode}/berkas`,
      ...unggah(diubah),
    });
    expect(beda.statusCode).toBe(200);
    expect(beda.json().cocok).toBe(false);
    expect(beda.json().pesan).toMatch(/TIDAK sama/);

    expect((await h.app.inject({ method: 'GET', url: '/api/verifikasi/ABCDE-23456' })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/api/verifikasi/bukan-kode' })).statusCode).toBe(400);
    // Ten characters, one of them a 0 the codes never use: the message names it, not the length.
    const nol = await h.app.inject({ method: 'GET', url: '/api/verifikasi/ABCDE-2345O' });
    expect(nol.statusCode).toBe(400);
    expect(nol.json().error.message).toMatch(/tidak memakai O/);
  });
});

describe('Evaluasi Kinerja Pegawai tahunan dan Dokumen Evaluasi', () => {
  it('prints the annual evaluation from the year, and the one-page summary with numbered fields and the objection', async () => {
    const staf = await h.login(org.pelaksana.nip);
    const tahunan = await staf.get(`/api/dokumen/evaluasi/tahunan/${skpStaf}`);
    expect(tahunan.statusCode, tahunan.body).toBe(200);
    const t = await teks(tahunan.rawPayload);
    for (const s of [
      'EVALUASI KINERJA PEGAWAI TAHUNAN',
      'PERIODE PENILAIAN: TAHUN 2026',
      'Juli 2026: 10 data',
      'Juli 2026: Data sudah lengkap dan rapi',
      'Juli 2026: Sigap melayani sekolah',
      'PREDIKAT KINERJA PEGAWAI Baik',
      '04 Januari 2027',
    ])
      expect(t).toContain(s);
    expect(t).not.toContain('DRAF');

    const ringkas = await staf.get(`/api/dokumen/evaluasi/ringkas/${skpStaf}`);
    expect(ringkas.statusCode, ringkas.body).toBe(200);
    const r = await teks(ringkas.rawPayload);
    for (const s of [
      'DOKUMEN EVALUASI KINERJA PEGAWAI',
      '1 PEGAWAI YANG DINILAI',
      '2 PEJABAT PENILAI KINERJA',
      '3 ATASAN PEJABAT PENILAI KINERJA',
      'Kepala Bidang',
      'Capaian Kinerja Organisasi Baik',
      '5 PREDIKAT KINERJA PEGAWAI',
      '6 CATATAN/REKOMENDASI',
      'Pelatihan analisis data',
      '7 KEPUTUSAN ATAS KEBERATAN',
      'Keputusan Diubah',
      'Sangat Baik',
      '20 Januari 2027',
    ])
      expect(r).toContain(s);
    expect(ringkas.headers['x-kode-verifikasi']).not.toBe(tahunan.headers['x-kode-verifikasi']);
  });

  it('an evaluation not yet final is a draft; no evaluation is 404; a stranger gets 403', async () => {
    const kasi = await h.login(org.pengawas.nip);
    const draf = await kasi.get(`/api/dokumen/evaluasi/ringkas/${skpKasi}`);
    expect(draf.statusCode).toBe(200);
    expect(await teks(draf.rawPayload)).toContain('DRAF — evaluasi kinerja tahunan belum final');
    const kabid = await h.login(org.administrator.nip);
    const kabidSkp = (
      await rows<{ id: number }>(h.db, sql`SELECT id FROM skp WHERE pegawai_id = ${org.administrator.id}`)
    )[0]!.id;
    expect((await kabid.get(`/api/dokumen/evaluasi/tahunan/${kabidSkp}`)).statusCode).toBe(404);
    const asing = await h.login(org.orangLain.nip);
    expect((await asing.get(`/api/dokumen/evaluasi/tahunan/${skpStaf}`)).statusCode).toBe(403);
    expect((await asing.get(`/api/dokumen/evaluasi/ringkas/${skpStaf}`)).statusCode).toBe(403);
  });
});

describe('Penetapan Predikat Kinerja', () => {
  it('is printed for the unit leader, the leaders above and admins; not for its staff or strangers', async () => {
    const url = `/api/dokumen/penetapan/${org.unor.seksi.id}?periode=2026-07`;
    const kasi = await h.login(org.pengawas.nip);
    const res = await kasi.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const text = await teks(res.rawPayload);
    for (const s of [
      'PENETAPAN PREDIKAT KINERJA',
      'Unit Kerja Seksi Kurikulum',
      'Periode Juli 2026',
      'Predikat Kinerja Organisasi Baik',
      'Sangat Baik 1 50 %',
      'Unit kecil.',
      '25 Agustus 2026',
    ])
      expect(text).toContain(s);
    for (const who of [org.kepala, org.administrator, org.adminBkd, org.adminOpd, org.timPenilai])
      expect((await (await h.login(who.nip)).get(url)).statusCode).toBe(200);
    for (const who of [org.pelaksana, org.orangLain, org.kepala2])
      expect((await (await h.login(who.nip)).get(url)).statusCode).toBe(403);
    expect((await kasi.get(`/api/dokumen/penetapan/${org.unor.seksi.id}?periode=2026-06`)).statusCode).toBe(
      404,
    );
    expect((await kasi.get(`/api/dokumen/penetapan/${org.unor.seksi.id}?periode=juli`)).statusCode).toBe(400);
  });
});

describe('unduh dokumen unit (ZIP)', () => {
  it('streams one registered periodic evaluation per employee with a plan; a year gives the annual documents', async () => {
    const kabid = await h.login(org.administrator.nip);
    const before = await jumlahTerbit();
    const res = await kabid.get(`/api/dokumen/unit/${org.unor.seksi.id}/zip?periode=2026-07`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      [
        `Evaluasi-Kinerja-${org.pengawas.nip}-2026-07.pdf`,
        `Evaluasi-Kinerja-${org.pelaksana.nip}-2026-07.pdf`,
      ].sort(),
    );
    const pdf = await zip.file(`Evaluasi-Kinerja-${org.pelaksana.nip}-2026-07.pdf`)!.async('nodebuffer');
    expect(await teks(pdf)).toContain('Pelaksana Satu');
    expect(await jumlahTerbit()).toBe(before + 2);
    // Each PDF in the ZIP is the registered print.
    const kode = /Kode verifikasi: ([2-9A-Z]{5})-([2-9A-Z]{5})/.exec(await teks(pdf))!;
    const cek = await h.app.inject({
      method: 'POST',
      url: `/api/verifikasi/${kode[1]}${kode[2]}/berkas`,
      ...unggah(pdf),
    });
    expect(cek.json().cocok).toBe(true);

    const tahun = await kabid.get(`/api/dokumen/unit/${org.unor.seksi.id}/zip?periode=2026`);
    expect(tahun.statusCode).toBe(200);
    expect(Object.keys((await JSZip.loadAsync(tahun.rawPayload)).files).sort()).toEqual(
      [
        `Dokumen-Evaluasi-Kinerja-${org.pengawas.nip}-2026.pdf`,
        `Dokumen-Evaluasi-Kinerja-${org.pelaksana.nip}-2026.pdf`,
        `Evaluasi-Kinerja-Tahunan-${org.pengawas.nip}-2026.pdf`,
        `Evaluasi-Kinerja-Tahunan-${org.pelaksana.nip}-2026.pdf`,
      ].sort(),
    );

    const staf = await h.login(org.pelaksana.nip);
    expect((await staf.get(`/api/dokumen/unit/${org.unor.seksi.id}/zip?periode=2026-07`)).statusCode).toBe(
      403,
    );
    expect((await kabid.get(`/api/dokumen/unit/${org.unor.opd2.id}/zip?periode=2026-07`)).statusCode).toBe(
      403,
    );
  });

  it('makes the same ZIP as a job: 202, employees counted, the file for its owner only', async () => {
    const kabid = await h.login(org.administrator.nip);
    const res = await kabid.post(`/api/dokumen/unit/${org.unor.seksi.id}/zip/latar?periode=2026-07`);
    expect(res.statusCode, res.body).toBe(202);
    const p = res.json() as PekerjaanOut;
    expect(p).toMatchObject({ jenis: 'DOKUMEN_ZIP', status: 'BERJALAN' });
    expect(p.judul).toContain('Seksi Kurikulum');
    await h.app.pekerjaan.tunggu();
    const akhir = (await kabid.get(`/api/pekerjaan/${p.id}`)).json() as PekerjaanOut;
    expect(akhir.status).toBe('SELESAI');
    expect(akhir.selesai).toBe(akhir.total);
    expect(akhir.hasilNama).toBe(`Dokumen-Kinerja-${org.unor.seksi.id}-2026-07.zip`);
    const unduh = await kabid.get(`/api/pekerjaan/${p.id}/hasil`);
    expect(unduh.statusCode).toBe(200);
    expect(Object.keys((await JSZip.loadAsync(unduh.rawPayload)).files).sort()).toEqual(
      [
        `Evaluasi-Kinerja-${org.pengawas.nip}-2026-07.pdf`,
        `Evaluasi-Kinerja-${org.pelaksana.nip}-2026-07.pdf`,
      ].sort(),
    );
    const kasi = await h.login(org.pengawas.nip);
    expect((await kasi.get(`/api/pekerjaan/${p.id}/hasil`)).statusCode).toBe(404);
    // Refused before any job starts: a unit out of reach, a period that does not exist.
    expect(
      (await kabid.post(`/api/dokumen/unit/${org.unor.opd2.id}/zip/latar?periode=2026-07`)).statusCode,
    ).toBe(403);
    expect(
      (await kabid.post(`/api/dokumen/unit/${org.unor.seksi.id}/zip/latar?periode=juli`)).statusCode,
    ).toBe(400);
  });
});
