/**
 * Foreign keys checked in bulk, for loads that skip PostgreSQL's per-row checks (ADR 0031): one
 * anti-join per foreign key of the schema instead of one lookup per inserted row.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from './client.js';

export interface PelanggaranKunciAsing {
  /** The constraint, e.g. bukti_dukung_realisasi_fk. */
  nama: string;
  tabel: string;
  /** Rows whose key names no parent row. */
  baris: number;
}

interface KunciAsing {
  nama: string;
  anak: string;
  induk: string;
  kolomAnak: string[];
  kolomInduk: string[];
}

/** Every foreign key of the public schema, once: a partitioned table's, not its partitions' copies. */
function daftarKunciAsing(db: DbOrTx) {
  return rows<KunciAsing>(
    db,
    sql`SELECT c.conname AS nama, a.relname AS anak, i.relname AS induk,
               array(SELECT attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                       JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n ORDER BY k.o)::text[] AS "kolomAnak",
               array(SELECT attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                       JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n ORDER BY k.o)::text[] AS "kolomInduk"
          FROM pg_constraint c
          JOIN pg_class a ON a.oid = c.conrelid JOIN pg_class i ON i.oid = c.confrelid
          JOIN pg_namespace s ON s.oid = a.relnamespace
         WHERE c.contype = 'f' AND c.conparentid = 0 AND s.nspname = 'public' AND NOT a.relispartition
         ORDER BY a.relname, c.conname`,
  );
}

/**
 * The foreign keys some rows break (MATCH SIMPLE, as declared: a key with a null column is not
 * checked). Empty when every key holds.
 */
export async function periksaKunciAsing(db: DbOrTx): Promise<PelanggaranKunciAsing[]> {
  const found: PelanggaranKunciAsing[] = [];
  for (const k of await daftarKunciAsing(db)) {
    const c = (kolom: string) => sql`c.${sql.identifier(kolom)}`;
    const terisi = sql.join(
      k.kolomAnak.map((kolom) => sql`${c(kolom)} IS NOT NULL`),
      sql` AND `,
    );
    const cocok = sql.join(
      k.kolomAnak.map((kolom, n) => sql`p.${sql.identifier(k.kolomInduk[n]!)} = ${c(kolom)}`),
      sql` AND `,
    );
    const [hitung] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(k.anak)} c
           WHERE ${terisi} AND NOT EXISTS (SELECT 1 FROM ${sql.identifier(k.induk)} p WHERE ${cocok})`,
    );
    if (hitung!.n > 0) found.push({ nama: k.nama, tabel: k.anak, baris: hitung!.n });
  }
  return found;
}
