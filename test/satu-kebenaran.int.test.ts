/**
 * One truth for a year's results (issue 13): every figure built on the annual result reads
 * db/predikat-akhir. An objection that turns a functional employee's Baik into Sangat Kurang moves
 * the unit's curve, the curve monitoring, the penetapan, angka kredit, the follow-up lists, the tim
 * penilai's list, both national exports and /api/v1 alike; a draft evaluation (rated Sangat Kurang)
 * counts nowhere: it is belum final or "-", and it withholds TPP from April of the next year.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AngkaKreditPegawaiOut } from '../src/contracts/angka-kredit.js';
import type { DiBawahEkspektasiPage, EvaluasiView } from '../src/contracts/evaluasi.js';
import type { V1EvaluasiPage } from '../src/contracts/integrasi.js';
import type { KurvaUnitOut, LaporanKurvaOut } from '../src/contracts/kurva.js';
import type { TindakLanjutOut } from '../src/contracts/tindak-lanjut.js';
import type { TppBarisDetail, TppBarisPage, TppBulanOut } from '../src/contracts/tpp.js';
import { DAFTAR_TINDAK_LANJUT } from '../src/domain/tindak-lanjut.js';
import { PARAMETER_TPP_BAKU } from '../src/domain/tpp.js';
import { createHarness, type Harness } from './harness.js';
import { buildOrg, type Org } from './org.js';
import { pdfText } from './pdf-text.js';
import { approvedChain, type Client } from './skp.js';
import { evaluasiLangsung, keberatanSangatKurang, ok, rencana } from './tahunan.js';

let h: Harness;
let org: Org;
let skpFung: number;
let skpStaf: number;
let token: string;

/** 10:00 WITA on a day. */
const pada = (tanggal: string) => `${tanggal}T02:00:00Z`;

async function login(tanggal: string) {
  h.clock.set(pada(tanggal));
  return {
    fung: await h.login(org.fungsional.nip),
    staf: await h.login(org.pelaksana.nip),
    kasi: await h.login(org.pengawas.nip),
    kabid: await h.login(org.administrator.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    adminBkd: await h.login(org.adminBkd.nip),
    timPenilai: await h.login(org.timPenilai.nip),
  };
}
type Clients = Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  h = await createHarness({ now: pada('2026-01-10') });
  org = await buildOrg(h.db);
  const { c, plans } = await approvedChain(h, org);
  skpFung = await rencana(c.fung, c.kasi, plans.kasi.rhk[0].id);
  skpStaf = await rencana(c.staf, c.kasi, plans.kasi.rhk[0].id);
  // The functional employee's 2025: Kurang, FINAL (the year before, for the two-year follow-up lists).
  await evaluasiLangsung(h.db, org, {
    siapa: org.fungsional,
    jabatanId: org.jabatan.jFung,
    tahun: 2025,
    predikat: 'KURANG',
  });

  const u = await login('2027-01-05');
  const t = await u.adminBkd.post('/api/token-api', { nama: 'SIMPEG Uji', cakupan: ['BACA_EVALUASI'] });
  expect(t.statusCode, t.body).toBe(200);
  token = t.json().token;
  const sesuai = { ratingHasilKerja: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' };
  let v = await ok<EvaluasiView>(u.kasi.put(`/api/evaluasi/skp/${skpFung}`, sesuai));
  v = await ok(u.kasi.post(`/api/evaluasi/skp/${skpFung}/tanda-tangan`, { version: v.evaluasi!.version }));
  v = await ok(u.fung.post(`/api/evaluasi/skp/${skpFung}/tanda-tangan`, { version: v.evaluasi!.version }));
  expect(v.evaluasi).toMatchObject({ status: 'FINAL', predikat: 'BAIK' });
  // The pelaksana's evaluation stays a draft, rated Sangat Kurang: were it counted, it would show.
  const bawah = { ratingHasilKerja: 'DI_BAWAH_EKSPEKTASI', ratingPerilaku: 'DI_BAWAH_EKSPEKTASI' };
  v = await ok<EvaluasiView>(u.kasi.put(`/api/evaluasi/skp/${skpStaf}`, bawah));
  expect(v.evaluasi).toMatchObject({ status: 'DRAF', predikat: 'SANGAT_KURANG' });
});
afterAll(() => h?.close());

