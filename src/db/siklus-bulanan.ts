/**
 * SQL shared by the modules of the monthly cycle: the plan a period is reported against, exceptions
 * that apply to an employee, and who assesses in the pejabat penilai's place — a delegate for the dates
 * of a delegation, the atasan pejabat penilai for items that escalated (domain/tenggat.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import { tahunKode } from '../domain/jadwal.js';
import type { aturanEskalasi } from '../domain/tenggat.js';

export type AturanEskalasi = ReturnType<typeof aturanEskalasi>;

const ident = (alias: string) => sql.raw(alias);

/**
 * Plan row `s` is approved for the period's year and in force on the first day of one of its months:
 * each month belongs to the plan of that day (SPEC §4.1), so after a mutation on the 15th the month
 * stays with the old plan (the realisasi of a period is reported against the newest such version).
 */
export function skpDisetujuiUntuk(s: string, periode: { tahun: number; mulai: string; akhir: string }): SQL {
  return sql`${ident(s)}.tahun = ${periode.tahun} AND ${ident(s)}.status = 'DISETUJUI'
    AND ${ident(s)}.periode_mulai <= ${`${periode.akhir}-01`}::date
    AND ${ident(s)}.periode_akhir >= ${`${periode.mulai}-01`}::date`;
}

/** Delegation row `d` is in force on a local date: not revoked, the date within its inclusive range. */
export function delegasiBerlaku(d: string, tanggal: string): SQL {
  return sql`${ident(d)}.dicabut_at IS NULL AND ${ident(d)}.mulai <= ${tanggal}::date AND ${ident(d)}.selesai >= ${tanggal}::date`;
}

/**
 * Exception row `bj` (bukaan_jendela) is unrevoked and targets the employee `pegawaiId` (an SQL
 * expression): opened for them, or for their unit or a unit above it (by the materialised path).
 */
export function bukaanUntuk(bj: string, pegawaiId: SQL): SQL {
  return sql`${ident(bj)}.dicabut_at IS NULL
    AND (${ident(bj)}.pegawai_id = ${pegawaiId}
         OR (${ident(bj)}.unor_id IS NOT NULL AND EXISTS (
               SELECT 1 FROM pegawai bp JOIN unor bpu ON bpu.id = bp.unor_id JOIN unor bu ON bu.id = ${ident(bj)}.unor_id
                WHERE bp.id = ${pegawaiId} AND bpu.path LIKE bu.path || '%')))`;
}

/**
 * domain isTereskalasi for realisasi row `r`, given the rule rows of the periods in question: waiting,
 * past the regular deadline of its status, and no unrevoked exception for one of its windows (opened
 * for the employee or for a unit on their path) still lasting at `now`.
 */
export function tereskalasi(r: string, aturan: AturanEskalasi, now: Date): SQL {
  const json = JSON.stringify(aturan.map((a) => ({ ...a, periode_kode: a.periodeKode })));
  const rules = sql`json_to_recordset(${json}::json) AS ae(periode_kode text, status text, jendela text, batas timestamptz)`;
  const t = sql`${now.toISOString()}::timestamptz`;
  // Only the rules' years: realisasi of other years are read from no partition (ADR 0028).
  const tahun = [...new Set(aturan.map((a) => tahunKode(a.periodeKode)))].map((y) => sql`${y}`);
  const diTahun = tahun.length ? sql`${ident(r)}.tahun IN (${sql.join(tahun, sql`, `)})` : sql`false`;
  return sql`${diTahun}
     AND EXISTS (SELECT 1 FROM ${rules}
                      WHERE ae.periode_kode = ${ident(r)}.periode_kode AND ae.status = ${ident(r)}.status AND ae.batas < ${t})
     AND NOT EXISTS (SELECT 1 FROM bukaan_jendela bj
                       JOIN ${rules} ON ae.periode_kode = bj.periode_kode AND ae.jendela = bj.jenis
                                    AND ae.status = ${ident(r)}.status
                      WHERE bj.instansi_id = ${ident(r)}.instansi_id AND bj.periode_kode = ${ident(r)}.periode_kode
                        AND bj.berakhir > ${t} AND ${bukaanUntuk('bj', sql`${ident(r)}.pegawai_id`)})`;
}

/**
 * The employees an official assesses on a date, as rows (pegawai_id, peran, atas_nama_id): their direct
 * subordinates and those whose plan of a position they left he still assesses ('LANGSUNG'); the direct subordinates of whoever delegated to them ('DELEGASI', in that
 * giver's name); and, one level further down, subordinates of their subordinates with an escalated
 * item in one of the rule's periods ('ESKALASI', in the name of the assessor who missed it). JPT plans
 * (assessed by the head of region) do not escalate. One row per employee, the closest relation first.
 */
export function dinilaiOleh(penilaiId: number, tanggal: string, aturan: AturanEskalasi, now: Date): SQL {
  return sql`SELECT DISTINCT ON (x.pegawai_id) x.pegawai_id, x.peran, x.atas_nama_id FROM (
      SELECT b.id AS pegawai_id, 'LANGSUNG' AS peran, NULL::int AS atas_nama_id, 1 AS urutan
        FROM bawahan_langsung(${penilaiId}::int, ${tanggal}::date) AS b(id)
      UNION ALL
      SELECT b.id, 'DELEGASI', d.pemberi_id, 2
        FROM delegasi_penilai d CROSS JOIN LATERAL bawahan_langsung(d.pemberi_id, ${tanggal}::date) AS b(id)
       WHERE d.penerima_id = ${penilaiId} AND ${delegasiBerlaku('d', tanggal)} AND b.id <> ${penilaiId}
      UNION ALL
      SELECT s.pegawai_id, 'LANGSUNG', NULL::int, 1
        FROM skp_ditinggal_dinilai(${penilaiId}::int, ${tanggal}::date) AS t(id) JOIN skp s ON s.id = t.id
      UNION ALL
      SELECT b2.id, 'ESKALASI', b1.id, 3
        FROM bawahan_langsung(${penilaiId}::int, ${tanggal}::date) AS b1(id)
        CROSS JOIN LATERAL (SELECT b.id FROM bawahan_langsung(b1.id, ${tanggal}::date) AS b(id)
                            UNION
                            SELECT s.pegawai_id FROM skp_ditinggal_dinilai(b1.id, ${tanggal}::date) AS t(id)
                              JOIN skp s ON s.id = t.id) AS b2(id)
       WHERE EXISTS (SELECT 1 FROM realisasi er JOIN skp es ON es.id = er.skp_id AND NOT es.is_jpt
                      WHERE er.pegawai_id = b2.id AND er.status IN ('DIAJUKAN', 'DIPERBAIKI')
                        AND ${tereskalasi('er', aturan, now)})
    ) x ORDER BY x.pegawai_id, x.urutan`;
}

/**
 * Plan `s` of employee `p` is assessed by the official a dinilaiOleh row `b` stands for (the row's
 * atas_nama_id, else `penilaiId`): always for the plan of the employee's current position (the row
 * says how), and for a plan of a position he left only by its own assessor (penilai_skp, SPEC §4.1).
 */
export function skpDinilaiBaris(s: string, p: string, b: string, penilaiId: number, tanggal: string): SQL {
  return sql`(${ident(s)}.jabatan_id IS NOT DISTINCT FROM ${ident(p)}.jabatan_id
    OR pejabat_penilai_skp(${ident(s)}.id, ${tanggal}::date) = coalesce(${ident(b)}.atas_nama_id, ${penilaiId}))`;
}
