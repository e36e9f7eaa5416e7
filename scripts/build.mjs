/**
 * `npm run build` (run by `npm ci` as `prepare`, and by every `npm start` first): compiles the server
 * to `dist/server` (esbuild, one JavaScript file per TypeScript file, the layout of `src`, with the
 * migrations beside `db/client.js`) and the UI to `dist/web` (Vite), each only when its sources are
 * newer than its build, printing the step. Plain JavaScript, so `npm start` runs no TypeScript loader
 * (ADR 0020).
 */
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SERVER_OUT = 'dist/server';
/** Test files are not compiled, so a changed test does not rebuild. */
const isTest = (name) => /\.test\.ts$/.test(name);

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return isTest(entry) ? 0 : stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), 0);
}

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const stale = (stamp, sources) => builtAt(stamp) < Math.max(...sources.map(newestMtime));
const step = (text) => process.stdout.write(`[e-Kinerja build] ${text}\n`);

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(file);
    return e.name.endsWith('.ts') && !isTest(e.name) ? [file] : [];
  });
}

const serverSources = ['src', 'package-lock.json', 'scripts/build.mjs'];
if (stale(`${SERVER_OUT}/cli/start.js`, serverSources)) {
  step('Mengompilasi server ke dist/server (esbuild)');
  const { build } = await import('esbuild');
  rmSync(SERVER_OUT, { recursive: true, force: true });
  await build({
    entryPoints: tsFiles('src'),
    outbase: 'src',
    outdir: SERVER_OUT,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  cpSync('src/db/migrations', `${SERVER_OUT}/db/migrations`, { recursive: true });
  // A new data folder starts from this copy (cli/isi-demo.ts) instead of running initdb and every
  // migration: a quarter of the first start's work.
  step('Menyiapkan templat basis data PGlite yang sudah dimigrasi');
  const { openDatabase } = await import(pathToFileURL(`${SERVER_OUT}/db/client.js`).href);
  const database = await openDatabase({});
  await database.migrate();
  const tar = Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
  await database.close();
  writeFileSync(`${SERVER_OUT}/db/templat-pglite.tar`, tar);
}

// The UI reads the contracts and the domain rules too.
const webSources = ['web', 'src/contracts', 'src/domain', 'vite.config.ts', 'package-lock.json'];
if (stale('dist/web/index.html', webSources)) {
  step('Membangun antarmuka web ke dist/web (Vite; bisa hingga satu menit)');
  const { build } = await import('vite');
  // Vite sets NODE_ENV=production for its build when unset; nothing after it in this process cares.
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
