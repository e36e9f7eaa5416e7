/** SQL for single sign-on: the instansi's provider settings, and the employee an SSO login names. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { instansi, pegawai, ssoInstansi } from '../../db/schema/index.js';

export type SsoRow = typeof ssoInstansi.$inferSelect;
export type SsoSet = Omit<typeof ssoInstansi.$inferInsert, 'instansiId' | 'version' | 'updatedAt'>;

export async function findSso(db: DbOrTx, instansiId: number): Promise<SsoRow | null> {
  const [row] = await db.select().from(ssoInstansi).where(eq(ssoInstansi.instansiId, instansiId));
  return row ?? null;
}

/** Writes the settings if `version` is still current; version 1 with no row creates it. */
export async function saveSsoIfVersion(db: DbOrTx, instansiId: number, version: number, set: SsoSet) {
  const inserted = await db
    .insert(ssoInstansi)
    .values({ instansiId, ...set, version: 2 })
    .onConflictDoNothing()
    .returning({ v: ssoInstansi.version });
  if (inserted.length) return version === 1;
  const updated = await db
    .update(ssoInstansi)
    .set({ ...set, version: sql`${ssoInstansi.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(ssoInstansi.instansiId, instansiId), eq(ssoInstansi.version, version)))
    .returning({ v: ssoInstansi.version });
  return updated.length === 1;
}

/** The instansi whose SSO is on, for the login page. */
export async function listSsoAktif(db: DbOrTx) {
  return db
    .select({ instansiId: instansi.id, namaInstansi: instansi.nama })
    .from(ssoInstansi)
    .innerJoin(instansi, eq(instansi.id, ssoInstansi.instansiId))
    .where(eq(ssoInstansi.aktif, true))
    .orderBy(instansi.nama);
}

/** The active employee with this NIP in this instansi: an SSO login never crosses instansi. */
export async function findAccountInInstansi(db: DbOrTx, nip: string, instansiId: number) {
  const [row] = await db
    .select({ id: pegawai.id, nip: pegawai.nip, instansiId: pegawai.instansiId, opdId: pegawai.opdId })
    .from(pegawai)
    .where(and(eq(pegawai.nip, nip), eq(pegawai.instansiId, instansiId), eq(pegawai.isActive, true)));
  return row ?? null;
}
