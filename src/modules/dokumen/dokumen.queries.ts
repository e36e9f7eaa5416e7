/**
 * SQL of the documents: the printed-document registry, and the penilaian records a document shows
 * (organisation predikat, a unit's distribution, the annual evaluation with its objection, the
 * penetapan) read set-based over a unit's subtree (unor.path).
 */
import { eq, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { evaluasiTahunanAkhir } from '../../db/predikat-akhir.js';
import {
  dokumenTerbit,
  evaluasiTahunan,
  instansi,
  keberatan,
  penetapanPredikat,
  unor,
} from '../../db/schema/index.js';
import type { PredikatOrganisasi, PredikatPegawai } from '../../domain/predikat.js';

export async function insertTerbit(db: DbOrTx, row: typeof dokumenTerbit.$inferInsert) {
  await db.insert(dokumenTerbit).values(row);
}

export async function findTerbit(db: DbOrTx, kode: string) {
  const [row] = await rows<{
    kode: string;
    jenis: string;
    /** As the service registered it (IdentitasDokumen and the title). */
    identitas: { judul: string; nama: string; nip: string | null; unitKerja: string | null; periode: string };
    sha256: string;
    createdAt: Date;
    instansiNama: string;
    zonaWaktu: string;
    gelarDepan: string | null;
    nama: string | null;
    gelarBelakang: string | null;
  }>(
    db,
    sql`SELECT d.kode, d.jenis, d.identitas, d.sha256, d.created_at AS "createdAt",
               i.nama AS "instansiNama", i.zona_waktu AS "zonaWaktu",
               p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang"
          FROM dokumen_terbit d
          JOIN instansi i ON i.id = d.instansi_id
          LEFT JOIN pegawai p ON p.id = d.dicetak_oleh_id
         WHERE d.kode = ${kode}`,
  );
  return row ? { ...row, createdAt: new Date(row.createdAt) } : null;
}

export async function findUnor(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ id: unor.id, instansiId: unor.instansiId, opdId: unor.opdId, nama: unor.nama, path: unor.path })
    .from(unor)
    .where(eq(unor.id, id));
  return row ?? null;
}

/** The employee's unit (its path), for the organisation predikat and the distribution. */
export async function unorOfPegawai(db: DbOrTx, pegawaiId: number) {
  const [row] = await rows<{ id: number; nama: string; path: string }>(
    db,
    sql`SELECT u.id, u.nama, u.path FROM pegawai p JOIN unor u ON u.id = p.unor_id WHERE p.id = ${pegawaiId}`,
  );
  return row ?? null;
}

/**
 * Whether the actor leads the unit or one above it on the date: holds the head position of the unit
 * or of an ancestor, definitively or as Plt/Plh.
 */
export async function memimpinUnit(db: DbOrTx, actorId: number, path: string, tanggal: string) {
  const [row] = await rows<{ ok: boolean }>(
    db,
    sql`SELECT EXISTS (
          SELECT 1 FROM jabatan j JOIN unor a ON a.id = j.unor_id
           WHERE j.is_kepala_unor AND ${path} LIKE a.path || '%'
             AND (j.id = (SELECT jabatan_id FROM pegawai WHERE id = ${actorId})
                  OR EXISTS (SELECT 1 FROM penugasan t WHERE t.pegawai_id = ${actorId} AND t.jabatan_id = j.id
                               AND t.jenis IN ('PLT', 'PLH') AND t.tmt_mulai <= ${tanggal}
                               AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= ${tanggal})))
        ) AS ok`,
  );
  return row?.ok === true;
}

/** The organisation predikat that applies to a unit: its own, else the nearest unit above with one. */
export async function predikatOrganisasiOf(db: DbOrTx, path: string, periodeKode: string) {
  const [row] = await rows<{ predikat: PredikatOrganisasi; unorId: number; unitNama: string; path: string }>(
    db,
    sql`SELECT po.predikat, a.id AS "unorId", a.nama AS "unitNama", a.path
          FROM predikat_organisasi po JOIN unor a ON a.id = po.unor_id
         WHERE po.periode_kode = ${periodeKode} AND ${path} LIKE a.path || '%'
         ORDER BY length(a.path) DESC LIMIT 1`,
  );
  return row ?? null;
}

