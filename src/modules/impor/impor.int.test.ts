import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { buildOrg, nextNip, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness({ now: '2026-03-03T02:00:00Z' });
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

async function upload(nip: string, mode: string, filename: string, content: Buffer, csrf = true) {
  const c = await h.login(nip);
  const { payload, headers } = multipart(filename, content);
  return h.app.inject({
    method: 'POST',
    url: `/api/impor/pegawai?mode=${mode}`,
    payload,
    headers: { ...headers, cookie: c.cookie, ...(csrf ? { 'x-csrf-token': c.csrfToken } : {}) },
  });
}

async function counts() {
  const [row] = await rows<{ pegawai: number; audit: number; jabatan: number }>(
    h.db,
    sql`SELECT (SELECT count(*)::int FROM pegawai) AS pegawai,
               (SELECT count(*)::int FROM audit_log WHERE action <> 'auth.login') AS audit,
               (SELECT count(*)::int FROM jabatan) AS jabatan`,
  );
  return row!;
}

const HEADER = 'NIP,Nama,Jenis ASN,Golongan,Jabatan,Jenis Jabatan,Unor,NIP Atasan';

describe('employee import', () => {
  const good = nextNip();
  const duplicate = nextNip();
  const badFile = () =>
    Buffer.from(
      [
        HEADER,
        `${good},Andi Baru,PNS,III/a,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`,
        '198513322010011002,NIP Salah,PNS,III/a,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,',
        `${nextNip()},Unor Hilang,PNS,III/a,Staf,Pelaksana,Dinas Yang Tidak Ada,`,
        `${duplicate},Ganda Satu,PNS,III/b,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`,
        `${duplicate},Ganda Dua,PNS,III/b,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`,
      ].join('\n'),
    );

  it('dry run: one entry per bad row with its reason, nothing written', async () => {
    const before = await counts();
    const res = await upload(org.adminBkd.nip, 'dry-run', 'pegawai.csv', badFile());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ mode: 'dry-run', jumlahBaris: 5, barisValid: 2, diterapkan: null });
    expect(body.kesalahan).toEqual([
      {
        baris: 3,
        nip: '198513322010011002',
        alasan: ['8 angka pertama NIP bukan tanggal lahir yang sah (format TTTTBBHH).'],
      },
      { baris: 4, nip: expect.any(String), alasan: ["Unor 'Dinas Yang Tidak Ada' tidak ditemukan."] },
      { baris: 6, nip: duplicate, alasan: ['NIP ganda: sudah ada di baris 5.'] },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('commit of a file with bad rows: 422 with the same reasons, nothing written', async () => {
    const before = await counts();
    const res = await upload(org.adminBkd.nip, 'commit', 'pegawai.csv', badFile());
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.details.kesalahan).toHaveLength(3);
    expect(await counts()).toEqual(before);
  });

  it('commit of a good XLSX: creates, moves, creates a position, sets a superior override, audits', async () => {
    const newNip = nextNip();
    const newAnalis = nextNip();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pegawai');
    ws.addRow(HEADER.split(','));
    ws.addRow([
      newNip,
      'Citra Baru',
      'PPPK',
      'IX',
      'Pengolah Data Kurikulum',
      'Pelaksana',
      'Seksi Kurikulum',
      '',
    ]);
    ws.addRow([
      org.pelaksana2.nip,
      'Pelaksana Dua',
      'PNS',
      'III/b',
      'Pengadministrasi Umum',
      'Pelaksana',
      'Dinas Kesehatan',
      '',
    ]);
    ws.addRow([
      newAnalis,
      'Dewi Analis',
      'PNS',
      'III/c',
      'Analis Data Kesehatan Ahli Muda',
      'Fungsional',
      'Dinas Kesehatan',
      org.kepala2.nip,
    ]);
    ws.addRow([
      org.fungsional.nip,
      'Fungsional Satu',
      'PNS',
      'III/a',
      'Pengembang Teknologi Pembelajaran Ahli Pertama',
      'Fungsional',
      'Seksi Kurikulum',
      org.administrator.nip,
    ]);
    const before = await counts();
    const res = await upload(
      org.adminBkd.nip,
      'commit',
      'sinkron-maret.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      mode: 'commit',
      kesalahan: [],
      diterapkan: { dibuat: 2, diperbarui: 1, jabatanBaru: 1, tidakBerubah: 1 },
    });
    const after = await counts();
    expect(after.pegawai).toBe(before.pegawai + 2);
    expect(after.jabatan).toBe(before.jabatan + 1);
    expect(after.audit).toBe(before.audit + 4);

    const admin = await h.login(org.adminBkd.nip);
    const moved = (await admin.get(`/api/pegawai/${org.pelaksana2.id}`)).json();
    expect(moved.opd.nama).toBe('Dinas Kesehatan');
    expect(moved.golongan).toBe('III/b');
    expect(
      moved.riwayatJabatan.map((r: { tmtMulai: string; tmtSelesai: string | null }) => [
        r.tmtMulai,
        r.tmtSelesai,
      ]),
    ).toEqual([
      ['2026-03-03', null],
      ['2020-01-01', '2026-03-02'],
    ]);
    const found = (await admin.get(`/api/pegawai?q=${newAnalis}`)).json().items[0];
    const analis = (await admin.get(`/api/pegawai/${found.id}`)).json();
    expect(analis.jabatan).toMatchObject({
      nama: 'Analis Data Kesehatan Ahli Muda',
      jenis: 'FUNGSIONAL',
      jenjang: 'AHLI_MUDA',
    });
    expect(analis.rantaiAtasan[0].id).toBe(org.kepala2.id);
    const fungsional = (await admin.get(`/api/pegawai/${org.fungsional.id}`)).json();
    expect(fungsional.atasanOverride.pegawai.id).toBe(org.administrator.id);
    expect(fungsional.rantaiAtasan[0].id).toBe(org.administrator.id);

    const [summary] = await rows<{ after: { dibuat: number } }>(
      h.db,
      sql`SELECT after FROM audit_log WHERE action = 'impor.pegawai' ORDER BY id DESC LIMIT 1`,
    );
    expect(summary!.after.dibuat).toBe(2);
  });

  it('refuses a second person in an occupied structural position', async () => {
    const file = Buffer.from(
      `${HEADER}\n${nextNip()},Calon Kasi,PNS,III/d,Kepala Seksi Kurikulum,Pengawas,Seksi Kurikulum,\n`,
    );
    const res = await upload(org.adminBkd.nip, 'dry-run', 'kasi.csv', file);
    expect(res.json().kesalahan[0].alasan).toEqual([
      "Jabatan struktural 'Kepala Seksi Kurikulum' sudah diisi pegawai lain.",
    ]);
  });

  it('is for the BKD admin only, needs the CSRF token and a session, and refuses non-spreadsheets', async () => {
    const file = Buffer.from(`${HEADER}\n`);
    expect((await upload(org.pelaksana.nip, 'dry-run', 'a.csv', file)).statusCode).toBe(403);
    expect((await upload(org.adminOpd.nip, 'dry-run', 'a.csv', file)).statusCode).toBe(403);
    const noCsrf = await upload(org.adminBkd.nip, 'dry-run', 'a.csv', file, false);
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_INVALID');
    const { payload, headers } = multipart('a.csv', file);
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/impor/pegawai', payload, headers })).statusCode,
    ).toBe(401);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const res = await upload(org.adminBkd.nip, 'dry-run', 'pegawai.xlsx', png);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
  });
});

