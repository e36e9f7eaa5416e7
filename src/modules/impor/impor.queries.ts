/** Set-based lookups and writes for the employee import: a few statements whatever the file size. */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';

const json = (value: unknown) => JSON.stringify(value);

export interface UnorRow {
  id: number;
  nama: string;
  namaKey: string;
  opdId: number | null;
  parentId: number | null;
}

export function unorByNames(db: DbOrTx, instansiId: number, names: string[]) {
  return rows<UnorRow>(
    db,
    sql`SELECT id, nama, lower(nama) AS "namaKey", opd_id AS "opdId", parent_id AS "parentId" FROM unor
         WHERE instansi_id = ${instansiId}
           AND lower(nama) IN (SELECT value FROM json_array_elements_text(${json(names)}::json))`,
  );
}

export interface PegawaiRow {
  id: number;
  nip: string;
  instansiId: number;
  nama: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jenisAsn: string;
  golongan: string;
  jabatanId: number | null;
  unorId: number | null;
  opdId: number | null;
  atasanOverrideId: number | null;
  /** Names of the current position and unit, to report what an import changes. */
  jabatanNama: string | null;
  unorNama: string | null;
}

export function pegawaiByNips(db: DbOrTx, nips: string[]) {
  return rows<PegawaiRow>(
    db,
    sql`SELECT p.id, p.nip, p.instansi_id AS "instansiId", p.nama, p.gelar_depan AS "gelarDepan",
               p.gelar_belakang AS "gelarBelakang", p.jenis_asn AS "jenisAsn", p.golongan, p.jabatan_id AS "jabatanId",
               p.unor_id AS "unorId", p.opd_id AS "opdId", p.atasan_override_id AS "atasanOverrideId",
               j.nama AS "jabatanNama", u.nama AS "unorNama"
          FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unor u ON u.id = p.unor_id
         WHERE p.nip IN (SELECT value FROM json_array_elements_text(${json(nips)}::json))`,
  );
}

export interface JabatanRow {
  id: number;
  unorId: number;
  namaKey: string;
  jenis: string;
  isKepalaUnor: boolean;
  /** Active definitive holders. */
  pemangku: number[];
}

/** Positions of the given units (to match names and find unit heads), with their holders. */
export function jabatanInUnits(db: DbOrTx, unorIds: number[]) {
  return rows<JabatanRow>(
    db,
    sql`SELECT j.id, j.unor_id AS "unorId", lower(j.nama) AS "namaKey", j.jenis, j.is_kepala_unor AS "isKepalaUnor",
               coalesce((SELECT json_agg(p.id) FROM pegawai p WHERE p.jabatan_id = j.id AND p.is_active), '[]'::json) AS pemangku
          FROM jabatan j
         WHERE j.unor_id IN (SELECT value::int FROM json_array_elements_text(${json(unorIds)}::json))`,
  );
}

/** The nearest unit head position at or above each unit (for new positions without NIP Atasan). */
export function kepalaUnorAbove(db: DbOrTx, unorIds: number[]) {
  return rows<{ unorId: number; jabatanId: number | null }>(
    db,
    sql`SELECT u.id AS "unorId",
               (SELECT j.id FROM unor a JOIN jabatan j ON j.unor_id = a.id AND j.is_kepala_unor
                 WHERE u.path LIKE a.path || '%' ORDER BY length(a.path) DESC, j.id LIMIT 1) AS "jabatanId"
          FROM unor u WHERE u.id IN (SELECT value::int FROM json_array_elements_text(${json(unorIds)}::json))`,
  );
}

export async function insertJabatan(
  tx: DbOrTx,
  instansiId: number,
  items: { unorId: number; nama: string; jenis: string; jenjang: string | null; isKepalaUnor: boolean }[],
) {
  if (items.length === 0) return [];
  return rows<{ id: number; unorId: number; nama: string }>(
    tx,
    sql`INSERT INTO jabatan (instansi_id, unor_id, nama, jenis, jenjang, is_kepala_unor)
        SELECT ${instansiId}, unor_id, nama, jenis, jenjang, kepala
          FROM json_to_recordset(${json(items.map((i) => ({ unor_id: i.unorId, nama: i.nama, jenis: i.jenis, jenjang: i.jenjang, kepala: i.isKepalaUnor })))}::json)
            AS t(unor_id int, nama text, jenis text, jenjang text, kepala boolean)
        RETURNING id, unor_id AS "unorId", nama`,
  );
}

export async function setAtasanJabatan(tx: DbOrTx, links: { id: number; atasan: number | null }[]) {
  if (links.length === 0) return;
  await tx.execute(
    sql`UPDATE jabatan j SET atasan_jabatan_id = t.atasan
          FROM json_to_recordset(${json(links)}::json) AS t(id int, atasan int) WHERE j.id = t.id`,
  );
}

export interface PegawaiWrite {
  nip: string;
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
  jenisAsn: string;
  golongan: string;
  jabatanId: number;
  unorId: number;
  opdId: number | null;
}

