/**
 * The instansi-wide dibagi habis on an installation several instansi share (ADR 0030): it reads the
 * RHKs, IKIs and links of its own instansi and year only, so another instansi's size does not slow
 * it; rows written without their instansi and year (the previous release, while nodes are rolled)
 * take their parent's; the migration fills existing rows.
 */
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laluBatalkan, openTestDatabase } from '../../../test/db.js';
import { type Pindaian, panggilanFungsi, pindaian } from '../../../test/explain.js';
import { basisDataSebelum } from '../../../test/migrasi-sebagian.js';
import { type Database, rows, type Tx } from '../../db/client.js';
import { insertOrgPlan } from '../../db/seed/insert-org.js';
import { insertSkpPlans } from '../../db/seed/insert-skp.js';
import { syntheticPlan } from '../../db/seed/synthetic.js';
import { type Lingkup, laporanCakupan, laporanSql, siapkanLaporan, unorRef } from './cakupan.queries.js';

const TAHUN = 2026;
const RENCANA = /^(rhk|iki|rhk_intervensi)$/;

let database: Database;
/** A with plans for two years; B this year only. */
const instansi: { a: number; b: number } = { a: 0, b: 0 };

beforeAll(async () => {
  database = await openTestDatabase();
  const tanggal = `${TAHUN}-03-02`;
  const now = new Date(`${TAHUN}-03-02T02:00:00Z`);
  await database.db.transaction(async (tx) => {
    const a = await insertOrgPlan(tx, syntheticPlan(200, { nomor: 1, dari: 2 }), { passwordHash: null });
    const b = await insertOrgPlan(tx, syntheticPlan(400, { nomor: 2, dari: 2 }), { passwordHash: null });
    for (const tahun of [TAHUN - 1, TAHUN])
      await insertSkpPlans(tx, {
        instansiId: a.instansiId,
        tahun,
        seed: tahun,
        tanggal: `${tahun}-03-02`,
        now,
      });
    await insertSkpPlans(tx, { instansiId: b.instansiId, tahun: TAHUN, seed: 7, tanggal, now });
    instansi.a = a.instansiId;
    instansi.b = b.instansiId;
  });
  await rows(database.db, sql`ANALYZE`);
});
afterAll(() => database.close());

async function lingkup(instansiId: number): Promise<Lingkup> {
  const root = await unorRef(database.db, instansiId, null);
  return { instansiId, tahun: TAHUN, tanggal: `${TAHUN}-03-02`, unor: null, rootId: root!.id };
}

/**
 * siapkanLaporan with `amati` shown each CREATE TEMP TABLE first; when it answers true it has run
 * the statement itself (EXPLAIN ANALYZE does).
 */
async function siapkanDiamati(tx: Tx, l: Lingkup, amati: (q: SQL, teks: string) => Promise<boolean>) {
  const dialect = new PgDialect();
  const pengamat = {
    execute: async (q: SQL) => {
      const teks = dialect.sqlToQuery(q).sql;
      if (/^\s*CREATE TEMP TABLE/.test(teks) && (await amati(q, teks))) return { rows: [] };
      return tx.execute(q);
    },
  };
  await siapkanLaporan(pengamat as unknown as Tx, l);
}

/** Every scan of rhk, iki and rhk_intervensi in the plans of the whole report's statements. */
async function pindaianLaporan(l: Lingkup): Promise<Pindaian[]> {
  return database.db.transaction(async (tx) => {
    const found: Pindaian[] = [];
    await siapkanDiamati(tx, l, async (q) => {
      found.push(...(await pindaian(tx, q, RENCANA)));
      return false;
    });
    found.push(...(await pindaian(tx, laporanSql(l, 100), RENCANA)));
    return found;
  });
}

