/**
 * The MFA key: seals the TOTP secrets (AES-256-GCM, bound to the employee) and keys the hashes of
 * recovery codes (HMAC-SHA-256), so a database dump alone yields neither working codes nor a way to
 * test guesses offline; it also seals the instansi's SSO client secrets and the SSO login cookie.
 * The subkeys come from MFA_KEY through HKDF; without it (development, the
 * demo) from a key generated for the data folder, never stored in the database.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type { Config } from '../../platform/config.js';
import { kunciLokal } from '../../platform/kunci-lokal.js';
import { createSegel } from '../../platform/segel.js';

export function createMfaKunci(config: Pick<Config, 'MFA_KEY' | 'DATA_DIR'>) {
  const bahan = config.MFA_KEY ?? kunciLokal(config.DATA_DIR, 'mfa');
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', bahan, 'e-kinerja/mfa', info, 32));
  const kunciPemulihan = sub('kode-pemulihan');

  const totp = createSegel(sub('rahasia-totp'));

  return {
    /** The employee id is authenticated data, so a row copied to another employee does not open. */
    segel: (rahasia: string, pegawaiId: number) => totp.segel(rahasia, String(pegawaiId)),
    buka: (tersegel: string, pegawaiId: number) => totp.buka(tersegel, String(pegawaiId)),

    /** The SSO client secrets and the SSO login cookie (ADR 0014): a subkey of their own. */
    sso: createSegel(sub('sso')),

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
