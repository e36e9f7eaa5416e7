/**
 * A database per test file: in-memory PGlite loaded from the data folder global-setup migrated, or
 * (TEST_DATABASE_URL set) a fresh PostgreSQL database cloned from the template global-setup
 * migrated, both once per run.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { TransactionRollbackError } from 'drizzle-orm';
import { inject } from 'vitest';
import { type Database, type Db, openDatabase, type Tx } from '../src/db/client.js';
import { adminUrl, withAdmin } from './pg-admin.js';

/** A streaming replica of the test server (test/replika.ts): its URL for a database, and the lag bound. */
export interface ReplikaTest {
  url(database: string): string;
  maxLagMs: number;
}

export async function openTestDatabase(options: { replika?: ReplikaTest } = {}): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const templat = await readFile(inject('templatePglite'));
    return openDatabase({ loadDataDir: new Blob([templat]) });
  }
  const name = `ekinerja_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(url, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`));
  // The forced DROP at the end terminates connections that are still closing; that is expected here.
  const database = await openDatabase({
    databaseUrl: adminUrl(url, name),
    poolSize: 5,
    onIdleError: () => {},
    replika: options.replika && { url: options.replika.url(name), maxLagMs: options.replika.maxLagMs },
  });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** What `fn` finds inside a transaction that is then rolled back: whatever it wrote is gone. */
export async function laluBatalkan<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let hasil: { nilai: T } | undefined;
  await db
    .transaction(async (tx) => {
      hasil = { nilai: await fn(tx) };
      tx.rollback();
    })
    .catch((e) => {
      if (!(e instanceof TransactionRollbackError)) throw e;
    });
  return hasil!.nilai;
}