describe('employee import: a NIP dated after today (issue 13)', () => {
  it("refuses a future birth date or appointment, with today taken in the instansi's zone", async () => {
    // 17:00 UTC on 3 March is already 4 March in Gorontalo (WITA).
    h.clock.set('2026-03-03T17:00:00Z');
    try {
      const before = await counts();
      const row = (nip: string, jenisAsn: string, golongan: string) =>
        `${nip},Calon Pegawai,${jenisAsn},${golongan},Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`;
      const file = Buffer.from(
        [
          HEADER,
          row('202603041990011001', 'PNS', 'III/a'),
          row('202603051990011002', 'PNS', 'III/a'),
          row('199001012026041003', 'PNS', 'III/a'),
          row('199001012027211004', 'PPPK', 'IX'),
          row('199001012026211005', 'PPPK', 'IX'),
        ].join('\n'),
      );
      const kesalahan = [
        {
          baris: 3,
          nip: '202603051990011002',
          alasan: ['Tanggal lahir pada NIP (2026-03-05) belum terjadi; periksa kembali NIP.'],
        },
        {
          baris: 4,
          nip: '199001012026041003',
          alasan: ['TMT CPNS pada NIP (2026-04) belum terjadi; periksa kembali NIP.'],
        },
        {
          baris: 5,
          nip: '199001012027211004',
          alasan: ['Tahun pengangkatan pada NI PPPK (2027) belum terjadi; periksa kembali NIP.'],
        },
      ];
      const dry = await upload(org.adminBkd.nip, 'dry-run', 'masa-depan.csv', file);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({ jumlahBaris: 5, barisValid: 2, kesalahan });
      const commit = await upload(org.adminBkd.nip, 'commit', 'masa-depan.csv', file);
      expect(commit.statusCode).toBe(422);
      expect(commit.json().error.details.kesalahan).toEqual(kesalahan);
      expect(await counts()).toEqual(before);
    } finally {
      h.clock.set('2026-03-03T02:00:00Z');
    }
  });
});

