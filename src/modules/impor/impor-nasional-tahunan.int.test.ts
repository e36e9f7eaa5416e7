/**
 * The annual column of the national reports (ADR 0015): the "Laporan SKP" (annual predikat only)
 * and the "Laporan Penilaian SKP"'s Tahunan become the year's evaluation marked IMPOR_NASIONAL, read
 * by angka kredit, the follow-up lists and the riwayat; a local evaluation (final or draft) is a
 * conflict the BKD settles, one under objection cannot be replaced.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { buildOrg, type Org } from '../../../test/org.js';
import type { Client } from '../../../test/skp.js';
import { evaluasiLangsung } from '../../../test/tahunan.js';
import type { AngkaKreditPegawaiOut } from '../../contracts/angka-kredit.js';
import type { EvaluasiView } from '../../contracts/evaluasi.js';
import type { ImporNasionalResponse } from '../../contracts/impor-nasional.js';
import type { RiwayatPegawaiOut } from '../../contracts/riwayat.js';
import type { TindakLanjutOut } from '../../contracts/tindak-lanjut.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let bkd: Client;
let skpFungsional: number;

/** A sheet as the national application downloads it: title lines, then the header and the rows. */
async function xlsx(judul: string[], kolom: string[], baris: (string | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Laporan');
  for (const j of judul) ws.addRow([j]);
  ws.addRow(kolom);
  for (const b of baris) ws.addRow(b);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function impor(query: string, content: Buffer) {
  const { payload, headers } = multipart('Laporan SKP.xlsx', content);
  return h.app.inject({
    method: 'POST',
    url: `/api/impor/nasional?tahun=2026&${query}`,
    payload,
    headers: { ...headers, cookie: bkd.cookie, 'x-csrf-token': bkd.csrfToken },
  });
}

async function json<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

/** The stored 2026 annual evaluations by NIP. */
async function tahunan() {
  const found = await rows<{ nip: string; predikat: string; status: string; sumber: string }>(
    h.db,
    sql`SELECT p.nip, e.predikat, e.status, e.sumber FROM evaluasi_tahunan e JOIN pegawai p ON p.id = e.pegawai_id
         WHERE e.tahun = 2026 ORDER BY p.nip`,
  );
  return Object.fromEntries(found.map(({ nip, ...r }) => [nip, r]));
}

let laporanSkp: Buffer;

beforeAll(async () => {
  h = await createHarness({ now: '2027-01-20T02:00:00Z' });
  org = await buildOrg(h.db);
  bkd = await h.login(org.adminBkd.nip);
  const j = org.jabatan;
  // The fungsional: Sangat Baik in 2025 here, 2026 only in the national application.
  await evaluasiLangsung(h.db, org, {
    siapa: org.fungsional,
    jabatanId: j.jFung,
    tahun: 2025,
    predikat: 'SANGAT_BAIK',
  });
  const [s] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status, pejabat_penilai_id)
        VALUES (${org.instansiId}, ${org.fungsional.id}, ${j.jFung}, 2026, '2026-01-01', '2026-12-31', 'KUANTITATIF', false, 'DISETUJUI', ${org.pengawas.id})
        RETURNING id`,
  );
  skpFungsional = s!.id;
  await evaluasiLangsung(h.db, org, {
    siapa: org.pelaksana,
    jabatanId: j.jStaf,
    tahun: 2026,
    predikat: 'BAIK',
  });
  await evaluasiLangsung(h.db, org, {
    siapa: org.pelaksana2,
    jabatanId: j.jStaf,
    tahun: 2026,
    predikat: 'KURANG',
    status: 'DRAF',
  });
  const keberatan = await evaluasiLangsung(h.db, org, {
    siapa: org.orangLain,
    jabatanId: j.jStaf2,
    tahun: 2026,
    predikat: 'BAIK',
  });
  await h.db.execute(
    sql`INSERT INTO keberatan (instansi_id, evaluasi_id, pegawai_id, pemutus_id, alasan, diajukan_at)
        VALUES (${org.instansiId}, ${keberatan.evaluasiId}, ${org.orangLain.id}, ${org.administrator.id}, 'Mohon ditinjau.', now())`,
  );
  laporanSkp = await xlsx(
    ['LAPORAN SKP', 'Tahun 2026'],
    ['No', 'NIP', 'Nama', 'Jabatan', 'Predikat Kinerja'],
    [
      ['1', org.fungsional.nip, 'Fungsional Satu', 'Analis', 'Sangat Baik'],
      ['2', org.pelaksana.nip, 'Pelaksana Satu', 'Staf', 'Sangat Baik'],
      ['3', org.pelaksana2.nip, 'Pelaksana Dua', 'Staf', 'Baik'],
      ['4', org.orangLain.nip, 'Orang Lain', 'Staf', 'Sangat Baik'],
      ['5', org.pengawas.nip, 'Kepala Seksi', 'Kasi', 'Baik'],
    ],
  );
});
afterAll(() => h?.close());

describe('the annual column of the national reports', () => {
  it('the dry run names the Laporan SKP and lists the annual conflicts, drafts and objections included', async () => {
    const r = await json<ImporNasionalResponse>(impor('mode=dry-run', laporanSkp));
    expect(r).toMatchObject({
      jenisBerkas: 'LAPORAN_SKP',
      baru: 1,
      baruTahunan: 1,
      gantiImpor: 0,
      tidakBerubah: 0,
      kesalahan: [],
      tidakDikenal: [],
      tanpaSkp: [{ nip: org.pengawas.nip, periode: '2026' }],
    });
    expect(
      r.konflik.map((k) => [k.kunci, k.predikatLokal, k.predikatNasional, k.statusLokal, k.keberatan]),
    ).toEqual([
      [`${org.pelaksana.nip}:2026`, 'BAIK', 'SANGAT_BAIK', 'FINAL', false],
      [`${org.pelaksana2.nip}:2026`, 'KURANG', 'BAIK', 'DRAF', false],
      [`${org.orangLain.nip}:2026`, 'BAIK', 'SANGAT_BAIK', 'FINAL', true],
    ]);
  });

  it('an evaluation under objection cannot be chosen', async () => {
    const res = await impor(`mode=commit&ambilNasional=${org.orangLain.nip}:2026`, laporanSkp);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('sudah diajukan keberatan');
  });

  it('the commit writes the year as FINAL from the national import and keeps every local one not chosen', async () => {
    const r = await json<ImporNasionalResponse>(impor('mode=commit', laporanSkp));
    expect(r.diterapkan).toEqual({ dibuat: 1, diganti: 0, lokalDipertahankan: 3 });
    expect(await tahunan()).toEqual({
      [org.fungsional.nip]: { predikat: 'SANGAT_BAIK', status: 'FINAL', sumber: 'IMPOR_NASIONAL' },
      [org.pelaksana.nip]: { predikat: 'BAIK', status: 'FINAL', sumber: 'LOKAL' },
      [org.pelaksana2.nip]: { predikat: 'KURANG', status: 'DRAF', sumber: 'LOKAL' },
      [org.orangLain.nip]: { predikat: 'BAIK', status: 'FINAL', sumber: 'LOKAL' },
    });
    const [audit] = await rows<{ entity: string; after: Record<string, unknown> }>(
      h.db,
      sql`SELECT entity, after FROM audit_log WHERE action = 'evaluasi.impor_nasional'`,
    );
    expect(audit).toMatchObject({
      entity: 'evaluasi_tahunan',
      after: { periodeKode: '2026', predikat: 'SANGAT_BAIK', sumber: 'IMPOR_NASIONAL' },
    });
  });

  it('the BKD chooses national for a final and a draft: both become the imported result', async () => {
    const ambil = `${org.pelaksana.nip}:2026,${org.pelaksana2.nip}:2026`;
    const r = await json<ImporNasionalResponse>(impor(`mode=commit&ambilNasional=${ambil}`, laporanSkp));
    expect(r).toMatchObject({
      tidakBerubah: 1,
      diterapkan: { dibuat: 0, diganti: 2, lokalDipertahankan: 1 },
    });
    expect(await tahunan()).toMatchObject({
      [org.pelaksana.nip]: { predikat: 'SANGAT_BAIK', status: 'FINAL', sumber: 'IMPOR_NASIONAL' },
      [org.pelaksana2.nip]: { predikat: 'BAIK', status: 'FINAL', sumber: 'IMPOR_NASIONAL' },
    });
  });

  it('angka kredit and the follow-up lists read the imported annual predikat', async () => {
    const ak = await json<AngkaKreditPegawaiOut>(
      bkd.get(`/api/angka-kredit/pegawai/${org.fungsional.id}?tahun=2026`),
    );
    expect(ak.tahunan).toMatchObject([{ predikat: 'SANGAT_BAIK', bulan: 12 }]);
    expect(ak).toMatchObject({ sumber: 'TAHUNAN', sementara: false });
    const talenta = await json<TindakLanjutOut>(bkd.get('/api/tindak-lanjut?tahun=2026&daftar=TALENTA'));
    expect(talenta.items.map((i) => [i.nip, i.predikatSebelumnya, i.predikat])).toEqual([
      [org.fungsional.nip, 'SANGAT_BAIK', 'SANGAT_BAIK'],
    ]);
  });

  it('the Laporan Penilaian SKP carries months and the year; the riwayat names the source of each', async () => {
    const penilaian = await xlsx(
      ['LAPORAN PENILAIAN SKP'],
      ['NIP', 'Nama', 'Juli', 'Tahunan'],
      [[org.fungsional.nip, 'Fungsional Satu', 'Baik', 'Sangat Baik']],
    );
    const r = await json<ImporNasionalResponse>(impor('mode=commit', penilaian));
    expect(r).toMatchObject({
      jenisBerkas: 'LAPORAN_PENILAIAN_SKP',
      baru: 1,
      baruTahunan: 0,
      tidakBerubah: 1,
      konflik: [],
    });
    const riwayat = await json<RiwayatPegawaiOut>(
      bkd.get(`/api/riwayat/pegawai/${org.fungsional.id}?tahun=2026`),
    );
    expect(riwayat.penilaian).toMatchObject([
      { periodeKode: '2026-07', predikat: 'BAIK', sumber: 'IMPOR_NASIONAL' },
    ]);
    expect(riwayat.tahunan).toEqual({
      predikat: 'SANGAT_BAIK',
      predikatLabel: 'Sangat Baik',
      sumber: 'IMPOR_NASIONAL',
    });
    const lokal = await json<RiwayatPegawaiOut>(
      bkd.get(`/api/riwayat/pegawai/${org.orangLain.id}?tahun=2026`),
    );
    expect(lokal.tahunan).toMatchObject({ predikat: 'BAIK', sumber: 'LOKAL' });
  });

  it("the evaluation page shows the imported result's source; an objection to it belongs to the national application", async () => {
    const fung = await h.login(org.fungsional.nip);
    const v = await json<EvaluasiView>(fung.get(`/api/evaluasi/skp/${skpFungsional}`));
    expect(v.evaluasi).toMatchObject({ status: 'FINAL', sumber: 'IMPOR_NASIONAL', predikat: 'SANGAT_BAIK' });
    expect(v.periodik).toMatchObject([{ periodeKode: '2026-07', sumber: 'IMPOR_NASIONAL' }]);
    const res = await fung.post(`/api/evaluasi/skp/${skpFungsional}/keberatan`, {
      alasan: 'Mohon ditinjau.',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('diimpor dari aplikasi nasional');
    const pdf = await fung.get(`/api/dokumen/evaluasi/tahunan/${skpFungsional}`);
    expect(pdf.statusCode).toBe(404);
  });
});
