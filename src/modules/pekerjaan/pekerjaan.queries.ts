import { and, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { pekerjaan } from '../../db/schema/index.js';

export type PekerjaanRow = typeof pekerjaan.$inferSelect;

/** The new running row, or null when a running one of the instansi holds the same key. */
export async function insertPekerjaan(
  db: DbOrTx,
  values: {
    instansiId: number;
    pemilikId: number;
    jenis: string;
    judul: string;
    kunci: string | null;
    now: Date;
  },
): Promise<PekerjaanRow | null> {
  const [row] = await db
    .insert(pekerjaan)
    .values({ ...values, mulaiAt: values.now, diperbaruiAt: values.now })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Progress of a running row; a row already ended (failed by a sweep) is left as it is. */
export async function updateKemajuan(
  db: DbOrTx,
  id: number,
  values: { selesai: number; total: number | null; pesan: string | null; now: Date },
): Promise<void> {
  await db
    .update(pekerjaan)
    .set({ selesai: values.selesai, total: values.total, pesan: values.pesan, diperbaruiAt: values.now })
    .where(and(eq(pekerjaan.id, id), eq(pekerjaan.status, 'BERJALAN')));
}

export async function akhiri(
  db: DbOrTx,
  id: number,
  values:
    | {
        status: 'SELESAI';
        selesai: number;
        total: number | null;
        hasilKunci: string | null;
        hasilNama: string | null;
        tautan: string | null;
        now: Date;
      }
    | {
        status: 'GAGAL';
        pesan: string;
        hasilKunci?: string | null;
        hasilNama?: string | null;
        tautan?: string | null;
        now: Date;
      },
): Promise<void> {
  const { now, ...rest } = values;
  await db
    .update(pekerjaan)
    .set({ ...rest, ...(rest.status === 'SELESAI' && { pesan: null }), diperbaruiAt: now, selesaiAt: now })
    .where(and(eq(pekerjaan.id, id), eq(pekerjaan.status, 'BERJALAN')));
}

/** The owner's latest jobs, newest first. */
export function milik(db: DbOrTx, instansiId: number, pemilikId: number, limit: number) {
  return db
    .select()
    .from(pekerjaan)
    .where(and(eq(pekerjaan.instansiId, instansiId), eq(pekerjaan.pemilikId, pemilikId)))
    .orderBy(desc(pekerjaan.id))
    .limit(limit);
}

export async function satu(db: DbOrTx, id: number): Promise<PekerjaanRow | null> {
  const [row] = await db.select().from(pekerjaan).where(eq(pekerjaan.id, id));
  return row ?? null;
}

/** Running rows whose process stopped writing (all of them when `sebelum` is null): failed, in one statement. */
export async function gagalkanTerputus(db: DbOrTx, sebelum: Date | null, pesan: string, now: Date) {
  const found = await db
    .update(pekerjaan)
    .set({ status: 'GAGAL', pesan, selesaiAt: now, diperbaruiAt: now })
    .where(
      and(
        eq(pekerjaan.status, 'BERJALAN'),
        sebelum === null ? sql`true` : lt(pekerjaan.diperbaruiAt, sebelum),
      ),
    )
    .returning({ id: pekerjaan.id });
  return found.length;
}

/** Finished rows whose result file is older than `sebelum`: a batch of their ids and storage keys. */
export function hasilLama(db: DbOrTx, sebelum: Date, limit: number) {
  return db
    .select({ id: pekerjaan.id, hasilKunci: pekerjaan.hasilKunci })
    .from(pekerjaan)
    .where(and(isNotNull(pekerjaan.hasilKunci), lt(pekerjaan.selesaiAt, sebelum)))
    .orderBy(pekerjaan.id)
    .limit(limit);
}

/** The rows keep their history; their file is gone. */
export async function lepasHasil(db: DbOrTx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(pekerjaan).set({ hasilKunci: null }).where(inArray(pekerjaan.id, ids));
}
