import { buffer } from 'node:stream/consumers';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import type { PekerjaanList, PekerjaanOut } from '../../contracts/pekerjaan.js';
import { rows } from '../../db/client.js';
import type { PredikatPegawai } from '../../domain/predikat.js';
import type { Actor } from '../auth/actor.js';
import type { EksporLatar } from '../pekerjaan/pekerjaan.service.js';
import { barisPenilaian, barisSkp } from './laporan.queries.js';
import { createLaporanService } from './laporan.service.js';

let h: Harness;
let org: Org;
let c: Record<'adminBkd' | 'adminOpd' | 'timPenilai' | 'pelaksana', Awaited<ReturnType<Harness['login']>>>;

const KOLOM_SKP = ['NIP', 'Nama', 'Jabatan', 'Unor', 'Unor Induk', 'Status SKP', 'Plt/Plh', 'Periode Akhir'];
const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

async function skp(
  pegawaiId: number,
  jabatanId: number,
  tahun: number,
  status = 'DISETUJUI',
  sebelumnya?: number,
) {
  const [row] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt,
                         status, versi, versi_sebelumnya_id)
        VALUES (${org.instansiId}, ${pegawaiId}, ${jabatanId}, ${tahun}, ${`${tahun}-01-01`}, ${`${tahun}-12-31`},
                'KUANTITATIF', false, ${status}, ${sebelumnya ? 2 : 1}, ${sebelumnya ?? null})
        RETURNING id`,
  );
  return row!.id;
}

async function periodik(skpId: number, periodeKode: string, predikat: PredikatPegawai) {
  await h.db.execute(
    sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
        VALUES (${org.instansiId}, ${skpId}, ${periodeKode}, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', ${predikat}, ${org.pengawas.id}, now())`,
  );
}

async function tahunan(
  skpId: number,
  pegawaiId: number,
  tahun: number,
  predikat: PredikatPegawai,
  status: string,
) {
  await h.db.execute(
    sql`INSERT INTO evaluasi_tahunan (instansi_id, skp_id, pegawai_id, tahun, pejabat_penilai_id, rating_hasil_kerja,
                                      rating_perilaku, predikat, status)
        VALUES (${org.instansiId}, ${skpId}, ${pegawaiId}, ${tahun}, ${org.pengawas.id}, 'SESUAI_EKSPEKTASI',
                'SESUAI_EKSPEKTASI', ${predikat}, ${status})`,
  );
}

async function sheetOf(res: { statusCode: number; rawPayload: Buffer; headers: Record<string, unknown> }) {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

/** Data rows by NIP (several rows for an employee with several plans). */
function byNip(sheet: ExcelJS.Worksheet) {
  const map = new Map<string, unknown[][]>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v = values(row);
    map.set(v[0] as string, [...(map.get(v[0] as string) ?? []), v]);
  });
  return map;
}

