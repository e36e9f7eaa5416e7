/**
 * The one truth of a year's results (SPEC §4.1, §6.6): every reader of annual results takes it from
 * here, never from evaluasi_tahunan directly, so an objection or a draft shows the same everywhere.
 */
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
 * The year's result per employee of the instansi (or of the one employee `pegawaiId`, e.g. `p.id` in
 * a LATERAL join): the annual evaluation of their last approved SKP of the year (a mutation's earlier
 * SKPs give way to the later one, a revision's approved version to the earlier). Only a FINAL
 * evaluation gives a value (`predikat` after the objection; `predikat_penilai` and the ratings as the
 * assessor signed them; `sumber` LOKAL or IMPOR_NASIONAL, ADR 0015): they are null otherwise, `final` false and `status`
 * says what is missing (null: the last SKP has no annual evaluation yet; domain/evaluasi.ts
 * kekuranganTahunan words it). An employee without an approved SKP of the year has no row.
 */
export function evaluasiTahunanAkhir(instansiId: number, tahun: number, pegawaiId?: SQL): SQL {
  return sql`SELECT DISTINCT ON (s.pegawai_id) e.id, s.pegawai_id, s.id AS skp_id, e.status,
                    coalesce(e.status = 'FINAL', false) AS final,
                    CASE WHEN e.status = 'FINAL' THEN ${predikatAkhir()} END AS predikat,
                    CASE WHEN e.status = 'FINAL' THEN e.predikat END AS predikat_penilai,
                    CASE WHEN e.status = 'FINAL' THEN e.rating_hasil_kerja END AS rating_hasil_kerja,
                    CASE WHEN e.status = 'FINAL' THEN e.rating_perilaku END AS rating_perilaku,
                    CASE WHEN e.status = 'FINAL' THEN e.sumber END AS sumber,
                    e.pejabat_penilai_id AS penilai_id, e.version
               FROM skp s LEFT JOIN evaluasi_tahunan e ON e.skp_id = s.id
               LEFT JOIN keberatan k ON k.evaluasi_id = e.id
              WHERE s.instansi_id = ${instansiId} AND s.tahun = ${tahun} AND s.status = 'DISETUJUI'
                ${pegawaiId === undefined ? sql`` : sql`AND s.pegawai_id = ${pegawaiId}`}
              ORDER BY s.pegawai_id, s.periode_akhir DESC, s.periode_mulai DESC, s.versi DESC, s.id DESC`;
}