/** The sheet's rows by their first cell (NIP): the cells as text. */
async function xlsx(c: Client, url: string) {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const baris = new Map<string, string[]>();
  wb.worksheets[0]!.eachRow((row) => {
    const sel = (row.values as unknown[]).slice(1).map((x) => String(x ?? ''));
    baris.set(sel[0]!, sel);
  });
  return baris;
}

/** Every figure built on the 2026 annual results of the functional employee and the pelaksana. */
async function semuaAngka(u: Clients) {
  const seksi = org.unor.seksi.id;
  const kurva = await ok<KurvaUnitOut>(u.kasi.get(`/api/kurva/unor/${seksi}?periode=2026`));
  const monitoring = await ok<LaporanKurvaOut>(u.adminBkd.get('/api/kurva/laporan?periode=2026'));
  const unitMonitoring = monitoring.items.find((i) => i.unor.id === seksi)!;
  const ak = await ok<AngkaKreditPegawaiOut>(
    u.adminBkd.get(`/api/angka-kredit/pegawai/${org.fungsional.id}?tahun=2026`),
  );
  const penilaian = await xlsx(u.adminBkd, '/api/laporan/penilaian-skp.xlsx?tahun=2026');
  const laporanSkp = await xlsx(u.adminBkd, '/api/laporan/skp.xlsx?tahun=2026');
  const daftar: Record<string, string[]> = { [org.fungsional.nip]: [], [org.pelaksana.nip]: [] };
  for (const d of DAFTAR_TINDAK_LANJUT) {
    const l = await ok<TindakLanjutOut>(
      u.adminBkd.get(`/api/tindak-lanjut?tahun=2026&daftar=${d}&limit=100`),
    );
    for (const i of l.items.filter((x) => [org.fungsional.id, org.pelaksana.id].includes(x.pegawaiId)))
      daftar[i.nip]!.push(`${d}:${i.predikatSebelumnya}→${i.predikat}`);
  }
  const gagal = await xlsx(u.adminBkd, '/api/tindak-lanjut/ekspor.xlsx?tahun=2026&daftar=GAGAL_BERULANG');
  const timPenilai = await ok<DiBawahEkspektasiPage>(
    u.timPenilai.get('/api/tim-penilai/di-bawah-ekspektasi?tahun=2026'),
  );
  const api = await ok<V1EvaluasiPage>(
    h.app.inject({
      method: 'GET',
      url: '/api/v1/evaluasi?tahun=2026',
      headers: { authorization: `Bearer ${token}` },
    }),
  );
  const apiOf = (nip: string) => api.items.find((i) => i.nip === nip)!.tahunan;
  const fung = org.fungsional.nip;
  const staf = org.pelaksana.nip;
  return {
    kurvaUnit: { distribusi: kurva.distribusi, belumFinal: kurva.belumFinal },
    monitoringKurva: { distribusi: unitMonitoring.distribusi, belumFinal: unitMonitoring.belumFinal },
    angkaKredit: { tahunan: ak.tahunan.map((t) => t.predikat), akTahun: ak.akTahun },
    laporanPenilaianSkp: { fung: penilaian.get(fung)!.at(-1), staf: penilaian.get(staf)!.at(-1) },
    // The national "Laporan SKP" has no result column (SPEC §8): the plans stay as they are.
    laporanSkp: { fung: laporanSkp.get(fung)![5], staf: laporanSkp.get(staf)![5] },
    tindakLanjut: daftar,
    eksporGagalBerulang: gagal.get(fung)?.slice(2) ?? null,
    timPenilai: timPenilai.items.map((i) => [i.pegawai.id, i.predikat]),
    apiV1: { fung: apiOf(fung), staf: apiOf(staf) },
  };
}

