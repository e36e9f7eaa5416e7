import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { buildOrg, nextNip, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';
import type { PredikatPegawai } from '../../domain/predikat.js';

let h: Harness;
let org: Org;
let rina: { id: number; nip: string };
let pengawas: Awaited<ReturnType<Harness['login']>>;

const HEADER = 'NIP,Nama,Jenis ASN,Golongan,Jabatan,Jenis Jabatan,Unor,NIP Atasan';
const Q2 = (id: number) => `/api/pppk-paruh-waktu/pegawai/${id}/triwulan/2026/2`;

async function impor(mode: 'dry-run' | 'commit', baris: string[]) {
  const c = await h.login(org.adminBkd.nip);
  const { payload, headers } = multipart('pegawai.csv', Buffer.from([HEADER, ...baris].join('\n')));
  return h.app.inject({
    method: 'POST',
    url: `/api/impor/pegawai?mode=${mode}`,
    payload,
    headers: { ...headers, cookie: c.cookie, 'x-csrf-token': c.csrfToken },
  });
}

async function skp(pegawaiId: number) {
  const [row] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status)
        VALUES (${org.instansiId}, ${pegawaiId}, ${org.jabatan.jStaf}, 2026, '2026-01-01', '2026-12-31',
                'KUANTITATIF', false, 'DISETUJUI')
        RETURNING id`,
  );
  return row!.id;
}

async function periodik(skpId: number, kode: string, hk: string, pr: string, predikat: PredikatPegawai) {
  await h.db.execute(
    sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
        VALUES (${org.instansiId}, ${skpId}, ${kode}, ${hk}, ${pr}, ${predikat}, ${org.pengawas.id}, now())`,
  );
}

const S = 'SESUAI_EKSPEKTASI';
const A = 'DI_ATAS_EKSPEKTASI';

beforeAll(async () => {
  // 2 July 2026 in Makassar: Triwulan II is over, Triwulan III is not.
  h = await createHarness({ now: '2026-07-02T02:00:00Z' });
  org = await buildOrg(h.db);
  pengawas = await h.login(org.pengawas.nip);
});
afterAll(() => h.close());

