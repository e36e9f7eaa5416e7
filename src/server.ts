/** Starts e-Kinerja: open the database, migrate, seed the demo when empty, listen; stop gracefully. */

import { buildApp } from './app.js';
import { openDatabase } from './db/client.js';
import { akunDemoDenganKataSandi, seedDemoIfEmpty } from './db/seed/seed-demo.js';
import { jadwalkanPengingat } from './modules/pengingat/pengingat.cron.js';
import { systemClock } from './platform/clock.js';
import { DEMO_PASSWORD_TERBIT, loadConfig } from './platform/config.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
await database.migrate();
const clock = systemClock;
// The demo's "current year" of plans is the clock's year, the one the app then works in.
if (config.NODE_ENV === 'production' && (await akunDemoDenganKataSandi(database.db, DEMO_PASSWORD_TERBIT))) {
  console.error(
    'Menolak mulai: akun demo masih memakai kata sandi yang dipublikasikan (Kinerja#2026). ' +
      'Hapus data demo atau ganti kata sandinya sebelum dipakai di produksi.',
  );
  await database.close();
  process.exit(1);
}
const seeded = config.SEED_DEMO && (await seedDemoIfEmpty(database.db, config.DEMO_PASSWORD, clock.now()));
const app = await buildApp({ config, database, clock });
if (seeded) app.log.info('Data demo Pemerintah Provinsi Gorontalo dimuat; akun demo: npm run demo:accounts');
// Deadline reminders run in-process; with several instances the job's advisory lock lets one work.
const pengingat = jadwalkanPengingat(app.pengingat, app.log);

// Handlers of requests whose client went away keep running after app.close(); the database must
// outlive them, so shutdown waits until every started request has produced its reply.
let inFlight = 0;
app.addHook('onRequest', async () => {
  inFlight++;
});
app.addHook('onSend', async () => {
  inFlight--;
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'menghentikan layanan');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await pengingat.stop();
  await app.close();
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.PORT, host: config.HOST });
