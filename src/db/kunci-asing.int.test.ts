/** Foreign keys checked in bulk after a load without per-row checks (ADR 0031). */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laluBatalkan, openTestDatabase } from '../../test/db.js';
import type { Database } from './client.js';
import { periksaKunciAsing } from './kunci-asing.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('periksaKunciAsing', () => {
  it('finds nothing where every key holds', async () => {
    expect(await periksaKunciAsing(database.db)).toEqual([]);
  });

  it('names each foreign key rows break, single and composite (on a partitioned table)', async () => {
    const found = await laluBatalkan(database.db, async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(
        sql`INSERT INTO hari_libur (instansi_id, tanggal, keterangan) VALUES (999, '2026-08-17', 'Tanpa instansi')`,
      );
      await tx.execute(
        sql`INSERT INTO bukti_dukung (realisasi_id, tahun, jenis, deskripsi, url)
            VALUES (424242, 2026, 'TAUTAN', 'Tanpa realisasi', 'https://contoh.go.id/a'),
                   (424243, 2026, 'TAUTAN', 'Tanpa realisasi', 'https://contoh.go.id/b')`,
      );
      await tx.execute(sql`SET LOCAL session_replication_role = origin`);
      return periksaKunciAsing(tx);
    });
    expect(found.map(({ tabel, baris }) => ({ tabel, baris }))).toEqual([
      { tabel: 'bukti_dukung', baris: 2 },
      { tabel: 'hari_libur', baris: 1 },
    ]);
    expect(found.every((f) => f.nama.length > 0)).toBe(true);
  });
});
