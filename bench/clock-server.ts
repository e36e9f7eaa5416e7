/**
 * The application as src/server.ts runs it, but on a clock fixed at BENCH_NOW, so the burst of
 * realisasi submissions lands inside the input window of its period whatever today's date is; like
 * it, the monitoring recaps are completed in the background at start-up.
 */
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/db/client.js';
import { fixedClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL });
const app = await buildApp({ config, database, clock: fixedClock(process.env.BENCH_NOW!) });
// Requests the load generator abandoned are still queued when it stops; they are simply dropped
// with the process (their transactions roll back), unlike src/server.ts's graceful shutdown.
process.on('SIGTERM', () => process.exit(0));
app.monitoring
  .perbaruiSemua()
  .catch((err: unknown) => app.log.error({ err }, 'rekap monitoring saat mulai gagal'));
await app.listen({ port: config.PORT, host: config.HOST });
