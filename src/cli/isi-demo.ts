/**
 * The first start's migration and demo seeding, in a child process of the server (server.ts): PGlite
 * grows its WebAssembly memory to hold the seed's big statements and never gives it back, so a server
 * that seeded itself kept that memory for its whole life (ADR 0020). Each step goes to the parent,
 * which prints it and shows it on the preparation page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { openDatabase } from '../db/client.js';
import { seedDemoIfEmpty } from '../db/seed/seed-demo.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';

const lapor = (teks: string) => process.send?.({ langkah: teks });
const config = loadConfig();
// The migrated empty database scripts/build.mjs dumps beside the compiled client; run from the
// sources (npm run dev) there is none, and PGlite runs initdb.
const templat = new URL('../db/templat-pglite.tar', import.meta.url);
const database = await openDatabase({
  dataDir: config.DATA_DIR,
  loadDataDir: existsSync(templat) ? new Blob([readFileSync(templat)]) : undefined,
});
try {
  lapor('Menjalankan migrasi skema basis data');
  await database.migrate();
  lapor('Memeriksa data demo; basis data yang masih kosong diisi sekali, mulai dari organisasi');
  await seedDemoIfEmpty(database.db, config.DEMO_PASSWORD, systemClock.now(), (teks) =>
    lapor(`Data demo Provinsi Gorontalo: ${teks}`),
  );
} finally {
  await database.close();
}
