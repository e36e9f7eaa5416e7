/**
 * The employee import's commit as a job (ADR 0011): refused at once when the file does not parse,
 * else 202 and a job that applies the very direct commit, all or nothing, keeping its report.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { buildOrg, nextNip, type Org } from '../../../test/org.js';
import type { PekerjaanOut } from '../../contracts/pekerjaan.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let dir: string;
let admin: Awaited<ReturnType<Harness['login']>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-impor-latar-'));
  h = await createHarness({ now: '2026-03-03T02:00:00Z', env: { STORAGE_DIR: dir } });
  org = await buildOrg(h.db);
  admin = await h.login(org.adminBkd.nip);
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

const HEADER = 'NIP,Nama,Jenis ASN,Golongan,Jabatan,Jenis Jabatan,Unor,NIP Atasan';

function kirim(url: string, filename: string, content: Buffer) {
  const { payload, headers } = multipart(filename, content);
  return h.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headers, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
  });
}

async function counts() {
  const [row] = await rows<{ pegawai: number; audit: number; pekerjaan: number }>(
    h.db,
    sql`SELECT (SELECT count(*)::int FROM pegawai) AS pegawai,
               (SELECT count(*)::int FROM audit_log WHERE action <> 'auth.login') AS audit,
               (SELECT count(*)::int FROM pekerjaan) AS pekerjaan`,
  );
  return row!;
}

/** Uploads still in storage (the job removes its own when it ends). */
const unggahan = async () =>
  (await readdir(dir, { recursive: true })).filter(
    (f) => f.startsWith('unggahan-impor') && f.split(path.sep).length === 3,
  );

/** Starts the job, waits for its end, and reads it with its stored report. */
async function jalankanLatar(filename: string, content: Buffer) {
  const res = await kirim('/api/impor/pegawai/latar', filename, content);
  expect(res.statusCode, res.body).toBe(202);
  const mulai = res.json() as PekerjaanOut;
  expect(mulai).toMatchObject({ jenis: 'IMPOR', status: 'BERJALAN' });
  await h.app.pekerjaan.tunggu();
  const akhir = (await admin.get(`/api/pekerjaan/${mulai.id}`)).json() as PekerjaanOut;
  const hasil = await admin.get(`/api/pekerjaan/${mulai.id}/hasil`);
  expect(hasil.statusCode, hasil.body).toBe(200);
  expect(hasil.headers['content-type']).toContain('application/json');
  return { akhir, laporan: hasil.json() };
}

/** Two newcomers and one move: a file whose commit writes each kind of row. */
const berkasBaik = () =>
  Buffer.from(
    [
      HEADER,
      `${nextNip()},Andi Latar,PNS,III/a,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`,
      `${nextNip()},Budi Latar,PNS,III/b,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`,
      `${org.pelaksana2.nip},Pelaksana Dua,PNS,III/c,Pengadministrasi Umum,Pelaksana,Dinas Kesehatan,`,
    ].join('\n'),
  );

