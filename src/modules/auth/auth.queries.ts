import { and, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { type DbOrTx, prepareOnce } from '../../db/client.js';
import { pegawai, peranPegawai, sesi } from '../../db/schema/index.js';
import type { Actor } from './actor.js';

export async function findAccount(db: DbOrTx, nip: string) {
  const [row] = await db
    .select({
      id: pegawai.id,
      instansiId: pegawai.instansiId,
      opdId: pegawai.opdId,
      passwordHash: pegawai.passwordHash,
      isActive: pegawai.isActive,
    })
    .from(pegawai)
    .where(eq(pegawai.nip, nip));
  return row ?? null;
}

export async function findPasswordHash(db: DbOrTx, pegawaiId: number) {
  const [row] = await db
    .select({ passwordHash: pegawai.passwordHash, instansiId: pegawai.instansiId, opdId: pegawai.opdId })
    .from(pegawai)
    .where(eq(pegawai.id, pegawaiId));
  return row ?? null;
}

export async function setPassword(db: DbOrTx, pegawaiId: number, hash: string, mustChange: boolean) {
  await db
    .update(pegawai)
    .set({ passwordHash: hash, mustChangePassword: mustChange, updatedAt: sql`now()` })
    .where(eq(pegawai.id, pegawaiId));
}

export async function insertSession(
  db: DbOrTx,
  row: {
    id: string;
    pegawaiId: number;
    csrfToken: string;
    createdAt: Date;
    expiresAt: Date;
    berakhirMutlakAt: Date;
    userAgent: string | null;
    wajibDaftarMfa: boolean;
    ssoInstansiId: number | null;
    ssoIdToken: string | null;
  },
) {
  await db.insert(sesi).values(row);
}

/** Ends a session; answers its SSO origin (null for a password session or none). */
export async function deleteSession(db: DbOrTx, id: string) {
  const [row] = await db
    .delete(sesi)
    .where(eq(sesi.id, id))
    .returning({ ssoInstansiId: sesi.ssoInstansiId, ssoIdToken: sesi.ssoIdToken });
  return row?.ssoInstansiId && row.ssoIdToken
    ? { ssoInstansiId: row.ssoInstansiId, ssoIdToken: row.ssoIdToken }
    : null;
}

export async function deleteOtherSessions(db: DbOrTx, pegawaiId: number, keepId: string | null) {
  await db
    .delete(sesi)
    .where(keepId ? and(eq(sesi.pegawaiId, pegawaiId), ne(sesi.id, keepId)) : eq(sesi.pegawaiId, pegawaiId));
}

/** Moves a session's idle end to `end`, never past its absolute end; answers the new end (null: no such session). */
export async function extendSession(db: DbOrTx, sessionId: string, end: Date) {
  const [row] = await db
    .update(sesi)
    .set({ expiresAt: sql`least(${end.toISOString()}::timestamptz, ${sesi.berakhirMutlakAt})` })
    .where(eq(sesi.id, sessionId))
    .returning({ expiresAt: sesi.expiresAt });
  return row?.expiresAt ?? null;
}

export async function deleteExpiredSessionsOf(db: DbOrTx, pegawaiId: number, now: Date) {
  await db.delete(sesi).where(and(eq(sesi.pegawaiId, pegawaiId), lt(sesi.expiresAt, now)));
}

function actorBySessionQuery(db: DbOrTx) {
  return db
    .select({
      id: pegawai.id,
      nip: pegawai.nip,
      gelarDepan: pegawai.gelarDepan,
      nama: pegawai.nama,
      gelarBelakang: pegawai.gelarBelakang,
      instansiId: pegawai.instansiId,
      opdId: pegawai.opdId,
      mustChangePassword: pegawai.mustChangePassword,
      mustEnrolMfa: sesi.wajibDaftarMfa,
      csrfToken: sesi.csrfToken,
      expiresAt: sesi.expiresAt,
      berakhirMutlakAt: sesi.berakhirMutlakAt,
      roles: sql<
        Actor['roles']
      >`coalesce((select json_agg(json_build_object('peran', r.peran, 'opdId', r.opd_id))
        from ${peranPegawai} r where r.pegawai_id = ${pegawai.id}), '[]'::json)`,
    })
    .from(sesi)
    .innerJoin(pegawai, eq(pegawai.id, sesi.pegawaiId))
    .where(
      and(
        eq(sesi.id, sql.placeholder('sessionId')),
        gt(sesi.expiresAt, sql.placeholder('now')),
        eq(pegawai.isActive, true),
      ),
    )
    .prepare('actor_by_session');
}

/** The actor behind a session, with roles, in one query. */
export async function findActorBySession(
  db: DbOrTx,
  sessionId: string,
  now: Date,
): Promise<
  (Actor & { csrfToken: string; expiresAt: Date | string; berakhirMutlakAt: Date | string }) | null
> {
  // Runs on every authenticated request.
  const query = prepareOnce(db, 'actor_by_session', actorBySessionQuery);
  const [row] = await query.execute({ sessionId, now: now.toISOString() });
  return row ?? null;
}

/** The employee's live sessions, newest first. */
export async function listSesi(db: DbOrTx, pegawaiId: number, now: Date) {
  return db
    .select({
      id: sesi.id,
      createdAt: sesi.createdAt,
      expiresAt: sesi.expiresAt,
      userAgent: sesi.userAgent,
    })
    .from(sesi)
    .where(and(eq(sesi.pegawaiId, pegawaiId), gt(sesi.expiresAt, now)))
    .orderBy(desc(sesi.createdAt));
}

export async function deleteSesiOf(db: DbOrTx, pegawaiId: number, id: string) {
  const deleted = await db
    .delete(sesi)
    .where(and(eq(sesi.id, id), eq(sesi.pegawaiId, pegawaiId)))
    .returning({ userAgent: sesi.userAgent, createdAt: sesi.createdAt });
  return deleted[0] ?? null;
}
