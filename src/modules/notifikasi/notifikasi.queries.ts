/** SQL for in-app notifications: one set-based insert per batch, keyset pages by id. */
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { notifikasi } from '../../db/schema/index.js';

export interface NotifikasiRow {
  pegawaiId: number;
  jenis: string;
  judul: string;
  pesan: string;
  tautan: string | null;
  dariId: number | null;
}

export async function insertNotifikasi(tx: DbOrTx, items: NotifikasiRow[]) {
  if (items.length) await tx.insert(notifikasi).values(items);
}

export function pageOfNotifikasi(db: DbOrTx, pegawaiId: number, beforeId: number | null, limit: number) {
  return db
    .select({
      id: notifikasi.id,
      jenis: notifikasi.jenis,
      judul: notifikasi.judul,
      pesan: notifikasi.pesan,
      tautan: notifikasi.tautan,
      dibacaAt: notifikasi.dibacaAt,
      createdAt: notifikasi.createdAt,
    })
    .from(notifikasi)
    .where(
      beforeId === null
        ? eq(notifikasi.pegawaiId, pegawaiId)
        : and(eq(notifikasi.pegawaiId, pegawaiId), lt(notifikasi.id, beforeId)),
    )
    .orderBy(desc(notifikasi.id))
    .limit(limit);
}

export async function countBelumDibaca(db: DbOrTx, pegawaiId: number) {
  const [row] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM notifikasi WHERE pegawai_id = ${pegawaiId} AND dibaca_at IS NULL`,
  );
  return row!.n;
}

export async function markRead(tx: DbOrTx, pegawaiId: number, ids: number[] | undefined, at: Date) {
  await tx
    .update(notifikasi)
    .set({ dibacaAt: at })
    .where(
      and(
        eq(notifikasi.pegawaiId, pegawaiId),
        isNull(notifikasi.dibacaAt),
        ...(ids ? [inArray(notifikasi.id, ids)] : []),
      ),
    );
}
