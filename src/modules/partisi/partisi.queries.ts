/** SQL of the yearly partitions of the history tables (ADR 0025); the work is the migration's function. */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';

/** Creates this year's and next year's partitions and those of years caught in a DEFAULT partition. */
export async function siapkanPartisi(db: DbOrTx): Promise<string[]> {
  const dibuat = await rows<{ nama: string }>(db, sql`SELECT partisi_tahunan_siapkan() AS nama`);
  return dibuat.map((r) => r.nama);
}