beforeAll(async () => {
  h = await createHarness();
  org = await buildOrg(h.db);
  c = {
    adminBkd: await h.login(org.adminBkd.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    timPenilai: await h.login(org.timPenilai.nip),
    pelaksana: await h.login(org.pelaksana.nip),
  };
  // fungsional: a revised plan (only the latest version is a row), rated January and February.
  const lama = await skp(org.fungsional.id, org.jabatan.jFung, 2026, 'DIKEMBALIKAN');
  const baru = await skp(org.fungsional.id, org.jabatan.jFung, 2026, 'DIAJUKAN', lama);
  await periodik(baru, '2026-01', 'BAIK');
  await periodik(baru, '2026-02', 'SANGAT_BAIK');
  await tahunan(baru, org.fungsional.id, 2026, 'BAIK', 'DRAF');
  const s2025 = await skp(org.fungsional.id, org.jabatan.jFung, 2025);
  await periodik(s2025, '2025-12', 'KURANG');
  await tahunan(s2025, org.fungsional.id, 2025, 'SANGAT_BAIK', 'FINAL');
  // pengawas: his own plan and one as Plt of the kabid's position.
  await skp(org.pengawas.id, org.jabatan.jKasi, 2026);
  await skp(org.pengawas.id, org.jabatan.jKabid, 2026, 'DRAFT');
  await h.db.execute(
    sql`INSERT INTO penugasan (pegawai_id, jabatan_id, jenis, tmt_mulai, tmt_selesai)
        VALUES (${org.pengawas.id}, ${org.jabatan.jKabid}, 'PLT', '2026-02-01', '2026-06-30')`,
  );
});

afterAll(async () => {
  await h?.close();
});

describe('Laporan SKP', () => {
  it('national columns, NIP as text, a row per plan, "Belum ada SKP"', async () => {
    const sheet = await sheetOf(await c.adminBkd.get('/api/laporan/skp.xlsx?tahun=2026'));
    expect(values(sheet.getRow(1))).toEqual(KOLOM_SKP);
    expect(sheet.rowCount).toBe(1 + 13 + 1); // every active employee, the pengawas twice

    const rowsBy = byNip(sheet);
    const [fung] = rowsBy.get(org.fungsional.nip)!;
    expect(fung!.slice(1, 7)).toEqual([
      'Fungsional Satu',
      'Pengembang Teknologi Pembelajaran Ahli Pertama',
      'Seksi Kurikulum',
      'Dinas Pendidikan',
      'Diajukan',
      '-',
    ]);
    expect(fung![7]).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(rowsBy.get(org.fungsional.nip)).toHaveLength(1);

    expect(rowsBy.get(org.pengawas.nip)!.map((r) => [r[2], r[5], r[6]])).toEqual([
      ['Kepala Seksi Kurikulum', 'Disetujui', '-'],
      ['Kepala Bidang Pembinaan SMA', 'Draf', 'PLT'],
    ]);
    expect(rowsBy.get(org.pelaksana.nip)![0]!.slice(2, 8)).toEqual([
      'Pengolah Data Kurikulum',
      'Seksi Kurikulum',
      'Dinas Pendidikan',
      'Belum ada SKP',
      '-',
      '-',
    ]);

    // The NIP cell is text: 18 digits intact (a number would round them), '@' format.
    const cell = sheet.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe('@');
    expect(cell.value).toMatch(/^19\d{16}$/);
    expect([...rowsBy.keys()]).toContain(org.fungsional.nip);
  });

  it('an OPD admin gets his OPD only; others are refused', async () => {
    const sheet = await sheetOf(await c.adminOpd.get('/api/laporan/skp.xlsx?tahun=2026'));
    const induk = new Set<unknown>();
    sheet.eachRow((row, n) => n > 1 && induk.add(values(row)[4]));
    expect([...induk]).toEqual(['Dinas Pendidikan']);
    expect(byNip(sheet).has(org.orangLain.nip)).toBe(false);
    expect(byNip(sheet).has(org.fungsional.nip)).toBe(true);

    expect(
      (await c.adminOpd.get(`/api/laporan/skp.xlsx?tahun=2026&opdId=${org.unor.opd2.id}`)).statusCode,
    ).toBe(403);
    expect((await c.timPenilai.get('/api/laporan/skp.xlsx?tahun=2026')).statusCode).toBe(403);
    expect((await c.pelaksana.get('/api/laporan/skp.xlsx?tahun=2026')).statusCode).toBe(403);
    expect((await c.adminBkd.get('/api/laporan/skp.xlsx?tahun=dua')).statusCode).toBe(400);

    const opd2 = await sheetOf(
      await c.adminBkd.get(`/api/laporan/skp.xlsx?tahun=2026&opdId=${org.unor.opd2.id}`),
    );
    expect([...byNip(opd2).keys()].sort()).toEqual([org.kepala2.nip, org.orangLain.nip].sort());
  });
});

describe('Laporan Penilaian SKP', () => {
  it('a column per month with the predikat or "-", and the final annual one', async () => {
    const sheet = await sheetOf(await c.adminBkd.get('/api/laporan/penilaian-skp.xlsx?tahun=2026'));
    expect(values(sheet.getRow(1))).toEqual(['NIP', 'Nama', ...BULAN, 'Tahunan']);
    expect(sheet.rowCount).toBe(1 + 13);
    const fung = byNip(sheet).get(org.fungsional.nip)![0]!;
    expect(fung.slice(1)).toEqual(['Fungsional Satu', 'Baik', 'Sangat Baik', ...Array(10).fill('-'), '-']);
    expect(byNip(sheet).get(org.pelaksana.nip)![0]!.slice(2)).toEqual(Array(13).fill('-'));
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);

    const lalu = await sheetOf(await c.adminBkd.get('/api/laporan/penilaian-skp.xlsx?tahun=2025'));
    expect(byNip(lalu).get(org.fungsional.nip)![0]!.slice(2)).toEqual([
      ...Array(11).fill('-'),
      'Kurang/Misconduct',
      'Sangat Baik',
    ]);
  });

  it('OPD admin only his OPD; 403 for others', async () => {
    const sheet = await sheetOf(await c.adminOpd.get('/api/laporan/penilaian-skp.xlsx?tahun=2026'));
    expect(byNip(sheet).has(org.kepala2.nip)).toBe(false);
    expect(byNip(sheet).has(org.fungsional.nip)).toBe(true);
    expect(
      (await c.adminOpd.get(`/api/laporan/penilaian-skp.xlsx?tahun=2026&opdId=${org.unor.opd2.id}`))
        .statusCode,
    ).toBe(403);
    expect((await c.pelaksana.get('/api/laporan/penilaian-skp.xlsx?tahun=2026')).statusCode).toBe(403);
  });
});