describe('the instansi-wide dibagi habis', () => {
  // Whichever way the planner goes (on these small tables it may read one whole), every read of the
  // plans' tables is bounded to the instansi and year, which an index answers alone at any size.
  it('reads RHKs, IKIs and links of its own instansi and year only', async () => {
    const l = await lingkup(instansi.a);
    const found = await pindaianLaporan(l);
    expect(new Set(found.map((p) => p.tabel))).toEqual(new Set(['rhk', 'iki', 'rhk_intervensi']));
    for (const p of found) {
      expect(p.kondisi, p.tabel).toMatch(new RegExp(`instansi_id = ${l.instansiId}\\b`));
      expect(p.kondisi, p.tabel).toMatch(new RegExp(`tahun = '?${TAHUN}\\b`));
    }
  });

  it('reports each instansi from its own plans', async () => {
    for (const id of [instansi.a, instansi.b]) {
      const l = await lingkup(id);
      const laporan = await database.db.transaction((tx) => laporanCakupan(tx, l, 100));
      const [pegawai] = await rows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM pegawai WHERE instansi_id = ${id} AND is_active`,
      );
      expect(laporan.grup.reduce((n, g) => n + g.pegawai, 0)).toBe(pegawai!.n);
      // Every leader IKI counted comes from this instansi's plans of the year.
      const [asing] = await rows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM iki k JOIN rhk r ON r.id = k.rhk_id JOIN skp s ON s.id = r.skp_id
             WHERE s.instansi_id = ${id} AND s.tahun = ${TAHUN}`,
      );
      expect(laporan.iki.length).toBeGreaterThan(0);
      expect(laporan.iki.length).toBeLessThanOrEqual(asing!.n);
    }
  });
});

