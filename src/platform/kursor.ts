/**
 * The cursor of a list ordered by (nama, id), opaque to the client: base64url of the last row's key.
 * A cursor that does not decode is a 400, never a silent first page.
 */
import { AppError } from './errors.js';

export function kursorNama(nama: string, id: number): string {
  return Buffer.from(JSON.stringify([nama, id])).toString('base64url');
}

export function bacaKursorNama(cursor: string | undefined): { nama: string; id: number } | null {
  if (cursor === undefined) return null;
  try {
    const [nama, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof nama === 'string' && Number.isInteger(id)) return { nama, id: id as number };
  } catch {
    // a tampered cursor is refused below
  }
  throw new AppError('BAD_REQUEST', undefined, 'Kursor halaman tidak valid.');
}
