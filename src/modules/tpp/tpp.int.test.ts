import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import type { PekerjaanList, PekerjaanOut } from '../../contracts/pekerjaan.js';
import type { ParameterTppOut, TppBarisDetail, TppBulanOut } from '../../contracts/tpp.js';
import { rows } from '../../db/client.js';
import { PARAMETER_TPP_BAKU } from '../../domain/tpp.js';

let h: Harness;
let org: Org;
let c: Record<'adminBkd' | 'adminOpd' | 'staf' | 'staf2', Awaited<ReturnType<Harness['login']>>>;

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

/** An approved 2026 plan, and the July predikat when given (written directly: TPP reads the stored rows). */
async function skpDisetujui(pegawaiId: number, predikat: string | null) {
  const [skp] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status)
        VALUES (${org.instansiId}, ${pegawaiId}, ${org.jabatan.jStaf}, 2026, '2026-01-01', '2026-12-31', 'KUANTITATIF', false, 'DISETUJUI')
        RETURNING id`,
  );
  if (predikat)
    await h.db.execute(
      sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
          VALUES (${org.instansiId}, ${skp!.id}, '2026-07', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', ${predikat}, ${org.pengawas.id}, now())`,
    );
}

async function hadir(
  pegawaiId: number,
  tanggal: string,
  masuk: string | null,
  pulang: string | null,
  status = 'HADIR',
) {
  await h.db.execute(
    sql`INSERT INTO kehadiran (pegawai_id, tanggal, instansi_id, jam_masuk, jam_pulang, status, sumber)
        VALUES (${pegawaiId}, ${tanggal}, ${org.instansiId}, ${masuk}, ${pulang}, ${status}, 'IMPOR')`,
  );
}

/** July 2026: 23 weekdays, the 17th a holiday → 22 working days. */
const HARI_KERJA_JULI = Array.from(
  { length: 31 },
  (_, i) => `2026-07-${String(i + 1).padStart(2, '0')}`,
).filter((t) => {
  const d = new Date(`${t}T00:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6 && t !== '2026-07-17';
});

beforeAll(async () => {
  h = await createHarness({ now: '2026-08-05T02:00:00Z' });
  org = await buildOrg(h.db);
  c = {
    adminBkd: await h.login(org.adminBkd.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    staf: await h.login(org.pelaksana.nip),
    staf2: await h.login(org.pelaksana2.nip),
  };
  await h.db.execute(
    sql`INSERT INTO hari_libur (instansi_id, tanggal, keterangan) VALUES (${org.instansiId}, '2026-07-17', 'Libur uji')`,
  );
  await skpDisetujui(org.pelaksana.id, 'BAIK');
  await skpDisetujui(org.pelaksana2.id, null);
  // The pelaksana: on time every working day except the cases below; pelaksana2 has no record at all.
  const khusus: Record<string, [string | null, string | null, string?]> = {
    '2026-07-01': ['07:45:10', '17:00'], // 15 min late → 1–30
    '2026-07-02': ['08:10', '17:00'], // 40 min → 31–60
    '2026-07-03': [null, '17:00'], // no check-in → last band
    '2026-07-06': ['07:30', '15:00'], // left 60 min early → 31–60
    '2026-07-07': [null, null, 'CUTI'],
    '2026-07-08': [null, null, 'DINAS_LUAR'],
    '2026-07-09': [null, null, 'TANPA_KETERANGAN'],
  };
  for (const t of HARI_KERJA_JULI) {
    if (t === '2026-07-10') continue; // no record while the OPD has some → absent
    const [masuk, pulang, status] = khusus[t] ?? ['07:29', '17:00'];
    await hadir(org.pelaksana.id, t, masuk, pulang, status);
  }
  await hadir(org.pengawas.id, '2026-07-10', '07:20', '17:00'); // the OPD's attendance of the 10th is imported
  await hadir(org.pelaksana.id, '2026-07-04', '10:00', '12:00'); // a Saturday: not a working day
  await hadir(org.pelaksana.id, '2026-07-17', null, null, 'TANPA_KETERANGAN'); // the holiday
});

afterAll(async () => {
  await h?.close();
});

describe('TPP parameters', () => {
  it('starts from the defaults; invalid values are refused with the reason and change nothing', async () => {
    const awal = await ok<ParameterTppOut>(c.adminBkd.get('/api/tpp/parameter'));
    expect(awal).toMatchObject({ version: null, parameter: PARAMETER_TPP_BAKU });

    const salah = await c.adminBkd.put('/api/tpp/parameter', {
      parameter: { ...PARAMETER_TPP_BAKU, bobotDisiplin: 50 },
      dasarHukum: null,
    });
    expect(salah.statusCode).toBe(400);
    expect(salah.json().error.message).toContain('harus berjumlah 100 %');
    expect((await ok<ParameterTppOut>(c.adminBkd.get('/api/tpp/parameter'))).version).toBeNull();

    expect(
      (await c.adminOpd.put('/api/tpp/parameter', { parameter: PARAMETER_TPP_BAKU, dasarHukum: null }))
        .statusCode,
    ).toBe(403);
    expect((await c.staf.get('/api/tpp/parameter')).statusCode).toBe(403);
  });

  it('the BKD saves them with the Perkada; a stale version is a 409; the change is audited', async () => {
    const simpan = await ok<ParameterTppOut>(
      c.adminBkd.put('/api/tpp/parameter', {
        parameter: PARAMETER_TPP_BAKU,
        dasarHukum: 'Pergub Uji 12/2026',
      }),
    );
    expect(simpan).toMatchObject({ version: 1, dasarHukum: 'Pergub Uji 12/2026' });
    const basi = await c.adminBkd.put('/api/tpp/parameter', {
      parameter: PARAMETER_TPP_BAKU,
      dasarHukum: null,
    });
    expect(basi.statusCode).toBe(409);
    const [audit] = await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE instansi_id = ${org.instansiId} AND entity = 'tpp_parameter'`,
    );
    expect(audit!.n).toBe(1);
  });
});