describe('employee import as a job', () => {
  it('answers 202, then applies the direct commit: same effect, same report, rows counted', async () => {
    const file = berkasBaik();
    const dry = await kirim('/api/impor/pegawai?mode=dry-run', 'latar.csv', file);
    expect(dry.statusCode, dry.body).toBe(200);
    // Every report the commit makes on its way, as the job hands them to the tray.
    const laporanKemajuan: [number, number][] = [];
    const impor = h.app.pekerjaan.impor.bind(h.app.pekerjaan);
    const mata = vi.spyOn(h.app.pekerjaan, 'impor').mockImplementation((actor, e) =>
      impor(actor, {
        ...e,
        terapkan: (berkas, kemajuan) =>
          e.terapkan(berkas, (n, total) => {
            laporanKemajuan.push([n, total]);
            kemajuan(n, total);
          }),
      }),
    );
    const before = await counts();
    try {
      const { akhir, laporan } = await jalankanLatar('latar.csv', file);
      expect(akhir).toMatchObject({ status: 'SELESAI', total: 3, selesai: 3, pesan: null });
      expect(akhir.tautan).toBe(`/impor?bagian=pegawai&pekerjaan=${akhir.id}`);
      // The direct commit's report: the dry run's, applied.
      expect(laporan).toEqual({
        ...dry.json(),
        mode: 'commit',
        diterapkan: { dibuat: 2, diperbarui: 1, jabatanBaru: 0, tidakBerubah: 0 },
      });
    } finally {
      mata.mockRestore();
    }
    // Checked, then the two newcomers written, then the move.
    expect(laporanKemajuan).toEqual([
      [0, 3],
      [0, 3],
      [2, 3],
      [3, 3],
    ]);
    const after = await counts();
    expect(after.pegawai).toBe(before.pegawai + 2);
    // Two created, one changed, and the import's own row: as the direct commit audits them.
    expect(after.audit).toBe(before.audit + 4);
    const moved = (await admin.get(`/api/pegawai/${org.pelaksana2.id}`)).json();
    expect(moved).toMatchObject({ golongan: 'III/c', opd: { nama: 'Dinas Kesehatan' } });
    expect(await unggahan()).toEqual([]);
  });

  it('refuses a file it cannot read before any job: 4xx as the direct commit, no job, nothing kept', async () => {
    const before = await counts();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const res = await kirim('/api/impor/pegawai/latar', 'pegawai.xlsx', png);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
    const tanpaBerkas = await admin.post('/api/impor/pegawai/latar');
    expect(tanpaBerkas.statusCode).toBe(400);
    const opd = await h.login(org.adminOpd.nip);
    const { payload, headers } = multipart('a.csv', berkasBaik());
    const bukanBkd = await h.app.inject({
      method: 'POST',
      url: '/api/impor/pegawai/latar',
      payload,
      headers: { ...headers, cookie: opd.cookie, 'x-csrf-token': opd.csrfToken },
    });
    expect(bukanBkd.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    expect(await unggahan()).toEqual([]);
  });

  it('a bad row fails the job with nothing written, its report naming the row', async () => {
    const before = await counts();
    const file = Buffer.from(
      [
        HEADER,
        `${nextNip()},Andi Gagal,PNS,III/a,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,`,
        `${nextNip()},Unor Hilang,PNS,III/a,Staf,Pelaksana,Dinas Yang Tidak Ada,`,
      ].join('\n'),
    );
    const direct = await kirim('/api/impor/pegawai?mode=commit', 'salah.csv', file);
    expect(direct.statusCode).toBe(422);
    const { akhir, laporan } = await jalankanLatar('salah.csv', file);
    expect(akhir).toMatchObject({ status: 'GAGAL', tautan: `/impor?bagian=pegawai&pekerjaan=${akhir.id}` });
    expect(akhir.pesan).toBe(direct.json().error.message);
    // The direct commit's refusal, rows and all.
    expect(laporan).toEqual(direct.json());
    expect(await counts()).toEqual({ ...before, pekerjaan: before.pekerjaan + 1 });
    expect(await unggahan()).toEqual([]);
  });

  it('a loop found after the first writes rolls the whole import back', async () => {
    const before = await counts();
    const [a, b] = [nextNip(), nextNip()];
    const file = Buffer.from(
      [
        HEADER,
        `${a},Satu Lingkar,PNS,III/a,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,${b}`,
        `${b},Dua Lingkar,PNS,III/a,Pengolah Data Kurikulum,Pelaksana,Seksi Kurikulum,${a}`,
      ].join('\n'),
    );
    const { akhir, laporan } = await jalankanLatar('lingkar.csv', file);
    expect(akhir.status).toBe('GAGAL');
    expect(laporan.error.code).toBe('IMPORT_INVALID');
    expect(laporan.error.details.kesalahan.map((k: { nip: string }) => k.nip)).toEqual([a, b]);
    expect(await counts()).toEqual({ ...before, pekerjaan: before.pekerjaan + 1 });
  });

  it("shows the report to its owner only: anyone else's answer is 404", async () => {
    const { akhir } = await jalankanLatar('milik.csv', berkasBaik());
    const lain = await h.login(org.adminOpd.nip);
    expect((await lain.get(`/api/pekerjaan/${akhir.id}`)).statusCode).toBe(404);
    expect((await lain.get(`/api/pekerjaan/${akhir.id}/hasil`)).statusCode).toBe(404);
  });
});