const KOSONG = { SANGAT_BAIK: 0, BAIK: 0, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 };
const stafDraf = {
  status: 'DRAF',
  final: false,
  ratingHasilKerja: null,
  ratingPerilaku: null,
  predikat: null,
  predikatAkhir: null,
};

/** What every figure shows while the functional employee's 2026 result is `predikat`. */
function harapan(predikat: 'BAIK' | 'SANGAT_KURANG', label: string, ak: number) {
  const fung = org.fungsional;
  return {
    kurvaUnit: { distribusi: { ...KOSONG, [predikat]: 1 }, belumFinal: 1 },
    monitoringKurva: { distribusi: { ...KOSONG, [predikat]: 1 }, belumFinal: 1 },
    angkaKredit: { tahunan: [predikat], akTahun: ak },
    laporanPenilaianSkp: { fung: label, staf: '-' },
    laporanSkp: { fung: 'Disetujui', staf: 'Disetujui' },
    tindakLanjut: {
      [fung.nip]: predikat === 'BAIK' ? [] : [`GAGAL_BERULANG:KURANG→${predikat}`],
      [org.pelaksana.nip]: ['BELUM_LENGKAP:null→null'],
    },
    eksporGagalBerulang: predikat === 'BAIK' ? null : ['Kurang/Misconduct', label],
    timPenilai: predikat === 'BAIK' ? [] : [[fung.id, predikat]],
    apiV1: {
      fung: {
        status: 'FINAL',
        final: true,
        ratingHasilKerja: 'SESUAI_EKSPEKTASI',
        ratingPerilaku: 'SESUAI_EKSPEKTASI',
        predikat: 'BAIK',
        predikatAkhir: predikat,
      },
      staf: stafDraf,
    },
  };
}

