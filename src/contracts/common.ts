/** Shapes shared by every route: the error body, pagination, ids. */
import { z } from 'zod';
import { PESAN_TEKS_TERLARANG, teksAman } from '../domain/teks.js';

/** Ids and versions are PostgreSQL integer columns: a larger whole number is refused here, not there. */
export const BATAS_INT = 2_147_483_647;

/** Longest text any input may carry; a field narrows it with its own .max(). */
export const BATAS_TEKS = 10_000;

const CEK_TEKS = z.refine<string>(teksAman, { message: PESAN_TEKS_TERLARANG, abort: true });

/**
 * The one way to declare an input string (body, query string, path param): z.string() that refuses
 * NUL and unpaired surrogates (domain/teks.ts) and anything past BATAS_TEKS, so such text answers 400
 * with the field named instead of failing in the database. Chains like z.string(): .trim().max(60).
 */
export function teks(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .check(CEK_TEKS)
    .max(BATAS_TEKS, {
      message: `Teks paling banyak ${BATAS_TEKS.toLocaleString('id-ID')} karakter.`,
      abort: true,
    });
}

/** Whether a string schema was declared with teks(): start-up refuses route inputs that were not. */
export function dariTeks(schema: z.ZodString): boolean {
  return schema._zod.def.checks?.includes(CEK_TEKS) ?? false;
}

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const IdParams = z.object({ id: z.coerce.number().int().positive().max(BATAS_INT) });

export const Ok = z.object({ ok: z.literal(true) });

/** Keyset pagination: the cursor is opaque to clients. */
export const PageQuery = z.object({
  cursor: teks().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * One value for each key of a fixed set, as an object with those properties. z.record over an enum
 * means the same to Zod, but its JSON Schema requires the keys without defining them, so the OpenAPI
 * document and clients generated from it see only a loose map.
 */
export function perKunci<const K extends string, V extends z.ZodType>(keys: readonly K[], value: V) {
  return z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>);
}

export const IsoDate = teks().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH.');

export const Alasan = teks().trim().min(3, 'Alasan wajib diisi (minimal 3 karakter).').max(1000);
