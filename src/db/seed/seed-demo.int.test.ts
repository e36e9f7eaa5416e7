import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/db.js';
import { type Database, rows } from '../client.js';
import { demoAccounts } from './demo-gorontalo.js';
import { seedDemoIfEmpty } from './seed-demo.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  expect(await seedDemoIfEmpty(database.db, 'Kinerja#2026')).toBe(true);
});
afterAll(() => database.close());

describe('demo seed', () => {
  it('seeds once: a second call on a non-empty database does nothing', async () => {
    expect(await seedDemoIfEmpty(database.db, 'Kinerja#2026')).toBe(false);
    const [row] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM instansi`);
    expect(row!.n).toBe(1);
  });

  it('writes consistent paths, OPD links and position history', async () => {
    const [bad] = await rows<{ paths: number; opd: number; history: number }>(
      database.db,
      sql`SELECT
            (SELECT count(*)::int FROM unor c JOIN unor p ON p.id = c.parent_id WHERE c.path <> p.path || c.id || '/') AS paths,
            (SELECT count(*)::int FROM pegawai g JOIN unor u ON u.id = g.unor_id WHERE g.opd_id IS DISTINCT FROM u.opd_id) AS opd,
            (SELECT count(*)::int FROM pegawai g WHERE NOT EXISTS
               (SELECT 1 FROM penugasan t WHERE t.pegawai_id = g.id AND t.jenis = 'DEFINITIF' AND t.tmt_selesai IS NULL)) AS history`,
    );
    expect(bad).toEqual({ paths: 0, opd: 0, history: 0 });
  });

  it('the demo accounts form one chain of superiors', async () => {
    const nip = Object.fromEntries(demoAccounts('x').map((a) => [a.role, a.nip]));
    const atasanOf = async (n: string) => {
      const [row] = await rows<{ nip: string | null }>(
        database.db,
        sql`SELECT a.nip FROM pegawai p LEFT JOIN pegawai a ON a.id = atasan_langsung(p.id, current_date) WHERE p.nip = ${n}`,
      );
      return row!.nip;
    };
    expect(await atasanOf(nip.pelaksana!)).toBe(nip.pengawas);
    expect(await atasanOf(nip.fungsional!)).toBe(nip.pengawas);
    expect(await atasanOf(nip.pengawas!)).toBe(nip.administrator);
    expect(await atasanOf(nip.administrator!)).toBe(nip.kepala_opd);
    const [gov] = await rows<{ nip: string }>(
      database.db,
      sql`SELECT p.nip FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id WHERE j.jenis = 'JPT_UTAMA'`,
    );
    expect(await atasanOf(nip.kepala_opd!)).toBe(gov!.nip);
    const [roles] = await rows<{ admin: number; opd: number }>(
      database.db,
      sql`SELECT count(*) FILTER (WHERE peran = 'ADMIN_INSTANSI')::int AS admin, count(*) FILTER (WHERE peran = 'ADMIN_OPD')::int AS opd FROM peran_pegawai`,
    );
    expect(roles!.admin).toBe(1);
    expect(roles!.opd).toBeGreaterThanOrEqual(25);
  });
});