describe('TPP month', () => {
  it('only the BKD computes, and only a month that has ended', async () => {
    expect((await c.adminOpd.post('/api/tpp/2026-07/hitung')).statusCode).toBe(403);
    expect((await c.staf.post('/api/tpp/2026-07/hitung')).statusCode).toBe(403);
    const depan = await c.adminBkd.post('/api/tpp/2026-09/hitung');
    expect(depan.statusCode).toBe(400);
    expect(depan.json().error.message).toContain('belum dapat dihitung');
    // Today is 5 August in the instansi's zone: the rest of August would count as absence.
    const berjalan = await c.adminBkd.post('/api/tpp/2026-08/hitung');
    expect(berjalan.statusCode).toBe(400);
    expect(berjalan.json().error.message).toBe(
      'TPP bulan 2026-08 belum dapat dihitung: bulan ini belum berakhir. TPP dihitung setelah bulannya selesai.',
    );
    expect((await c.adminBkd.get('/api/tpp/2026-13')).statusCode).toBe(400);
    expect((await c.adminBkd.get('/api/tpp/2026-07')).statusCode).toBe(404);
  });

  it('computes every employee with explained lines: bands, absences, excused days, withholding', async () => {
    const m = await ok<TppBulanOut>(c.adminBkd.post('/api/tpp/2026-07/hitung'));
    // kelas 9 = Rp 3.900.000. Pelaksana: 2.340.000 + 3.900.000 × 40 % × 90 % = 3.744.000;
    // pelaksana2 (no predikat, 22 days absent → 66 %): 0 + 530.400; everyone else withheld (no SKP).
    expect(m).toMatchObject({ status: 'DRAF', hariKerja: 22, jumlahPegawai: 13, total: 4_274_400 });
    expect(m.hak).toEqual({ hitung: true, setujui: true });
    expect(m.perOpd.find((o) => o.opdId === org.unor.opd.id)).toMatchObject({ total: 4_274_400 });

    const baris = await ok<TppBarisDetail>(c.staf.get(`/api/tpp/2026-07/pegawai/${org.pelaksana.id}`));
    expect(baris).toMatchObject({
      dasar: 3_900_000,
      produktivitas: 2_340_000,
      disiplin: 1_404_000,
      jumlah: 3_744_000,
    });
    expect(baris.potonganPersen).toBe(10);
    expect(baris.rincian.map((r) => r.uraian)).toEqual([
      'Besaran TPP kelas jabatan 9: Rp 3.900.000.',
      'Produktivitas: Rp 3.900.000 × 60 % × 100 % (Baik, Juli 2026) = Rp 2.340.000.',
      'Hari kerja bulan ini: 22 hari.',
      'Terlambat 1–30 menit: 1 kali × 0,5 % = 0,5 %.',
      'Terlambat 31–60 menit: 1 kali × 1 % = 1 %.',
      'Terlambat ≥ 91 menit atau tanpa catatan jam: 1 kali × 1,5 % = 1,5 %.',
      'Pulang cepat 31–60 menit: 1 kali × 1 % = 1 %.',
      'Tanpa keterangan (termasuk hari kerja tanpa catatan kehadiran): 2 hari × 3 % = 6 %.',
      'Tidak dipotong: dinas luar 1 hari, cuti 1 hari.',
      'Disiplin: Rp 3.900.000 × 40 % × (100 % − 10 %) = Rp 1.404.000.',
      'Jumlah: Rp 2.340.000 + Rp 1.404.000 = Rp 3.744.000.',
    ]);

    const dua = await ok<TppBarisDetail>(c.adminOpd.get(`/api/tpp/2026-07/pegawai/${org.pelaksana2.id}`));
    expect(dua).toMatchObject({
      produktivitas: 0,
      disiplin: 530_400,
      jumlah: 530_400,
      ditahan: null,
      menungguPenilaian: true,
    });
    expect(dua.rincian[1]!.uraian).toContain('menunggu penilaian — belum ada predikat Juli 2026');

    const kasi = await ok<TppBarisDetail>(c.adminBkd.get(`/api/tpp/2026-07/pegawai/${org.pengawas.id}`));
    expect(kasi).toMatchObject({ jumlah: 0, ditahan: 'SKP tahun 2026 belum disetujui; TPP ditahan.' });
  });

  it('reading a line: the employee himself, his OPD admin, the BKD — nobody else', async () => {
    expect((await c.staf2.get(`/api/tpp/2026-07/pegawai/${org.pelaksana.id}`)).statusCode).toBe(403);
    expect((await c.adminOpd.get(`/api/tpp/2026-07/pegawai/${org.orangLain.id}`)).statusCode).toBe(403);
    expect((await c.staf.get('/api/tpp/2026-07/baris')).statusCode).toBe(403);
    const saya = await ok<{ items: TppBarisDetail[] }>(c.staf.get('/api/tpp/saya'));
    expect(saya.items.map((i) => [i.bulan, i.status, i.jumlah])).toEqual([['2026-07', 'DRAF', 3_744_000]]);
  });

  it('lists lines by name, narrowed to the OPD admin, searchable by NIP and name, page by page', async () => {
    const opd = await ok<{ items: { opdId: number }[] }>(c.adminOpd.get('/api/tpp/2026-07/baris?limit=100'));
    expect(opd.items.length).toBe(7); // the Dinas Pendidikan employees of test/org.ts
    expect(opd.items.every((i) => i.opdId === org.unor.opd.id)).toBe(true);
    const ringkas = await ok<TppBulanOut>(c.adminOpd.get('/api/tpp/2026-07'));
    expect(ringkas.perOpd.map((o) => o.opdId)).toEqual([org.unor.opd.id]);
    expect(ringkas.hak).toEqual({ hitung: false, setujui: false });

    const nip = await ok<{ items: { pegawaiId: number }[] }>(
      c.adminBkd.get(`/api/tpp/2026-07/baris?q=${org.pelaksana.nip.slice(0, 14)}`),
    );
    expect(nip.items.map((i) => i.pegawaiId)).toContain(org.pelaksana.id);
    const nama = await ok<{ items: { namaLengkap: string }[] }>(
      c.adminBkd.get('/api/tpp/2026-07/baris?q=pelaksana'),
    );
    expect(nama.items.map((i) => i.namaLengkap)).toEqual(['Pelaksana Dua', 'Pelaksana Satu']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { namaLengkap: string }[]; nextCursor: string | null } = await ok(
        c.adminBkd.get(`/api/tpp/2026-07/baris?limit=4${cursor ? `&cursor=${cursor}` : ''}`),
      );
      seen.push(...page.items.map((i) => i.namaLengkap));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(13);
    expect([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(seen);
  });

  it('a draft recomputes; approval is version-checked; an approved month is refused recomputation', async () => {
    const ulang = await ok<TppBulanOut>(c.adminBkd.post('/api/tpp/2026-07/hitung'));
    expect(ulang.total).toBe(4_274_400);
    expect((await c.adminOpd.post('/api/tpp/2026-07/setujui', { version: ulang.version })).statusCode).toBe(
      403,
    );
    const basi = await c.adminBkd.post('/api/tpp/2026-07/setujui', { version: ulang.version - 1 });
    expect(basi.statusCode).toBe(409);
    expect(basi.json().error.code).toBe('VERSION_CONFLICT');

    // Pelaksana Dua waits for his predikat and the Dinas Kesehatan imported nothing: only with a reason.
    const setuju = await ok<TppBulanOut>(
      c.adminBkd.post('/api/tpp/2026-07/setujui', {
        version: ulang.version,
        alasan: 'Penilaian dan kehadiran susulan dibayar bulan berikutnya.',
      }),
    );
    expect(setuju).toMatchObject({ status: 'DISETUJUI', hak: { hitung: false, setujui: false } });
    expect(setuju.disetujuiOleh?.id).toBe(org.adminBkd.id);

    const lagi = await c.adminBkd.post('/api/tpp/2026-07/hitung');
    expect(lagi.statusCode).toBe(409);
    expect(lagi.json().error).toMatchObject({ code: 'TPP_SUDAH_DISETUJUI' });
    expect((await c.adminBkd.post('/api/tpp/2026-07/setujui', { version: setuju.version })).statusCode).toBe(
      409,
    );

    const aksi = await rows<{ action: string }>(
      h.db,
      sql`SELECT action FROM audit_log WHERE instansi_id = ${org.instansiId} AND entity = 'tpp_bulan' ORDER BY id`,
    );
    expect(aksi.map((a) => a.action)).toEqual([
      'tpp_bulan.hitung',
      'tpp_bulan.hitung_ulang',
      'tpp_bulan.setujui',
    ]);
  });

  it('changing the parameters afterwards leaves the approved month as it was; a new month uses them', async () => {
    const now = await ok<ParameterTppOut>(c.adminBkd.get('/api/tpp/parameter'));
    await ok(
      c.adminBkd.put('/api/tpp/parameter', {
        parameter: {
          ...now.parameter,
          dasarPerKelas: { ...now.parameter.dasarPerKelas, '9': 5_000_000 },
          persenTanpaKeterangan: 4,
        },
        dasarHukum: 'Pergub Uji 20/2026',
        version: now.version,
      }),
    );
    const juli = await ok<TppBulanOut>(c.adminBkd.get('/api/tpp/2026-07'));
    expect(juli).toMatchObject({ status: 'DISETUJUI', total: 4_274_400, dasarHukum: 'Pergub Uji 12/2026' });
    expect(juli.parameter.dasarPerKelas['9']).toBe(3_900_000);
    const baris = await ok<TppBarisDetail>(c.staf.get(`/api/tpp/2026-07/pegawai/${org.pelaksana.id}`));
    expect(baris).toMatchObject({ dasar: 3_900_000, jumlah: 3_744_000 });
    expect(baris.rincian.map((r) => r.uraian)).toContain(
      'Tanpa keterangan (termasuk hari kerja tanpa catatan kehadiran): 2 hari × 3 % = 6 %.',
    );
    expect(baris.dasarHukum).toBe('Pergub Uji 12/2026');

    const juni = await ok<TppBulanOut>(c.adminBkd.post('/api/tpp/2026-06/hitung'));
    expect(juni).toMatchObject({ status: 'DRAF', dasarHukum: 'Pergub Uji 20/2026' });
    const barisJuni = await ok<TppBarisDetail>(c.staf.get(`/api/tpp/2026-06/pegawai/${org.pelaksana.id}`));
    expect(barisJuni.dasar).toBe(5_000_000);
  });

  it('exports the month for payroll as XLSX with NIP as text and a totals row', async () => {
    expect((await c.staf.get('/api/tpp/2026-07/xlsx')).statusCode).toBe(403);
    const res = await c.adminBkd.get('/api/tpp/2026-07/xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('TPP-2026-07.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(15); // header, 13 employees, totals
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'No',
      'NIP',
      'Nama',
      'Jabatan',
      'Kelas Jabatan',
      'OPD',
      'Besaran TPP',
      'Produktivitas',
      'Disiplin',
      'Potongan Disiplin',
      'Ditahan',
      'Jumlah Dibayarkan',
      'Catatan',
    ]);
    const staf = ws.getRows(2, 13)!.find((r) => r.getCell(2).value === org.pelaksana.nip)!;
    expect(typeof staf.getCell(2).value).toBe('string');
    expect(staf.getCell(12).value).toBe(3_744_000);
    expect(staf.getCell(10).value).toBe(0.1);
    expect(staf.getCell(13).value).toBeNull();
    const dua = ws.getRows(2, 13)!.find((r) => r.getCell(2).value === org.pelaksana2.nip)!;
    expect(dua.getCell(13).value).toBe('Produktivitas menunggu penilaian');
    const total = ws.getRow(15);
    expect(total.getCell(3).value).toBe('JUMLAH (13 pegawai)');
    expect(total.getCell(12).value).toBe(4_274_400);
    expect(total.getCell(13).value).toBe(
      'Disetujui dengan data belum lengkap; alasan BKD: Penilaian dan kehadiran susulan dibayar bulan berikutnya.',
    );

    const opd = await c.adminOpd.get('/api/tpp/2026-07/xlsx');
    const wbOpd = new ExcelJS.Workbook();
    await wbOpd.xlsx.load(opd.rawPayload as unknown as ArrayBuffer);
    expect(wbOpd.worksheets[0]!.rowCount).toBe(9); // his OPD's 7 employees
  });

  it('exports the month as a job too: 202, the same rows counted, its owner only; refusals make none', async () => {
    expect((await c.staf.post('/api/tpp/2026-07/xlsx/latar')).statusCode).toBe(403);
    expect((await c.adminBkd.post('/api/tpp/2025-01/xlsx/latar')).statusCode).toBe(404);
    expect(((await c.staf.get('/api/pekerjaan')).json() as PekerjaanList).items).toEqual([]);
    const sebelum = ((await c.adminBkd.get('/api/pekerjaan')).json() as PekerjaanList).items.length;

    const res = await c.adminBkd.post('/api/tpp/2026-07/xlsx/latar');
    expect(res.statusCode, res.body).toBe(202);
    const p = res.json() as PekerjaanOut;
    expect(p).toMatchObject({ jenis: 'EKSPOR', judul: 'Ekspor TPP Juli 2026', status: 'BERJALAN' });
    expect(((await c.adminBkd.get('/api/pekerjaan')).json() as PekerjaanList).items).toHaveLength(
      sebelum + 1,
    );
    await h.app.pekerjaan.tunggu();
    // 13 lines and the totals row.
    expect((await c.adminBkd.get(`/api/pekerjaan/${p.id}`)).json()).toMatchObject({
      status: 'SELESAI',
      total: 14,
      selesai: 14,
      hasilNama: 'TPP-2026-07.xlsx',
    });
    const baris = async (raw: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(raw as unknown as ArrayBuffer);
      return wb.worksheets[0]!.getSheetValues();
    };
    const berkas = await c.adminBkd.get(`/api/pekerjaan/${p.id}/hasil`);
    expect(berkas.statusCode).toBe(200);
    expect(await baris(berkas.rawPayload)).toEqual(
      await baris((await c.adminBkd.get('/api/tpp/2026-07/xlsx')).rawPayload),
    );
    expect((await c.adminOpd.get(`/api/pekerjaan/${p.id}/hasil`)).statusCode).toBe(404);

    // The OPD admin's job counts his OPD's lines only.
    const opd = (await c.adminOpd.post('/api/tpp/2026-07/xlsx/latar')).json() as PekerjaanOut;
    await h.app.pekerjaan.tunggu();
    expect((await c.adminOpd.get(`/api/pekerjaan/${opd.id}`)).json()).toMatchObject({
      status: 'SELESAI',
      total: 8,
    });
  });
});
