/**
 * The MFA key: seals the TOTP secrets (AES-256-GCM, bound to the employee) and keys the hashes of
 * recovery codes (HMAC-SHA-256), so a database dump alone yields neither working codes nor a way to
 * test guesses offline. Two subkeys come from MFA_KEY through HKDF; without MFA_KEY a random key is
 * generated once and kept in the database (development, the demo).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import * as q from './mfa.queries.js';

interface Kunci {
  segel: Buffer;
  pemulihan: Buffer;
}

function turunkan(bahan: string): Kunci {
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', bahan, 'e-kinerja/mfa', info, 32));
  return { segel: sub('rahasia-totp'), pemulihan: sub('kode-pemulihan') };
}

/** Resolved once at start-up, so no transaction ever waits on reading the key (PGlite is one connection). */
export async function loadMfaKunci({ db, mfaKey }: { db: Db; mfaKey: string | undefined }) {
  const kunci = turunkan(mfaKey ?? (await q.kunciTersimpan(db, randomBytes(32).toString('base64'))));

  return {
    /** `iv.ciphertext.tag` (base64url); the employee id is authenticated data, so a row copied to another employee does not open. */
    segel(rahasia: string, pegawaiId: number): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', kunci.segel, iv);
      cipher.setAAD(Buffer.from(String(pegawaiId)));
      const isi = Buffer.concat([cipher.update(rahasia, 'utf8'), cipher.final()]);
      return [iv, isi, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
    },

    buka(tersegel: string, pegawaiId: number): string {
      const [iv, isi, tag] = tersegel.split('.').map((p) => Buffer.from(p, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', kunci.segel, iv!);
      decipher.setAAD(Buffer.from(String(pegawaiId)));
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(isi!), decipher.final()]).toString('utf8');
    },

    /**
     * A keyed hash, not argon2: the codes carry ~59 random bits (no dictionary to slow down) and the
     * key is not in the database, and a fast hash lets the login step look a code up by its hash.
     */
    hashPemulihan(kodeNormal: string): string {
      return createHmac('sha256', kunci.pemulihan).update(kodeNormal).digest('base64url');
    },
  };
}

export type MfaKunci = Awaited<ReturnType<typeof loadMfaKunci>>;
