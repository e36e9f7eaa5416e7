/**
 * SQL of the reminder job: each notice is one INSERT … SELECT over an instansi, keyed by
 * `notifikasi.kunci` so a second run (or a second instance) adds nothing.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import {
  type AturanEskalasi,
  delegasiBerlaku,
  skpDisetujuiUntuk,
  tereskalasi,
} from '../../db/siklus-bulanan.js';
import { tahunKode } from '../../domain/jadwal.js';
import type { StatusMenunggu } from '../../domain/tenggat.js';

/** Whether this transaction holds the job's lock; it is released when the transaction ends. */
export async function kunciTransaksi(tx: DbOrTx, kunci: number) {
  const [row] = await rows<{ ok: boolean }>(
    tx,
    sql`SELECT pg_try_advisory_xact_lock(${kunci}::bigint) AS ok`,
  );
  return row!.ok;
}

export function semuaInstansi(db: DbOrTx) {
  return rows<{ id: number }>(db, sql`SELECT id FROM instansi ORDER BY id`);
}

export interface Pesan {
  jenis: string;
  judul: string;
  /** The notice reads awal + count + akhir. */
  awal: string;
  akhir: string;
  tautan: string;
  kunci: string;
  at: Date;
}

/**
 * Inserts one notice per (pegawai_id, n) row of `sumber`, after the CTEs `dengan` it refers to (each
 * ending with a comma); returns how many were new.
 */
