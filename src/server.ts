/** Starts e-Kinerja: open the database, migrate, seed the demo when empty, listen; stop gracefully. */

import { buildApp } from './app.js';
import { openDatabase } from './db/client.js';
import { akunDemoDenganKataSandi, seedDemoIfEmpty } from './db/seed/seed-demo.js';
import { jadwalkanPerantaianAudit } from './modules/audit/audit.cron.js';
import { jadwalkanPartisi } from './modules/partisi/partisi.cron.js';
import { createPartisiService } from './modules/partisi/partisi.service.js';
import { jadwalkanPenyapuPekerjaan } from './modules/pekerjaan/pekerjaan.cron.js';
import { jadwalkanPengingat } from './modules/pengingat/pengingat.cron.js';
import { jadwalkanSiasn } from './modules/siasn/siasn.cron.js';
import { systemClock } from './platform/clock.js';
import { DEMO_PASSWORD_TERBIT, loadConfig } from './platform/config.js';
import { isiDemoTerpisah } from './platform/demo-terpisah.js';
import { langkah, tutupPersiapan } from './platform/persiapan.js';

const config = loadConfig();
await isiDemoTerpisah(config);
langkah(
  config.DATABASE_URL
    ? 'Membuka basis data PostgreSQL'
    : `Membuka basis data PGlite di folder ${config.DATA_DIR}`,
);
const database = await openDatabase({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  replika: config.DATABASE_REPLICA_URL
    ? { url: config.DATABASE_REPLICA_URL, maxLagMs: config.DATABASE_REPLICA_MAX_LAG_MS }
    : undefined,
});
langkah('Menjalankan migrasi skema basis data');
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
if (config.SEED_DEMO)
  langkah('Memeriksa data demo; basis data yang masih kosong diisi sekali, mulai dari organisasi');
const seeded =
  config.SEED_DEMO &&
  (await seedDemoIfEmpty(database.db, config.DEMO_PASSWORD, clock.now(), (teks) =>
    langkah(`Data demo Provinsi Gorontalo: ${teks}`),
  ));
if (seeded) langkah('Data demo lengkap; daftar akun demo: npm run demo:accounts');
// The year partitions of the history tables: a server down over New Year catches up here, and rows
// of other years (the demo's, an import's) leave the DEFAULT partitions.
const partisi = createPartisiService(database.db);
await partisi.siapkan();
langkah('Menyiapkan layanan');
const app = await buildApp({ config, database, clock });
// One PGlite folder has one process (client.ts locks it): what is still running was cut off by a
// restart. On PostgreSQL other instances may be working; the sweep fails only the silent ones.
const terputus = await app.pekerjaan.gagalkanTerputus({ semua: database.kind === 'pglite' });
if (terputus > 0) app.log.warn({ terputus }, 'pekerjaan yang terhenti oleh restart ditandai gagal');
const penyapu = database.kind === 'postgres' ? jadwalkanPenyapuPekerjaan(app.pekerjaan, app.log) : null;
// Deadline reminders run in-process; with several instances one claims each scheduled time.
const pengingat = jadwalkanPengingat(app.pengingat, app.tugas, app.log, config.PENGINGAT_POLA);
// The monitoring recaps, completed once in the background (the hourly job keeps them so), so no
// dashboard read computes them (ADR 0022).
const rekapAwal = app.monitoring
  .perbaruiSemua()
  .catch((err: unknown) => app.log.error({ err }, 'rekap monitoring saat mulai gagal'));
// The SIASN outbox: nothing is claimed for an instansi whose BKD has not turned the bridge on.
const kirimSiasn = jadwalkanSiasn(app.siasn, app.log);
// The audit chaining step also runs after each write; the sweep takes what those runs missed.
const rantaiAudit = jadwalkanPerantaianAudit(app.penautAudit, app.log);
const partisiTahunan = jadwalkanPartisi(partisi, app.log);

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
  await rekapAwal;
  await kirimSiasn.stop();
  await rantaiAudit.stop();
  await partisiTahunan.stop();
  await penyapu?.stop();
  await app.close();
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  // A job still running past the forced exit is failed by the next start (gagalkanTerputus).
  await app.pekerjaan.tunggu();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await tutupPersiapan();
await app.listen({ port: config.PORT, host: config.HOST });
langkah(`e-Kinerja siap di http://localhost:${config.PORT}`);
