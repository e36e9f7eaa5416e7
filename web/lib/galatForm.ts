/**
 * Server validation errors per form field: Zod's `{ field: 'body.x', message }[]` and an AppError's
 * `{ field }`. What names no field stays a form-level message.
 */
import type { ApiError } from './api';

// By shape, not instanceof: the API client's module touches sessionStorage when loaded.
const isApiError = (e: unknown): e is ApiError =>
  e instanceof Error && typeof (e as { code?: unknown }).code === 'string';

/**
 * `nama` renames an API field to the form's own (`berakhir` → `sampai` where the form asks a date
 * and the API takes an instant).
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
    const api = d.field.replace(/^body\./, '').split('.')[0]!;
    const name = nama[api] ?? api;
    fields[name] ??= d.message;
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
