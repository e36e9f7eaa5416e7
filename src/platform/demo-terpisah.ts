/**
 * A new PGlite folder is migrated and seeded by a child process (`cli/isi-demo`) that then exits,
 * taking the memory the seed made PGlite grow with it (ADR 0020); the server opens the finished
 * folder. `npm start` begins it before loading the server's modules, so both cores work; the server
 * waits for the same run. The child is TypeScript under tsx (`npm run dev`) or compiled (`npm start`),
 * like this file, and runs with the same Node options.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { langkah } from './persiapan.js';

let run: Promise<boolean> | null = null;

async function isi(config: Config): Promise<boolean> {
  const folderBaru = !config.DATABASE_URL && !existsSync(path.join(config.DATA_DIR, 'PG_VERSION'));
  if (!config.SEED_DEMO || !folderBaru) return false;
  langkah(`Membuat basis data PGlite baru di folder ${config.DATA_DIR} dengan data demo (proses terpisah)`);
  const ext = path.extname(fileURLToPath(import.meta.url));
  const anak = fork(fileURLToPath(new URL(`../cli/isi-demo${ext}`, import.meta.url)), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  anak.on('message', (m) => langkah((m as { langkah: string }).langkah));
  const kode = await new Promise<number | null>((resolve, reject) => {
    anak.once('error', reject);
    anak.once('exit', resolve);
  });
  if (kode !== 0) throw new Error(`Pengisian data demo gagal (kode keluar ${kode}); lihat pesan di atas.`);
  langkah('Data demo lengkap; daftar akun demo: npm run demo:accounts');
  return true;
}

/** Seeds a new PGlite folder in a child process, once per process; whether it did. */
export function isiDemoTerpisah(config: Config): Promise<boolean> {
  run ??= isi(config);
  return run;
}
