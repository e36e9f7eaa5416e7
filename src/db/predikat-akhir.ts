/** SQL shared by the modules that read annual results: the predikat as it finally stands. */
import { type SQL, sql } from 'drizzle-orm';

/**
 * The annual predikat of evaluation `e` after its objection `k` (LEFT JOINed): a decision DIUBAH
 * replaces it (SPEC §6.6, domain/evaluasi.ts hasilAkhir); otherwise the evaluation's own.
 */
export function predikatAkhir(e = 'e', k = 'k'): SQL {
  return sql.raw(
    `coalesce(CASE WHEN ${k}.status = 'DIPUTUS' AND ${k}.keputusan = 'DIUBAH' THEN ${k}.predikat_baru END, ${e}.predikat)`,
  );
}
