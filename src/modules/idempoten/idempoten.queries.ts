/** SQL of the idempotency keys: claim inside the caller's transaction, read, answer, prune. */
import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { kunciIdempoten } from '../../db/schema/index.js';

export interface Klaim {
  instansiId: number;
  pegawaiId: number;
  kunci: string;
  rute: string;
  sidik: string;
  createdAt: Date;
}

/**
 * Inserts the key; false when it is taken. On PostgreSQL a concurrent claim of the same key waits
 * here for the first transaction and then finds it taken, so only one write commits.
 */
export async function klaim(tx: DbOrTx, k: Klaim) {
  const out = await tx
    .insert(kunciIdempoten)
    .values(k)
    .onConflictDoNothing({ target: [kunciIdempoten.pegawaiId, kunciIdempoten.kunci] })
    .returning({ id: kunciIdempoten.id });
  return out.length === 1;
}

export async function findKunci(db: DbOrTx, pegawaiId: number, kunci: string) {
  const [row] = await db
    .select({ sidik: kunciIdempoten.sidik, status: kunciIdempoten.status, respons: kunciIdempoten.respons })
    .from(kunciIdempoten)
    .where(and(eq(kunciIdempoten.pegawaiId, pegawaiId), eq(kunciIdempoten.kunci, kunci)));
  return row ?? null;
}

export async function simpanRespons(
  db: DbOrTx,
  pegawaiId: number,
  kunci: string,
  status: number,
  respons: unknown,
) {
  await db
    .update(kunciIdempoten)
    .set({ status, respons })
    .where(and(eq(kunciIdempoten.pegawaiId, pegawaiId), eq(kunciIdempoten.kunci, kunci)));
}

export async function hapusSebelum(db: DbOrTx, batas: Date) {
  const out = await db
    .delete(kunciIdempoten)
    .where(lt(kunciIdempoten.createdAt, batas))
    .returning({ id: kunciIdempoten.id });
  return out.length;
}
