/** Shapes shared by every route: the error body, pagination, ids. */
import { z } from 'zod';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const IdParams = z.object({ id: z.coerce.number().int().positive() });

export const Ok = z.object({ ok: z.literal(true) });

/** Keyset pagination: the cursor is opaque to clients. */
export const PageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH.');

export const Alasan = z.string().trim().min(3, 'Alasan wajib diisi (minimal 3 karakter).').max(1000);
