import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import type { PekerjaanList, PekerjaanOut } from '../../contracts/pekerjaan.js';
import { rows } from '../../db/client.js';
import { loadConfig } from '../../platform/config.js';
import type { Actor } from '../auth/actor.js';
import { HASIL_DISIMPAN_HARI, PESAN_TERPUTUS } from './pekerjaan.service.js';

let h: Harness;
let org: Org;
let c: Record<'adminBkd' | 'adminOpd', Awaited<ReturnType<Harness['login']>>>;
let actor: Actor;

/** A gate the test opens: the job's work waits on it, so its progress can be read in between. */
function gerbang() {
  let buka!: () => void;
  const tunggu = new Promise<void>((resolve) => {
    buka = resolve;
  });
  return { buka, tunggu };
}

async function pekerjaanOf(id: number, client = c.adminBkd) {
  const res = await client.get(`/api/pekerjaan/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PekerjaanOut;
}

/** Progress is written after the report, never awaited by the work: read until it shows. */
async function sampai(id: number, cocok: (p: PekerjaanOut) => boolean) {
  for (let i = 0; i < 200; i++) {
    const p = await pekerjaanOf(id);
    if (cocok(p)) return p;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`pekerjaan ${id} tidak mencapai keadaan yang ditunggu`);
}

beforeAll(async () => {
  h = await createHarness({ now: '2026-08-05T02:00:00Z' });
  org = await buildOrg(h.db);
  c = { adminBkd: await h.login(org.adminBkd.nip), adminOpd: await h.login(org.adminOpd.nip) };
  const me = await c.adminBkd.get('/api/me');
  actor = { ...(me.json() as Actor), instansiId: org.instansiId, id: org.adminBkd.id };
});
afterAll(() => h.close());

describe('a job the user may leave', () => {
  it('reports its progress as it goes, then offers its file to its owner only', async () => {
    const langkah = [gerbang(), gerbang()];
    const p = await h.app.pekerjaan.mulai(actor, { jenis: 'DOKUMEN_ZIP', judul: 'Uji' }, async (ctx) => {
      ctx.kemajuan(0, 3, 'Menyiapkan');
      await langkah[0]!.tunggu;
      ctx.kemajuan(2);
      await langkah[1]!.tunggu;
      ctx.kemajuan(3);
      await ctx.simpanHasil('hasil-uji.zip', Readable.from(['isi ', 'berkas']));
      return undefined;
    });
    expect(p).toMatchObject({ status: 'BERJALAN', selesai: 0, hasilNama: null });

    expect(await sampai(p.id, (x) => x.total === 3)).toMatchObject({ selesai: 0, pesan: 'Menyiapkan' });
    langkah[0]!.buka();
    expect(await sampai(p.id, (x) => x.selesai === 2)).toMatchObject({ status: 'BERJALAN', total: 3 });
    // Not finished: no file yet.
    expect((await c.adminBkd.get(`/api/pekerjaan/${p.id}/hasil`)).statusCode).toBe(404);
    langkah[1]!.buka();
    await h.app.pekerjaan.tunggu();

    const akhir = await pekerjaanOf(p.id);
    expect(akhir).toMatchObject({
      status: 'SELESAI',
      selesai: 3,
      total: 3,
      pesan: null,
      hasilNama: 'hasil-uji.zip',
    });
    expect(akhir.selesaiAt).not.toBeNull();
    const unduh = await c.adminBkd.get(`/api/pekerjaan/${p.id}/hasil`);
    expect(unduh.statusCode).toBe(200);
    expect(unduh.headers['content-type']).toBe('application/zip');
    expect(unduh.headers['content-disposition']).toContain('hasil-uji.zip');
    expect(unduh.body).toBe('isi berkas');

    // Another admin of the same instansi sees neither the job nor its file, nor it in his list.
    expect((await c.adminOpd.get(`/api/pekerjaan/${p.id}`)).statusCode).toBe(404);
    expect((await c.adminOpd.get(`/api/pekerjaan/${p.id}/hasil`)).statusCode).toBe(404);
    expect(((await c.adminOpd.get('/api/pekerjaan')).json() as PekerjaanList).items).toEqual([]);
    expect(((await c.adminBkd.get('/api/pekerjaan')).json() as PekerjaanList).items[0]!.id).toBe(p.id);
  });

  it('refuses a second job with the same key while the first runs', async () => {
    const g = gerbang();
    const info = { jenis: 'TPP_HITUNG', judul: 'Kunci', kunci: 'UJI:kunci' } as const;
    await h.app.pekerjaan.mulai(actor, info, async () => {
      await g.tunggu;
      return undefined;
    });
    await expect(h.app.pekerjaan.mulai(actor, info, async () => undefined)).rejects.toMatchObject({
      code: 'PEKERJAAN_BERJALAN',
    });
    g.buka();
    await h.app.pekerjaan.tunggu();
    // Once it ended the key is free again.
    await h.app.pekerjaan.mulai(actor, info, async () => undefined);
    await h.app.pekerjaan.tunggu();
  });

  it('ends failed with a generic Indonesian message when the work breaks', async () => {
    const p = await h.app.pekerjaan.mulai(actor, { jenis: 'DOKUMEN_ZIP', judul: 'Rusak' }, async () => {
      throw new Error('disk penuh');
    });
    await h.app.pekerjaan.tunggu();
    const akhir = await pekerjaanOf(p.id);
    expect(akhir.status).toBe('GAGAL');
    expect(akhir.pesan).toMatch(/gagal karena kesalahan sistem/);
    expect(akhir.pesan).not.toContain('disk');
  });

  it('fails what a restart cut off: every running row on PGlite, the silent ones on PostgreSQL', async () => {
    const baru = async (diam: string) => {
      const [r] = await rows<{ id: number }>(
        h.db,
        sql`INSERT INTO pekerjaan (instansi_id, pemilik_id, jenis, judul, diperbarui_at)
            VALUES (${org.instansiId}, ${org.adminBkd.id}, 'TPP_HITUNG', 'Terputus', now() - ${diam}::interval)
            RETURNING id`,
      );
      return r!.id;
    };
    // The harness clock is fixed in 2026; rows written "now" by the database are fresher than it.
    const lama = await baru('10 years');
    const segar = await baru('0 seconds');
    expect(await h.app.pekerjaan.gagalkanTerputus({ semua: false })).toBe(1);
    expect(await pekerjaanOf(lama)).toMatchObject({ status: 'GAGAL', pesan: PESAN_TERPUTUS });
    expect((await pekerjaanOf(segar)).status).toBe('BERJALAN');
    expect(await h.app.pekerjaan.gagalkanTerputus({ semua: true })).toBe(1);
    expect(await pekerjaanOf(segar)).toMatchObject({ status: 'GAGAL', pesan: PESAN_TERPUTUS });
    expect(PESAN_TERPUTUS).toMatch(/server dimulai ulang/);
  });
});

describe('TPP computed as a job', () => {
  it('answers 202 with the job, counts the lines written, audits, and links to the month', async () => {
    const res = await c.adminBkd.post('/api/tpp/2026-07/hitung/latar');
    expect(res.statusCode, res.body).toBe(202);
    const p = res.json() as PekerjaanOut;
    expect(p).toMatchObject({ jenis: 'TPP_HITUNG', judul: 'Hitung TPP Juli 2026', status: 'BERJALAN' });
    await h.app.pekerjaan.tunggu();
    const akhir = await pekerjaanOf(p.id);
    const bulan = (await c.adminBkd.get('/api/tpp/2026-07')).json() as { jumlahPegawai: number };
    expect(akhir).toMatchObject({ status: 'SELESAI', tautan: '/tpp?bulan=2026-07', hasilNama: null });
    expect(akhir.total).toBe(bulan.jumlahPegawai);
    expect(akhir.selesai).toBe(bulan.jumlahPegawai);
    const audit = await rows<{ action: string }>(
      h.db,
      sql`SELECT action FROM audit_log WHERE instansi_id = ${org.instansiId} AND entity = 'tpp_bulan'`,
    );
    expect(audit.map((a) => a.action)).toEqual(['tpp_bulan.hitung']);
  });

  it('refuses at once, without a job, a month not over or a caller who is not the BKD admin', async () => {
    const sebelum = ((await c.adminBkd.get('/api/pekerjaan')).json() as PekerjaanList).items.length;
    const belum = await c.adminBkd.post('/api/tpp/2026-08/hitung/latar');
    expect(belum.statusCode).toBe(400);
    expect(belum.json().error.message).toMatch(/bulan/i);
    expect((await c.adminOpd.post('/api/tpp/2026-07/hitung/latar')).statusCode).toBe(403);
    expect(((await c.adminBkd.get('/api/pekerjaan')).json() as PekerjaanList).items.length).toBe(sebelum);
  });
});

describe('result files are kept for a week', () => {
  it('the hourly job deletes files of jobs ended over HASIL_DISIMPAN_HARI days ago, and says so', async () => {
    const dir = loadConfig({}).STORAGE_DIR;
    const berkasAda = async (id: number) => {
      const [r] = await rows<{ k: string | null }>(
        h.db,
        sql`SELECT hasil_kunci AS k FROM pekerjaan WHERE id = ${id}`,
      );
      return r!.k !== null && existsSync(path.join(dir, r!.k));
    };
    const jalankan = async (pada: string) => {
      h.clock.set(pada);
      const p = await h.app.pekerjaan.mulai(
        actor,
        { jenis: 'EKSPOR', judul: `Ekspor ${pada}` },
        async (ctx) => {
          await ctx.simpanHasil('ekspor.xlsx', Readable.from(['isi']));
          return undefined;
        },
      );
      await h.app.pekerjaan.tunggu();
      return p.id;
    };
    const lama = await jalankan('2026-07-20T02:00:00Z');
    const baru = await jalankan('2026-07-31T02:00:00Z');
    expect(await berkasAda(lama)).toBe(true);
    try {
      h.clock.set('2026-08-05T02:00:00Z');
      expect((await h.app.pengingat.jalankan()).dijalankan).toBe(true);

      expect(await berkasAda(lama)).toBe(false);
      const hilang = await c.adminBkd.get(`/api/pekerjaan/${lama}/hasil`);
      expect(hilang.statusCode).toBe(404);
      expect(hilang.json().error.message).toBe(
        `Berkas hasil pekerjaan ini sudah dihapus: hasil disimpan ${HASIL_DISIMPAN_HARI} hari. Jalankan lagi untuk membuatnya.`,
      );
      // The row stays as history.
      expect(await pekerjaanOf(lama)).toMatchObject({ status: 'SELESAI', hasilNama: 'ekspor.xlsx' });
      // Five days old: still there.
      expect(await berkasAda(baru)).toBe(true);
      const ada = await c.adminBkd.get(`/api/pekerjaan/${baru}/hasil`);
      expect(ada.statusCode).toBe(200);
      expect(ada.body).toBe('isi');
    } finally {
      h.clock.set('2026-08-05T02:00:00Z');
    }
  });
});
