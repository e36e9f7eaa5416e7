/**
 * Every spreadsheet import is bounded (issue 12): a file over its row cap, its byte cap or the upload
 * limit is refused with 413/422 naming the limit and writes nothing, and at most IMPOR_SERENTAK
 * imports of an instansi run at once.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { BATAS_BERKAS_PEGAWAI } from '../src/modules/impor/impor.parse.js';
import { BATAS_BERKAS_KEHADIRAN } from '../src/modules/kehadiran/kehadiran.berkas.js';
import { BATAS_BERKAS_PK } from '../src/modules/pk/pk.service.js';
import { BATAS_BERKAS_REALISASI } from '../src/modules/realisasi/realisasi-impor.service.js';
import { IMPORT_RETRY_AFTER_SECONDS, UPLOAD_MAX_BYTES } from '../src/platform/import-upload.js';
import type { SpreadsheetLimits } from '../src/platform/spreadsheet.js';
import { createHarness, type Harness } from './harness.js';
import { multipart } from './multipart.js';
import { buildOrg, type Org } from './org.js';
import { sheetXml, xlsx, xlsxBanyakBaris } from './zip.js';

let h: Harness;
let org: Org;
let org2: Org;
let sejuta: Buffer;
const MiB = 1024 * 1024;

beforeAll(async () => {
  h = await createHarness({ now: '2026-03-03T02:00:00Z' });
  org = await buildOrg(h.db);
  org2 = await buildOrg(h.db);
  sejuta = xlsxBanyakBaris(1_000_000);
});
afterAll(() => h.close());

async function unggah(nip: string, url: string, filename: string, content: Buffer) {
  const c = await h.login(nip);
  const { payload, headers } = multipart(filename, content);
  return h.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headers, cookie: c.cookie, 'x-csrf-token': c.csrfToken },
  });
}

const csv = (header: string, row: string, n: number) => Buffer.from(`${header}\n${`${row}\n`.repeat(n)}`);

interface Impor {
  nama: string;
  url: string;
  /** Who may import there. */
  nip: () => string;
  batas: SpreadsheetLimits;
  /** A CSV of `n` data rows, valid enough to be read. */
  berkas: (n: number) => Buffer;
}

const IMPOR: Impor[] = [
  {
    nama: 'pegawai',
    url: '/api/impor/pegawai?mode=commit',
    nip: () => org.adminBkd.nip,
    batas: BATAS_BERKAS_PEGAWAI,
    berkas: (n) =>
      csv(
        'NIP;Nama;Jenis ASN;Golongan;Jabatan;Unor',
        '199001012020121001;Uji;PNS;III/a;Staf;Seksi Kurikulum',
        n,
      ),
  },
  {
    nama: 'perjanjian kinerja',
    url: '/api/perjanjian-kinerja/impor?mode=commit',
    nip: () => org.adminBkd.nip,
    batas: BATAS_BERKAS_PK,
    berkas: (n) => csv('Unor;Tahun;Sasaran;Indikator', 'Dinas Pendidikan;2026;Sasaran;Indikator', n),
  },
  {
    nama: 'kehadiran',
    url: '/api/kehadiran/impor?mode=commit',
    nip: () => org.adminBkd.nip,
    batas: BATAS_BERKAS_KEHADIRAN,
    berkas: (n) => csv('NIP;Tanggal;Status', `${org.pelaksana.nip};2026-03-02;H`, n),
  },
  {
    nama: 'realisasi',
    url: '/api/realisasi/impor?periode=2026-02&mode=commit',
    nip: () => org.pelaksana.nip,
    batas: BATAS_BERKAS_REALISASI,
    berkas: (n) => csv('ID RHK;Realisasi (teks)', '1;Kegiatan', n),
  },
];

/** What an import could have written (logging in writes its own audit row). */
async function jejak() {
  const [n] = await rows<Record<string, number>>(
    h.db,
    sql`SELECT (SELECT count(*) FROM pegawai)::int AS pegawai,
               (SELECT count(*) FROM perjanjian_kinerja)::int AS pk,
               (SELECT count(*) FROM kehadiran)::int AS kehadiran,
               (SELECT count(*) FROM realisasi)::int AS realisasi,
               (SELECT count(*) FROM audit_log WHERE action <> 'auth.login')::int AS audit`,
  );
  return n;
}

