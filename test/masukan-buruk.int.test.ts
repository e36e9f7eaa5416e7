/**
 * Issue 12, item 5 ("500 instead of 400"), one test per observation: text PostgreSQL cannot store (NUL,
 * half a surrogate pair), ids past its integer, broken JSON and multipart bodies are the client's
 * mistake and answer 4xx with an Indonesian message; names of uploaded files are cleaned by the same
 * rule. The walk over every route is fuzz-routes.int.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { PESAN_TEKS_TERLARANG } from '../src/domain/teks.js';
import { createHarness, type Harness } from './harness.js';
import { buildOrg, type Org } from './org.js';
import { stafDenganRencana } from './siklus.js';
import type { Client } from './skp.js';

let h: Harness;
let org: Org;
let dir: string;
let admin: Client;
let staf: Client;
let realisasiId: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-masukan-'));
  h = await createHarness({ now: '2026-01-10T02:00:00Z', env: { STORAGE_DIR: dir } });
  org = await buildOrg(h.db);
  const { rhkStaf } = await stafDenganRencana(h, org);
  // 10:00 WITA on 3 August: July's input window is open.
  h.clock.set('2026-08-03T02:00:00Z');
  admin = await h.login(org.adminBkd.nip);
  staf = await h.login(org.pelaksana.nip);
  const saved = await staf.put(`/api/realisasi/${rhkStaf[0]}/2026-07`, { nilai: 1, satuan: 'data' });
  expect(saved.statusCode, saved.body).toBe(200);
  realisasiId = saved.json().id;
}, 120_000);
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

const json = (method: 'POST' | 'PUT', url: string, payload: string, c?: Client) =>
  h.app.inject({
    method,
    url,
    payload,
    headers: {
      'content-type': 'application/json',
      ...(c ? { cookie: c.cookie, 'x-csrf-token': c.csrfToken } : {}),
    },
  });

/** The 400 of a field refused by teks(): its path in details, and in the message too. */
function ditolakSebagaiTeks(res: { statusCode: number; json(): unknown }, field: string) {
  expect(res.statusCode).toBe(400);
  const { error } = res.json() as { error: { code: string; message: string; details: unknown } };
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.details).toContainEqual({ field, message: PESAN_TEKS_TERLARANG });
  expect(error.message).toContain(field);
}

const jumlahAudit = async () =>
  (await rows<{ n: number }>(h.db, sql`SELECT count(*)::int AS n FROM audit_log`))[0]!.n;

