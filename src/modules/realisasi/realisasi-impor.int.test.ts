import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { stafDenganRencana } from '../../../test/siklus.js';
import type { Client } from '../../../test/skp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let rhkStaf: number[];

/** 10:00 WITA on the given day of August 2026: days 1–7 are July's input window. */
const agustus = (hari: number) => `2026-08-${String(hari).padStart(2, '0')}T02:00:00Z`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  ({ rhkStaf } = await stafDenganRencana(h, org));
});
afterAll(() => h.close());

function impor(c: Client, mode: string, content: Buffer, filename = 'realisasi.xlsx') {
  const { payload, headers } = multipart(filename, content);
  return h.app.inject({
    method: 'POST',
    url: `/api/realisasi/impor?periode=2026-07&mode=${mode}`,
    payload,
    headers: { ...headers, cookie: c.cookie, 'x-csrf-token': c.csrfToken },
  });
}

async function templat(c: Client) {
  const res = await c.get('/api/realisasi/templat?periode=2026-07');
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { res, wb, sheet: wb.getWorksheet('Realisasi')! };
}

/** The column number of a header in the template. */
function kolom(sheet: ExcelJS.Worksheet, judul: string) {
  let found = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.text === judul) found = col;
  });
  expect(found, judul).toBeGreaterThan(0);
  return found;
}

