import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laluBatalkan } from '../../../test/db.js';
import { bacaanTabel } from '../../../test/explain.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';
import { searchPegawai } from './pegawai.queries.js';

// Many instansi on one installation (issue 17, ADR 0033): the search's matches are read through
// indexes led by instansi_id, so an instansi's search looks at its own rows only, however many other
// instansi hold the same names and NIP prefixes.
let h: Harness;
let a: Org;

beforeAll(async () => {
  h = await createHarness();
  a = await buildOrg(h.db);
  // Two more instansi with the very same names; their NIPs share A's first digits.
  await buildOrg(h.db);
  await buildOrg(h.db);
  await h.db.execute(sql`ANALYZE pegawai`);
});
afterAll(() => h.close());

/**
 * How the search's match condition reads `pegawai` when the search indexes are the only way in
 * besides a sequential scan (turned off): on these tiny tables the planner would rather walk any
 * index led by instansi_id, which proves nothing about the search indexes. Dropped inside a
 * transaction that is rolled back.
 */
function bacaan(kondisi: SQL, indeks: string) {
  return laluBatalkan(h.db, async (tx) => {
    const lain = await rows<{ indeks: string; batasan: string | null }>(
      tx,
      sql`SELECT i.indexname AS indeks, c.conname AS batasan
            FROM pg_indexes i LEFT JOIN pg_constraint c
                   ON c.conrelid = 'pegawai'::regclass AND c.conindid = format('%I', i.indexname)::regclass
           WHERE i.tablename = 'pegawai' AND i.indexname <> ${indeks} AND c.contype IS DISTINCT FROM 'p'`,
    );
    for (const x of lain)
      await tx.execute(
        x.batasan
          ? sql`ALTER TABLE pegawai DROP CONSTRAINT ${sql.identifier(x.batasan)}`
          : sql`DROP INDEX ${sql.identifier(x.indeks)}`,
      );
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    return bacaanTabel(
      tx,
      sql`SELECT id, nama FROM pegawai WHERE instansi_id = ${a.instansiId} AND ${kondisi}`,
      'pegawai',
    );
  });
}

async function cocok(kondisi: SQL, instansiId: number | null) {
  const [r] = await rows<{ n: number }>(
    h.db,
    sql`SELECT count(*)::int AS n FROM pegawai WHERE ${instansiId === null ? sql`true` : sql`instansi_id = ${instansiId}`} AND ${kondisi}`,
  );
  return r!.n;
}

const cari = (q: string) => searchPegawai(h.db, { instansiId: a.instansiId, opdIds: null }, q, {}, null, 50);

describe('search on an installation of several instansi', () => {
  it('a part of a name: its own instansi’s matches only, through the instansi-led trigram index', async () => {
    const kondisi = sql`lower(nama) LIKE '%pelaksana%'`;
    const sendiri = await cocok(kondisi, a.instansiId);
    expect(await cocok(kondisi, null)).toBe(3 * sendiri);
    expect(await bacaan(kondisi, 'pegawai_instansi_nama_trgm_idx')).toEqual({
      jalur: ['pegawai_instansi_nama_trgm_idx'],
      baris: sendiri,
    });
    const hasil = await cari('pelaksana');
    expect(hasil.total).toBe(sendiri);
  });

  it('a NIP prefix: its own instansi’s matches only', async () => {
    // A birth year A shares with the others (NIPs start with the birth date).
    const [{ awalan }] = (await rows<{ awalan: string }>(
      h.db,
      sql`SELECT left(nip, 4) AS awalan FROM pegawai WHERE instansi_id = ${a.instansiId}
          INTERSECT SELECT left(nip, 4) FROM pegawai WHERE instansi_id <> ${a.instansiId} ORDER BY 1 LIMIT 1`,
    )) as [{ awalan: string }];
    const kondisi = sql`nip LIKE ${`${awalan}%`}`;
    const sendiri = await cocok(kondisi, a.instansiId);
    expect(await cocok(kondisi, null)).toBeGreaterThan(sendiri);
    expect(await bacaan(kondisi, 'pegawai_instansi_nip_pattern_idx')).toEqual({
      jalur: ['pegawai_instansi_nip_pattern_idx'],
      baris: sendiri,
    });
    expect((await cari(awalan)).total).toBe(sendiri);
  });
});