/** Counts of the periodic predikat of the employees of a unit and the units below it. */
export async function distribusiUnit(db: DbOrTx, instansiId: number, path: string, periodeKode: string) {
  return rows<{ predikat: PredikatPegawai; n: number }>(
    db,
    sql`SELECT pp.predikat, count(*)::int AS n
          FROM penilaian_periodik pp
          JOIN skp s ON s.id = pp.skp_id
          JOIN pegawai p ON p.id = s.pegawai_id
          JOIN unor u ON u.id = p.unor_id
         WHERE pp.instansi_id = ${instansiId} AND pp.periode_kode = ${periodeKode} AND u.path LIKE ${`${path}%`}
         GROUP BY pp.predikat`,
  );
}

/**
 * Counts of the year's results (db/predikat-akhir: FINAL only, after objections) of the employees of
 * a unit and the units below it.
 */
export async function distribusiTahunan(db: DbOrTx, instansiId: number, path: string, tahun: number) {
  return rows<{ predikat: PredikatPegawai; n: number }>(
    db,
    sql`SELECT t.predikat, count(*)::int AS n
          FROM (${evaluasiTahunanAkhir(instansiId, tahun)}) t
          JOIN pegawai p ON p.id = t.pegawai_id
          JOIN unor u ON u.id = p.unor_id
         WHERE t.final AND u.path LIKE ${`${path}%`}
         GROUP BY t.predikat`,
  );
}

export async function instansiNama(db: DbOrTx, id: number) {
  const [row] = await db.select({ nama: instansi.nama }).from(instansi).where(eq(instansi.id, id));
  return row?.nama ?? '';
}

/** Behaviour feedback of a plan over several periods, oldest first. */
export async function umpanBalikPerilaku(db: DbOrTx, skpId: number) {
  return rows<{ kode: string; teks: string; periodeKode: string }>(
    db,
    sql`SELECT kode, teks, periode_kode AS "periodeKode" FROM umpan_balik
         WHERE skp_id = ${skpId} AND realisasi_id IS NULL AND kode IS NOT NULL ORDER BY at, id`,
  );
}

export async function evaluasiOfSkp(db: DbOrTx, skpId: number) {
  const [row] = await db
    .select({ e: evaluasiTahunan, k: keberatan })
    .from(evaluasiTahunan)
    .leftJoin(keberatan, eq(keberatan.evaluasiId, evaluasiTahunan.id))
    .where(eq(evaluasiTahunan.skpId, skpId));
  return row ?? null;
}

export async function penetapanOf(db: DbOrTx, unorId: number, periodeKode: string) {
  const [row] = await db
    .select()
    .from(penetapanPredikat)
    .where(
      sql`${penetapanPredikat.unorId} = ${unorId} AND ${penetapanPredikat.periodeKode} = ${periodeKode}`,
    );
  return row ?? null;
}

/**
 * The employees of a unit and the units below it with an approved plan of the year, with the plan
 * (the latest approved version) and, when there is one, its local annual evaluation (an imported
 * one's documents are the national application's); by name.
 */
export async function pegawaiUnit(db: DbOrTx, path: string, tahun: number) {
  return rows<{ pegawaiId: number; nip: string; skpId: number; evaluasiId: number | null }>(
    db,
    sql`SELECT DISTINCT ON (p.nama, p.id) p.id AS "pegawaiId", p.nip, s.id AS "skpId", e.id AS "evaluasiId"
          FROM pegawai p
          JOIN unor u ON u.id = p.unor_id
          JOIN skp s ON s.pegawai_id = p.id AND s.tahun = ${tahun} AND s.status = 'DISETUJUI'
          LEFT JOIN evaluasi_tahunan e ON e.skp_id = s.id AND e.sumber = 'LOKAL'
         WHERE u.path LIKE ${`${path}%`} AND p.is_active
         ORDER BY p.nama, p.id, s.versi DESC`,
  );
}