describe('employee import: superior cycles', () => {
  it('refuses NIP Atasan values that form a loop, and writes nothing', async () => {
    const before = await counts();
    const file = Buffer.from(
      [
        HEADER,
        `${org.kepala2.nip},Kepala Dinas Kesehatan,PNS,III/a,Kepala Dinas Kesehatan,JPT Pratama,Dinas Kesehatan,${org.orangLain.nip}`,
        `${org.orangLain.nip},Staf Dinas Kesehatan,PNS,III/a,Pengadministrasi Umum,Pelaksana,Dinas Kesehatan,${org.kepala2.nip}`,
      ].join('\n'),
    );
    const res = await upload(org.adminBkd.nip, 'commit', 'lingkaran.csv', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.kesalahan).toEqual([
      {
        baris: 2,
        nip: org.kepala2.nip,
        alasan: [`NIP atasan ${org.orangLain.nip} membuat rantai atasan melingkar.`],
      },
      {
        baris: 3,
        nip: org.orangLain.nip,
        alasan: [`NIP atasan ${org.kepala2.nip} membuat rantai atasan melingkar.`],
      },
    ]);
    expect(await counts()).toEqual(before);
    const admin = await h.login(org.adminBkd.nip);
    expect((await admin.get(`/api/pegawai/${org.kepala2.id}`)).json().atasanOverride).toBeNull();
  });
});

describe('the import has the ceiling of admin powers (issue 12)', () => {
  it("refuses rows that change the importer or his superiors, or name him someone's superior", async () => {
    const baru = nextNip();
    const before = await counts();
    const file = Buffer.from(
      [
        HEADER,
        // The BKD admin raising his own grade, and rewriting his superior's position.
        `${org.adminBkd.nip},Admin BKD,PNS,IV/e,Analis SDM Aparatur Ahli Muda,Fungsional,Badan Kepegawaian Daerah,`,
        `${org.kaban.nip},Kepala BKD,PNS,III/a,Analis SDM Aparatur Ahli Muda,Fungsional,Badan Kepegawaian Daerah,`,
        // A newcomer reporting to the importer himself.
        `${baru},Orang Baru,PNS,III/a,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,${org.adminBkd.nip}`,
      ].join('\n'),
    );
    const res = await upload(org.adminBkd.nip, 'commit', 'pegawai.csv', file);
    expect(res.statusCode).toBe(422);
    const kesalahan = res.json().error.details.kesalahan as { baris: number; alasan: string[] }[];
    expect(kesalahan.map((k) => [k.baris, k.alasan[0]])).toEqual([
      [2, 'Baris ini mengubah data Anda sendiri atau atasan Anda; mintalah admin instansi lain.'],
      [3, 'Baris ini mengubah data Anda sendiri atau atasan Anda; mintalah admin instansi lain.'],
      [4, 'Anda tidak dapat menjadikan diri Anda atasan melalui impor.'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('lets the importer and his chain stand unchanged in a full master file', async () => {
    const file = Buffer.from(
      [
        HEADER,
        `${org.adminBkd.nip},Admin BKD,PNS,III/a,Analis SDM Aparatur Ahli Muda,Fungsional,Badan Kepegawaian Daerah,${org.kaban.nip}`,
      ].join('\n'),
    );
    const res = await upload(org.adminBkd.nip, 'dry-run', 'pegawai.csv', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().kesalahan).toEqual([]);
  });
});
