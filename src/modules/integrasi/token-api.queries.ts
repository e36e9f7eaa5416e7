/** API tokens: stored as a SHA-256 hash with a short prefix; lookups by the unique hash. */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';

export interface TokenRow {
  id: number;
  instansiId: number;
  nama: string;
  prefiks: string;
  cakupan: string[];
  kedaluwarsaAt: Date;
  dicabutAt: Date | null;
  terakhirDipakaiAt: Date | null;
  createdAt: Date;
  dibuatOleh: string;
}

const SELECT_TOKEN = sql`SELECT t.id, t.instansi_id AS "instansiId", t.nama, t.prefiks, t.cakupan,
       t.kedaluwarsa_at AS "kedaluwarsaAt", t.dicabut_at AS "dicabutAt",
       t.terakhir_dipakai_at AS "terakhirDipakaiAt", t.created_at AS "createdAt", p.nama AS "dibuatOleh"
  FROM token_api t JOIN pegawai p ON p.id = t.dibuat_oleh_id`;

/** Timestamps come back as Date from node-postgres and as Date or string elsewhere: one shape. */
function normal(r: TokenRow): TokenRow {
  const d = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    ...r,
    kedaluwarsaAt: d(r.kedaluwarsaAt)!,
    dicabutAt: d(r.dicabutAt),
    terakhirDipakaiAt: d(r.terakhirDipakaiAt),
    createdAt: d(r.createdAt)!,
  };
}

export async function tokenByHash(db: DbOrTx, hash: string): Promise<TokenRow | null> {
  const [row] = await rows<TokenRow>(db, sql`${SELECT_TOKEN} WHERE t.hash = ${hash}`);
  return row ? normal(row) : null;
}

export async function tokenById(db: DbOrTx, instansiId: number, id: number): Promise<TokenRow | null> {
  const [row] = await rows<TokenRow>(
    db,
    sql`${SELECT_TOKEN} WHERE t.id = ${id} AND t.instansi_id = ${instansiId}`,
  );
  return row ? normal(row) : null;
}

/** Newest first, one page after the cursor id. */
export async function listTokens(db: DbOrTx, instansiId: number, beforeId: number | null, limit: number) {
  const found = await rows<TokenRow>(
    db,
    sql`${SELECT_TOKEN}
         WHERE t.instansi_id = ${instansiId} ${beforeId === null ? sql`` : sql`AND t.id < ${beforeId}`}
         ORDER BY t.id DESC LIMIT ${limit + 1}`,
  );
  return found.map(normal);
}

export async function insertToken(
  tx: DbOrTx,
  t: {
    instansiId: number;
    nama: string;
    prefiks: string;
    hash: string;
    cakupan: string[];
    kedaluwarsaAt: Date;
    dibuatOlehId: number;
    now: Date;
  },
): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO token_api (instansi_id, nama, prefiks, hash, cakupan, kedaluwarsa_at, dibuat_oleh_id, created_at)
        VALUES (${t.instansiId}, ${t.nama}, ${t.prefiks}, ${t.hash},
                ARRAY(SELECT json_array_elements_text(${JSON.stringify(t.cakupan)}::json)),
                ${t.kedaluwarsaAt.toISOString()}::timestamptz, ${t.dibuatOlehId}, ${t.now.toISOString()}::timestamptz)
        RETURNING id`,
  );
  return Number(row!.id);
}

/** Revokes a token still active; returns whether it did. */
export async function cabutToken(tx: DbOrTx, instansiId: number, id: number, now: Date): Promise<boolean> {
  const found = await rows<{ id: number }>(
    tx,
    sql`UPDATE token_api SET dicabut_at = ${now.toISOString()}::timestamptz
         WHERE id = ${id} AND instansi_id = ${instansiId} AND dicabut_at IS NULL RETURNING id`,
  );
  return found.length > 0;
}

/** Notes the last use at most once a minute, so a busy token does not write on every request. */
export async function catatPemakaian(db: DbOrTx, id: number, now: Date): Promise<void> {
  await db.execute(
    sql`UPDATE token_api SET terakhir_dipakai_at = ${now.toISOString()}::timestamptz
         WHERE id = ${id} AND (terakhir_dipakai_at IS NULL
               OR terakhir_dipakai_at < ${now.toISOString()}::timestamptz - interval '1 minute')`,
  );
}
