/** SQL of authenticator codes: secrets, recovery codes, the code step of login. */
import { and, eq, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { mfaKodePemulihan, mfaPegawai, mfaTantangan, sesi } from '../../db/schema/index.js';

export async function findMfa(db: DbOrTx, pegawaiId: number) {
  const [row] = await db.select().from(mfaPegawai).where(eq(mfaPegawai.pegawaiId, pegawaiId));
  return row ?? null;
}

export async function countKodePemulihan(db: DbOrTx, pegawaiId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaKodePemulihan)
    .where(eq(mfaKodePemulihan.pegawaiId, pegawaiId));
  return row!.n;
}

/** The policy's role groups of an employee today: admin role, and assessor (has direct subordinates). */
export async function kelompokMfa(db: DbOrTx, pegawaiId: number, tanggal: string) {
  const [row] = await rows<{ isAdmin: boolean; isPenilai: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM peran_pegawai
                        WHERE pegawai_id = ${pegawaiId} AND peran IN ('ADMIN_INSTANSI', 'ADMIN_OPD')) AS "isAdmin",
               EXISTS (SELECT 1 FROM bawahan_langsung(${pegawaiId}::int, ${tanggal}::date)) AS "isPenilai"`,
  );
  return row!;
}

export async function saveRahasiaBaru(db: DbOrTx, pegawaiId: number, rahasiaBaru: string) {
  await db
    .insert(mfaPegawai)
    .values({ pegawaiId, rahasiaBaru })
    .onConflictDoUpdate({ target: mfaPegawai.pegawaiId, set: { rahasiaBaru } });
}

/** The pending secret becomes the one in force; its confirming code's step counts as used. */
export async function activateRahasiaBaru(db: DbOrTx, pegawaiId: number, langkah: number, now: Date) {
  const updated = await db
    .update(mfaPegawai)
    .set({ rahasia: mfaPegawai.rahasiaBaru, rahasiaBaru: null, aktifAt: now, langkahTerakhir: langkah })
    .where(and(eq(mfaPegawai.pegawaiId, pegawaiId), isNotNull(mfaPegawai.rahasiaBaru)))
    .returning({ pegawaiId: mfaPegawai.pegawaiId });
  return updated.length === 1;
}

export async function replaceKodePemulihan(db: DbOrTx, pegawaiId: number, hashes: string[]) {
  await db.delete(mfaKodePemulihan).where(eq(mfaKodePemulihan.pegawaiId, pegawaiId));
  await db.insert(mfaKodePemulihan).values(hashes.map((hash) => ({ pegawaiId, hash })));
}

/** Enrolment confirmed: the employee's restricted sessions open fully. */
export async function liftWajibDaftar(db: DbOrTx, pegawaiId: number) {
  await db
    .update(sesi)
    .set({ wajibDaftarMfa: false })
    .where(and(eq(sesi.pegawaiId, pegawaiId), eq(sesi.wajibDaftarMfa, true)));
}

export async function insertTantangan(
  db: DbOrTx,
  row: {
    id: string;
    pegawaiId: number;
    kedaluwarsaAt: Date;
    ssoInstansiId: number | null;
    ssoIdToken: string | null;
  },
) {
  await db.insert(mfaTantangan).values(row);
}

/** Expired or exhausted challenges of one employee, cleared when he starts a new one. */
export async function deleteStaleTantanganOf(db: DbOrTx, pegawaiId: number, now: Date, maks: number) {
  await db
    .delete(mfaTantangan)
    .where(
      and(
        eq(mfaTantangan.pegawaiId, pegawaiId),
        or(lte(mfaTantangan.kedaluwarsaAt, now), sql`${mfaTantangan.percobaan} >= ${maks}`),
      ),
    );
}

/**
 * Counts one attempt on a live challenge and returns whose it is, or null when the challenge is
 * unknown, expired or out of attempts. The count is written before the code is checked, so parallel
 * guesses cannot exceed the bound.
 */
export async function takeTantanganAttempt(db: DbOrTx, id: string, now: Date, maks: number) {
  const [row] = await rows<{
    id: number;
    nip: string;
    instansiId: number;
    opdId: number | null;
    ssoInstansiId: number | null;
    ssoIdToken: string | null;
  }>(
    db,
    sql`UPDATE mfa_tantangan t SET percobaan = t.percobaan + 1
          FROM pegawai p
         WHERE t.id = ${id} AND p.id = t.pegawai_id AND p.is_active
           AND t.kedaluwarsa_at > ${now.toISOString()}::timestamptz AND t.percobaan < ${maks}
     RETURNING p.id, p.nip, p.instansi_id AS "instansiId", p.opd_id AS "opdId",
               t.sso_instansi_id AS "ssoInstansiId", t.sso_id_token AS "ssoIdToken"`,
  );
  return row ?? null;
}

/** Single use: false when a parallel request consumed it first. */
export async function deleteTantangan(db: DbOrTx, id: string) {
  const deleted = await db
    .delete(mfaTantangan)
    .where(eq(mfaTantangan.id, id))
    .returning({ id: mfaTantangan.id });
  return deleted.length === 1;
}

/** Records the step of an accepted code; false when that step (or a later one) was already used. */
export async function spendLangkah(db: DbOrTx, pegawaiId: number, langkah: number) {
  const updated = await db
    .update(mfaPegawai)
    .set({ langkahTerakhir: langkah })
    .where(
      and(
        eq(mfaPegawai.pegawaiId, pegawaiId),
        isNotNull(mfaPegawai.rahasia),
        or(isNull(mfaPegawai.langkahTerakhir), lt(mfaPegawai.langkahTerakhir, langkah)),
      ),
    )
    .returning({ pegawaiId: mfaPegawai.pegawaiId });
  return updated.length === 1;
}

/** A recovery code works once: it is deleted as it is used. */
export async function spendKodePemulihan(db: DbOrTx, pegawaiId: number, hash: string) {
  const deleted = await db
    .delete(mfaKodePemulihan)
    .where(and(eq(mfaKodePemulihan.pegawaiId, pegawaiId), eq(mfaKodePemulihan.hash, hash)))
    .returning({ hash: mfaKodePemulihan.hash });
  return deleted.length === 1;
}

/** A lost device: the secret, the recovery codes and any pending code step go. */
export async function deleteMfa(db: DbOrTx, pegawaiId: number) {
  const [before] = await db
    .delete(mfaPegawai)
    .where(eq(mfaPegawai.pegawaiId, pegawaiId))
    .returning({ aktifAt: mfaPegawai.aktifAt });
  await db.delete(mfaKodePemulihan).where(eq(mfaKodePemulihan.pegawaiId, pegawaiId));
  await db.delete(mfaTantangan).where(eq(mfaTantangan.pegawaiId, pegawaiId));
  return { wasEnrolled: !!before?.aktifAt };
}
