/** `npm run db:migrate`: applies the committed migrations to the configured database. */
import { openDatabase } from '../db/client.js';
import { loadConfig } from '../platform/config.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await database.migrate();
  console.log(`Migrasi selesai (${database.kind}).`);
} finally {
  await database.close();
}
