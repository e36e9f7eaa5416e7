/**
 * `npm start`: builds the UI when it is missing or older than its sources, then starts the server.
 * Until the server listens, the port shows what is being done (platform/persiapan.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../platform/config.js';
import { bukaPersiapan, langkah } from '../platform/persiapan.js';

const SOURCES = ['web', 'src/contracts', 'src/domain', 'vite.config.ts', 'package-lock.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(entry, name))),
    stat.mtimeMs,
  );
}

const config = loadConfig();
// Port 0 (a random port) has no address to show a page on.
if (config.PORT !== 0) await bukaPersiapan(config.PORT, config.HOST);
langkah(`Menyiapkan e-Kinerja; sementara itu http://localhost:${config.PORT} menampilkan langkahnya`);
const index = path.join(config.WEB_DIST, 'index.html');
const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newestMtime))) {
  langkah('Membangun antarmuka web dengan Vite (hanya bila kodenya berubah; bisa hingga satu menit)');
  const { build } = await import('vite');
  // Vite sets NODE_ENV=production for the build when it is unset; the server's mode (config.ts) is
  // the caller's, not the bundler's.
  const nodeEnv = process.env.NODE_ENV;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
} else {
  langkah('Antarmuka web sudah terbangun dan terbaru');
}
await import('../server.js');
