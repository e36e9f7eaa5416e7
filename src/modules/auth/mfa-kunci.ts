/**
 * The MFA key: seals the TOTP secrets (AES-256-GCM, bound to the employee) and keys the hashes of
 * recovery codes (HMAC-SHA-256), so a database dump alone yields neither working codes nor a way to
 * test guesses offline. Two subkeys come from MFA_KEY through HKDF; without it (development, the
 * demo) from a key generated for the data folder, never stored in the database.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type { Config } from '../../platform/config.js';
import { kunciLokal } from '../../platform/kunci-lokal.js';
import { createSegel } from '../../platform/segel.js';

export function createMfaKunci(config: Pick<Config, 'MFA_KEY' | 'DATA_DIR'>) {
  const bahan = config.MFA_KEY ?? kunciLokal(config.DATA_DIR, 'mfa');
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', bahan, 'e-kinerja/mfa', info, 32));
  const segel = createSegel(sub('rahasia-totp'));
  const kunciPemulihan = sub('kode-pemulihan');

  return {
    /** The employee id is the bound data, so a row copied to another employee does not open. */
    segel: (rahasia: string, pegawaiId: number) => segel.segel(rahasia, String(pegawaiId)),
    buka: (tersegel: string, pegawaiId: number) => segel.buka(tersegel, String(pegawaiId)),

    /**
     * A keyed hash, not argon2: the codes carry ~59 random bits (no dictionary to slow down) and the
     * key is not in the database, and a fast hash lets the login step look a code up by its hash.
     */
    hashPemulihan(kodeNormal: string): string {
      return createHmac('sha256', kunciPemulihan).update(kodeNormal).digest('base64url');
    },
  };
}

export type MfaKunci = ReturnType<typeof createMfaKunci>;