async function isi(wb: ExcelJS.Workbook, values: Record<number, Record<string, unknown>>) {
  const sheet = wb.getWorksheet('Realisasi')!;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v = values[Number(row.getCell(1).value)];
    if (!v) return;
    for (const [judul, value] of Object.entries(v))
      row.getCell(kolom(sheet, judul)).value = value as ExcelJS.CellValue;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function pada(now: string) {
  h.clock.set(now);
  return { staf: await h.login(org.pelaksana.nip), asing: await h.login(org.orangLain.nip) };
}

async function tersimpan() {
  const [row] = await rows<{ realisasi: number; tautan: number; audit: number; versi: number }>(
    h.db,
    sql`SELECT (SELECT count(*)::int FROM realisasi WHERE pegawai_id = ${org.pelaksana.id}) AS realisasi,
               (SELECT count(*)::int FROM bukti_dukung b JOIN realisasi r ON r.id = b.realisasi_id
                 WHERE r.pegawai_id = ${org.pelaksana.id}) AS tautan,
               (SELECT coalesce(sum(version), 0)::int FROM realisasi WHERE pegawai_id = ${org.pelaksana.id}) AS versi,
               (SELECT count(*)::int FROM audit_log WHERE instansi_id = ${org.instansiId}
                  AND entity = 'realisasi') AS audit`,
  );
  return row!;
}

const bulan = async (c: Client) => (await c.get('/api/realisasi?periode=2026-07')).json();
type Item = { rhk: { id: number }; realisasi: Record<string, unknown> | null };
const itemOf = (m: { items: Item[] }, rhkId: number) => m.items.find((i) => i.rhk.id === rhkId)!;

describe('realisasi from the spreadsheet template', () => {
  it("the template lists the plan's RHKs with their targets, the key column hidden", async () => {
    const c = await pada(agustus(3));
    const { res, sheet, wb } = await templat(c.staf);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="Realisasi-2026-07-\d{18}\.xlsx"$/,
    );
    expect(sheet.getColumn(1).hidden).toBe(true);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'ID RHK',
      'No',
      'Jenis',
      'Rencana Hasil Kerja',
      'Indikator dan Target',
      'Status',
      'Rencana Aksi',
      'Target Aksi',
      'Realisasi (angka)',
      'Satuan',
      'Realisasi (teks)',
      'Tautan bukti',
      'Deskripsi tautan',
    ]);
    const data: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) data.push((row.values as unknown[]).slice(1));
    });
    expect(data.map((r) => r[0])).toEqual(rhkStaf);
    expect(data[0]!.slice(1, 4)).toEqual([1, 'Utama', 'Terhimpunnya data kurikulum sekolah']);
    expect(data[0]![4]).toContain('Jumlah data — 120 data');
    expect(data[0]![5]).toBe('Belum diisi');
    // Editable cells are open; the plan's columns are not.
    expect(sheet.getRow(2).getCell(kolom(sheet, 'Rencana Aksi')).protection?.locked).toBe(false);
    expect(sheet.getRow(2).getCell(kolom(sheet, 'Rencana Hasil Kerja')).protection?.locked).not.toBe(false);
    expect(wb.getWorksheet('Petunjuk')).toBeDefined();

    // Without an approved plan there is nothing to fill.
    const asing = await c.asing.get('/api/realisasi/templat?periode=2026-07');
    expect(asing.statusCode).toBe(422);
    expect(asing.json().error.code).toBe('SKP_BELUM_DISETUJUI');
  });

  it('a dry run reports every bad row and stores nothing; a bad commit stores nothing', async () => {
    const c = await pada(agustus(3));
    const { wb, sheet } = await templat(c.staf);
    sheet.addRow([999999, '', '', '', '', '', 'Rencana', '', 5]);
    const berkas = await isi(wb, {
      [rhkStaf[0]!]: { 'Realisasi (angka)': 'dua belas', 'Tautan bukti': 'ftp://contoh.go.id/x' },
      [rhkStaf[1]!]: {
        'Tautan bukti': 'https://contoh.go.id/a\nhttps://contoh.go.id/b\nhttps://contoh.go.id/c',
        'Deskripsi tautan': 'Satu\nDua',
        'Realisasi (teks)': 'x'.repeat(4001),
      },
    });
    const before = await tersimpan();

    const uji = await impor(c.staf, 'dry-run', berkas);
    expect(uji.statusCode, uji.body).toBe(200);
    expect(uji.json()).toMatchObject({ mode: 'dry-run', jumlahBaris: 3, berubah: 0, diterapkan: null });
    expect(uji.json().kesalahan).toEqual([
      {
        baris: 2,
        alasan: [
          "Realisasi (angka) 'dua belas' bukan angka; tulis misalnya 12 atau 12,5.",
          'Deskripsi tautan wajib diisi untuk setiap tautan bukti.',
          'Tautan bukti: Tautan bukti dukung harus alamat http:// atau https:// yang valid.',
        ],
      },
      {
        baris: 3,
        alasan: [
          'Jumlah baris Deskripsi tautan (2) tidak sama dengan jumlah tautan (3); tulis satu deskripsi per baris, atau satu deskripsi untuk semua tautan.',
          'Realisasi (teks): Paling banyak 4000 karakter.',
        ],
      },
      { baris: 4, alasan: ["ID RHK '999999' tidak ada pada SKP Anda untuk periode Juli 2026."] },
    ]);
    const simpan = await impor(c.staf, 'commit', berkas);
    expect(simpan.statusCode).toBe(422);
    expect(simpan.json().error.code).toBe('IMPORT_INVALID');
    expect(simpan.json().error.details.kesalahan).toHaveLength(3);
    expect(await tersimpan()).toEqual(before);

    const bukanBerkas = await impor(c.staf, 'dry-run', Buffer.from('%PDF-1.4 bukan tabel'));
    expect(bukanBerkas.statusCode).toBe(415);
    const tanpaKunci = await impor(c.staf, 'dry-run', Buffer.from('Rencana Aksi;Satuan\nA;B\n'), 'a.csv');
    expect(tanpaKunci.statusCode).toBe(400);
    expect(tanpaKunci.json().error.message).toMatch(/Kolom wajib tidak ditemukan: ID RHK/);
  });

  it('a commit stores every changed row as a draft, through the draft save', async () => {
    const c = await pada(agustus(3));
    const { wb } = await templat(c.staf);
    const berkas = await isi(wb, {
      [rhkStaf[0]!]: {
        'Rencana Aksi': 'Menghimpun data kurikulum 10 sekolah',
        'Target Aksi': '10 data',
        'Realisasi (angka)': '1.234,5',
        Satuan: 'data',
        'Tautan bukti': 'https://drive.contoh.go.id/a\nhttps://drive.contoh.go.id/b',
        'Deskripsi tautan': 'Rekap data Juli',
      },
      [rhkStaf[1]!]: { 'Realisasi (teks)': 'Laporan supervisi SMA 1 selesai.' },
    });
    const before = await tersimpan();
    const uji = await impor(c.staf, 'dry-run', berkas);
    expect(uji.json()).toMatchObject({ kesalahan: [], berubah: 2 });
    expect(await tersimpan()).toEqual(before);

    const simpan = await impor(c.staf, 'commit', berkas, 'realisasi juli.xlsx');
    expect(simpan.statusCode, simpan.body).toBe(200);
    expect(simpan.json()).toMatchObject({
      mode: 'commit',
      berubah: 2,
      diterapkan: { disimpan: 2, tidakBerubah: 0 },
    });
    const m = await bulan(c.staf);
    expect(itemOf(m, rhkStaf[0]!).realisasi).toMatchObject({
      status: 'DRAFT',
      version: 1,
      rencanaAksi: 'Menghimpun data kurikulum 10 sekolah',
      targetAksi: '10 data',
      nilai: 1234.5,
      satuan: 'data',
      teks: null,
      buktiDukung: [
        { jenis: 'TAUTAN', url: 'https://drive.contoh.go.id/a', deskripsi: 'Rekap data Juli' },
        { jenis: 'TAUTAN', url: 'https://drive.contoh.go.id/b', deskripsi: 'Rekap data Juli' },
      ],
    });
    expect(itemOf(m, rhkStaf[1]!).realisasi).toMatchObject({
      status: 'DRAFT',
      nilai: null,
      teks: 'Laporan supervisi SMA 1 selesai.',
    });
    const [audit] = await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log
           WHERE action = 'realisasi.buat' AND reason = 'Impor realisasi juli.xlsx' AND actor_id = ${org.pelaksana.id}`,
    );
    expect(audit!.n).toBe(2);

    // The template now carries what is stored; sent back unchanged it writes nothing.
    const lagi = await templat(c.staf);
    const row = lagi.sheet.getRow(2);
    expect(row.getCell(kolom(lagi.sheet, 'Realisasi (angka)')).value).toBe(1234.5);
    expect(row.getCell(kolom(lagi.sheet, 'Tautan bukti')).text).toBe(
      'https://drive.contoh.go.id/a\nhttps://drive.contoh.go.id/b',
    );
    const tetap = await tersimpan();
    const ulang = await impor(c.staf, 'commit', Buffer.from(await lagi.wb.xlsx.writeBuffer()));
    expect(ulang.json()).toMatchObject({ berubah: 0, diterapkan: { disimpan: 0, tidakBerubah: 2 } });
    expect(await tersimpan()).toEqual(tetap);

    // A CSV with some columns changes only those; a version bump shows it went through the draft save.
    const csv = Buffer.from(`ID RHK;Realisasi (angka)\n${rhkStaf[0]};12,5\n`);
    const sebagian = await impor(c.staf, 'commit', csv, 'angka.csv');
    expect(sebagian.statusCode, sebagian.body).toBe(200);
    expect(itemOf(await bulan(c.staf), rhkStaf[0]!).realisasi).toMatchObject({
      version: 2,
      nilai: 12.5,
      rencanaAksi: 'Menghimpun data kurikulum 10 sekolah',
      buktiDukung: [{ url: 'https://drive.contoh.go.id/a' }, { url: 'https://drive.contoh.go.id/b' }],
    });
  });

  it('a value kept by the daily log is not typed over', async () => {
    const c = await pada(agustus(4));
    const r = itemOf(await bulan(c.staf), rhkStaf[0]!).realisasi!;
    const log = await c.staf.post(`/api/realisasi/${rhkStaf[0]}/2026-07/log`, {
      version: r.version,
      tanggal: '2026-07-10',
      jamMulai: '08:00',
      jamSelesai: '10:00',
      kegiatan: 'Menghimpun data',
      kuantitas: 7,
      satuan: 'data',
    });
    expect(log.statusCode, log.body).toBe(201);
    const beda = await impor(
      c.staf,
      'dry-run',
      Buffer.from(`ID RHK;Realisasi (angka)\n${rhkStaf[0]};9\n`),
      'a.csv',
    );
    expect(beda.json().kesalahan).toEqual([
      {
        baris: 2,
        alasan: [
          'Realisasi (angka) RHK ini dihitung dari log harian (7 data); kosongkan kolom itu atau samakan dengan jumlah log.',
        ],
      },
    ]);
    const kosong = await impor(
      c.staf,
      'dry-run',
      Buffer.from(`ID RHK;Realisasi (angka)\n${rhkStaf[0]};\n`),
      'a.csv',
    );
    expect(kosong.json()).toMatchObject({ kesalahan: [], berubah: 0 });
  });

  it('refuses rows whose item is no longer editable, or whose window is closed', async () => {
    let c = await pada(agustus(5));
    expect((await c.staf.post('/api/realisasi/ajukan', { periode: '2026-07' })).statusCode).toBe(200);
    const { wb } = await templat(c.staf);
    const sheet = wb.getWorksheet('Realisasi')!;
    // Submitted items come locked in the template (open ones were not, see the first test).
    for (const n of [2, 3])
      expect(sheet.getRow(n).getCell(kolom(sheet, 'Rencana Aksi')).protection?.locked).not.toBe(false);
    const berkas = await isi(wb, { [rhkStaf[1]!]: { 'Realisasi (teks)': 'Diubah setelah diajukan' } });
    const before = await tersimpan();
    const uji = await impor(c.staf, 'dry-run', berkas);
    expect(uji.json().kesalahan).toEqual([
      { baris: 3, alasan: ['Realisasi berstatus Diajukan tidak dapat diubah lagi.'] },
    ]);
    expect((await impor(c.staf, 'commit', berkas)).statusCode).toBe(422);
    expect(await tersimpan()).toEqual(before);

    // June's input window closed on 7 July.
    c = await pada(agustus(5));
    const juni = Buffer.from(`ID RHK;Realisasi (teks)\n${rhkStaf[0]};Juni\n`);
    const { payload, headers } = multipart('juni.csv', juni);
    const tutup = await h.app.inject({
      method: 'POST',
      url: '/api/realisasi/impor?periode=2026-06&mode=commit',
      payload,
      headers: { ...headers, cookie: c.staf.cookie, 'x-csrf-token': c.staf.csrfToken },
    });
    expect(tutup.statusCode).toBe(422);
    expect(tutup.json().error.details.kesalahan[0].alasan[0]).toMatch(
      /^Di luar jadwal\. .*Juni 2026 dibuka 1–7 Juli 2026/,
    );
    expect(await tersimpan()).toEqual(before);
  });
});
