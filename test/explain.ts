/** Plans as tests see them: the statements a query function sends, and what their plans read and how. */
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

type Simpul = Record<string, unknown>;

/** The nodes of the plan of `query`, every one; `jalankan` runs it (EXPLAIN ANALYZE), giving actual figures. */
async function simpulRencana(
  db: DbOrTx,
  query: SQL | { getSQL(): SQL },
  jalankan: boolean,
): Promise<Simpul[]> {
  const [row] = await rows<{ 'QUERY PLAN': unknown }>(
    db,
    jalankan ? sql`EXPLAIN (ANALYZE, FORMAT JSON) ${query}` : sql`EXPLAIN (FORMAT JSON) ${query}`,
  );
  const raw = row!['QUERY PLAN'];
  const plan = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const semua: Simpul[] = [];
  const walk = (node: Simpul) => {
    semua.push(node);
    for (const child of (node.Plans as Simpul[] | undefined) ?? []) walk(child);
  };
  walk((plan as { Plan: Simpul }[])[0]!.Plan);
  return semua;
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
  const found = new Set<string>();
  for (const node of await simpulRencana(db, query, jalankan)) {
    const dibaca = !jalankan || (node['Actual Loops'] as number) > 0;
    if (typeof node['Relation Name'] === 'string' && dibaca) found.add(node['Relation Name']);
  }
  return [...found].filter((t) => nama.test(t)).sort();
}

/** One scan of a table in a plan, with every condition it applies (index, recheck, filter). */
export interface Pindaian {
  tabel: string;
  kondisi: string;
}

/** Every scan of a table matching `nama` in the plan of `query` (any statement EXPLAIN accepts). */
export async function pindaian(db: DbOrTx, query: SQL, nama: RegExp): Promise<Pindaian[]> {
  return (await simpulRencana(db, query, false)).flatMap((node) => {
    const tabel = node['Relation Name'];
    if (typeof tabel !== 'string' || !nama.test(tabel)) return [];
    // A bitmap heap scan carries its index's condition as Recheck Cond.
    const kondisi = [node['Index Cond'], node['Recheck Cond'], node.Filter].filter(Boolean).join(' AND ');
    return [{ tabel, kondisi }];
  });
}

/** The indexes a scan goes through: its own, or a bitmap heap scan's bitmap index scans (under BitmapAnd/Or too). */
function indeksDari(node: Simpul): string[] {
  const bitmap = ((node.Plans as Simpul[] | undefined) ?? []).filter((x) =>
    (x['Node Type'] as string).startsWith('Bitmap'),
  );
  return [
    ...(typeof node['Index Name'] === 'string' ? [node['Index Name']] : []),
    ...bitmap.flatMap(indeksDari),
  ];
}

/**
 * How running `query` read `tabel`: the path of each scan of it (the index, or the node type of a
 * scan without one) and the rows those scans looked at, returned or filtered out, over all loops
 * (exact for a scan run once: EXPLAIN rounds the figures of a loop to their average).
 */
export async function bacaanTabel(
  db: DbOrTx,
  query: SQL | { getSQL(): SQL },
  tabel: string,
): Promise<{ jalur: string[]; baris: number }> {
  const jalur = new Set<string>();
  let baris = 0;
  const n = (node: Simpul, key: string) => (node[key] as number | undefined) ?? 0;
  for (const node of await simpulRencana(db, query, true)) {
    if (node['Relation Name'] !== tabel || n(node, 'Actual Loops') === 0) continue;
    const indeks = indeksDari(node);
    for (const x of indeks.length ? indeks : [node['Node Type'] as string]) jalur.add(x);
    const perLoop =
      n(node, 'Actual Rows') + n(node, 'Rows Removed by Filter') + n(node, 'Rows Removed by Index Recheck');
    baris += perLoop * n(node, 'Actual Loops');
  }
  return { jalur: [...jalur].sort(), baris };
}

/** How many times running `query` called the set-returning function `fungsi` in its FROM (its Function Scans' loops). */
export async function panggilanFungsi(db: DbOrTx, query: SQL, fungsi: string): Promise<number> {
  return (await simpulRencana(db, query, true))
    .filter((node) => node['Node Type'] === 'Function Scan' && node['Function Name'] === fungsi)
    .reduce((n, node) => n + ((node['Actual Loops'] as number | undefined) ?? 0), 0);
}