async function kirim(tx: DbOrTx, sumber: ReturnType<typeof sql>, p: Pesan, dengan = sql``) {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`WITH ${dengan} x AS (${sumber}),
         ins AS (INSERT INTO notifikasi (pegawai_id, jenis, judul, pesan, tautan, kunci, created_at)
                 SELECT x.pegawai_id, ${p.jenis}, ${p.judul}, ${p.awal} || x.n || ${p.akhir}, ${p.tautan}, ${p.kunci},
                        ${p.at.toISOString()}::timestamptz
                   FROM x
                 ON CONFLICT (pegawai_id, kunci) WHERE kunci IS NOT NULL DO NOTHING
                 RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
  );
  return row!.n;
}

type Periode = { tahun: number; mulai: string; akhir: string; kode: string };

/** Active employees with an approved plan for the period and RHKs not submitted yet (n: how many). */
export function ingatkanLapor(tx: DbOrTx, instansiId: number, periode: Periode, p: Pesan) {
  return kirim(
    tx,
    sql`SELECT s.pegawai_id, count(*) FILTER (WHERE r.id IS NULL OR r.status = 'DRAFT') AS n
          FROM (SELECT DISTINCT ON (s.pegawai_id) s.id, s.pegawai_id
                  FROM skp s JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.is_active
                 WHERE s.instansi_id = ${instansiId} AND ${skpDisetujuiUntuk('s', periode)}
                 ORDER BY s.pegawai_id, s.versi DESC, s.id DESC) s
          JOIN rhk k ON k.skp_id = s.id
          LEFT JOIN realisasi r ON r.tahun = ${periode.tahun} AND r.rhk_id = k.id AND r.periode_kode = ${periode.kode}
         GROUP BY s.pegawai_id
        HAVING count(*) FILTER (WHERE r.id IS NULL OR r.status = 'DRAFT') > 0`,
    p,
  );
}

/** Employees with items of the period sent back for correction (n: how many). */
export function ingatkanPerbaikan(tx: DbOrTx, instansiId: number, periodeKode: string, p: Pesan) {
  return kirim(
    tx,
    sql`SELECT r.pegawai_id, count(*) AS n FROM realisasi r
         WHERE r.tahun = ${tahunKode(periodeKode)} AND r.instansi_id = ${instansiId} AND r.periode_kode = ${periodeKode}
           AND r.status = 'PERLU_PERBAIKAN'
         GROUP BY r.pegawai_id`,
    p,
  );
}

/**
 * The assessors of employees with items of the period waiting in these statuses (the plan's assessor
 * today, pejabat_penilai_skp; for a JPT plan the assessor it was submitted to), and the delegates of those assessors
 * while a delegation is in force (n: how many employees wait).
 */
export function ingatkanPenilai(
  tx: DbOrTx,
  instansiId: number,
  periodeKode: string,
  status: StatusMenunggu[],
  tanggal: string,
  p: Pesan,
) {
  return kirim(
    tx,
    sql`SELECT t.pegawai_id, sum(t.n) AS n FROM (
          SELECT g.penilai_id AS pegawai_id, g.n FROM g
          UNION ALL
          SELECT d.penerima_id, g.n FROM g JOIN delegasi_penilai d ON d.pemberi_id = g.penilai_id
           WHERE ${delegasiBerlaku('d', tanggal)}
        ) t GROUP BY t.pegawai_id`,
    p,
    sql`e AS (SELECT r.pegawai_id, r.skp_id, bool_or(s.is_jpt) AS jpt, max(r.pejabat_penilai_id) AS tercatat
                FROM realisasi r JOIN skp s ON s.id = r.skp_id
               WHERE r.tahun = ${tahunKode(periodeKode)} AND r.instansi_id = ${instansiId}
                 AND r.periode_kode = ${periodeKode} AND r.status IN (SELECT value FROM json_array_elements_text(${JSON.stringify(status)}::json))
               GROUP BY r.pegawai_id, r.skp_id),
        g AS (SELECT a.penilai_id, count(*) AS n
                FROM (SELECT CASE WHEN e.jpt THEN e.tercatat ELSE pejabat_penilai_skp(e.skp_id, ${tanggal}::date) END
                             AS penilai_id FROM e) a
               WHERE a.penilai_id IS NOT NULL GROUP BY a.penilai_id),`,
  );
}

/**
 * One notice per assessor who missed a deadline, to their atasan pejabat penilai, per period of the
 * rule rows: how many employees and items escalated (keyed by period and assessor).
 */
export async function beritahuEskalasi(
  tx: DbOrTx,
  f: {
    instansiId: number;
    aturan: AturanEskalasi;
    label: { kode: string; label: string }[];
    now: Date;
    tanggal: string;
  },
) {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`WITH t AS (SELECT r.periode_kode, r.pegawai_id, r.skp_id, count(*) AS n
                     FROM realisasi r JOIN skp s ON s.id = r.skp_id AND NOT s.is_jpt
                    WHERE r.instansi_id = ${f.instansiId} AND r.status IN ('DIAJUKAN', 'DIPERBAIKI')
                      AND r.periode_kode IN (SELECT value FROM json_array_elements_text(${JSON.stringify(f.label.map((l) => l.kode))}::json))
                      AND ${tereskalasi('r', f.aturan, f.now)}
                    GROUP BY r.periode_kode, r.pegawai_id, r.skp_id),
             g AS (SELECT a.periode_kode, a.penilai_id, count(*) AS pegawai, sum(a.n) AS item
                     FROM (SELECT t.*, pejabat_penilai_skp(t.skp_id, ${f.tanggal}::date) AS penilai_id FROM t) a
                    WHERE a.penilai_id IS NOT NULL GROUP BY a.periode_kode, a.penilai_id),
             ins AS (INSERT INTO notifikasi (pegawai_id, jenis, judul, pesan, tautan, dari_id, kunci, created_at)
                     SELECT h.atasan_id, 'ESKALASI_PENILAIAN', 'Penilaian realisasi dieskalasi kepada Anda',
                            'Realisasi ' || h.pegawai || ' pegawai (' || h.item || ' RHK) periode ' || pl.label
                              || ' belum dinilai ' || pn.nama || ' hingga batas waktu penilaian. Sebagai atasan pejabat penilai, Anda dapat menilainya.',
                            '/kotak-masuk', h.penilai_id, 'eskalasi:' || h.periode_kode || ':' || h.penilai_id,
                            ${f.now.toISOString()}::timestamptz
                       FROM (SELECT g.*, atasan_langsung(g.penilai_id, ${f.tanggal}::date) AS atasan_id FROM g) h
                       JOIN pegawai pn ON pn.id = h.penilai_id
                       JOIN json_to_recordset(${JSON.stringify(f.label)}::json) AS pl(kode text, label text)
                         ON pl.kode = h.periode_kode
                      WHERE h.atasan_id IS NOT NULL
                     ON CONFLICT (pegawai_id, kunci) WHERE kunci IS NOT NULL DO NOTHING
                     RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
  );
  return row!.n;
}

