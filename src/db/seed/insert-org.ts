/**
 * Writes an OrgPlan in a handful of set-based statements per table (JSON recordsets, ids taken
 * from the sequences up front so children can reference parents in the same statement).
 * Shared by the demo seed, the synthetic seed and the test factories.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../client.js';
import { OPD_LEVEL, type OrgPlan } from './plan.js';

const CHUNK = 20_000;

async function takeIds(tx: DbOrTx, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const found = await rows<{ id: number }>(
    tx,
    sql`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::int AS id FROM generate_series(1, ${n}::int)`,
  );
  return found.map((r) => r.id);
}

async function insertJson(tx: DbOrTx, records: object[], statement: (json: string) => SQL) {
  for (let i = 0; i < records.length; i += CHUNK) {
    await tx.execute(statement(JSON.stringify(records.slice(i, i + CHUNK))));
  }
}

function keyMap(keys: string[], ids: number[]): Map<string, number> {
  return new Map(keys.map((k, i) => [k, ids[i]!]));
}

function need(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Rencana organisasi: ${what} '${key}' tidak ada`);
  return id;
}

export interface InsertedOrg {
  instansiId: number;
  unor: Map<string, number>;
  jabatan: Map<string, number>;
  pegawai: Map<string, number>;
}

export async function insertOrgPlan(
  tx: DbOrTx,
  plan: OrgPlan,
  options: { passwordHash: string | null },
): Promise<InsertedOrg> {
  const [inst] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO instansi (kode, nama, jenis, zona_waktu)
        VALUES (${plan.instansi.kode}, ${plan.instansi.nama}, ${plan.instansi.jenis}, ${plan.instansi.zonaWaktu})
        RETURNING id`,
  );
  const instansiId = inst!.id;

  const unorIds = keyMap(
    plan.unor.map((u) => u.key),
    await takeIds(tx, 'unor', plan.unor.length),
  );
  const paths = new Map<string, string>();
  const opdOf = new Map<string, number | null>();
  const unorRecords = plan.unor.map((u, urutan) => {
    const id = need(unorIds, u.key, 'unor');
    const parentPath = u.parentKey ? paths.get(u.parentKey) : '/';
    if (parentPath === undefined)
      throw new Error(`Rencana organisasi: induk unor '${u.parentKey}' harus lebih dulu`);
    const path = `${parentPath}${id}/`;
    const opdId = OPD_LEVEL.has(u.jenis) ? id : u.parentKey ? (opdOf.get(u.parentKey) ?? null) : null;
    paths.set(u.key, path);
    opdOf.set(u.key, opdId);
    const parentId = u.parentKey ? need(unorIds, u.parentKey, 'unor') : null;
    return { id, parent_id: parentId, opd_id: opdId, jenis: u.jenis, nama: u.nama, path, urutan };
  });
  await insertJson(
    tx,
    unorRecords,
    (
      json,
    ) => sql`INSERT INTO unor (id, instansi_id, parent_id, opd_id, jenis, nama, path, urutan) OVERRIDING SYSTEM VALUE
      SELECT id, ${instansiId}, parent_id, opd_id, jenis, nama, path, urutan
        FROM json_to_recordset(${json}::json) AS t(id int, parent_id int, opd_id int, jenis text, nama text, path text, urutan int)`,
  );

  const jabatanIds = keyMap(
    plan.jabatan.map((j) => j.key),
    await takeIds(tx, 'jabatan', plan.jabatan.length),
  );
  await insertJson(
    tx,
    plan.jabatan.map((j) => ({
      id: need(jabatanIds, j.key, 'jabatan'),
      unor_id: need(unorIds, j.unorKey, 'unor'),
      nama: j.nama,
      jenis: j.jenis,
      jenjang: j.jenjang,
      kelas: j.kelasJabatan,
      atasan: j.atasanKey ? need(jabatanIds, j.atasanKey, 'jabatan atasan') : null,
      kepala: j.isKepalaUnor,
    })),
    (
      json,
    ) => sql`INSERT INTO jabatan (id, instansi_id, unor_id, nama, jenis, jenjang, kelas_jabatan, atasan_jabatan_id, is_kepala_unor)
      OVERRIDING SYSTEM VALUE
      SELECT id, ${instansiId}, unor_id, nama, jenis, jenjang, kelas, atasan, kepala
        FROM json_to_recordset(${json}::json)
          AS t(id int, unor_id int, nama text, jenis text, jenjang text, kelas smallint, atasan int, kepala boolean)`,
  );

  const unorOfJabatan = new Map(plan.jabatan.map((j) => [j.key, j.unorKey]));
  const pegawaiIds = keyMap(
    plan.pegawai.map((p) => p.key),
    await takeIds(tx, 'pegawai', plan.pegawai.length),
  );
  const pegawaiRecords = plan.pegawai.map((p) => {
    const unorKey = unorOfJabatan.get(p.jabatanKey);
    if (!unorKey) throw new Error(`Rencana organisasi: jabatan '${p.jabatanKey}' tidak ada`);
    return {
      id: need(pegawaiIds, p.key, 'pegawai'),
      nip: p.nip,
      gd: p.gelarDepan,
      nama: p.nama,
      gb: p.gelarBelakang,
      asn: p.jenisAsn,
      gol: p.golongan,
      jabatan_id: need(jabatanIds, p.jabatanKey, 'jabatan'),
      unor_id: need(unorIds, unorKey, 'unor'),
      opd_id: opdOf.get(unorKey) ?? null,
      tmt: p.tmtJabatan,
    };
  });
  await insertJson(
    tx,
    pegawaiRecords,
    (
      json,
    ) => sql`INSERT INTO pegawai (id, instansi_id, nip, gelar_depan, nama, gelar_belakang, jenis_asn, golongan,
        jabatan_id, unor_id, opd_id, password_hash) OVERRIDING SYSTEM VALUE
      SELECT id, ${instansiId}, nip, gd, nama, gb, asn, gol, jabatan_id, unor_id, opd_id, ${options.passwordHash}
        FROM json_to_recordset(${json}::json)
          AS t(id int, nip text, gd text, nama text, gb text, asn text, gol text, jabatan_id int, unor_id int, opd_id int)`,
  );
  await insertJson(
    tx,
    pegawaiRecords.map((p) => ({ pegawai_id: p.id, jabatan_id: p.jabatan_id, tmt: p.tmt })),
    (json) => sql`INSERT INTO penugasan (pegawai_id, jabatan_id, jenis, tmt_mulai)
      SELECT pegawai_id, jabatan_id, 'DEFINITIF', tmt FROM json_to_recordset(${json}::json) AS t(pegawai_id int, jabatan_id int, tmt date)`,
  );
  await insertJson(
    tx,
    plan.roles.map((r) => ({
      pegawai_id: need(pegawaiIds, r.pegawaiKey, 'pegawai'),
      peran: r.peran,
      opd_id: r.opdKey ? need(unorIds, r.opdKey, 'unor') : null,
    })),
    (json) => sql`INSERT INTO peran_pegawai (pegawai_id, peran, opd_id)
      SELECT pegawai_id, peran, opd_id FROM json_to_recordset(${json}::json) AS t(pegawai_id int, peran text, opd_id int)`,
  );
  if (plan.kebijakanMfa) {
    await tx.execute(
      sql`INSERT INTO pengaturan (instansi_id, kebijakan_mfa) VALUES (${instansiId}, ${JSON.stringify(plan.kebijakanMfa)}::jsonb)`,
    );
  }
  return { instansiId, unor: unorIds, jabatan: jabatanIds, pegawai: pegawaiIds };
}
