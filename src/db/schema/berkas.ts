/**
 * Uploaded files kept in the database (STORAGE=postgres, ADR 0023): one row per key naming the
 * upload that holds its bytes, the bytes in 1 MiB chunks so no file is ever one value in memory.
 * A put writes its chunks under a fresh upload id, then points the key at it in one transaction.
 */
import {
  bigint,
  customType,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const berkas = pgTable(
  'berkas',
  {
    kunci: text().primaryKey(),
    /** The upload whose chunks are the key's bytes now. */
    unggahan: uuid().notNull(),
    ukuran: bigint({ mode: 'number' }).notNull(),
    jumlahPotongan: integer().notNull(),
    diperbarui: timestamp({ withTimezone: true }).notNull(),
  },
  // The sweep asks of each old chunk whether a key still names its upload.
  (t) => [uniqueIndex('berkas_unggahan_uq').on(t.unggahan)],
);

export const berkasPotongan = pgTable(
  'berkas_potongan',
  {
    unggahan: uuid().notNull(),
    urutan: integer().notNull(),
    data: bytea().notNull(),
    /** When the chunk was written: chunks of an upload no key names, older than a day, are leftovers. */
    dibuat: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unggahan, t.urutan] })],
);
