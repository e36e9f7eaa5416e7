/** The key that signs audit checkpoints. */
import type { Config } from './config.js';
import { kunciLokal } from './kunci-lokal.js';

/**
 * AUDIT_HMAC_KEY when set (production refuses to start without it, config.ts). Otherwise a random key
 * kept in `<DATA_DIR>/.audit-hmac.key`, created on first use: a development folder keeps verifying
 * its own checkpoints across restarts, and no key is ever shared or published.
 */
export function auditHmacKey(config: Pick<Config, 'AUDIT_HMAC_KEY' | 'DATA_DIR'>): string {
  return config.AUDIT_HMAC_KEY ?? kunciLokal(config.DATA_DIR, 'audit-hmac');
}
