/** Keys a development folder makes for itself when the environment gives none (production must). */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A random key kept in `<dataDir>/.<nama>.key`, created on first use: the folder keeps using its
 * own key across restarts, and no key is ever shared or published.
 */
export function kunciLokal(dataDir: string, nama: string): string {
  const file = path.join(dataDir, `.${nama}.key`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  // Written whole under a temporary name, then linked: a process starting at the same moment reads
  // either no file or the complete key, and the first link wins.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, randomBytes(32).toString('hex'), { mode: 0o600 });
  try {
    linkSync(temp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(temp, { force: true });
  }
  return readFileSync(file, 'utf8').trim();
}
