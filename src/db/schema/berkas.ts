/**
 * Uploaded files kept in the database (STORAGE=postgres, ADR 0023): one row per key naming the
 * upload that holds its bytes, the bytes in 1 MiB chunks so no file is ever one value in memory.
 * A put writes its chunks under a fresh upload id, then points the key at it in one transaction.
 */
import { bigint, customType, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const berkas = pgTable('berkas', {
  kunci: text().primaryKey(),
  /** The upload whose chunks are the key's bytes now. */
  unggahan: uuid().notNull(),
  ukuran: bigint({ mode: 'number' }).notNull(),
  jumlahPotongan: integer().notNull(),
  diperbarui: timestamp({ withTimezone: true }).notNull(),
});

export const berkasPotongan = pgTable(
  'berkas_potongan',
  {
    unggahan: uuid().notNull(),
    urutan: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.unggahan, t.urutan] })],
);