describe('the employment type through the employee import', () => {
  it('refuses a paruh waktu row with a PNS golongan and an unknown kind, writing nothing', async () => {
    const res = await impor('dry-run', [
      `${nextNip()},Salah Golongan,PPPK Paruh Waktu,III/a,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`,
      `${nextNip()},Salah Jenis,Paruh Waktu,V,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`,
    ]);
    expect(res.json().kesalahan.map((k: { alasan: string[] }) => k.alasan)).toEqual([
      ["Golongan 'III/a' tidak sah untuk PPPK Paruh Waktu."],
      ["Jenis ASN 'Paruh Waktu' tidak dikenal; isi PNS, PPPK atau PPPK Paruh Waktu."],
    ]);
  });

  it('creates a paruh waktu employee and turns an existing one into one, audited', async () => {
    const nip = nextNip();
    const res = await impor('commit', [
      `${nip},Rina Paruh Waktu,PPPK Paruh Waktu,V,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`,
      `${org.pelaksana.nip},Pelaksana Satu,pppk_pw,V,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`,
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().diterapkan).toMatchObject({ dibuat: 1, diperbarui: 1 });
    const admin = await h.login(org.adminBkd.nip);
    const id = (await admin.get(`/api/pegawai?q=${nip}`)).json().items[0].id as number;
    rina = { id, nip };
    const detail = (await admin.get(`/api/pegawai/${id}`)).json();
    expect(detail).toMatchObject({ jenisAsn: 'PPPK_PW', pangkatGolongan: 'Golongan V' });
    expect((await admin.get(`/api/pegawai/${org.pelaksana.id}`)).json().jenisAsn).toBe('PPPK_PW');
    const [ubah] = await rows<{ before: { jenisAsn: string }; after: { jenisAsn: string } }>(
      h.db,
      sql`SELECT before, after FROM audit_log WHERE action = 'pegawai.impor.ubah' AND entity_id = ${String(org.pelaksana.id)}`,
    );
    expect([ubah!.before.jenisAsn, ubah!.after.jenisAsn]).toEqual(['PNS', 'PPPK_PW']);

    // Rina: April–June rated; Pelaksana Satu: May missing.
    const sRina = await skp(rina.id);
    await periodik(sRina, '2026-04', S, S, 'BAIK');
    await periodik(sRina, '2026-05', A, S, 'BAIK');
    await periodik(sRina, '2026-06', A, A, 'SANGAT_BAIK');
    const sSatu = await skp(org.pelaksana.id);
    await periodik(sSatu, '2026-04', S, S, 'BAIK');
    await periodik(sSatu, '2026-06', S, S, 'BAIK');
  });
});

describe('the quarterly evaluation', () => {
  it('shows the periods, the suggestion and why it is not final yet', async () => {
    const v = (await pengawas.get(Q2(rina.id))).json();
    expect(v).toMatchObject({
      label: 'Triwulan II 2026',
      triwulanSelesai: true,
      evaluasi: null,
      bolehMengisi: true,
      saran: { ratingHasilKerja: A, ratingPerilaku: S, predikat: 'BAIK' },
      penolakanFinal: ['Predikat triwulan belum diisi.', 'Rekomendasi kontrak belum diisi.'],
    });
    expect(v.baris.periode.map((p: { label: string; predikat: string }) => [p.label, p.predikat])).toEqual([
      ['April 2026', 'BAIK'],
      ['Mei 2026', 'BAIK'],
      ['Juni 2026', 'SANGAT_BAIK'],
    ]);
    const satu = (await pengawas.get(Q2(org.pelaksana.id))).json();
    expect(satu.saran).toBeNull();
    expect(satu.baris.kekurangan).toEqual(['Mei 2026 belum dinilai']);
  });

  it('is written by the direct assessor only; the admins and the employee read it', async () => {
    const isian = { predikat: 'BAIK', alasanPerubahan: null, rekomendasi: 'DIPERPANJANG', catatan: null };
    for (const nip of [org.pelaksana2.nip, org.adminBkd.nip, org.administrator.nip]) {
      const res = await (await h.login(nip)).put(Q2(rina.id), isian);
      expect(res.statusCode, nip).toBe(403);
    }
    // The employee himself: Pelaksana Satu (Rina, new from the import, has no password yet).
    for (const [nip, id] of [
      [org.adminBkd.nip, rina.id],
      [org.adminOpd.nip, rina.id],
      [org.pelaksana.nip, org.pelaksana.id],
    ] as const) {
      const res = await (await h.login(nip)).get(Q2(id));
      expect(res.statusCode, nip).toBe(200);
      expect(res.json().bolehMengisi).toBe(false);
    }
    expect((await (await h.login(org.orangLain.nip)).get(Q2(rina.id))).statusCode).toBe(403);
  });

  it('refuses an employee who is not paruh waktu', async () => {
    const res = await pengawas.get(Q2(org.pelaksana2.id));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('BUKAN_PPPK_PARUH_WAKTU');
  });

  it('saves a draft, asks a reason for another predikat, refuses a stale version (409), audits', async () => {
    const tanpaAlasan = await pengawas.put(Q2(rina.id), {
      predikat: 'SANGAT_BAIK',
      alasanPerubahan: null,
      rekomendasi: 'DIPERPANJANG',
      catatan: null,
    });
    expect(tanpaAlasan.statusCode).toBe(400);
    expect(tanpaAlasan.json().error.message).toBe(
      'Predikat berbeda dari saran: tuliskan alasan perubahannya.',
    );

    const isian = { predikat: 'BAIK', alasanPerubahan: null, rekomendasi: null, catatan: 'Tepat waktu.' };
    const draf = await pengawas.put(Q2(rina.id), isian);
    expect(draf.statusCode, draf.body).toBe(200);
    expect(draf.json().evaluasi).toMatchObject({
      status: 'DRAF',
      predikat: 'BAIK',
      predikatSaran: 'BAIK',
      version: 1,
    });
    expect((await pengawas.put(Q2(rina.id), isian)).statusCode).toBe(409);

    const ubah = await pengawas.put(Q2(rina.id), {
      predikat: 'SANGAT_BAIK',
      alasanPerubahan: 'Memimpin pendataan kurikulum di luar tugasnya.',
      rekomendasi: 'DIPERPANJANG',
      catatan: null,
      version: 1,
    });
    expect(ubah.statusCode, ubah.body).toBe(200);
    expect(ubah.json().evaluasi.version).toBe(2);
    const stale = await pengawas.put(Q2(rina.id), { ...isian, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const audit = await rows<{ action: string; reason: string | null }>(
      h.db,
      sql`SELECT action, reason FROM audit_log WHERE entity = 'evaluasi_triwulan_pppk' ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'pppk_pw.evaluasi.buat', reason: null },
      { action: 'pppk_pw.evaluasi.ubah', reason: 'Memimpin pendataan kurikulum di luar tugasnya.' },
    ]);
  });

  it('refuses to finalise a quarter with a missing month or not over yet (422)', async () => {
    const isian = { predikat: 'BAIK', alasanPerubahan: null, rekomendasi: 'PERLU_PEMBINAAN', catatan: null };
    expect((await pengawas.put(Q2(org.pelaksana.id), isian)).statusCode).toBe(200);
    const kurang = await pengawas.post(`${Q2(org.pelaksana.id)}/final`, { version: 1 });
    expect(kurang.statusCode).toBe(422);
    expect(kurang.json().error.details.alasan).toEqual(['Mei 2026 belum dinilai']);

    const q3 = `/api/pppk-paruh-waktu/pegawai/${rina.id}/triwulan/2026/3`;
    expect((await pengawas.put(q3, isian)).statusCode).toBe(200);
    const belum = await pengawas.post(`${q3}/final`, { version: 1 });
    expect(belum.statusCode).toBe(422);
    expect(belum.json().error.details.alasan).toContain('Triwulan III 2026 belum berakhir.');
  });

  it('finalises, then the record is locked', async () => {
    expect((await pengawas.post(`${Q2(rina.id)}/final`, { version: 1 })).statusCode).toBe(409);
    const final = await pengawas.post(`${Q2(rina.id)}/final`, { version: 2 });
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json()).toMatchObject({
      evaluasi: { status: 'FINAL', predikat: 'SANGAT_BAIK', rekomendasi: 'DIPERPANJANG' },
      penolakanFinal: [],
      bolehMengisi: false,
    });
    const ubah = await pengawas.put(Q2(rina.id), {
      predikat: 'BAIK',
      alasanPerubahan: null,
      rekomendasi: 'DIPERPANJANG',
      catatan: null,
      version: 3,
    });
    expect(ubah.statusCode).toBe(409);
    expect(ubah.json().error.code).toBe('EVALUASI_TRIWULAN_TERKUNCI');
    const [a] = await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'pppk_pw.evaluasi.final'`,
    );
    expect(a!.n).toBe(1);
  });

  it("lists the assessor's paruh waktu subordinates", async () => {
    const res = (await pengawas.get('/api/pppk-paruh-waktu/bawahan?tahun=2026&triwulan=2')).json();
    expect(res.items.map((b: { namaLengkap: string; status: string }) => [b.namaLengkap, b.status])).toEqual([
      ['Pelaksana Satu', 'DRAF'],
      ['Rina Paruh Waktu', 'FINAL'],
    ]);
    const lain = (
      await (await h.login(org.kepala2.nip)).get('/api/pppk-paruh-waktu/bawahan?tahun=2026&triwulan=2')
    ).json();
    expect(lain.items).toEqual([]);
  });
});

describe('the quarterly report per unit', () => {
  const url = (opdId: number, extra = '') =>
    `/api/pppk-paruh-waktu/laporan?tahun=2026&triwulan=2&opdId=${opdId}${extra}`;

  it('pages the unit by name with each month, the quarter, the advice, the status and the gaps', async () => {
    const admin = await h.login(org.adminOpd.nip);
    const first = (await admin.get(url(org.unor.opd.id, '&limit=1'))).json();
    expect(first.label).toBe('Triwulan II 2026');
    expect(first.items).toEqual([
      {
        pegawaiId: org.pelaksana.id,
        nip: org.pelaksana.nip,
        namaLengkap: 'Pelaksana Satu',
        jabatanNama: 'Pengolah Data Kurikulum',
        opdNama: 'Dinas Pendidikan',
        periode: [
          { kode: '2026-04', label: 'April 2026', predikat: 'BAIK' },
          { kode: '2026-05', label: 'Mei 2026', predikat: null },
          { kode: '2026-06', label: 'Juni 2026', predikat: 'BAIK' },
        ],
        predikat: 'BAIK',
        rekomendasi: 'PERLU_PEMBINAAN',
        status: 'DRAF',
        kekurangan: ['Mei 2026 belum dinilai'],
      },
    ]);
    const next = (await admin.get(url(org.unor.opd.id, `&limit=1&cursor=${first.nextCursor}`))).json();
    expect(next.items.map((b: { nip: string; status: string }) => [b.nip, b.status])).toEqual([
      [rina.nip, 'FINAL'],
    ]);
    expect(next.nextCursor).toBeNull();
  });

  it('is for the admins of the unit', async () => {
    expect((await (await h.login(org.adminOpd.nip)).get(url(org.unor.opd2.id))).statusCode).toBe(403);
    expect((await pengawas.get(url(org.unor.opd.id))).statusCode).toBe(403);
    const bkd = (await (await h.login(org.adminBkd.nip)).get(url(org.unor.opd2.id))).json();
    expect(bkd.items).toEqual([]);
  });

  it('exports the same as XLSX, NIP as text', async () => {
    const admin = await h.login(org.adminBkd.nip);
    const res = await admin.get(
      `/api/pppk-paruh-waktu/laporan.xlsx?tahun=2026&triwulan=2&opdId=${org.unor.opd.id}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('PPPK-Paruh-Waktu-Triwulan-2-2026');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      'NIP',
      'Nama',
      'Jabatan',
      'Predikat April 2026',
      'Predikat Mei 2026',
      'Predikat Juni 2026',
      'Predikat Triwulan',
      'Rekomendasi Kontrak',
      'Status',
      'Kekurangan',
    ]);
    expect(values(2)).toEqual([
      org.pelaksana.nip,
      'Pelaksana Satu',
      'Pengolah Data Kurikulum',
      'Baik',
      '-',
      'Baik',
      'Baik',
      'Diperpanjang dengan pembinaan',
      'Draf',
      'Mei 2026 belum dinilai',
    ]);
    expect(values(3)).toEqual([
      rina.nip,
      'Rina Paruh Waktu',
      'Pengolah Data Kurikulum',
      'Baik',
      'Baik',
      'Sangat Baik',
      'Sangat Baik',
      'Diperpanjang',
      'Final',
      '-',
    ]);
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.rowCount).toBe(3);
  });
});
