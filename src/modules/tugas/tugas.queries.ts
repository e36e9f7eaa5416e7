/** SQL of the once-per-slot claim of periodic jobs (tugas_jalan). */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';

/** True when this call inserted the (nama, slot) row: no other instance has claimed the slot. */
export async function klaimSlot(db: DbOrTx, nama: string, slot: Date, node: string): Promise<boolean> {
  const diklaim = await rows<{ nama: string }>(
    db,
    sql`INSERT INTO tugas_jalan (nama, slot, node) VALUES (${nama}, ${slot.toISOString()}, ${node})
        ON CONFLICT DO NOTHING RETURNING nama`,
  );
  return diklaim.length === 1;
}

/** Forgets the claims of one job older than `sebelum` (a slot is only contested while it is due). */
export async function hapusSlotLama(db: DbOrTx, nama: string, sebelum: Date): Promise<void> {
  await db.execute(sql`DELETE FROM tugas_jalan WHERE nama = ${nama} AND slot < ${sebelum.toISOString()}`);
}

export function riwayatSlot(db: DbOrTx, nama: string, batas: number) {
  return rows<{ slot: string; node: string }>(
    db,
    sql`SELECT slot::text, node FROM tugas_jalan WHERE nama = ${nama} ORDER BY slot DESC LIMIT ${batas}`,
  );
}
