/**
 * `npm run storage:pindah` (ADR 0023): an evidence file uploaded with STORAGE=local moves to the
 * database and on to S3, each hop verified and idempotent, and still downloads through the app
 * configured for the new backend; a target that does not give back what it was sent fails the run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createDbStorage } from '../src/db/berkas-store.js';
import { createLocalStorage, type Storage } from '../src/platform/storage.js';
import { pindahkanBerkas } from '../src/platform/storage-pindah.js';
import { createS3Storage } from '../src/platform/storage-s3.js';
import { createHarness, type Harness } from './harness.js';
import { multipart } from './multipart.js';
import { buildOrg, type Org } from './org.js';
import { startS3 } from './s3.js';
import { approvedChain, plan, submitAndApprove, tiga } from './skp.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let h: Harness;
let org: Org;
let dir: string;
let s3: Awaited<ReturnType<typeof startS3>>;
/** The evidence's download address. */
let unduhan: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-pindah-'));
  s3 = await startS3();
  h = await createHarness({ now: '2026-01-10T02:00:00Z', env: { STORAGE_DIR: dir } });
  org = await buildOrg(h.db);
  const { c, plans } = await approvedChain(h, org);
  const skp = await submitAndApprove(
    c.staf,
    c.kasi,
    await plan(c.staf, [
      {
        jenis: 'UTAMA',
        rencana: 'Terhimpunnya data sekolah',
        iki: tiga(10, 'data'),
        intervensi: [plans.kasi.rhk[0].id],
      },
    ]),
  );
  h.clock.set('2026-08-03T02:00:00Z');
  const staf = await h.login(org.pelaksana.nip);
  const draft = await staf.put(`/api/realisasi/${skp.rhk[0].id}/2026-07`, { nilai: 10, satuan: 'data' });
  expect(draft.statusCode, draft.body).toBe(200);
  const id = draft.json().id as number;
  const body = multipart('Laporan Juli.pdf', PDF, { deskripsi: 'Bukti kegiatan' });
  const up = await staf.request('POST', `/api/realisasi/${id}/berkas`, body.payload, body.headers);
  expect(up.statusCode, up.body).toBe(201);
  unduhan = `/api/realisasi/${id}/berkas/${up.json().bukti.id}`;
});
afterAll(async () => {
  await h.close();
  await s3.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The evidence as the owner downloads it from an app over the same database with `env`. */
async function unduhDengan(env: Record<string, string>) {
  const app = await createHarness({ now: '2026-08-03T02:00:00Z', env, database: h.database });
  try {
    const res = await (await app.login(org.pelaksana.nip)).get(unduhan);
    return { status: res.statusCode, data: res.rawPayload };
  } finally {
    await app.close();
  }
}

describe('moving the files between backends', () => {
  it('local → postgres → s3: verified, idempotent, and the evidence still downloads', async () => {
    const local = createLocalStorage(dir);
    const db = createDbStorage(h.db);
    const bucket = createS3Storage(s3.options);

    expect(await pindahkanBerkas(local, db)).toEqual({ disalin: 1, dilewati: 0, hilang: 0, gagal: [] });
    expect(await pindahkanBerkas(local, db)).toEqual({ disalin: 0, dilewati: 1, hilang: 0, gagal: [] });
    // Only the database has it now: the app with STORAGE=postgres serves it from there.
    await rm(dir, { recursive: true, force: true });
    expect(await unduhDengan({ STORAGE: 'postgres' })).toEqual({ status: 200, data: PDF });
    expect((await unduhDengan({ STORAGE: 'local', STORAGE_DIR: dir })).status).toBe(404);

    expect(await pindahkanBerkas(db, bucket)).toEqual({ disalin: 1, dilewati: 0, hilang: 0, gagal: [] });
    for await (const kunci of db.list()) await db.delete(kunci);
    expect(await unduhDengan({ STORAGE: 's3', ...s3.env })).toEqual({ status: 200, data: PDF });
  });

  it('reports a key whose copy reads back different, and copies it again on the next run', async () => {
    const asalDir = await mkdtemp(path.join(tmpdir(), 'ekinerja-pindah-'));
    onTestFinished(() => rm(asalDir, { recursive: true, force: true }));
    const asal = createLocalStorage(asalDir);
    await asal.put('a/1', Buffer.from('satu'));
    await asal.put('a/2', Buffer.from('dua'));
    const tujuan = createS3Storage(s3.options);
    // A target that loses the last byte of what it is sent.
    const rusak: Storage = {
      ...tujuan,
      putStream: async (kunci, source) => {
        const data = Buffer.concat(await source.toArray());
        await tujuan.put(kunci, data.subarray(0, -1));
        return data.length - 1;
      },
    };
    const gagal = await pindahkanBerkas(asal, rusak, { awalan: 'a/' });
    expect(gagal.disalin).toBe(0);
    expect(gagal.gagal.map((g) => g.kunci).sort()).toEqual(['a/1', 'a/2']);
    expect(gagal.gagal[0]!.alasan).toMatch(/SHA-256 berbeda/);
    expect(await pindahkanBerkas(asal, tujuan, { awalan: 'a/' })).toEqual({
      disalin: 2,
      dilewati: 0,
      hilang: 0,
      gagal: [],
    });
    expect((await tujuan.get('a/1'))!.toString()).toBe('satu');
  });

  it('the command: counts on success, exit 1 when the target cannot take the files', async () => {
    const asal = await mkdtemp(path.join(tmpdir(), 'ekinerja-pindah-'));
    try {
      await createLocalStorage(asal).put('cli/1', Buffer.from('isi'));
      const jalankan = (env: Record<string, string>) =>
        promisify(execFile)(
          'npx',
          ['tsx', 'src/cli/storage-pindah.ts', '--dari', 'local', '--ke', 's3', '--awalan', 'cli/'],
          {
            env: { ...process.env, STORAGE_DIR: asal, LOG_LEVEL: 'silent', ...env },
          },
        );
      const ok = await jalankan(s3.env);
      expect(ok.stdout).toContain('1 berkas disalin dan diperiksa SHA-256, 0 sudah sama (dilewati)');
      const lagi = await jalankan(s3.env);
      expect(lagi.stdout).toContain('0 berkas disalin dan diperiksa SHA-256, 1 sudah sama (dilewati)');
      const salah = await jalankan({ ...s3.env, S3_BUCKET: 'tidak-ada' }).catch((e) => e);
      expect(salah.code).toBe(1);
      expect(salah.stdout).toContain('cli/1: GAGAL');
      expect(salah.stdout).toContain('1 gagal');
    } finally {
      await rm(asal, { recursive: true, force: true });
    }
  });
});
