/** AES-256-GCM sealing of small secrets kept outside the key's reach (the database, a cookie). */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * `iv.ciphertext.tag` (base64url). `ikatan` is authenticated data: a value sealed for one employee,
 * instansi or purpose does not open for another.
 */
export function createSegel(kunci: Buffer) {
  return {
    segel(isi: string, ikatan: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', kunci, iv);
      cipher.setAAD(Buffer.from(ikatan));
      const data = Buffer.concat([cipher.update(isi, 'utf8'), cipher.final()]);
      return [iv, data, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
    },

    /** Throws when the value was altered, sealed under another key or for another `ikatan`. */
    buka(tersegel: string, ikatan: string): string {
      const [iv, data, tag] = tersegel.split('.').map((p) => Buffer.from(p, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', kunci, iv!);
      decipher.setAAD(Buffer.from(ikatan));
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
    },
  };
}

export type Segel = ReturnType<typeof createSegel>;
