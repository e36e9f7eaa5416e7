/**
 * A database per test file: in-memory PGlite, or (TEST_DATABASE_URL set) a fresh PostgreSQL
 * database cloned from a template that global-setup migrated once.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.js';

export const TEMPLATE_DB = 'ekinerja_test_template';

export function adminUrl(url: string, database = 'postgres'): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await database.migrate();
    return database;
  }
  const name = `ekinerja_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(url, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  // The forced DROP at the end terminates connections that are still closing; that is expected here.
  const database = await openDatabase({
    databaseUrl: adminUrl(url, name),
    poolSize: 5,
    onIdleError: () => {},
  });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