describe('text the database cannot store is refused as 400 naming the field', () => {
  it('login with a NUL byte in the NIP (unauthenticated)', async () => {
    const res = await json('POST', '/api/auth/login', '{"nip":"1990\\u00000809","password":"Rahasia#123"}');
    ditolakSebagaiTeks(res, 'body.nip');
  });

  it('login with half a surrogate pair in the NIP', async () => {
    const res = await json('POST', '/api/auth/login', '{"nip":"1990\\ud8000809","password":"Rahasia#123"}');
    ditolakSebagaiTeks(res, 'body.nip');
  });

  it('GET /api/pegawai?q=%00', async () => {
    ditolakSebagaiTeks(await admin.get('/api/pegawai?q=%00'), 'querystring.q');
  });

  it('half a surrogate pair in a Perjanjian Kinerja goal: 400, nothing written', async () => {
    const sebelum = await jumlahAudit();
    const res = await admin.put('/api/perjanjian-kinerja', {
      unorId: org.unor.opd.id,
      tahun: 2027,
      sasaran: [{ sasaran: 'Meningkatnya mutu \uD800', indikator: 'Persentase', targetNilai: 80 }],
    });
    ditolakSebagaiTeks(res, 'body.sasaran.0.sasaran');
    expect(await jumlahAudit()).toBe(sebelum);
  });

  it('long text in a field that had no limit (the attendance API) stops at a length check', async () => {
    const token = await admin.post('/api/token-api', { nama: 'Mesin absensi', cakupan: ['TULIS_KEHADIRAN'] });
    expect(token.statusCode, token.body).toBe(200);
    const kirim = (keterangan: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/kehadiran',
        headers: { authorization: `Bearer ${token.json().token}` },
        payload: {
          mode: 'dry-run',
          baris: [{ nip: org.pelaksana.nip, tanggal: '2026-07-14', status: 'Hadir', keterangan }],
        },
      });
    const field = 'body.baris.0.keterangan';
    const sejuta = await kirim('a'.repeat(1e6));
    expect(sejuta.statusCode).toBe(400);
    expect(sejuta.json().error.details).toEqual([{ field, message: 'Teks paling banyak 10.000 karakter.' }]);
    const panjang = await kirim('a'.repeat(501));
    expect(panjang.statusCode).toBe(400);
    expect(panjang.json().error.details).toEqual([{ field, message: expect.stringContaining('500') }]);
  });

  it('a body past the 1 MiB limit answers 413', async () => {
    const res = await json('POST', '/api/auth/login', JSON.stringify({ nip: 'a'.repeat(1_100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('numbers and bodies that cannot be read', () => {
  it('an id past PostgreSQL integer answers 400, not the database error', async () => {
    const res = await admin.get('/api/pegawai/2147483648');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'params.id', message: expect.any(String) }]);
    const body = await admin.post('/api/notifikasi/baca', { ids: [2 ** 31] });
    expect(body.statusCode).toBe(400);
  });

  it('broken JSON and __proto__ / constructor keys answer 400 JSON_INVALID', async () => {
    for (const payload of [
      '{"nip":',
      '{"__proto__":{"isAdmin":true},"nip":"1","password":"x"}',
      '{"constructor":{"prototype":{"isAdmin":true}},"nip":"1","password":"x"}',
    ]) {
      const res = await json('POST', '/api/auth/login', payload);
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error).toEqual({ code: 'JSON_INVALID', message: expect.stringMatching(/JSON/) });
    }
  });

  it('a malformed multipart body on an upload route answers 400 MULTIPART_INVALID', async () => {
    const berkas = 'Content-Disposition: form-data; name="file"; filename="pegawai.csv"';
    for (const [contentType, payload] of [
      ['multipart/form-data; boundary=XX', `--XX\r\n${berkas}\r\n\r\nNIP,Nama\r\n1990`],
      ['multipart/form-data; boundary=XX', 'bukan multipart'],
      ['multipart/form-data', `--XX\r\n${berkas}\r\n\r\nx\r\n--XX--\r\n`],
    ] as const) {
      const res = await admin.request('POST', '/api/impor/pegawai', payload, { 'content-type': contentType });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error).toEqual({
        code: 'MULTIPART_INVALID',
        message: 'Isi unggahan (multipart/form-data) rusak atau terpotong; pilih berkas lalu kirim ulang.',
      });
    }
  });
});

/** A file upload as a browser sends it; `namaBerkas` may hold what a plain filename cannot. */
function unggahan(namaBerkas: string, isi: Buffer, fields: Record<string, string> = {}) {
  const b = 'XbatasX';
  const bagian = Object.entries(fields).map(
    ([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const kepala = `--${b}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(namaBerkas)}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(bagian.join('') + kepala), isi, Buffer.from(`\r\n--${b}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  };
}

const pkCsv = (...baris: string[]) =>
  Buffer.from(['Unor;Tahun;Sasaran;Indikator;Target;Satuan;Target Teks', ...baris].join('\n'));

describe('spreadsheet cells and file names', () => {
  it('a NUL in a cell past the first 512 bytes refuses the file, naming row and column; nothing written', async () => {
    const isi = Array.from(
      { length: 12 },
      (_, i) =>
        `Bidang Pembinaan SMA;2028;Sasaran nomor ${i + 1} yang cukup panjang;Indikator ${i + 1};10;%;`,
    );
    isi.push('Bidang Pembinaan SMA;2028;Sasaran\u0000terakhir;Indikator;10;%;');
    const { payload, headers } = unggahan('pk.csv', pkCsv(...isi));
    const sebelum = await jumlahAudit();
    const res = await admin.request('POST', '/api/perjanjian-kinerja/impor?mode=commit', payload, headers);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: `Baris 14, kolom 3: ${PESAN_TEKS_TERLARANG}`,
      details: { baris: 14, kolom: 3 },
    });
    expect(await jumlahAudit()).toBe(sebelum);
  });

  it('a NUL in an import file name is recorded as U+FFFD', async () => {
    const { payload, headers } = unggahan(
      'pk\u0000.csv',
      pkCsv('Bidang Pembinaan SMA;2029;Meningkatnya mutu kurikulum;Persentase sekolah;85;%;'),
    );
    const res = await admin.request('POST', '/api/perjanjian-kinerja/impor?mode=commit', payload, headers);
    expect(res.statusCode, res.body).toBe(200);
    const audit = await rows<{ reason: string }>(
      h.db,
      sql`SELECT reason FROM audit_log WHERE action = 'pk.buat' AND reason LIKE 'Impor pk%'`,
    );
    expect(audit).toEqual([{ reason: 'Impor pk\uFFFD.csv' }]);
  });

  it('an evidence file name cut at 150 characters keeps a letter outside the BMP whole', async () => {
    const nama = `${'a'.repeat(149)}𝐀bcd.pdf`;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const { payload, headers } = unggahan(nama, pdf, { deskripsi: 'Laporan' });
    const res = await staf.request('POST', `/api/realisasi/${realisasiId}/berkas`, payload, headers);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().bukti.namaBerkas).toBe(`${'a'.repeat(149)}𝐀.pdf`);
  });
});