/** What an OPD admin is told is overdue once a window has closed. */
export type Tunggakan =
  /** Employees with an approved plan and RHKs not submitted. */
  | { jenis: 'INPUT'; periode: Periode }
  /** Employees with items waiting in these statuses. */
  | { jenis: 'PENILAIAN'; periodeKode: string; status: StatusMenunggu[] }
  /** Employees with items sent back and not corrected. */
  | { jenis: 'PERBAIKAN'; periodeKode: string };

function tertunggak(instansiId: number, t: Tunggakan) {
  if (t.jenis === 'INPUT')
    return sql`SELECT pg.opd_id, count(*) AS n FROM (
                 SELECT DISTINCT ON (s.pegawai_id) s.id, s.pegawai_id
                   FROM skp s JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.is_active
                  WHERE s.instansi_id = ${instansiId} AND ${skpDisetujuiUntuk('s', t.periode)}
                  ORDER BY s.pegawai_id, s.versi DESC, s.id DESC) s
               JOIN pegawai pg ON pg.id = s.pegawai_id
              WHERE EXISTS (SELECT 1 FROM rhk k
                              LEFT JOIN realisasi r
                                ON r.tahun = ${t.periode.tahun} AND r.rhk_id = k.id AND r.periode_kode = ${t.periode.kode}
                             WHERE k.skp_id = s.id AND (r.id IS NULL OR r.status = 'DRAFT'))
              GROUP BY pg.opd_id`;
  const status = t.jenis === 'PENILAIAN' ? t.status : ['PERLU_PERBAIKAN'];
  return sql`SELECT pg.opd_id, count(DISTINCT r.pegawai_id) AS n
               FROM realisasi r JOIN pegawai pg ON pg.id = r.pegawai_id
              WHERE r.tahun = ${tahunKode(t.periodeKode)} AND r.instansi_id = ${instansiId}
                AND r.periode_kode = ${t.periodeKode} AND r.status IN (SELECT value FROM json_array_elements_text(${JSON.stringify(status)}::json))
              GROUP BY pg.opd_id`;
}

/**
 * One notice per OPD admin and OPD with anything overdue after a window closed: the count, the OPD's
 * name and a link to its late list (`{opd}` in `tautan` becomes the OPD's id; the key gets it appended).
 */
export async function beritahuAdminOpd(tx: DbOrTx, instansiId: number, t: Tunggakan, p: Pesan) {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`WITH x AS (${tertunggak(instansiId, t)}),
         ins AS (INSERT INTO notifikasi (pegawai_id, jenis, judul, pesan, tautan, kunci, created_at)
                 SELECT a.pegawai_id, ${p.jenis}, ${p.judul}, ${p.awal} || x.n || ' pegawai ' || o.nama || ${p.akhir},
                        replace(${p.tautan}, '{opd}', x.opd_id::text), ${p.kunci} || ':' || x.opd_id, ${p.at.toISOString()}::timestamptz
                   FROM x JOIN unor o ON o.id = x.opd_id
                   JOIN peran_pegawai a ON a.peran = 'ADMIN_OPD' AND a.opd_id = x.opd_id
                   JOIN pegawai ap ON ap.id = a.pegawai_id AND ap.is_active
                  WHERE x.n > 0
                 ON CONFLICT (pegawai_id, kunci) WHERE kunci IS NOT NULL DO NOTHING
                 RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
  );
  return row!.n;
}
