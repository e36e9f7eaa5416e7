import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

const sasaran = [
  {
    sasaran: 'Meningkatnya mutu pendidikan menengah',
    indikator: 'Persentase SMA terakreditasi A',
    targetNilai: 60,
    targetSatuan: '%',
  },
  {
    sasaran: 'Meningkatnya kepuasan layanan pendidikan',
    indikator: 'Indeks Kepuasan Masyarakat (IKM)',
    targetNilai: 85,
    targetSatuan: 'indeks',
  },
];

describe('perjanjian kinerja', () => {
  it('the OPD admin enters the agreement of their unit; anyone in the instansi reads it; others may not write', async () => {
    const adminOpd = await h.login(org.adminOpd.nip);
    const created = await adminOpd.put('/api/perjanjian-kinerja', {
      unorId: org.unor.opd.id,
      tahun: 2026,
      sasaran,
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().sasaran.map((s: { indikator: string }) => s.indikator)).toEqual([
      'Persentase SMA terakreditasi A',
      'Indeks Kepuasan Masyarakat (IKM)',
    ]);
    const staf = await h.login(org.pelaksana.nip);
    expect(
      (await staf.get(`/api/perjanjian-kinerja?unorId=${org.unor.opd.id}&tahun=2026`)).json().version,
    ).toBe(1);
    expect(
      (await staf.put('/api/perjanjian-kinerja', { unorId: org.unor.opd.id, tahun: 2026, sasaran }))
        .statusCode,
    ).toBe(403);
    expect(
      (await adminOpd.put('/api/perjanjian-kinerja', { unorId: org.unor.opd2.id, tahun: 2026, sasaran }))
        .statusCode,
    ).toBe(403);
    const stale = await adminOpd.put('/api/perjanjian-kinerja', {
      unorId: org.unor.opd.id,
      tahun: 2026,
      version: 7,
      sasaran,
    });
    expect(stale.statusCode).toBe(409);
    const bad = await adminOpd.put('/api/perjanjian-kinerja', {
      unorId: org.unor.opd.id,
      tahun: 2026,
      sasaran: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toBe('Perjanjian kinerja memuat minimal satu sasaran.');
  });

  it('a head of OPD derives an RHK from an item of the agreement; foreign items and non-JPT plans are refused', async () => {
    const staf = await h.login(org.pelaksana.nip);
    const pk = (await staf.get(`/api/perjanjian-kinerja?unorId=${org.unor.opd.id}&tahun=2026`)).json();
    const kadis = await h.login(org.kepala.nip);
    const draft = (await kadis.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' })).json();
    const rhk = (pkSasaranId: number) => [
      {
        jenis: 'UTAMA',
        rencana: 'Meningkatnya mutu pendidikan menengah',
        pkSasaranId,
        iki: [
          {
            aspek: null,
            indikator: 'Persentase SMA terakreditasi A',
            target: { nilai: 60, satuan: '%' },
            perspektif: 'PENERIMA_LAYANAN',
          },
        ],
      },
    ];
    const saved = await kadis.put(`/api/skp/${draft.id}/isi`, {
      version: draft.version,
      rhk: rhk(pk.sasaran[0].id),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().rhk[0].pkSasaranId).toBe(pk.sasaran[0].id);
    const foreign = await kadis.put(`/api/skp/${draft.id}/isi`, {
      version: saved.json().version,
      rhk: rhk(999999),
    });
    expect(foreign.statusCode).toBe(400);

    const kasi = await h.login(org.pengawas.nip);
    const nonJpt = (await kasi.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' })).json();
    const refused = await kasi.put(`/api/skp/${nonJpt.id}/isi`, {
      version: nonJpt.version,
      rhk: rhk(pk.sasaran[0].id),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe(
      'Hanya RHK pada SKP JPT yang diturunkan dari perjanjian kinerja.',
    );

    // An item an RHK derives from survives an edit of the agreement.
    const admin = await h.login(org.adminBkd.nip);
    const edited = await admin.put('/api/perjanjian-kinerja', {
      unorId: org.unor.opd.id,
      tahun: 2026,
      version: pk.version,
      sasaran,
    });
    expect(edited.json().sasaran[0].id).toBe(pk.sasaran[0].id);
  });
});

async function impor(nip: string, mode: string, filename: string, content: Buffer) {
  const c = await h.login(nip);
  const { payload, headers } = multipart(filename, content);
  return h.app.inject({
    method: 'POST',
    url: `/api/perjanjian-kinerja/impor?mode=${mode}`,
    payload,
    headers: { ...headers, cookie: c.cookie, 'x-csrf-token': c.csrfToken },
  });
}

async function counts() {
  const [row] = await rows<{ pk: number; sasaran: number; audit: number }>(
    h.db,
    sql`SELECT (SELECT count(*)::int FROM perjanjian_kinerja WHERE instansi_id = ${org.instansiId}) AS pk,
               (SELECT count(*)::int FROM pk_sasaran s JOIN perjanjian_kinerja p ON p.id = s.pk_id
                 WHERE p.instansi_id = ${org.instansiId}) AS sasaran,
               (SELECT count(*)::int FROM audit_log WHERE instansi_id = ${org.instansiId} AND action LIKE 'pk.%') AS audit`,
  );
  return row!;
}

const csv = (...lines: string[]) =>
  Buffer.from(['Unor;Tahun;Sasaran;Indikator;Target;Satuan;Target Teks', ...lines].join('\n'));

describe('perjanjian kinerja: import from a spreadsheet', () => {
  it('dry run reports every bad row with its reasons and writes nothing; commit of that file is refused whole', async () => {
    const before = await counts();
    const file = csv(
      'Bidang Pembinaan SMA;2026;Meningkatnya mutu kurikulum;Persentase sekolah menerapkan kurikulum;85,5;%;',
      'Dinas Yang Tidak Ada;2026;Sasaran;Indikator;1;unit;',
      'Dinas Kesehatan;2026;Meningkatnya derajat kesehatan;Angka harapan hidup;72;tahun;',
      'Seksi Kurikulum;20x6;;;abc;;',
    );
    const res = await impor(org.adminOpd.nip, 'dry-run', 'pk.csv', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      mode: 'dry-run',
      jumlahBaris: 4,
      diterapkan: null,
      kesalahan: [
        { baris: 3, alasan: ["Unor 'Dinas Yang Tidak Ada' tidak ditemukan di instansi ini."] },
        { baris: 4, alasan: ["Unor 'Dinas Kesehatan' bukan bagian dari OPD Anda."] },
        {
          baris: 5,
          alasan: [
            "Tahun '20x6' tidak valid; isi empat digit antara 2020 dan 2100.",
            'Sasaran wajib diisi.',
            'Indikator wajib diisi.',
            "Target 'abc' bukan angka; tulis misalnya 85 atau 85,5.",
          ],
        },
      ],
    });
    expect(await counts()).toEqual(before);

    const commit = await impor(org.adminOpd.nip, 'commit', 'pk.csv', file);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.code).toBe('IMPORT_INVALID');
    expect(commit.json().error.details.kesalahan).toHaveLength(3);
    expect(await counts()).toEqual(before);

    const staf = await impor(org.pelaksana.nip, 'dry-run', 'pk.csv', file);
    expect(staf.statusCode).toBe(403);
    const noColumns = await impor(org.adminOpd.nip, 'dry-run', 'pk.csv', Buffer.from('Nama;Nilai\nx;1'));
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().error.message).toBe(
      'Kolom wajib tidak ditemukan: Kode Unor atau Unor, Tahun, Sasaran, Indikator.',
    );
  });

  it('commit writes one agreement per unit and year (XLSX, Kode Unor, typed numbers), audited', async () => {
    await h.db.execute(sql`UPDATE unor SET kode = 'SEKSI-KUR' WHERE id = ${org.unor.seksi.id}`);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('PK');
    sheet.addRow(['Kode Unor', 'Unor', 'Tahun', 'Sasaran', 'Indikator', 'Target', 'Satuan', 'Target Teks']);
    sheet.addRow([
      '',
      'bidang pembinaan sma',
      2027,
      'Meningkatnya mutu kurikulum',
      'Persentase sekolah',
      85.5,
      '%',
      '',
    ]);
    sheet.addRow([
      '',
      'Bidang Pembinaan SMA',
      2027,
      'Meningkatnya mutu kurikulum',
      'Jumlah modul',
      '1.500',
      'modul',
      '',
    ]);
    sheet.addRow([
      'SEKSI-KUR',
      '',
      2027,
      'Tersusunnya kurikulum',
      'Kualitas kurikulum',
      '',
      '',
      'Sesuai standar nasional',
    ]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await counts();

    const res = await impor(org.adminOpd.nip, 'commit', 'pk.xlsx', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      mode: 'commit',
      jumlahBaris: 3,
      kesalahan: [],
      diterapkan: { unit: 2, sasaran: 3 },
    });
    expect(await counts()).toEqual({
      pk: before.pk + 2,
      sasaran: before.sasaran + 3,
      audit: before.audit + 2,
    });

    const staf = await h.login(org.pelaksana.nip);
    const bidang = (await staf.get(`/api/perjanjian-kinerja?unorId=${org.unor.bidang.id}&tahun=2027`)).json();
    expect(
      bidang.sasaran.map(
        (s: { indikator: string; targetNilai: number | null; targetSatuan: string | null }) => [
          s.indikator,
          s.targetNilai,
          s.targetSatuan,
        ],
      ),
    ).toEqual([
      ['Persentase sekolah', 85.5, '%'],
      ['Jumlah modul', 1500, 'modul'],
    ]);
    const seksi = (await staf.get(`/api/perjanjian-kinerja?unorId=${org.unor.seksi.id}&tahun=2027`)).json();
    expect(seksi.sasaran[0]).toMatchObject({ targetNilai: null, targetTeks: 'Sesuai standar nasional' });
    const [audit] = await rows<{ action: string; reason: string }>(
      h.db,
      sql`SELECT action, reason FROM audit_log WHERE entity = 'perjanjian_kinerja' AND entity_id = ${String(seksi.id)}`,
    );
    expect(audit).toEqual({ action: 'pk.buat', reason: 'Impor pk.xlsx' });
  });

  it('replacing an agreement keeps the items an RHK derives from, like the form does', async () => {
    const staf = await h.login(org.pelaksana.nip);
    const before = (await staf.get(`/api/perjanjian-kinerja?unorId=${org.unor.opd.id}&tahun=2026`)).json();
    const derived = before.sasaran[0];
    const res = await impor(
      org.adminBkd.nip,
      'commit',
      'pk.csv',
      csv(
        `Dinas Pendidikan;2026;${derived.sasaran};${derived.indikator};65;%;`,
        'Dinas Pendidikan;2026;Meningkatnya literasi siswa;Nilai rata-rata asesmen literasi;70,25;poin;',
      ),
    );
    expect(res.statusCode).toBe(200);
    const after = (await staf.get(`/api/perjanjian-kinerja?unorId=${org.unor.opd.id}&tahun=2026`)).json();
    expect(after.version).toBe(before.version + 1);
    expect(after.sasaran.map((s: { id: number; targetNilai: number }) => s.targetNilai)).toEqual([65, 70.25]);
    expect(after.sasaran[0].id).toBe(derived.id);
  });

  it('an OPD admin cannot import a unit of another OPD; nothing is written', async () => {
    const before = await counts();
    const res = await impor(
      org.adminOpd.nip,
      'commit',
      'pk.csv',
      csv(
        'Dinas Pendidikan;2028;Meningkatnya mutu pendidikan;Persentase kelulusan;98;%;',
        'Dinas Kesehatan;2028;Meningkatnya derajat kesehatan;Angka harapan hidup;72;tahun;',
      ),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.kesalahan).toEqual([
      { baris: 3, alasan: ["Unor 'Dinas Kesehatan' bukan bagian dari OPD Anda."] },
    ]);
    expect(await counts()).toEqual(before);
  });
});
