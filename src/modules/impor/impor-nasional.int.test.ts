import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { buildOrg, type Org } from '../../../test/org.js';
import type { Client } from '../../../test/skp.js';
import type { ImporNasionalResponse } from '../../contracts/impor-nasional.js';
import type { KurvaUnitOut } from '../../contracts/kurva.js';
import type { PekerjaanOut } from '../../contracts/pekerjaan.js';
import type { TppBarisDetail } from '../../contracts/tpp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let c: Record<'adminBkd' | 'adminOpd' | 'staf', Client>;
const TIDAK_DIKENAL = '199901012020011001';

/** An approved 2026 plan assessed by the pengawas, with local evaluations per month when given. */
async function skpDisetujui(pegawaiId: number, lokal: Record<string, string> = {}) {
  const [skp] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status, pejabat_penilai_id)
        VALUES (${org.instansiId}, ${pegawaiId}, ${org.jabatan.jStaf}, 2026, '2026-01-01', '2026-12-31', 'KUANTITATIF', false, 'DISETUJUI', ${org.pengawas.id})
        RETURNING id`,
  );
  for (const [periode, predikat] of Object.entries(lokal))
    await h.db.execute(
      sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
          VALUES (${org.instansiId}, ${skp!.id}, ${periode}, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', ${predikat}, ${org.pengawas.id}, now())`,
    );
}

