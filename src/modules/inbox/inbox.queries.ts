/** SQL of the inbox: one statement per kind of work waiting for the user. */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import {
  type AturanEskalasi,
  bukaanUntuk,
  dinilaiOleh,
  skpDinilaiBaris,
  skpDisetujuiUntuk,
  tereskalasi,
} from '../../db/siklus-bulanan.js';
import type { JenisJendela } from '../../domain/jadwal.js';
import type { StatusMenunggu } from '../../domain/tenggat.js';

/**
 * The RHKs of the employee's approved plan (newest version) for a period and how many have no
 * submitted realisasi yet (none, or a draft); null without an approved plan.
 */
export async function rhkBelumDiajukan(
  db: DbOrTx,
  pegawaiId: number,
  periode: { tahun: number; mulai: string; akhir: string; kode: string },
) {
  const [row] = await rows<{ jumlah: number; belum: number }>(
    db,
    sql`SELECT count(k.id)::int AS jumlah,
               count(k.id) FILTER (WHERE r.id IS NULL OR r.status = 'DRAFT')::int AS belum
          FROM (SELECT s.id FROM skp s
                 WHERE s.pegawai_id = ${pegawaiId} AND ${skpDisetujuiUntuk('s', periode)}
                 ORDER BY s.versi DESC, s.id DESC LIMIT 1) s
          JOIN rhk k ON k.skp_id = s.id
          LEFT JOIN realisasi r ON r.tahun = ${periode.tahun} AND r.rhk_id = k.id AND r.periode_kode = ${periode.kode}
         GROUP BY s.id`,
  );
  return row ?? null;
}

/** The employee's realisasi sent back for correction, every period. */
export function perluPerbaikan(db: DbOrTx, pegawaiId: number) {
  return rows<{ id: number; periodeKode: string; rhkRencana: string; arahan: string | null }>(
    db,
    sql`SELECT r.id, r.periode_kode AS "periodeKode", k.rencana AS "rhkRencana", r.arahan
          FROM realisasi r JOIN rhk k ON k.id = r.rhk_id
         WHERE r.pegawai_id = ${pegawaiId} AND r.status = 'PERLU_PERBAIKAN'
         ORDER BY r.periode_kode, k.urutan, k.id
         LIMIT 200`,
  );
}

/** The latest end of an unrevoked exception of one window for the employee of row `r`. */
const bukaanTerakhir = (jenis: JenisJendela) =>
  sql`(SELECT max(bj.berakhir) FROM bukaan_jendela bj
        WHERE bj.instansi_id = r.instansi_id AND bj.periode_kode = r.periode_kode AND bj.jenis = ${jenis}
          AND ${bukaanUntuk('bj', sql`r.pegawai_id`)})`;

/**
 * Items waiting for the official's verdict, per employee, period and status: their own subordinates,
 * those of a delegation in force, and the escalated items of their subordinates' subordinates
 * (db/siklus-bulanan.ts); with the exceptions that move the employee's deadlines.
 */
export function menungguPenilaian(
  db: DbOrTx,
  penilaiId: number,
  tanggal: string,
  aturan: AturanEskalasi,
  now: Date,
) {
  return rows<{
    pegawaiId: number;
    nip: string;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
    jabatanNama: string | null;
    peran: 'LANGSUNG' | 'DELEGASI' | 'ESKALASI';
    atasNamaId: number | null;
    atasNamaGelarDepan: string | null;
    atasNamaNama: string | null;
    atasNamaGelarBelakang: string | null;
    periodeKode: string;
    status: StatusMenunggu;
    jumlah: number;
    tertua: Date | null;
    bukaanPenilaian: Date | null;
    bukaanPerbaikan: Date | null;
  }>(
    db,
    sql`SELECT p.id AS "pegawaiId", p.nip, p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
               j.nama AS "jabatanNama", b.peran, b.atas_nama_id AS "atasNamaId",
               an.gelar_depan AS "atasNamaGelarDepan", an.nama AS "atasNamaNama",
               an.gelar_belakang AS "atasNamaGelarBelakang",
               r.periode_kode AS "periodeKode", r.status, count(*)::int AS jumlah, min(r.diajukan_at) AS tertua,
               ${bukaanTerakhir('PENILAIAN')} AS "bukaanPenilaian", ${bukaanTerakhir('PERBAIKAN')} AS "bukaanPerbaikan"
          FROM (${dinilaiOleh(penilaiId, tanggal, aturan, now)}) AS b
          JOIN pegawai p ON p.id = b.pegawai_id
          LEFT JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN pegawai an ON an.id = b.atas_nama_id
          JOIN realisasi r ON r.pegawai_id = p.id AND r.status IN ('DIAJUKAN', 'DIPERBAIKI')
          JOIN skp s ON s.id = r.skp_id
         WHERE (b.peran <> 'ESKALASI' OR (NOT s.is_jpt AND ${tereskalasi('r', aturan, now)}))
           AND ${skpDinilaiBaris('s', 'p', 'b', penilaiId, tanggal)}
         GROUP BY p.id, j.nama, b.peran, b.atas_nama_id, an.id, r.instansi_id, r.pegawai_id, r.periode_kode, r.status
         ORDER BY min(r.diajukan_at), p.id
         LIMIT 1000`,
  );
}

/**
 * Open follow-ups of dialogs assigned to the employee, due date first, with the last instant of the
 * due date in the instansi's zone.
 */
export function tindakLanjutTerbuka(db: DbOrTx, pegawaiId: number, zonaWaktu: string) {
  return rows<{
    id: number;
    uraian: string;
    tenggat: string;
    akhir: Date;
    dialogId: number;
    tanggal: string;
    jenis: string;
    topik: string;
    pegawaiDialogId: number;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
  }>(
    db,
    sql`SELECT tl.id, tl.uraian, tl.tenggat::text AS tenggat,
               ((tl.tenggat + 1)::timestamp AT TIME ZONE ${zonaWaktu}) - interval '1 millisecond' AS akhir,
               d.id AS "dialogId", d.tanggal::text AS tanggal, d.jenis, d.topik,
               p.id AS "pegawaiDialogId", p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang"
          FROM dialog_tindak_lanjut tl
          JOIN dialog_kinerja d ON d.id = tl.dialog_id
          JOIN pegawai p ON p.id = d.pegawai_id
         WHERE tl.penanggung_jawab_id = ${pegawaiId} AND tl.selesai_at IS NULL
         ORDER BY tl.tenggat, tl.id
         LIMIT 200`,
  );
}
