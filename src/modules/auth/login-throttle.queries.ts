/** The failure counters of login-throttle.ts: set-based, a statement or two per attempt. */
import { and, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginThrottle } from '../../db/schema/index.js';

/** The address of the row that counts a NIP's failures over all addresses. */
export const ALL_ADDRESSES = '';

/** The pair row and the NIP row of an attempt, unless forgotten. */
export async function readCounters(db: DbOrTx, nip: string, address: string, since: Date) {
  return db
    .select({
      address: loginThrottle.address,
      failures: loginThrottle.failures,
      lastAt: loginThrottle.lastAt,
    })
    .from(loginThrottle)
    .where(
      and(
        eq(loginThrottle.nip, nip),
        inArray(loginThrottle.address, [address, ALL_ADDRESSES]),
        gte(loginThrottle.lastAt, since),
      ),
    );
}

/**
 * Takes the turn of each slowed-down counter: moves its clock to now if its wait ended by then.
 * Of parallel attempts only one can move it; the number of rows moved tells whether all were won.
 */
export async function claimTurns(
  db: DbOrTx,
  nip: string,
  now: Date,
  turns: { address: string; waitedSince: Date }[],
): Promise<number> {
  const moved = await db
    .update(loginThrottle)
    .set({ lastAt: now })
    .where(
      and(
        eq(loginThrottle.nip, nip),
        or(
          ...turns.map((t) =>
            and(eq(loginThrottle.address, t.address), lte(loginThrottle.lastAt, t.waitedSince)),
          ),
        ),
      ),
    )
    .returning({ address: loginThrottle.address });
  return moved.length;
}

/**
 * Counts one failure on the pair row and the NIP row (a counter idle since `forgetBefore` starts
 * again at 1) and deletes a few other forgotten rows, so the table holds only live counters.
 */
export async function recordFailure(db: DbOrTx, nip: string, address: string, now: Date, forgetBefore: Date) {
  const at = now.toISOString();
  const before = forgetBefore.toISOString();
  await db.execute(sql`
    WITH forgotten AS (
      DELETE FROM login_throttle WHERE (nip, address) IN (
        SELECT nip, address FROM login_throttle
        WHERE last_at < ${before} AND NOT (nip = ${nip} AND address IN (${address}, ${ALL_ADDRESSES}))
        LIMIT 50 FOR UPDATE SKIP LOCKED
      )
    )
    INSERT INTO login_throttle (nip, address, failures, last_at)
    VALUES (${nip}, ${address}, 1, ${at}), (${nip}, ${ALL_ADDRESSES}, 1, ${at})
    ON CONFLICT (nip, address) DO UPDATE SET
      failures = CASE WHEN login_throttle.last_at < ${before} THEN 1 ELSE login_throttle.failures + 1 END,
      last_at = excluded.last_at`);
}

export async function deletePair(db: DbOrTx, nip: string, address: string) {
  await db.delete(loginThrottle).where(and(eq(loginThrottle.nip, nip), eq(loginThrottle.address, address)));
}

/** Every counter of an employee's NIP (an admin gave a new password). */
export async function deleteAllOf(db: DbOrTx, pegawaiId: number) {
  await db.execute(
    sql`DELETE FROM login_throttle WHERE nip = (SELECT nip FROM pegawai WHERE id = ${pegawaiId})`,
  );
}
