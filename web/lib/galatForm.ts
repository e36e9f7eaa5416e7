/**
 * Server validation errors per form field: Zod's `{ field: 'body.x', message }[]` and an AppError's
 * `{ field }`. What names no field stays a form-level message.
 */
import type { ApiError } from './api';

// By shape, not instanceof: the API client's module touches sessionStorage when loaded.
const isApiError = (e: unknown): e is ApiError =>
  e instanceof Error && typeof (e as { code?: unknown }).code === 'string';

/**
 * A field's path as the form names it: the longest renamed prefix takes the form's name (`nama`:
 * `berakhir` → `sampai` where the form asks a date and the API takes an instant).
 */
function namaForm(path: string[], nama: Record<string, string>): string {
  for (let i = path.length; i > 0; i--) {
    const api = path.slice(0, i).join('.');
    if (Object.hasOwn(nama, api)) return [nama[api], ...path.slice(i)].join('.');
  }
  return path.join('.');
}

/**
 * An error of a nested field (`rhk.2.iki.0.target.satuan`) is kept at its own path, where the row's
 * input reads it, and at each enclosing one (`rhk.2.iki.0`, …, `rhk`), for an input that edits a
 * whole list or row. `nama` renames API paths to the form's own (see namaForm).
 */
export function galatField(
  error: unknown,
  nama: Record<string, string> = {},
): { fields: Record<string, string>; umum: string | null } {
  if (!isApiError(error)) return { fields: {}, umum: 'Gagal menyimpan.' };
  const fields: Record<string, string> = {};
  const details = error.details;
  const list = Array.isArray(details) ? details : details ? [{ ...details, message: error.message }] : [];
  for (const d of list as { field?: unknown; message?: unknown }[]) {
    if (typeof d.field !== 'string' || typeof d.message !== 'string') continue;
    const path = d.field.replace(/^body\./, '').split('.');
    for (let i = path.length; i > 0; i--) fields[namaForm(path.slice(0, i), nama)] ??= d.message;
  }
  return { fields, umum: Object.keys(fields).length ? null : error.message };
}

/**
 * A failed write in words a user reads: the validation messages themselves (Indonesian, from the
 * contracts) rather than the server's sentence, which names fields by their API path for clients.
 */
export function pesanGalat(error: unknown): string {
  if (!isApiError(error)) return 'Gagal menyimpan.';
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(error.details)) {
    const pesan = [
      ...new Set(
        (error.details as { message?: unknown }[])
          .map((d) => d.message)
          .filter((m): m is string => typeof m === 'string'),
      ),
    ];
    if (pesan.length) return `Periksa isian: ${pesan.join(' ')}`;
  }
  return error.message;
}