describe('bounded imports', () => {
  it('the 1,000,000-row XLSX of the issue is refused by every import (413, the limit named), nothing written', async () => {
    expect(sejuta.length).toBeLessThan(UPLOAD_MAX_BYTES);
    const sebelum = await jejak();
    for (const impor of IMPOR) {
      const res = await unggah(impor.nip(), impor.url, 'sejuta.xlsx', sejuta);
      expect(res.statusCode, impor.nama).toBe(413);
      expect(res.json().error, impor.nama).toEqual({
        code: 'BERKAS_TERLALU_BESAR',
        message: `Isi berkas XLSX lebih dari ${impor.batas.bytes / MiB} MB setelah diekstrak, batas impor ini.`,
        details: { maks: impor.batas.bytes },
      });
    }
    expect(await jejak()).toEqual(sebelum);
  });

  it('every import takes its row cap and refuses one row more (422, the cap named), nothing written', async () => {
    const sebelum = await jejak();
    for (const impor of IMPOR) {
      const res = await unggah(impor.nip(), impor.url, 'banyak.csv', impor.berkas(impor.batas.rows + 1));
      expect(res.statusCode, impor.nama).toBe(422);
      const maks = impor.batas.rows.toLocaleString('id-ID');
      expect(res.json().error, impor.nama).toEqual({
        code: 'BARIS_TERLALU_BANYAK',
        message: `Berkas berisi lebih dari ${maks} baris data; impor ini menerima paling banyak ${maks} baris per berkas.`,
        details: { maks: impor.batas.rows },
      });
      // At the cap the file is read and checked row by row (here: bad rows, so nothing is written).
      const pas = await unggah(impor.nip(), impor.url, 'pas.csv', impor.berkas(impor.batas.rows));
      expect(pas.json().error?.code, impor.nama).not.toBe('BARIS_TERLALU_BANYAK');
    }
    expect(await jejak()).toEqual(sebelum);
  });

  it('an upload over the multipart limit is a 413 naming it', async () => {
    const besar = Buffer.alloc(UPLOAD_MAX_BYTES + 1, 'a');
    for (const impor of IMPOR) {
      const res = await unggah(impor.nip(), impor.url, 'besar.csv', besar);
      expect(res.statusCode, impor.nama).toBe(413);
      expect(res.json().error.message).toBe('Berkas terlalu besar; berkas impor paling besar 10 MB.');
    }
  });

  it('refuses zip bombs and an oversized CSV at the realisasi import: 413, nothing written', async () => {
    const realisasi = IMPOR.find((i) => i.nama === 'realisasi')!;
    const kirim = (nama: string, berkas: Buffer) => unggah(realisasi.nip(), realisasi.url, nama, berkas);
    const sebelum = await jejak();
    const isi = (teks: string) =>
      sheetXml([
        ['ID RHK', 'Realisasi (teks)'],
        ['1', teks],
      ]);

    const dinyatakan = await kirim('besar.xlsx', xlsx(isi('kecil'), { declaredSheetSize: 2 ** 31 }));
    expect(dinyatakan.statusCode).toBe(413);
    expect(dinyatakan.json().error.message).toBe(
      'Isi berkas XLSX lebih dari 8 MB setelah diekstrak, batas impor ini.',
    );

    const bohong = xlsx(isi('x'.repeat(24 * MiB)), { declaredSheetSize: 4096 });
    expect(bohong.length).toBeLessThan(MiB);
    const bohongRes = await kirim('bohong.xlsx', bohong);
    expect(bohongRes.statusCode).toBe(413);
    expect(bohongRes.json().error.message).toBe(
      'Isi berkas XLSX lebih dari 8 MB setelah diekstrak, batas impor ini.',
    );

    const rasio = await kirim('rasio.xlsx', xlsx(isi(' '.repeat(4 * MiB))));
    expect(rasio.statusCode).toBe(413);
    expect(rasio.json().error.message).toMatch(/^Berkas XLSX tidak wajar: .* paling banyak 100 kali\.$/);

    const csvBesar = Buffer.concat([Buffer.from('ID RHK;Realisasi (teks)\n'), Buffer.alloc(9 * MiB, 'a')]);
    const csvRes = await kirim('besar.csv', csvBesar);
    expect(csvRes.statusCode).toBe(413);
    expect(csvRes.json().error.message).toBe(
      'Berkas CSV berukuran 9 MB; impor ini menerima paling besar 8 MB.',
    );
    expect(await jejak()).toEqual(sebelum);
  });

  it('with IMPOR_SERENTAK (2) imports of the instansi in flight, every import route answers 429 with Retry-After', async () => {
    let lepas!: () => void;
    const tahan = new Promise<void>((resolve) => {
      lepas = resolve;
    });
    const berjalan = [
      h.app.importGate.run(org.instansiId, () => tahan),
      h.app.importGate.run(org.instansiId, () => tahan),
    ];
    const sebelum = await jejak();
    try {
      for (const impor of IMPOR) {
        const res = await unggah(impor.nip(), impor.url, 'satu.csv', impor.berkas(1));
        expect(res.statusCode, impor.nama).toBe(429);
        expect(res.headers['retry-after']).toBe(String(IMPORT_RETRY_AFTER_SECONDS));
        expect(res.json().error).toEqual({
          code: 'IMPOR_SIBUK',
          message: `Sudah ada 2 impor instansi ini yang sedang berjalan; coba lagi dalam ${IMPORT_RETRY_AFTER_SECONDS} detik.`,
          details: { maks: 2 },
        });
      }
      expect(await jejak()).toEqual(sebelum);
      // Another instansi has its own places.
      const lain = await unggah(
        org2.adminBkd.nip,
        '/api/kehadiran/impor?mode=dry-run',
        'k.csv',
        csv('NIP;Tanggal;Status', `${org2.pelaksana.nip};2026-03-02;H`, 1),
      );
      expect(lain.statusCode, lain.body).toBe(200);
    } finally {
      lepas();
      await Promise.all(berjalan);
    }
    const lagi = await unggah(
      org.adminBkd.nip,
      '/api/kehadiran/impor?mode=dry-run',
      'k.csv',
      csv('NIP;Tanggal;Status', `${org.pelaksana.nip};2026-03-02;H`, 1),
    );
    expect(lagi.statusCode, lagi.body).toBe(200);
    expect(lagi.json()).toMatchObject({ jumlahBaris: 1, barisValid: 1 });
  });
});
