/** Partition pruning as tests see it: the statements a query function sends, and what their plans read. */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rows } from '../src/db/client.js';

/** The statements a raw-SQL query function sends, caught instead of run. */
export async function tangkap(fn: (db: DbOrTx) => Promise<unknown>): Promise<SQL[]> {
  const caught: SQL[] = [];
  const penangkap = {
    execute: async (q: SQL) => {
      caught.push(q);
      return { rows: [] };
    },
  };
  // A function that reads its own answer (a count) fails on the empty one; its statement is caught.
  await fn(penangkap as unknown as DbOrTx).catch((e) => {
    if (!caught.length) throw e;
  });
  return caught;
}

/**
 * Every table matching `nama` the plan of `query` reads (partitions pruned away do not appear).
 * `jalankan` runs it (EXPLAIN ANALYZE): then a table counts only if it was scanned, so pruning at
 * run time, per row of a join, shows too.
 */
export async function tabelDibaca(
  db: Db,
  query: SQL | { getSQL(): SQL },
  nama: RegExp,
  { jalankan = false } = {},
): Promise<string[]> {
  const [row] = await rows<{ 'QUERY PLAN': unknown }>(
    db,
    jalankan ? sql`EXPLAIN (ANALYZE, FORMAT JSON) ${query}` : sql`EXPLAIN (FORMAT JSON) ${query}`,
  );
  const raw = row!['QUERY PLAN'];
  const plan = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const found = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    const dibaca = !jalankan || (node['Actual Loops'] as number) > 0;
    if (typeof node['Relation Name'] === 'string' && dibaca) found.add(node['Relation Name']);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((plan as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return [...found].filter((t) => nama.test(t)).sort();
}

/** One scan of a table in a plan, with every condition it applies (index, recheck, filter). */
export interface Pindaian {
  tabel: string;
  kondisi: string;
}

/** Every scan of a table matching `nama` in the plan of `query` (a statement EXPLAIN accepts). */
export async function pindaian(db: DbOrTx, query: SQL, nama: RegExp): Promise<Pindaian[]> {
  const [row] = await rows<{ 'QUERY PLAN': unknown }>(db, sql`EXPLAIN (FORMAT JSON) ${query}`);
  const raw = row!['QUERY PLAN'];
  const plan = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const found: Pindaian[] = [];
  const walk = (node: Record<string, unknown>) => {
    const tabel = node['Relation Name'];
    // A bitmap heap scan carries its index's condition as Recheck Cond.
    if (typeof tabel === 'string' && nama.test(tabel))
      found.push({
        tabel,
        kondisi: [node['Index Cond'], node['Recheck Cond'], node.Filter].filter(Boolean).join(' AND '),
      });
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((plan as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return found;
}
