/**
 * SQL of attendance: set-based lookups and a chunked upsert (a month of a large province is millions
 * of rows), the holiday calendar and the working hours kept in the instansi's settings row.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import type { BarisKehadiran, JamKerja } from '../../domain/kehadiran.js';

const json = (value: unknown) => JSON.stringify(value);

/** Rows per INSERT: large enough to amortise a round trip, small enough for one JSON parameter. */
const CHUNK = 10_000;

export interface PegawaiNip {
  id: number;
  nip: string;
  instansiId: number;
  opdId: number | null;
}

export function pegawaiByNips(db: DbOrTx, nips: string[]) {
  return rows<PegawaiNip>(
    db,
    sql`SELECT id, nip, instansi_id AS "instansiId", opd_id AS "opdId"
          FROM pegawai WHERE nip IN (SELECT value FROM json_array_elements_text(${json(nips)}::json))`,
  );
}

export type KehadiranWrite = BarisKehadiran & { pegawaiId: number };

/** Inserts or replaces (pegawai, tanggal) rows; counts how many were new. */
export async function upsertKehadiran(
  tx: DbOrTx,
  instansiId: number,
  sumber: string,
  items: KehadiranWrite[],
) {
  let baru = 0;
  let diganti = 0;
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK).map((r) => ({
      p: r.pegawaiId,
      t: r.tanggal,
      m: r.jamMasuk,
      k: r.jamPulang,
      s: r.status,
      ket: r.keterangan,
      a: r.apel,
    }));
    // New rows are those the statement's snapshot did not see yet (a partitioned table cannot
    // return xmax, the usual inserted-or-updated tell).
    const [n] = await rows<{ baru: number; total: number }>(
      tx,
      sql`WITH x AS (
            SELECT * FROM json_to_recordset(${json(chunk)}::json) AS x(p int, t date, m time, k time, s text, ket text, a text)),
          ada AS (SELECT count(*)::int AS n FROM kehadiran k JOIN x ON k.pegawai_id = x.p AND k.tanggal = x.t),
          w AS (
            INSERT INTO kehadiran (pegawai_id, tanggal, instansi_id, jam_masuk, jam_pulang, status, keterangan, apel, sumber)
            SELECT x.p, x.t, ${instansiId}, x.m, x.k, x.s, x.ket, x.a, ${sumber} FROM x
            ON CONFLICT (pegawai_id, tanggal) DO UPDATE
               SET instansi_id = EXCLUDED.instansi_id, jam_masuk = EXCLUDED.jam_masuk, jam_pulang = EXCLUDED.jam_pulang,
                   status = EXCLUDED.status, keterangan = EXCLUDED.keterangan, apel = EXCLUDED.apel,
                   sumber = EXCLUDED.sumber, updated_at = now()
            RETURNING 1)
          SELECT (count(*) - (SELECT n FROM ada))::int AS baru, count(*)::int AS total FROM w`,
    );
    baru += n!.baru;
    diganti += n!.total - n!.baru;
  }
  return { baru, diganti };
}

export function kehadiranRentang(db: DbOrTx, pegawaiId: number, dari: string, sampai: string) {
  return rows<BarisKehadiran>(
    db,
    sql`SELECT tanggal::text AS tanggal, jam_masuk::text AS "jamMasuk", jam_pulang::text AS "jamPulang",
               status, keterangan, apel
          FROM kehadiran
         WHERE pegawai_id = ${pegawaiId} AND tanggal BETWEEN ${dari}::date AND ${sampai}::date
         ORDER BY tanggal`,
  );
}

export function pegawaiSingkat(db: DbOrTx, id: number) {
  return rows<{
    id: number;
    nip: string;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
    instansiId: number;
  }>(
    db,
    sql`SELECT id, nip, gelar_depan AS "gelarDepan", nama, gelar_belakang AS "gelarBelakang", instansi_id AS "instansiId"
          FROM pegawai WHERE id = ${id}`,
  ).then((r) => r[0] ?? null);
}

export interface HariLiburRow {
  id: number;
  tanggal: string;
  keterangan: string;
}

export function liburRentang(db: DbOrTx, instansiId: number, dari: string, sampai: string) {
  return rows<HariLiburRow>(
    db,
    sql`SELECT id, tanggal::text AS tanggal, keterangan FROM hari_libur
         WHERE instansi_id = ${instansiId} AND tanggal BETWEEN ${dari}::date AND ${sampai}::date
         ORDER BY tanggal`,
  );
}

/** Null when the date is already a holiday of the instansi. */
export async function insertLibur(tx: DbOrTx, instansiId: number, tanggal: string, keterangan: string) {
  const [row] = await rows<HariLiburRow>(
    tx,
    sql`INSERT INTO hari_libur (instansi_id, tanggal, keterangan) VALUES (${instansiId}, ${tanggal}::date, ${keterangan})
        ON CONFLICT (instansi_id, tanggal) DO NOTHING
        RETURNING id, tanggal::text AS tanggal, keterangan`,
  );
  return row ?? null;
}

export async function deleteLibur(tx: DbOrTx, instansiId: number, id: number) {
  const [row] = await rows<HariLiburRow>(
    tx,
    sql`DELETE FROM hari_libur WHERE id = ${id} AND instansi_id = ${instansiId}
        RETURNING id, tanggal::text AS tanggal, keterangan`,
  );
  return row ?? null;
}

/** The instansi's hours and the settings row's version (1 when there is no row yet). */
export async function findJamKerja(db: DbOrTx, instansiId: number) {
  const [row] = await rows<{ jamKerja: JamKerja | null; version: number }>(
    db,
    sql`SELECT jam_kerja AS "jamKerja", version FROM pengaturan WHERE instansi_id = ${instansiId}`,
  );
  return row ?? { jamKerja: null, version: 1 };
}

/** Writes the hours if `version` is still the settings row's; version 1 with no row creates it. */
export async function saveJamKerjaIfVersion(
  tx: DbOrTx,
  instansiId: number,
  version: number,
  jamKerja: JamKerja,
) {
  const inserted = await rows<{ v: number }>(
    tx,
    sql`INSERT INTO pengaturan (instansi_id, jam_kerja, version) VALUES (${instansiId}, ${json(jamKerja)}::jsonb, 2)
        ON CONFLICT (instansi_id) DO NOTHING RETURNING version AS v`,
  );
  if (inserted.length) return version === 1;
  const updated = await rows<{ v: number }>(
    tx,
    sql`UPDATE pengaturan SET jam_kerja = ${json(jamKerja)}::jsonb, version = version + 1, updated_at = now()
         WHERE instansi_id = ${instansiId} AND version = ${version} RETURNING version AS v`,
  );
  return updated.length === 1;
}
