/**
 * The follow-up lists (SPEC §7.3) read the final annual predikat of the year and the year before,
 * FINAL evaluations only (a draft makes the employee belum lengkap), the later SKP of a mutation
 * year deciding; open to the BKD admin and the tim penilai only; the XLSX export has the same rows.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org, type Person } from '../../../test/org.js';
import { evaluasiLangsung } from '../../../test/tahunan.js';
import type { TindakLanjutOut } from '../../contracts/tindak-lanjut.js';
import type { PredikatPegawai } from '../../domain/predikat.js';

let h: Harness;
let org: Org;

/** A FINAL (or draft) annual evaluation of one SKP ending on `akhir`; the ratings do not matter here. */
const evaluasi = (
  siapa: Person,
  jabatanId: number,
  tahun: number,
  predikat: PredikatPegawai,
  status: 'FINAL' | 'DRAF' = 'FINAL',
  akhir = `${tahun}-12-31`,
) => evaluasiLangsung(h.db, org, { siapa, jabatanId, tahun, predikat, status, akhir });

beforeAll(async () => {
  h = await createHarness({ now: '2027-01-20T02:00:00Z' });
  org = await buildOrg(h.db);
  const j = org.jabatan;
  await evaluasi(org.fungsional, j.jFung, 2025, 'SANGAT_BAIK');
  await evaluasi(org.fungsional, j.jFung, 2026, 'SANGAT_BAIK');
  await evaluasi(org.pelaksana, j.jStaf, 2025, 'BAIK');
  // A mutation year: the later SKP's result is the year's.
  await evaluasi(org.pelaksana, j.jStaf, 2026, 'KURANG', 'FINAL', '2026-06-30');
  await evaluasi(org.pelaksana, j.jStaf, 2026, 'SANGAT_BAIK');
  await evaluasi(org.pelaksana2, j.jStaf, 2025, 'KURANG');
  await evaluasi(org.pelaksana2, j.jStaf, 2026, 'BUTUH_PERBAIKAN');
  // Sangat Baik on a draft is not a result yet: belum lengkap, never classified.
  await evaluasi(org.orangLain, j.jStaf2, 2025, 'SANGAT_BAIK');
  await evaluasi(org.orangLain, j.jStaf2, 2026, 'SANGAT_BAIK', 'DRAF');
  // Baik then Butuh Perbaikan: on no list.
  await evaluasi(org.administrator, j.jKabid, 2025, 'BAIK');
  await evaluasi(org.administrator, j.jKabid, 2026, 'BUTUH_PERBAIKAN');
});
afterAll(() => h?.close());

const url = (daftar: string, extra = '') => `/api/tindak-lanjut?tahun=2026&daftar=${daftar}${extra}`;

async function daftar(nip: string, nama: string, extra = '') {
  const c = await h.login(nip);
  const res = await c.get(url(nama, extra));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TindakLanjutOut;
}

describe('GET /api/tindak-lanjut', () => {
  it('lists promotion, talent pool and repeated failure from the final predikat of both years', async () => {
    const naik = await daftar(org.adminBkd.nip, 'NAIK_PANGKAT');
    expect(naik.jumlah).toEqual({ NAIK_PANGKAT: 2, TALENTA: 1, GAGAL_BERULANG: 1, BELUM_LENGKAP: 9 });
    expect(naik.items.map((i) => [i.nama, i.predikatSebelumnya, i.predikat])).toEqual([
      ['Fungsional Satu', 'SANGAT_BAIK', 'SANGAT_BAIK'],
      ['Pelaksana Satu', 'BAIK', 'SANGAT_BAIK'],
    ]);
    const talenta = await daftar(org.timPenilai.nip, 'TALENTA');
    expect(talenta.items.map((i) => i.nip)).toEqual([org.fungsional.nip]);
    const gagal = await daftar(org.timPenilai.nip, 'GAGAL_BERULANG');
    expect(gagal.items).toEqual([
      {
        pegawaiId: org.pelaksana2.id,
        nip: org.pelaksana2.nip,
        nama: 'Pelaksana Dua',
        predikatSebelumnya: 'KURANG',
        predikat: 'BUTUH_PERBAIKAN',
      },
    ]);
  });

  it('lists an employee without a FINAL evaluation in either year as belum lengkap, page by page', async () => {
    const semua: TindakLanjutOut['items'] = [];
    let cursor: string | null = null;
    do {
      const page = await daftar(
        org.adminBkd.nip,
        'BELUM_LENGKAP',
        `&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(4);
      semua.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(semua).toHaveLength(9);
    expect(new Set(semua.map((i) => i.pegawaiId)).size).toBe(9);
    expect(semua.find((i) => i.pegawaiId === org.orangLain.id)).toMatchObject({
      predikatSebelumnya: 'SANGAT_BAIK',
      predikat: null,
    });
    expect(semua.some((i) => i.pegawaiId === org.administrator.id)).toBe(false);
  });

  it('is refused to an ordinary employee and an OPD admin; a bad list or cursor is a 400', async () => {
    for (const p of [org.pelaksana, org.adminOpd]) {
      const c = await h.login(p.nip);
      expect((await c.get(url('TALENTA'))).statusCode).toBe(403);
      expect((await c.get('/api/tindak-lanjut/ekspor.xlsx?tahun=2026&daftar=TALENTA')).statusCode).toBe(403);
    }
    const bkd = await h.login(org.adminBkd.nip);
    expect((await bkd.get(url('SEMUA'))).statusCode).toBe(400);
    expect((await bkd.get(url('TALENTA', '&cursor=rusak'))).statusCode).toBe(400);
  });
});

describe('GET /api/tindak-lanjut/ekspor.xlsx', () => {
  it('streams the same list, NIP as text', async () => {
    const c = await h.login(org.timPenilai.nip);
    const res = await c.get('/api/tindak-lanjut/ekspor.xlsx?tahun=2026&daftar=NAIK_PANGKAT');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('Tindak-Lanjut-NAIK_PANGKAT-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['NIP', 'Nama', 'Predikat 2025', 'Predikat 2026'],
      [org.fungsional.nip, 'Fungsional Satu', 'Sangat Baik', 'Sangat Baik'],
      [org.pelaksana.nip, 'Pelaksana Satu', 'Baik', 'Sangat Baik'],
    ]);
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
  });
});