export async function insertPegawai(tx: DbOrTx, instansiId: number, items: PegawaiWrite[], tmt: string) {
  if (items.length === 0) return [];
  const created = await rows<{ id: number; nip: string; jabatanId: number }>(
    tx,
    sql`INSERT INTO pegawai (instansi_id, nip, gelar_depan, nama, gelar_belakang, jenis_asn, golongan, jabatan_id, unor_id, opd_id)
        SELECT ${instansiId}, "nip", "gelarDepan", "nama", "gelarBelakang", "jenisAsn", "golongan", "jabatanId", "unorId", "opdId"
          FROM json_to_recordset(${json(items)}::json) AS t("nip" text, "gelarDepan" text, "nama" text, "gelarBelakang" text,
               "jenisAsn" text, "golongan" text, "jabatanId" int, "unorId" int, "opdId" int)
        RETURNING id, nip, jabatan_id AS "jabatanId"`,
  );
  await tx.execute(
    sql`INSERT INTO penugasan (pegawai_id, jabatan_id, jenis, tmt_mulai, alasan)
        SELECT id, "jabatanId", 'DEFINITIF', ${tmt}::date, 'Impor' FROM json_to_recordset(${json(created)}::json) AS t(id int, "jabatanId" int)`,
  );
  return created;
}

/** Updates identity fields of everyone, and moves those whose position changed (history closed and opened). */
export async function updatePegawai(
  tx: DbOrTx,
  items: (PegawaiWrite & { id: number; moved: boolean })[],
  tmt: string,
  yesterday: string,
) {
  if (items.length === 0) return;
  const payload = json(items);
  await tx.execute(
    sql`UPDATE pegawai p SET gelar_depan = t."gelarDepan", nama = t."nama", gelar_belakang = t."gelarBelakang",
               jenis_asn = t."jenisAsn", golongan = t."golongan", jabatan_id = t."jabatanId", unor_id = t."unorId",
               opd_id = t."opdId", version = p.version + 1, updated_at = now(),
               atasan_override_id = CASE WHEN t."moved" THEN NULL ELSE p.atasan_override_id END,
               atasan_override_alasan = CASE WHEN t."moved" THEN NULL ELSE p.atasan_override_alasan END,
               atasan_override_jenis = CASE WHEN t."moved" THEN NULL ELSE p.atasan_override_jenis END
          FROM json_to_recordset(${payload}::json) AS t(id int, "gelarDepan" text, "nama" text, "gelarBelakang" text,
               "jenisAsn" text, "golongan" text, "jabatanId" int, "unorId" int, "opdId" int, "moved" boolean)
         WHERE p.id = t.id`,
  );
  const moved = json(items.filter((i) => i.moved).map((i) => ({ id: i.id, jabatan: i.jabatanId })));
  await tx.execute(
    sql`UPDATE penugasan s SET tmt_selesai = ${yesterday}::date
          FROM json_to_recordset(${moved}::json) AS t(id int, jabatan int)
         WHERE s.pegawai_id = t.id AND s.jenis = 'DEFINITIF' AND s.tmt_selesai IS NULL`,
  );
  await tx.execute(
    sql`INSERT INTO penugasan (pegawai_id, jabatan_id, jenis, tmt_mulai, alasan)
        SELECT id, jabatan, 'DEFINITIF', ${tmt}::date, 'Impor' FROM json_to_recordset(${moved}::json) AS t(id int, jabatan int)`,
  );
}

/**
 * The file's NIP Atasan wins: where the superior computed from positions differs, it becomes an
 * override. Existing overrides of these employees are cleared first so the comparison is fair.
 */
export async function applyAtasan(tx: DbOrTx, links: { id: number; atasan: number }[], tanggal: string) {
  if (links.length === 0) return [];
  const payload = json(links);
  await tx.execute(
    sql`UPDATE pegawai p SET atasan_override_id = NULL, atasan_override_alasan = NULL, atasan_override_jenis = NULL
          FROM json_to_recordset(${payload}::json) AS t(id int, atasan int) WHERE p.id = t.id`,
  );
  return rows<{ id: number }>(
    tx,
    sql`UPDATE pegawai p SET atasan_override_id = t.atasan, atasan_override_alasan = 'Impor',
               atasan_override_jenis = 'KOREKSI'
          FROM json_to_recordset(${payload}::json) AS t(id int, atasan int)
         WHERE p.id = t.id AND atasan_langsung(t.id, ${tanggal}::date) IS DISTINCT FROM t.atasan
        RETURNING p.id`,
  );
}

/** Employees whose new superior leads back to themselves (walks each chain at most 20 levels). */
export async function superiorCycles(tx: DbOrTx, links: { id: number; atasan: number }[], tanggal: string) {
  if (links.length === 0) return [];
  const found = await rows<{ id: number }>(
    tx,
    sql`WITH RECURSIVE links AS (SELECT * FROM json_to_recordset(${json(links)}::json) AS t(id int, atasan int)),
         walk(origin, cur, d) AS (
           SELECT id, atasan, 1 FROM links
           UNION ALL
           SELECT w.origin, atasan_langsung(w.cur, ${tanggal}::date), w.d + 1 FROM walk w
            WHERE w.cur IS NOT NULL AND w.cur <> w.origin AND w.d < 20)
        SELECT DISTINCT origin AS id FROM walk WHERE cur = origin`,
  );
  return found.map((r) => r.id);
}