/** The seksi head finalises the unit's 2026 predikat and curve as they stand (again: with the version). */
async function tetapkan(u: Clients, version?: number) {
  const url = `/api/kurva/unor/${org.unor.seksi.id}/penetapan`;
  const body = { periode: '2026', justifikasi: 'Satu pegawai dinilai.', ...(version && { version }) };
  const t = await ok<KurvaUnitOut>(u.kasi.post(url, body));
  const pdf = await u.kasi.get(`/api/dokumen/penetapan/${org.unor.seksi.id}?periode=2026`);
  expect(pdf.statusCode, pdf.body).toBe(200);
  return { penetapan: t.penetapan!, teks: (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ') };
}

describe('one truth for the year', () => {
  it('an objection Baik → Sangat Kurang moves every figure of the year the same way', async () => {
    let u = await login('2027-01-05');
    expect(await semuaAngka(u)).toEqual(harapan('BAIK', 'Baik', 12.5));
    await ok(
      u.kabid.put(`/api/kurva/unor/${org.unor.seksi.id}/predikat-organisasi`, {
        periode: '2026',
        predikat: 'BAIK',
        dasar: { capaianPk: null, nilaiIkm: null, progresRencanaAksi: 90, keterangan: 'Capaian seksi 2026.' },
      }),
    );
    const awal = await tetapkan(u);
    expect(awal.penetapan).toMatchObject({ distribusi: { ...KOSONG, BAIK: 1 }, belumFinal: 1 });
    expect(awal.teks).toContain('Baik 1 100 %');

    u = await keberatanSangatKurang(login, skpFung);
    expect(await semuaAngka(u)).toEqual(harapan('SANGAT_KURANG', 'Sangat Kurang', 3.13));
    const ulang = await tetapkan(u, awal.penetapan.version);
    expect(ulang.penetapan).toMatchObject({ distribusi: { ...KOSONG, SANGAT_KURANG: 1 }, belumFinal: 1 });
    expect(ulang.teks).toContain('Sangat Kurang 1 100 %');
    expect(ulang.teks).toContain('Bersifat sementara: 1 pegawai belum memiliki evaluasi tahunan final');
  });

  it('a draft counts nowhere; from April 2027 it withholds TPP with the missing evaluation named', async () => {
    const u = await login('2027-05-04');
    const bkd = u.adminBkd;
    // Every figure above left the draft out ("-", belum final, no list); here the TPP withholding,
    // alone: nobody has a 2027 plan, so the other withholding is switched off.
    await ok(
      bkd.put('/api/tpp/parameter', {
        parameter: { ...PARAMETER_TPP_BAKU, tahanTanpaSkp: false },
        dasarHukum: null,
      }),
    );
    const m = await ok<TppBulanOut>(bkd.post('/api/tpp/2027-04/hitung'));
    expect(m.parameter.tahanEvaluasiSejakBulan).toBe(4);
    // The kadis, kabid and kasi have no 2026 evaluation at all, the pelaksana a draft; the
    // functional employee's FINAL result (whatever the objection made it) is paid.
    expect(m.kekurangan.ditahanEvaluasi).toBe(4);
    expect(m.perOpd.find((o) => o.opdId === org.unor.opd.id)).toMatchObject({
      ditahan: 4,
      ditahanEvaluasi: 4,
    });
    const baris = (id: number) => ok<TppBarisDetail>(bkd.get(`/api/tpp/2027-04/pegawai/${id}`));
    const staf = await baris(org.pelaksana.id);
    expect(staf).toMatchObject({ jumlah: 0 });
    expect(staf.ditahan).toContain(
      'Evaluasi kinerja tahunan 2026 masih draf (belum final); TPP ditahan sejak April 2027 sampai evaluasi tahunan itu final.',
    );
    expect((await baris(org.administrator.id)).ditahan).toContain(
      'Evaluasi kinerja tahunan 2026 belum dibuat',
    );
    expect((await baris(org.fungsional.id)).ditahan).toBeNull();
    const daftar = await ok<TppBarisPage>(bkd.get('/api/tpp/2027-04/baris?catatan=DITAHAN_EVALUASI'));
    expect(daftar.items.map((b) => b.pegawaiId).sort((a, b) => a - b)).toEqual(
      [org.kepala.id, org.administrator.id, org.pengawas.id, org.pelaksana.id].sort((a, b) => a - b),
    );

    // March is before the parameter's month: nobody is withheld for the evaluation.
    const maret = await ok<TppBulanOut>(bkd.post('/api/tpp/2027-03/hitung'));
    expect(maret.kekurangan.ditahanEvaluasi).toBe(0);

    // Signed by the employee, the draft becomes the year's result, and a recomputation pays it.
    const kasi = u.kasi;
    let v = await ok<EvaluasiView>(kasi.get(`/api/evaluasi/skp/${skpStaf}`));
    v = await ok(kasi.post(`/api/evaluasi/skp/${skpStaf}/tanda-tangan`, { version: v.evaluasi!.version }));
    await ok(bkd.post('/api/tpp/2027-04/hitung'));
    expect((await baris(org.pelaksana.id)).ditahan).toContain('menunggu tanda tangan pegawai');
    v = await ok(u.staf.post(`/api/evaluasi/skp/${skpStaf}/tanda-tangan`, { version: v.evaluasi!.version }));
    expect(v.evaluasi!.status).toBe('FINAL');
    await ok(bkd.post('/api/tpp/2027-04/hitung'));
    expect((await baris(org.pelaksana.id)).ditahan).toBeNull();
    const penilaian = await xlsx(bkd, '/api/laporan/penilaian-skp.xlsx?tahun=2026');
    expect(penilaian.get(org.pelaksana.nip)!.at(-1)).toBe('Sangat Kurang');
  });
});