/** The national "Laporan Penilaian SKP" as downloaded: title lines, then NIP, Nama, months, Tahunan. */
async function laporan(baris: (string | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Laporan Penilaian SKP');
  ws.addRow(['LAPORAN PENILAIAN SKP']);
  ws.addRow(['Periode: Januari s.d. Desember 2026']);
  ws.addRow([]);
  ws.addRow(['No', 'NIP', 'Nama', 'Juni', 'Juli', 'Tahunan']);
  for (const [i, b] of baris.entries()) ws.addRow([i + 1, ...b]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function impor(k: Client, query: string, content: Buffer, jalur = '/api/impor/nasional') {
  const { payload, headers } = multipart('Laporan Penilaian SKP.xlsx', content);
  return h.app.inject({
    method: 'POST',
    url: `${jalur}?tahun=2026&${query}`,
    payload,
    headers: { ...headers, cookie: k.cookie, 'x-csrf-token': k.csrfToken },
  });
}

async function tersimpan() {
  return rows<{ nip: string; periode: string; predikat: string; sumber: string; penilai: number }>(
    h.db,
    sql`SELECT p.nip, pp.periode_kode AS periode, pp.predikat, pp.sumber, pp.penilai_id AS penilai
          FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id JOIN pegawai p ON p.id = s.pegawai_id
         ORDER BY p.nip, pp.periode_kode`,
  );
}

const auditNasional = () =>
  rows<{ action: string; n: number }>(
    h.db,
    sql`SELECT action, count(*)::int AS n FROM audit_log
         WHERE action IN ('impor.nasional', 'penilaian.impor_nasional') GROUP BY action ORDER BY action`,
  );

let berkas: Buffer;
let salah: Buffer;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-impor-nasional-'));
  h = await createHarness({ now: '2026-08-05T02:00:00Z', env: { STORAGE_DIR: dir } });
  org = await buildOrg(h.db);
  c = {
    adminBkd: await h.login(org.adminBkd.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    staf: await h.login(org.pelaksana.nip),
  };
  await skpDisetujui(org.pelaksana.id);
  await skpDisetujui(org.pelaksana2.id, { '2026-06': 'SANGAT_BAIK', '2026-07': 'BUTUH_PERBAIKAN' });
  const isi = [
    [org.pelaksana.nip, 'Pelaksana Satu', 'Baik', 'Baik', null],
    [org.pelaksana2.nip, 'Pelaksana Dua', 'Baik', 'Sangat Baik', null],
    [org.pengawas.nip, 'Kepala Seksi', null, 'Baik', null],
    [TIDAK_DIKENAL, 'Guru Pindahan', 'Baik', null, null],
  ];
  berkas = await laporan(isi);
  salah = await laporan([...isi, [org.fungsional.nip, 'Fungsional', 'Bagus', null, null]]);
});
afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('import of national results', () => {
  it('only the BKD admin may import', async () => {
    expect((await impor(c.adminOpd, 'mode=dry-run', berkas)).statusCode).toBe(403);
    expect((await impor(c.staf, 'mode=dry-run', berkas)).statusCode).toBe(403);
    expect((await impor(c.staf, 'mode=commit', berkas)).statusCode).toBe(403);
  });

  it('the dry run lists unknown NIPs, bad values, months without a plan and conflicts; writes nothing', async () => {
    const sebelum = await tersimpan();
    const res = await impor(c.adminBkd, 'mode=dry-run', salah);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ImporNasionalResponse;
    expect(r).toMatchObject({
      mode: 'dry-run',
      jumlahBaris: 5,
      tidakDikenal: [{ baris: 8, nip: TIDAK_DIKENAL, nama: 'Guru Pindahan' }],
      tanpaSkp: [{ baris: 7, nip: org.pengawas.nip, periode: '2026-07' }],
      baru: 2,
      gantiImpor: 0,
      diterapkan: null,
    });
    expect(r.kesalahan).toEqual([
      {
        baris: 9,
        nip: org.fungsional.nip,
        alasan: [expect.stringContaining('Juni: "Bagus" bukan predikat')],
      },
    ]);
    expect(r.konflik.map((k) => [k.kunci, k.predikatLokal, k.predikatNasional, k.penilaiLokal])).toEqual([
      [`${org.pelaksana2.nip}:2026-06`, 'SANGAT_BAIK', 'BAIK', 'Kepala Seksi'],
      [`${org.pelaksana2.nip}:2026-07`, 'BUTUH_PERBAIKAN', 'SANGAT_BAIK', 'Kepala Seksi'],
    ]);

    const gagal = await impor(c.adminBkd, 'mode=commit', salah);
    expect(gagal.statusCode).toBe(422);
    expect(gagal.json().error.code).toBe('IMPORT_INVALID');
    expect(await tersimpan()).toEqual(sebelum);
    expect(await auditNasional()).toEqual([]);
  });

  it('a choice that is not a conflict of the file is refused', async () => {
    const res = await impor(c.adminBkd, `mode=commit&ambilNasional=${org.pelaksana.nip}:2026-07`, berkas);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('bukan konflik');
    expect(await auditNasional()).toEqual([]);
  });

  it('commits the months as national results; a local evaluation stays unless the BKD chose national', async () => {
    const kunci = `${org.pelaksana2.nip}:2026-07`;
    const res = await impor(c.adminBkd, `mode=commit&ambilNasional=${kunci}`, berkas);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().diterapkan).toEqual({ dibuat: 2, diganti: 1, lokalDipertahankan: 1 });
    const p = org.pengawas.id;
    expect(await tersimpan()).toEqual(
      [
        {
          nip: org.pelaksana.nip,
          periode: '2026-06',
          predikat: 'BAIK',
          sumber: 'IMPOR_NASIONAL',
          penilai: p,
        },
        {
          nip: org.pelaksana.nip,
          periode: '2026-07',
          predikat: 'BAIK',
          sumber: 'IMPOR_NASIONAL',
          penilai: p,
        },
        { nip: org.pelaksana2.nip, periode: '2026-06', predikat: 'SANGAT_BAIK', sumber: 'LOKAL', penilai: p },
        {
          nip: org.pelaksana2.nip,
          periode: '2026-07',
          predikat: 'SANGAT_BAIK',
          sumber: 'IMPOR_NASIONAL',
          penilai: p,
        },
      ].sort((a, b) => (a.nip + a.periode).localeCompare(b.nip + b.periode)),
    );
    expect(await auditNasional()).toEqual([
      { action: 'impor.nasional', n: 1 },
      { action: 'penilaian.impor_nasional', n: 3 },
    ]);
    const [ganti] = await rows<{ before: unknown; after: unknown }>(
      h.db,
      sql`SELECT before, after FROM audit_log WHERE action = 'penilaian.impor_nasional'
           AND before IS NOT NULL`,
    );
    expect(ganti).toMatchObject({
      before: { predikat: 'BUTUH_PERBAIKAN', sumber: 'LOKAL' },
      after: { periodeKode: '2026-07', predikat: 'SANGAT_BAIK', sumber: 'IMPOR_NASIONAL' },
    });

    // The same file again: nothing new; the kept local month is still listed as a conflict.
    const lagi = (await impor(c.adminBkd, 'mode=dry-run', berkas)).json() as ImporNasionalResponse;
    expect(lagi).toMatchObject({ baru: 0, gantiImpor: 0, tidakBerubah: 3 });
    expect(lagi.konflik.map((k) => k.kunci)).toEqual([`${org.pelaksana2.nip}:2026-06`]);
  });

  it('TPP of the month computes productivity from the imported predikat', async () => {
    const hitung = await c.adminBkd.post('/api/tpp/2026-07/hitung');
    expect(hitung.statusCode, hitung.body).toBe(200);
    const satu = (
      await c.adminBkd.get(`/api/tpp/2026-07/pegawai/${org.pelaksana.id}`)
    ).json() as TppBarisDetail;
    expect(satu.produktivitas).toBe(2_340_000);
    expect(satu.rincian[1]!.uraian).toBe(
      'Produktivitas: Rp 3.900.000 × 60 % × 100 % (Baik, Juli 2026, sumber: impor aplikasi nasional) = Rp 2.340.000.',
    );
    const dua = (
      await c.adminBkd.get(`/api/tpp/2026-07/pegawai/${org.pelaksana2.id}`)
    ).json() as TppBarisDetail;
    expect(dua.rincian[1]!.uraian).toContain('(Sangat Baik, Juli 2026, sumber: impor aplikasi nasional)');
  });

  it("the unit's curve counts the imported months", async () => {
    const res = await c.adminBkd.get(`/api/kurva/unor/${org.unor.seksi.id}?periode=2026-07`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as KurvaUnitOut).distribusi).toMatchObject({ BAIK: 1, SANGAT_BAIK: 1 });
  });

  it('the commit also runs as a job with the same choices; a file that does not read starts none', async () => {
    const rusak = await impor(
      c.adminBkd,
      '',
      Buffer.from('Nama;Jabatan\nBudi;Analis\n'),
      '/api/impor/nasional/latar',
    );
    expect(rusak.statusCode).toBe(400);
    expect(rusak.json().error.message).toContain('Kolom NIP tidak ditemukan');
    expect((await c.adminOpd.post('/api/impor/nasional/latar?tahun=2026')).statusCode).toBe(403);

    const kunci = `${org.pelaksana2.nip}:2026-06`;
    const res = await impor(c.adminBkd, `ambilNasional=${kunci}`, berkas, '/api/impor/nasional/latar');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ jenis: 'IMPOR', status: 'BERJALAN' } satisfies Partial<PekerjaanOut>);
    await h.app.pekerjaan.tunggu();
    const hasil = (await c.adminBkd.get(`/api/pekerjaan/${(res.json() as PekerjaanOut).id}/hasil`)).json();
    expect((hasil as ImporNasionalResponse).diterapkan).toEqual({
      dibuat: 0,
      diganti: 1,
      lokalDipertahankan: 0,
    });
    expect(
      (await tersimpan()).find((r) => r.nip === org.pelaksana2.nip && r.periode === '2026-06'),
    ).toMatchObject({ predikat: 'BAIK', sumber: 'IMPOR_NASIONAL' });
  });
});
