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

/**
 * The year's annual result per employee of the instansi: the evaluation of their last SKP of the year
 * (a mutation's earlier SKPs give way to the later one), its predikat after the objection, and whether
 * it is FINAL; a row that is not final makes the employee's year provisional (belum final).
 */
export function evaluasiTahunanAkhir(instansiId: number, tahun: number): SQL {
  return sql`SELECT DISTINCT ON (s.pegawai_id) e.id, s.pegawai_id, e.skp_id, (e.status = 'FINAL') AS final,
                    ${predikatAkhir()} AS predikat, e.rating_hasil_kerja, e.rating_perilaku,
                    e.pejabat_penilai_id AS penilai_id, e.version
               FROM evaluasi_tahunan e JOIN skp s ON s.id = e.skp_id
               LEFT JOIN keberatan k ON k.evaluasi_id = e.id
              WHERE e.instansi_id = ${instansiId} AND e.tahun = ${tahun}
              ORDER BY s.pegawai_id, s.periode_akhir DESC, s.id DESC`;
}
