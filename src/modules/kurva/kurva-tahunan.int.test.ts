/**
 * The annual curve reads the year's result as it finally stands (db/predikat-akhir): an objection
 * decided to Sangat Kurang moves the unit's curve, the penetapan, the curve report of the OPD, angka
 * kredit and the export alike; a draft evaluation is not counted but reported as belum final.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { pdfText } from '../../../test/pdf-text.js';
import { approvedChain, type Client } from '../../../test/skp.js';
import { keberatanSangatKurang, ok, rencana } from '../../../test/tahunan.js';
import type { AngkaKreditPegawaiOut } from '../../contracts/angka-kredit.js';
import type { EvaluasiView } from '../../contracts/evaluasi.js';
import type { KurvaUnitOut, LaporanKurvaOut } from '../../contracts/kurva.js';

let h: Harness;
let org: Org;
let skpFung: number;
let skpStaf: number;

/** 10:00 WITA on a day. */
const pada = (tanggal: string) => `${tanggal}T02:00:00Z`;

async function login(tanggal: string) {
  h.clock.set(pada(tanggal));
  return {
    fung: await h.login(org.fungsional.nip),
    kasi: await h.login(org.pengawas.nip),
    kabid: await h.login(org.administrator.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    adminBkd: await h.login(org.adminBkd.nip),
  };
}

const KOSONG = { SANGAT_BAIK: 0, BAIK: 0, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 };
const seksi = () => `/api/kurva/unor/${org.unor.seksi.id}`;

beforeAll(async () => {
  h = await createHarness({ now: pada('2026-01-10') });
  org = await buildOrg(h.db);
  const { c, plans } = await approvedChain(h, org);
  skpFung = await rencana(c.fung, c.kasi, plans.kasi.rhk[0].id);
  skpStaf = await rencana(c.staf, c.kasi, plans.kasi.rhk[0].id);

  const u = await login('2027-01-05');
  const baik = { ratingHasilKerja: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' };
  let v = await ok<EvaluasiView>(u.kasi.put(`/api/evaluasi/skp/${skpFung}`, baik));
  v = await ok(u.kasi.post(`/api/evaluasi/skp/${skpFung}/tanda-tangan`, { version: v.evaluasi!.version }));
  v = await ok(u.fung.post(`/api/evaluasi/skp/${skpFung}/tanda-tangan`, { version: v.evaluasi!.version }));
  expect(v.evaluasi).toMatchObject({ status: 'FINAL', predikat: 'BAIK' });
  // The pelaksana's evaluation stays a draft.
  v = await ok<EvaluasiView>(u.kasi.put(`/api/evaluasi/skp/${skpStaf}`, baik));
  expect(v.evaluasi!.status).toBe('DRAF');
});
afterAll(() => h?.close());

describe('the annual curve after an objection', () => {
  it('every figure of the year moves to Sangat Kurang; a draft is belum final, not counted', async () => {
    let u = await login('2027-01-05');
    const kurva = (c: Client) => ok<KurvaUnitOut>(c.get(`${seksi()}?periode=2026`));
    expect(await kurva(u.kasi)).toMatchObject({ distribusi: { ...KOSONG, BAIK: 1 }, belumFinal: 1 });

    u = await keberatanSangatKurang(login, skpFung);
    const sk = { ...KOSONG, SANGAT_KURANG: 1 };
    expect(await kurva(u.kasi)).toMatchObject({ distribusi: sk, belumFinal: 1 });

    // The penetapan takes the curve as it finally stands and says it is provisional.
    await ok(
      u.kabid.put(`${seksi()}/predikat-organisasi`, {
        periode: '2026',
        predikat: 'BAIK',
        dasar: { capaianPk: null, nilaiIkm: null, progresRencanaAksi: 90, keterangan: 'Capaian seksi 2026.' },
      }),
    );
    const t = await ok<KurvaUnitOut>(
      u.kasi.post(`${seksi()}/penetapan`, { periode: '2026', justifikasi: 'Hasil keberatan pegawai.' }),
    );
    expect(t.penetapan).toMatchObject({ distribusi: sk, belumFinal: 1 });
    expect((await kurva(u.adminBkd)).penetapan).toMatchObject({ distribusi: sk, belumFinal: 1 });
    const pdf = await u.kasi.get(`/api/dokumen/penetapan/${org.unor.seksi.id}?periode=2026`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const teks = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(teks).toContain('Sangat Kurang 1 100 %');
    expect(teks).toContain('Bersifat sementara: 1 pegawai belum memiliki evaluasi tahunan final');

    // The curve report of the OPD, as its admin reads it: above the seksi, the kasi's and the kabid's
    // approved plans without an annual evaluation are belum final too.
    const laporan = await ok<LaporanKurvaOut>(u.adminOpd.get('/api/kurva/laporan?periode=2026'));
    for (const [unor, belumFinal] of [
      [org.unor.seksi, 1],
      [org.unor.opd, 3],
    ] as const)
      expect(laporan.items.find((i) => i.unor.id === unor.id)).toMatchObject({
        distribusi: sk,
        n: 1,
        belumFinal,
      });

    const ak = await ok<AngkaKreditPegawaiOut>(
      u.adminBkd.get(`/api/angka-kredit/pegawai/${org.fungsional.id}?tahun=2026`),
    );
    expect(ak.tahunan.map((x) => x.predikat)).toEqual(['SANGAT_KURANG']);

    const xlsx = await u.adminBkd.get('/api/laporan/penilaian-skp.xlsx?tahun=2026');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const tahunan = new Map<unknown, unknown>();
    sheet.eachRow((row) => tahunan.set(row.getCell(1).value, row.getCell(sheet.columnCount).value));
    expect(tahunan.get(org.fungsional.nip)).toBe('Sangat Kurang');
    expect(tahunan.get(org.pelaksana.nip)).toBe('-');
  });
});

describe('the periods a unit has data for', () => {
  it('include the evaluated year, before its months, for the unit and the units above', async () => {
    for (const kode of ['2026-11', '2026-12'])
      await h.db.execute(
        sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
            VALUES (${org.instansiId}, ${skpFung}, ${kode}, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', ${org.pengawas.id}, now())`,
      );
    const u = await login('2027-01-10');
    const periode = (c: Client, unorId: number) =>
      ok<{ items: string[] }>(c.get(`/api/kurva/unor/${unorId}/periode`));
    for (const [c, unor] of [
      [u.kasi, org.unor.seksi],
      [u.adminBkd, org.unor.seksi],
      [u.adminBkd, org.unor.opd],
    ] as const)
      expect((await periode(c, unor.id)).items).toEqual(['2026', '2026-12', '2026-11']);
  });
});
