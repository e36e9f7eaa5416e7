/**
 * Sealing a secret the app must read back (AES-256-GCM, `iv.ciphertext.tag` in base64url): the
 * additional data binds a sealed value to its row, so a value copied to another row does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export function createSegel(kunci: Buffer) {
  return {
    segel(rahasia: string, ikatan: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', kunci, iv);
      cipher.setAAD(Buffer.from(ikatan));
      const isi = Buffer.concat([cipher.update(rahasia, 'utf8'), cipher.final()]);
      return [iv, isi, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
    },

    buka(tersegel: string, ikatan: string): string {
      const [iv, isi, tag] = tersegel.split('.').map((p) => Buffer.from(p, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', kunci, iv!);
      decipher.setAAD(Buffer.from(ikatan));
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(isi!), decipher.final()]).toString('utf8');
    },
  };
}
