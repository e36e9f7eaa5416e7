import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/db.js';
import { dateInZone } from '../../platform/clock.js';
import { type Database, rows } from '../client.js';
import { insertOrgPlan } from './insert-org.js';
import { insertRealisasiBulanan, insertRealisasiDraf } from './insert-realisasi.js';
import { insertSkpPlans } from './insert-skp.js';
import { syntheticPlan } from './synthetic.js';

/**
 * One 300-employee instansi with approved plans for 2025 and 2026; every test starts from no
 * realisasi (the plans do not depend on the dates the tests seed at).
 */
let database: Database;
let instansiId: number;
let penilaiId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  const plan = syntheticPlan(300);
  const now = new Date('2026-11-03T02:00:00Z');
  const tanggal = dateInZone(now, plan.instansi.zonaWaktu);
  instansiId = await database.db.transaction(async (tx) => {
    const org = await insertOrgPlan(tx, plan, { passwordHash: null });
    for (const tahun of [2025, 2026])
      await insertSkpPlans(tx, { instansiId: org.instansiId, tahun, seed: tahun, tanggal, now });
    return org.instansiId;
  });
  // The assessor with the most subordinates holding an approved plan this year.
  const [penilai] = await rows<{ id: number }>(
    database.db,
    sql`SELECT pejabat_penilai_id AS id FROM skp WHERE tahun = 2026 AND status = 'DISETUJUI' AND NOT is_jpt
         GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  penilaiId = penilai!.id;
});
afterAll(() => database.close());

async function kosongkan() {
  await database.db.execute(
    sql`TRUNCATE realisasi, umpan_balik, penilaian_periodik RESTART IDENTITY CASCADE`,
  );
}

async function seed(now: Date) {
  await kosongkan();
  const counts = await database.db.transaction((tx) =>
    insertRealisasiBulanan(tx, { instansiId, now, seed: 42, penilaiMenunggu: [penilaiId] }),
  );
  return { db: database.db, counts };
}

type Db = Database['db'];

/** Status per period, and the latest instant written anywhere. */
async function ringkasan(db: Db) {
  const [row] = await rows<{ status: Record<string, Record<string, number>>; terakhir: string }>(
    db,
    sql`SELECT (SELECT json_object_agg(periode_kode, s) FROM (
                  SELECT periode_kode, json_object_agg(status, n) AS s
                    FROM (SELECT periode_kode, status, count(*)::int AS n FROM realisasi GROUP BY 1, 2) x GROUP BY 1) y) AS status,
               greatest((SELECT max(at) FROM realisasi_riwayat), (SELECT max(updated_at) FROM realisasi),
                        (SELECT max(at) FROM penilaian_periodik), (SELECT max(at) FROM umpan_balik)) AS terakhir`,
  );
  return { status: row!.status, terakhir: new Date(row!.terakhir) };
}

/** The previous month of the waiting assessor's subordinates, in pegawai order: statuses and threads. */
async function menunggu(db: Db, penilaiId: number, kode: string) {
  return rows<{ status: string[]; alur: string[] }>(
    db,
    sql`SELECT array_agg(r.status ORDER BY r.rhk_id) AS status,
               array_agg((SELECT string_agg(aksi, ',' ORDER BY id) FROM realisasi_riwayat h WHERE h.realisasi_id = r.id)
                         ORDER BY r.rhk_id) AS alur
          FROM realisasi r JOIN skp s ON s.id = r.skp_id
         WHERE s.pejabat_penilai_id = ${penilaiId} AND r.periode_kode = ${kode}
         GROUP BY r.pegawai_id ORDER BY r.pegawai_id`,
  );
}

const wita = (local: string) => new Date(`${local}+08:00`);

describe('insertRealisasiBulanan', () => {
  it('on 3 November (input window): July–September complete, October only drafts and submissions so far', async () => {
    const now = wita('2026-11-03T10:00:00');
    const { db, counts } = await seed(now);
    expect(counts.bulan).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);
    const { status, terakhir } = await ringkasan(db);
    for (const kode of ['2026-07', '2026-08', '2026-09'])
      expect(Object.keys(status[kode]!)).toEqual(['DITERIMA']);
    expect(Object.keys(status['2026-10']!).sort()).toEqual(['DIAJUKAN', 'DRAFT']);
    expect(status['2026-11']).toBeUndefined();
    expect(terakhir <= now).toBe(true);
    const [late] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM realisasi WHERE periode_kode = '2026-10' AND diajukan_at > ${now.toISOString()}::timestamptz`,
    );
    expect(late!.n).toBe(0);
    // The waiting assessor's subordinates all submitted, nothing assessed yet.
    const subs = await menunggu(db, penilaiId, '2026-10');
    expect(subs.length).toBeGreaterThanOrEqual(4);
    expect(subs.flatMap((s) => s.status).every((s) => s === 'DIAJUKAN')).toBe(true);
  });

  it('on 10 November (assessment window): accepted and sent-back items, none corrected yet', async () => {
    const now = wita('2026-11-10T10:00:00');
    const { db } = await seed(now);
    const { status, terakhir } = await ringkasan(db);
    expect(Object.keys(status['2026-10']!).sort()).toEqual([
      'DIAJUKAN',
      'DITERIMA',
      'DRAFT',
      'PERLU_PERBAIKAN',
    ]);
    expect(terakhir <= now).toBe(true);
    const subs = await menunggu(db, penilaiId, '2026-10');
    expect(subs[0]!.status.every((s) => s === 'DITERIMA')).toBe(true);
    expect(subs[1]!.status[0]).toBe('PERLU_PERBAIKAN');
    expect(subs[1]!.alur[0]).toBe('AJUKAN,PERLU_PERBAIKAN');
    for (const s of subs.slice(2)) expect(s.status.every((x) => x === 'DIAJUKAN')).toBe(true);
  });

  it('on 25 November (correction window): corrected items wait for re-assessment, the thread keeps every round', async () => {
    const now = wita('2026-11-25T10:00:00');
    const { db } = await seed(now);
    const { status, terakhir } = await ringkasan(db);
    expect(status['2026-10']!.DIPERBAIKI).toBeGreaterThan(0);
    expect(status['2026-10']!.DITERIMA).toBeGreaterThan(status['2026-10']!.DIAJUKAN!);
    expect(terakhir <= now).toBe(true);
    const subs = await menunggu(db, penilaiId, '2026-10');
    for (const s of subs.slice(2, 4)) {
      expect(s.status[0]).toBe('DIPERBAIKI');
      expect(s.alur[0]).toBe('AJUKAN,PERLU_PERBAIKAN,PERBAIKI');
    }
    const waiting = subs.filter((s) => s.status.some((x) => x === 'DIAJUKAN' || x === 'DIPERBAIKI'));
    expect(waiting.length).toBeGreaterThanOrEqual(3);
  });

  it('on 20 January: the previous month and those before it follow last year’s plans', async () => {
    const now = wita('2026-01-20T10:00:00');
    const { db, counts } = await seed(now);
    expect(counts.bulan).toEqual(['2025-09', '2025-10', '2025-11', '2025-12']);
    const [row] = await rows<{ tahun: number[] }>(
      db,
      sql`SELECT array_agg(DISTINCT s.tahun) AS tahun FROM realisasi r JOIN skp s ON s.id = r.skp_id`,
    );
    expect(row!.tahun).toEqual([2025]);
  });

  it('is deterministic: the same options write the same rows', async () => {
    const now = wita('2026-11-25T10:00:00');
    const fingerprint = async (db: Db) => {
      const [row] = await rows<{ realisasi: string; riwayat: string; penilaian: string }>(
        db,
        sql`SELECT (SELECT md5(string_agg(concat_ws('|', rhk_id, periode_kode, status, capaian, arahan, nilai, diajukan_at, dinilai_at, version), ',' ORDER BY rhk_id, periode_kode)) FROM realisasi) AS realisasi,
                   (SELECT md5(string_agg(concat_ws('|', r.rhk_id, r.periode_kode, h.putaran, h.aksi, h.oleh_id, h.catatan, h.at), ',' ORDER BY r.rhk_id, r.periode_kode, h.id))
                      FROM realisasi_riwayat h JOIN realisasi r ON r.id = h.realisasi_id) AS riwayat,
                   (SELECT md5(string_agg(concat_ws('|', skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, at), ',' ORDER BY skp_id, periode_kode)) FROM penilaian_periodik) AS penilaian`,
      );
      return row;
    };
    const a = await seed(now);
    const first = await fingerprint(a.db);
    const b = await seed(now);
    expect(b.counts).toEqual(a.counts);
    expect(await fingerprint(b.db)).toEqual(first);
  });

  it('refuses unknown NIPs and instansi that are not evaluated monthly', async () => {
    await kosongkan();
    const { db } = database;
    const now = wita('2026-11-25T10:00:00');
    await expect(
      db.transaction((tx) =>
        insertRealisasiBulanan(tx, { instansiId, now, seed: 1, tanpaLaporan: ['199901012020011001'] }),
      ),
    ).rejects.toThrow(/NIP tidak ditemukan/);
    await db.execute(sql`UPDATE pengaturan SET periode = 'TRIWULANAN' WHERE instansi_id = ${instansiId}`);
    try {
      await expect(
        db.transaction((tx) => insertRealisasiBulanan(tx, { instansiId, now, seed: 1 })),
      ).rejects.toThrow(/bulanan/);
    } finally {
      await db.execute(sql`UPDATE pengaturan SET periode = 'BULANAN' WHERE instansi_id = ${instansiId}`);
    }
    const [n] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM realisasi`);
    expect(n!.n).toBe(0);
  });
});

describe('insertRealisasiDraf', () => {
  it('saves one draft per RHK of every approved plan covering the month, dated before now, nothing submitted', async () => {
    await kosongkan();
    const { db } = database;
    const now = wita('2026-11-03T10:00:00');
    const counts = await db.transaction((tx) =>
      insertRealisasiDraf(tx, { instansiId, periodeKode: '2026-10', now, seed: 7 }),
    );
    const [row] = await rows<{ rhk: number; realisasi: number; bad: number; riwayat: number }>(
      db,
      sql`SELECT (SELECT count(*)::int FROM rhk x JOIN skp s ON s.id = x.skp_id
                   WHERE s.tahun = 2026 AND s.status = 'DISETUJUI' AND s.pejabat_penilai_id IS NOT NULL) AS rhk,
                 (SELECT count(*)::int FROM realisasi) AS realisasi,
                 (SELECT count(*)::int FROM realisasi r
                   WHERE r.status <> 'DRAFT' OR r.periode_kode <> '2026-10' OR r.nilai IS NULL OR r.created_at > ${now.toISOString()}::timestamptz
                      OR NOT EXISTS (SELECT 1 FROM bukti_dukung b WHERE b.realisasi_id = r.id)) AS bad,
                 (SELECT count(*)::int FROM realisasi_riwayat) AS riwayat`,
    );
    expect(row).toEqual({ rhk: counts.realisasi, realisasi: counts.realisasi, bad: 0, riwayat: 0 });
    expect(counts.status.DRAFT).toBe(counts.realisasi);
  });
});
