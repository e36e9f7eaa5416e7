/**
 * Seals the SIASN client secret and SSO password (the bridge must read them back, unlike a password
 * hash). The key comes from MFA_KEY through HKDF with its own label, or from the data folder's
 * generated key without it, so a database dump alone does not yield the instansi's credentials.
 */
import { hkdfSync } from 'node:crypto';
import type { Config } from '../../platform/config.js';
import { kunciLokal } from '../../platform/kunci-lokal.js';
import { createSegel } from '../../platform/segel.js';

export function createSiasnKunci(config: Pick<Config, 'MFA_KEY' | 'DATA_DIR'>) {
  const bahan = config.MFA_KEY ?? kunciLokal(config.DATA_DIR, 'mfa');
  return createSegel(Buffer.from(hkdfSync('sha256', bahan, 'e-kinerja/siasn', 'rahasia-siasn', 32)));
}

export type SiasnKunci = ReturnType<typeof createSiasnKunci>;
