/** Migrates the PostgreSQL template database once per run; test files clone it. */
import { openDatabase } from '../src/db/client.js';
import { adminUrl, TEMPLATE_DB, withAdmin } from './db.js';

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  await withAdmin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  const database = await openDatabase({ databaseUrl: adminUrl(url, TEMPLATE_DB), poolSize: 1 });
  await database.migrate();
  await database.close();
  return async () => {
    await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`));
  };
}
