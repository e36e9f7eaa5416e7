/** Migration tests: a database as an older installation has it, before a given migration. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { openDatabase } from '../src/db/client.js';
import { adminUrl, withAdmin } from './pg-admin.js';

/** A fresh database migrated up to the migration before `tag`; `lanjut` applies the rest. */
export async function basisDataSebelum(tag: string) {
  const semua = path.resolve('src/db/migrations');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'migrasi-'));
  await cp(semua, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < tag);
  await writeFile(journalFile, JSON.stringify(journal));
  const url = process.env.TEST_DATABASE_URL;
  const name = `ekinerja_m_${process.pid}_${Date.now() % 100000}`;
  if (url) await withAdmin(url, (c) => c.query(`CREATE DATABASE ${name}`));
  // One connection, so a session setting holds for the migration too.
  const database = await openDatabase(url ? { databaseUrl: adminUrl(url, name), poolSize: 1 } : {});
  const migrasi = (migrationsFolder: string) =>
    url
      ? migratePg(database.db as never, { migrationsFolder })
      : migratePglite(database.db as never, { migrationsFolder });
  await migrasi(folder);
  return {
    db: database.db,
    lanjut: () => migrasi(semua),
    tutup: async () => {
      await database.close();
      if (url) await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await rm(folder, { recursive: true, force: true });
    },
  };
}
