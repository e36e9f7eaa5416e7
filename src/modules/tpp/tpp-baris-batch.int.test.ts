/**
 * The payroll workbook reads a month's lines in keyset batches. Right after a month is computed the
 * planner knows nothing of its lines yet; each batch must still read only its own lines, by key,
 * before names and units are joined. Joined first, a batch hashed every remaining line of the month
 * (0.5 s a batch, 490 s for the workbook of 100,000 employees).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/db.js';
import { bacaanTabel, tangkap } from '../../../test/explain.js';
import { type Database, rows } from '../../db/client.js';
import { insertOrgPlan } from '../../db/seed/insert-org.js';
import { syntheticPlan } from '../../db/seed/synthetic.js';
import { type BarisRow, barisBatch } from './tpp.queries.js';

const PEGAWAI = 2000;
const BATCH = 50;

let database: Database;
const juli = { id: 0, bulan: '2026-07' };

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await database.db.transaction((tx) =>
    insertOrgPlan(tx, syntheticPlan(PEGAWAI), { passwordHash: null }),
  );
  // The planner last saw the year's lines empty (as a fresh year's partition is); July's come after.
  await database.db.execute(sql`ANALYZE tpp_baris`);
  const [m] = await rows<{ id: number }>(
    database.db,
    sql`INSERT INTO tpp_bulan (instansi_id, bulan, parameter, hari_kerja, jumlah_pegawai, total, dihitung_oleh_id, dihitung_at)
        SELECT ${org.instansiId}, ${juli.bulan}, '{}'::jsonb, 22, ${PEGAWAI}, 0, min(id), now() FROM pegawai WHERE instansi_id = ${org.instansiId}
        RETURNING id`,
  );
  juli.id = m!.id;
  await database.db.execute(
    sql`INSERT INTO tpp_baris (tpp_bulan_id, pegawai_id, tahun, opd_id, dasar, produktivitas, disiplin, jumlah, rincian)
        SELECT ${juli.id}, id, 2026, opd_id, 2000000, 1200000, 800000, 2000000, '{"jabatanNama": "Pelaksana"}'::jsonb
          FROM pegawai WHERE instansi_id = ${org.instansiId}`,
  );
});
afterAll(() => database.close());

describe("a month's lines in batches for the payroll workbook", () => {
  // Whatever join follows: with nested loops off the planner must hash or merge, as it chose to
  // (hashing) for 100,000 lines it had no statistics of.
  it('read by key, each batch only its own lines, whichever join follows', async () => {
    const [tengah] = await rows<{ id: number }>(
      database.db,
      sql`SELECT pegawai_id AS id FROM tpp_baris WHERE tpp_bulan_id = ${juli.id} ORDER BY pegawai_id OFFSET ${PEGAWAI / 2} LIMIT 1`,
    );
    const [statement] = await tangkap((db) => barisBatch(db, juli, null, tengah!.id, BATCH));
    for (const nestloop of ['on', 'off']) {
      const dibaca = await database.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('enable_nestloop', ${nestloop}, true)`);
        return bacaanTabel(tx, statement!, 'tpp_baris_2026');
      });
      expect(dibaca.jalur, nestloop).toEqual(['tpp_baris_2026_pkey']);
      expect(dibaca.baris, nestloop).toBeLessThanOrEqual(BATCH);
    }
  });

  it('walk the whole month once, in key order', async () => {
    const seen: number[] = [];
    let batch: BarisRow[] = [];
    let afterId = 0;
    do {
      batch = await barisBatch(database.db, juli, null, afterId, BATCH);
      seen.push(...batch.map((b) => b.pegawai_id));
      afterId = batch.at(-1)?.pegawai_id ?? afterId;
    } while (batch.length === BATCH);
    expect(seen).toHaveLength(PEGAWAI);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(PEGAWAI);
  });
});
