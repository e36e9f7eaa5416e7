/** The key that signs audit checkpoints. */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

/**
 * AUDIT_HMAC_KEY when set (production refuses to start without it, config.ts). Otherwise a random key
 * kept in `<DATA_DIR>/.audit-hmac.key`, created on first use: a development folder keeps verifying
 * its own checkpoints across restarts, and no key is ever shared or published.
 */
export function auditHmacKey(config: Pick<Config, 'AUDIT_HMAC_KEY' | 'DATA_DIR'>): string {
  if (config.AUDIT_HMAC_KEY) return config.AUDIT_HMAC_KEY;
  const file = path.join(config.DATA_DIR, '.audit-hmac.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.DATA_DIR, { recursive: true });
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