describe('keyset batches', () => {
  it('small batches give the same rows as one big batch', async () => {
    const filter = { instansiId: org.instansiId, opdIds: null, tahun: 2026 };
    const all = async <T>(gen: AsyncIterable<T[]>) => {
      const out: T[] = [];
      for await (const batch of gen) out.push(...batch);
      return out;
    };
    expect(await all(barisSkp(h.db, filter, 2))).toEqual(await all(barisSkp(h.db, filter)));
    expect(await all(barisPenilaian(h.db, filter, 3))).toEqual(await all(barisPenilaian(h.db, filter)));
    expect(await all(barisPenilaian(h.db, filter, 3))).toHaveLength(13);
  });
});

describe('as a job the admin may leave (ADR 0011)', () => {
  const semuaBaris = (sheet: ExcelJS.Worksheet) => {
    const out: unknown[][] = [];
    sheet.eachRow((row) => out.push(values(row)));
    return out;
  };

  it('202, then the file of the direct export with its rows counted, for its owner only', async () => {
    for (const [jenis, judul] of [
      ['skp', 'Laporan SKP 2026'],
      ['penilaian-skp', 'Laporan Penilaian SKP 2026'],
    ] as const) {
      const res = await c.adminBkd.post(`/api/laporan/${jenis}/latar?tahun=2026`);
      expect(res.statusCode, res.body).toBe(202);
      const p = res.json() as PekerjaanOut;
      expect(p).toMatchObject({ jenis: 'EKSPOR', judul, status: 'BERJALAN' });
      await h.app.pekerjaan.tunggu();

      const langsung = semuaBaris(
        await sheetOf(await c.adminBkd.get(`/api/laporan/${jenis}.xlsx?tahun=2026`)),
      );
      const akhir = (await c.adminBkd.get(`/api/pekerjaan/${p.id}`)).json() as PekerjaanOut;
      expect(akhir).toMatchObject({
        status: 'SELESAI',
        total: langsung.length - 1,
        selesai: langsung.length - 1,
      });
      const berkas = await c.adminBkd.get(`/api/pekerjaan/${p.id}/hasil`);
      expect(berkas.headers['content-disposition']).toContain(akhir.hasilNama!);
      expect(semuaBaris(await sheetOf(berkas))).toEqual(langsung);

      // Nobody else, even an admin of the same instansi, learns of it.
      expect((await c.adminOpd.get(`/api/pekerjaan/${p.id}`)).statusCode).toBe(404);
      expect((await c.adminOpd.get(`/api/pekerjaan/${p.id}/hasil`)).statusCode).toBe(404);
    }
  });

  it('counts up front the rows it then reports batch by batch', async () => {
    const me = (await c.adminBkd.get('/api/me')).json() as Actor;
    const actor = { ...me, instansiId: org.instansiId, id: org.adminBkd.id };
    for (const jenis of ['skp', 'penilaian-skp'] as const) {
      let ekspor: EksporLatar | undefined;
      const laporan = createLaporanService({
        bacaBerat: () => h.db,
        // Only what the job is given is looked at here; the job itself is exercised above.
        pekerjaan: {
          async ekspor(_actor, e) {
            ekspor = e;
            return {} as PekerjaanOut;
          },
        },
      });
      await laporan.latar(actor, jenis, { tahun: 2026 });
      const dilaporkan: number[] = [];
      const berkas = ekspor!.tulis((n) => dilaporkan.push(n));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await buffer(berkas.stream)) as unknown as ArrayBuffer);
      const total = await ekspor!.jumlah();
      expect(dilaporkan.at(-1)).toBe(total);
      expect(wb.worksheets[0]!.rowCount).toBe(1 + total);
    }
  });

  it('refuses what the direct export refuses, before any job', async () => {
    expect(
      (await c.adminOpd.post(`/api/laporan/skp/latar?tahun=2026&opdId=${org.unor.opd2.id}`)).statusCode,
    ).toBe(403);
    expect((await c.pelaksana.post('/api/laporan/penilaian-skp/latar?tahun=2026')).statusCode).toBe(403);
    expect((await c.timPenilai.post('/api/laporan/skp/latar?tahun=2026')).statusCode).toBe(403);
    expect((await c.adminBkd.post('/api/laporan/skp/latar?tahun=dua')).statusCode).toBe(400);
    for (const client of [c.adminOpd, c.pelaksana, c.timPenilai])
      expect(((await client.get('/api/pekerjaan')).json() as PekerjaanList).items).toEqual([]);
    const [lain] = await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM pekerjaan WHERE pemilik_id <> ${org.adminBkd.id}`,
    );
    expect(lain!.n).toBe(0);
  });
});
