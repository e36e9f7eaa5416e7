/**
 * `npm start`, compiled (`dist/server/cli/start.js`; scripts/build.mjs rebuilt what was stale just
 * before): until the server listens, the port shows what is being done (platform/persiapan.ts).
 */
import { loadConfig } from '../platform/config.js';
import { isiDemoTerpisah } from '../platform/demo-terpisah.js';
import { bukaPersiapan, langkah } from '../platform/persiapan.js';

const config = loadConfig();
// Port 0 (a random port) has no address to show a page on.
if (config.PORT !== 0) await bukaPersiapan(config.PORT, config.HOST);
langkah(`Menyiapkan e-Kinerja; sementara itu http://localhost:${config.PORT} menampilkan langkahnya`);
// A new folder's seeding child starts first; the server's modules load meanwhile (ADR 0020).
void isiDemoTerpisah(config).catch(() => {});
await import('../server.js');