describe("the employees' superiors and the plans they intervene", () => {
  // rencana_atasan() costs about a millisecond; asked for every employee it made the report of
  // 100,000 take 73 s. The holder of the superior position answers for all but a few.
  it('ask rencana_atasan() only for those without a fast answer', async () => {
    const l = await lingkup(instansi.a);
    const { panggilan, lambat } = await laluBatalkan(database.db, async (tx) => {
      // One employee whose superior is set by hand (a correction): no fast answer for him.
      await tx.execute(
        sql`UPDATE pegawai p SET atasan_override_jenis = 'KOREKSI',
                   atasan_override_id = (SELECT min(a.id) FROM pegawai a WHERE a.instansi_id = p.instansi_id AND a.id <> p.id)
             WHERE p.id = (SELECT max(id) FROM pegawai WHERE instansi_id = ${l.instansiId} AND is_active)`,
      );
      const [hitung] = await rows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id
             WHERE p.instansi_id = ${l.instansiId} AND p.is_active
               AND (p.atasan_override_id IS NOT NULL OR j.atasan_jabatan_id IS NULL OR j.atasan_jabatan_id = j.id
                    OR NOT EXISTS (SELECT 1 FROM pegawai h WHERE h.jabatan_id = j.atasan_jabatan_id AND h.is_active))`,
      );
      let n = -1;
      await siapkanDiamati(tx, l, async (q, teks) => {
        if (!/^\s*CREATE TEMP TABLE "cakupan_emp"/.test(teks)) return false;
        n = await panggilanFungsi(tx, q, 'rencana_atasan');
        return true;
      });
      return { panggilan: n, lambat: hitung!.n };
    });
    const [pegawai] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM pegawai WHERE instansi_id = ${l.instansiId} AND is_active`,
    );
    expect(panggilan).toBeGreaterThanOrEqual(1);
    expect(panggilan).toBeLessThanOrEqual(lambat);
    expect(lambat).toBeLessThan(pegawai!.n / 10);
  });
});

describe('instansi and year of RHKs, IKIs and links', () => {
  it('come from the parent when a writer leaves them out', async () => {
    const [skp] = await rows<{ id: number; atasan_rhk_id: number }>(
      database.db,
      sql`SELECT s.id, (SELECT v.atasan_rhk_id FROM rhk_intervensi v JOIN rhk r ON r.id = v.rhk_id WHERE r.skp_id = s.id LIMIT 1) AS atasan_rhk_id
            FROM skp s WHERE s.instansi_id = ${instansi.b} AND s.tahun = ${TAHUN}
             AND EXISTS (SELECT 1 FROM rhk r JOIN rhk_intervensi v ON v.rhk_id = r.id WHERE r.skp_id = s.id)
           ORDER BY s.id LIMIT 1`,
    );
    const [rhkBaru] = await rows<{ id: number; lingkup: string }>(
      database.db,
      sql`INSERT INTO rhk (skp_id, jenis, urutan, rencana) VALUES (${skp!.id}, 'TAMBAHAN', 99, 'RHK rilis lama')
          RETURNING id, instansi_id || '/' || tahun AS lingkup`,
    );
    const [iki] = await rows<{ lingkup: string }>(
      database.db,
      sql`INSERT INTO iki (rhk_id, urutan, indikator) VALUES (${rhkBaru!.id}, 0, 'Indikator rilis lama')
          RETURNING instansi_id || '/' || tahun AS lingkup`,
    );
    const [tautan] = await rows<{ lingkup: string }>(
      database.db,
      sql`INSERT INTO rhk_intervensi (rhk_id, atasan_rhk_id) VALUES (${rhkBaru!.id}, ${skp!.atasan_rhk_id})
          RETURNING instansi_id || '/' || tahun AS lingkup`,
    );
    const diharapkan = `${instansi.b}/${TAHUN}`;
    expect([rhkBaru!.lingkup, iki!.lingkup, tautan!.lingkup]).toEqual([diharapkan, diharapkan, diharapkan]);
  });
});

// Migrates a fresh database in two steps: over a minute on PGlite on a loaded machine.
describe('the migration carrying instansi and year', { timeout: 240_000 }, () => {
  it("fills existing RHKs, IKIs and links from their plan's", async () => {
    const m = await basisDataSebelum('0044_rhk_lingkup');
    try {
      // Rows as an older installation has them; the employees and positions they name do not matter here.
      await rows(m.db, sql`SET session_replication_role = replica`);
      await rows(
        m.db,
        sql`INSERT INTO instansi (id, kode, nama, jenis) OVERRIDING SYSTEM VALUE
            VALUES (3, 'K3', 'Kota Tiga', 'KOTA'), (4, 'K4', 'Kota Empat', 'KOTA')`,
      );
      await rows(
        m.db,
        sql`INSERT INTO skp (id, instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt)
            OVERRIDING SYSTEM VALUE
            VALUES (1, 3, 1, 1, 2025, '2025-01-01', '2025-12-31', 'KUANTITATIF', false),
                   (2, 4, 2, 2, 2026, '2026-01-01', '2026-12-31', 'KUANTITATIF', false)`,
      );
      await rows(
        m.db,
        sql`INSERT INTO rhk (id, skp_id, jenis, urutan, rencana) OVERRIDING SYSTEM VALUE
            VALUES (10, 1, 'UTAMA', 0, 'a'), (20, 2, 'UTAMA', 0, 'b')`,
      );
      await rows(m.db, sql`INSERT INTO iki (rhk_id, urutan, indikator) VALUES (10, 0, 'x'), (20, 0, 'y')`);
      await rows(m.db, sql`INSERT INTO rhk_intervensi (rhk_id, atasan_rhk_id) VALUES (20, 10)`);
      await rows(m.db, sql`SET session_replication_role = DEFAULT`);
      await m.lanjut();
      expect(
        await rows(
          m.db,
          sql`SELECT 'rhk' AS t, id AS k, instansi_id AS i, tahun FROM rhk
              UNION ALL SELECT 'iki', rhk_id, instansi_id, tahun FROM iki
              UNION ALL SELECT 'rhk_intervensi', rhk_id, instansi_id, tahun FROM rhk_intervensi
              ORDER BY 1, 2`,
        ),
      ).toEqual([
        { t: 'iki', k: 10, i: 3, tahun: 2025 },
        { t: 'iki', k: 20, i: 4, tahun: 2026 },
        { t: 'rhk', k: 10, i: 3, tahun: 2025 },
        { t: 'rhk', k: 20, i: 4, tahun: 2026 },
        { t: 'rhk_intervensi', k: 20, i: 4, tahun: 2026 },
      ]);
    } finally {
      await m.tutup();
    }
  });
});
