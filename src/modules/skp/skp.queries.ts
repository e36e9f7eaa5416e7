/** SQL for SKP plans: set-based reads of the content, in-place updates so intervensi links survive. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import {
  iki,
  instansi,
  jabatan,
  pegawai,
  penugasan,
  rhk,
  rhkIntervensi,
  skp,
  skpLampiran,
  skpPerilaku,
  unor,
} from '../../db/schema/index.js';
import type { Aspek, JenisLampiran, JenisRhk, Perspektif } from '../../domain/skp.js';

export async function currentPosition(db: DbOrTx, pegawaiId: number) {
  const [row] = await db
    .select({
      instansiId: pegawai.instansiId,
      jabatanId: jabatan.id,
      jenis: jabatan.jenis,
      kepalaUnitMandiri: jabatan.kepalaUnitMandiri,
      tmtMulai: penugasan.tmtMulai,
    })
    .from(pegawai)
    .innerJoin(jabatan, eq(jabatan.id, pegawai.jabatanId))
    .leftJoin(
      penugasan,
      and(
        eq(penugasan.pegawaiId, pegawai.id),
        eq(penugasan.jabatanId, jabatan.id),
        eq(penugasan.jenis, 'DEFINITIF'),
      ),
    )
    .where(eq(pegawai.id, pegawaiId))
    .orderBy(desc(penugasan.tmtMulai))
    .limit(1);
  return row ?? null;
}

export async function hasSkp(db: DbOrTx, pegawaiId: number, jabatanId: number, tahun: number) {
  const [row] = await db
    .select({ id: skp.id })
    .from(skp)
    .where(and(eq(skp.pegawaiId, pegawaiId), eq(skp.jabatanId, jabatanId), eq(skp.tahun, tahun)))
    .limit(1);
  return !!row;
}

export async function insertSkp(db: DbOrTx, row: typeof skp.$inferInsert) {
  const [created] = await db.insert(skp).values(row).returning({ id: skp.id });
  return created!.id;
}

export async function findSkp(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      skp,
      unorId: jabatan.unorId,
      pegawaiNama: pegawai.nama,
      gelarDepan: pegawai.gelarDepan,
      gelarBelakang: pegawai.gelarBelakang,
      jabatanNama: jabatan.nama,
      unorNama: unor.nama,
      instansiNama: instansi.nama,
    })
    .from(skp)
    .innerJoin(instansi, eq(instansi.id, skp.instansiId))
    .innerJoin(pegawai, eq(pegawai.id, skp.pegawaiId))
    .innerJoin(jabatan, eq(jabatan.id, skp.jabatanId))
    .innerJoin(unor, eq(unor.id, jabatan.unorId))
    .where(eq(skp.id, id));
  return row ?? null;
}

export async function ownerOf(db: DbOrTx, id: number) {
  const [row] = await db.select({ pegawaiId: skp.pegawaiId }).from(skp).where(eq(skp.id, id));
  return row?.pegawaiId ?? null;
}

export function listSkpOf(db: DbOrTx, pegawaiId: number, tahun: number | undefined) {
  return db
    .select({
      id: skp.id,
      tahun: skp.tahun,
      jabatanNama: jabatan.nama,
      status: skp.status,
      versi: skp.versi,
      periodeMulai: skp.periodeMulai,
      periodeAkhir: skp.periodeAkhir,
    })
    .from(skp)
    .innerJoin(jabatan, eq(jabatan.id, skp.jabatanId))
    .where(tahun ? and(eq(skp.pegawaiId, pegawaiId), eq(skp.tahun, tahun)) : eq(skp.pegawaiId, pegawaiId))
    .orderBy(desc(skp.tahun), desc(skp.versi));
}

export interface IsiRow {
  id: number;
  jenis: JenisRhk;
  rencana: string;
  penugasanDari: string | null;
  pkSasaranId: number | null;
  perluDitinjau: boolean;
  iki: {
    id: number;
    aspek: Aspek | null;
    indikator: string;
    target: { nilai: number | null; nilaiMaks: number | null; satuan: string | null; teks: string | null };
    perspektif: Perspektif | null;
  }[];
  intervensi: number[];
}

/** RHKs with their IKIs and intervensi, in order: three queries whatever the plan's size. */
export async function loadIsi(db: DbOrTx, skpId: number): Promise<IsiRow[]> {
  const rhks = await db.select().from(rhk).where(eq(rhk.skpId, skpId)).orderBy(asc(rhk.urutan));
  const ids = rhks.map((r) => r.id);
  if (ids.length === 0) return [];
  const [ikis, links] = await Promise.all([
    db.select().from(iki).where(inArray(iki.rhkId, ids)).orderBy(asc(iki.rhkId), asc(iki.urutan)),
    db.select().from(rhkIntervensi).where(inArray(rhkIntervensi.rhkId, ids)),
  ]);
  return rhks.map((r) => ({
    id: r.id,
    jenis: r.jenis,
    rencana: r.rencana,
    penugasanDari: r.penugasanDari,
    pkSasaranId: r.pkSasaranId,
    perluDitinjau: r.perluDitinjau,
    iki: ikis
      .filter((k) => k.rhkId === r.id)
      .map((k) => ({
        id: k.id,
        aspek: k.aspek,
        indikator: k.indikator,
        target: {
          nilai: k.targetNilai,
          nilaiMaks: k.targetNilaiMaks,
          satuan: k.targetSatuan,
          teks: k.targetTeks,
        },
        perspektif: k.perspektif,
      })),
    intervensi: links.filter((l) => l.rhkId === r.id).map((l) => l.atasanRhkId),
  }));
}

export function perilakuOf(db: DbOrTx, skpId: number) {
  return db
    .select({ kode: skpPerilaku.kode, ekspektasi: skpPerilaku.ekspektasi })
    .from(skpPerilaku)
    .where(eq(skpPerilaku.skpId, skpId));
}

/** The plan a subordinate intervenes: see rencana_atasan() (the plan written for the superior's position). */
export interface RencanaAtasan {
  jabatanId: number | null;
  pemilikId: number;
}

/** The one lookup of whose plan, for which position, an employee intervenes under this superior. */
export async function rencanaAtasan(
  db: DbOrTx,
  pegawaiId: number,
  atasanId: number,
  tahun: number,
  tanggal: string,
): Promise<RencanaAtasan> {
  const [row] = await rows<RencanaAtasan>(
    db,
    sql`SELECT jabatan_id AS "jabatanId", pemilik_id AS "pemilikId"
          FROM rencana_atasan(${pegawaiId}::int, ${atasanId}::int, ${tahun}::int, ${tanggal}::date)`,
  );
  return row!;
}

const milikRencana = (r: RencanaAtasan, tahun: number) =>
  and(
    eq(skp.pegawaiId, r.pemilikId),
    r.jabatanId === null ? undefined : eq(skp.jabatanId, r.jabatanId),
    eq(skp.tahun, tahun),
  );

/** That plan as subordinates intervene it: the latest approved, else the latest submitted. */
export async function skpAtasan(db: DbOrTx, rencana: RencanaAtasan, tahun: number) {
  const [found] = await db
    .select({ id: skp.id, status: skp.status, pegawaiNama: pegawai.nama })
    .from(skp)
    .innerJoin(pegawai, eq(pegawai.id, skp.pegawaiId))
    .where(and(milikRencana(rencana, tahun), inArray(skp.status, ['DIAJUKAN', 'DISETUJUI'])))
    .orderBy(desc(skp.versi))
    .limit(1);
  if (!found) return null;
  const list = await db
    .select({ id: rhk.id, rencana: rhk.rencana })
    .from(rhk)
    .where(eq(rhk.skpId, found.id))
    .orderBy(asc(rhk.urutan));
  return { ...found, rhk: list };
}

export interface RhkWrite {
  id: number | null;
  jenis: JenisRhk;
  rencana: string;
  penugasanDari: string | null;
  pkSasaranId: number | null;
  iki: {
    aspek: Aspek | null;
    indikator: string;
    target: { nilai: number | null; nilaiMaks: number | null; satuan: string | null; teks: string | null };
    perspektif: Perspektif | null;
  }[];
  intervensi: number[];
}

/**
 * Writes the plan's content. RHKs keep their ids (subordinates' intervensi point at them); removed
 * RHKs lose their subordinates' links (flag those first with flagIntervening). Saving is the owner's
 * review, so the plan's own perlu-ditinjau flags clear.
 */
export async function replaceIsi(
  tx: DbOrTx,
  plan: { id: number; instansiId: number; tahun: number },
  items: RhkWrite[],
) {
  const skpId = plan.id;
  const lingkup = { instansiId: plan.instansiId, tahun: plan.tahun };
  const existing = (await tx.select({ id: rhk.id }).from(rhk).where(eq(rhk.skpId, skpId))).map((r) => r.id);
  const kept = new Set(items.flatMap((r) => (r.id ? [r.id] : [])));
  const removed = existing.filter((id) => !kept.has(id));
  if (removed.length) {
    await tx.delete(rhkIntervensi).where(inArray(rhkIntervensi.atasanRhkId, removed));
    await tx.delete(rhk).where(inArray(rhk.id, removed));
  }
  const ids: number[] = [];
  for (const [urutan, item] of items.entries()) {
    if (item.id && existing.includes(item.id)) {
      await tx
        .update(rhk)
        .set({
          jenis: item.jenis,
          rencana: item.rencana,
          penugasanDari: item.penugasanDari,
          pkSasaranId: item.pkSasaranId,
          urutan,
          perluDitinjau: false,
        })
        .where(eq(rhk.id, item.id));
      ids.push(item.id);
    } else {
      const [created] = await tx
        .insert(rhk)
        .values({
          skpId,
          ...lingkup,
          jenis: item.jenis,
          rencana: item.rencana,
          penugasanDari: item.penugasanDari,
          pkSasaranId: item.pkSasaranId,
          urutan,
        })
        .returning({ id: rhk.id });
      ids.push(created!.id);
    }
  }
  if (ids.length) {
    await tx.delete(iki).where(inArray(iki.rhkId, ids));
    await tx.delete(rhkIntervensi).where(inArray(rhkIntervensi.rhkId, ids));
  }
  const ikiRows = items.flatMap((item, i) =>
    item.iki.map((k, urutan) => ({
      rhkId: ids[i]!,
      ...lingkup,
      urutan,
      aspek: k.aspek,
      indikator: k.indikator,
      targetNilai: k.target.nilai,
      targetNilaiMaks: k.target.nilaiMaks,
      targetSatuan: k.target.satuan,
      targetTeks: k.target.teks,
      perspektif: k.perspektif,
    })),
  );
  if (ikiRows.length) await tx.insert(iki).values(ikiRows);
  const links = items.flatMap((item, i) =>
    [...new Set(item.intervensi)].map((atasanRhkId) => ({ rhkId: ids[i]!, atasanRhkId, ...lingkup })),
  );
  if (links.length) await tx.insert(rhkIntervensi).values(links);
}

/** Changes status fields only if nobody changed the plan since `version` was read. */
export async function updateSkpIfVersion(
  tx: DbOrTx,
  id: number,
  version: number,
  set: Partial<typeof skp.$inferInsert>,
) {
  const updated = await tx
    .update(skp)
    .set({ ...set, version: sql`${skp.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(skp.id, id), eq(skp.version, version)))
    .returning({ id: skp.id });
  return updated.length === 1;
}

/** The assessor's direct subordinates with their latest plan of the year (one query). */
export function skpBawahan(db: DbOrTx, penilaiId: number, tahun: number, tanggal: string, zona: string) {
  return rows<{
    pegawaiId: number;
    nip: string;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
    jabatanNama: string | null;
    skpId: number | null;
    status: 'DRAFT' | 'DIAJUKAN' | 'DISETUJUI' | 'DIKEMBALIKAN' | null;
    diajukanAt: string | null;
    periodeMulai: string | null;
    /** The approval date in the instansi's zone. */
    disetujuiPada: string | null;
  }>(
    db,
    sql`SELECT p.id AS "pegawaiId", p.nip, p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
               j.nama AS "jabatanNama", s.id AS "skpId", s.status, to_char(s.diajukan_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "diajukanAt",
               to_char(s.periode_mulai, 'YYYY-MM-DD') AS "periodeMulai", to_char(s.disetujui_at AT TIME ZONE ${zona}, 'YYYY-MM-DD') AS "disetujuiPada"
          FROM bawahan_langsung(${penilaiId}::int, ${tanggal}::date) AS b(id)
          JOIN pegawai p ON p.id = b.id
          LEFT JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN LATERAL (SELECT id, status, diajukan_at, periode_mulai, disetujui_at FROM skp
                              WHERE skp.pegawai_id = p.id AND skp.tahun = ${tahun}
                              ORDER BY versi DESC, id DESC LIMIT 1) s ON true
         ORDER BY CASE s.status WHEN 'DIAJUKAN' THEN 0 WHEN 'DIKEMBALIKAN' THEN 1 WHEN 'DRAFT' THEN 2 WHEN 'DISETUJUI' THEN 4 ELSE 3 END, p.nama`,
  );
}

export async function replacePerilaku(
  tx: DbOrTx,
  skpId: number,
  items: { kode: string; ekspektasi: string }[],
) {
  await tx.delete(skpPerilaku).where(eq(skpPerilaku.skpId, skpId));
  if (items.length) await tx.insert(skpPerilaku).values(items.map((i) => ({ skpId, ...i })));
}

/** Leader IKIs of one plan. */
export function ikiOfSkp(db: DbOrTx, skpId: number) {
  return db
    .select({
      rhkId: rhk.id,
      rencana: rhk.rencana,
      ikiId: iki.id,
      indikator: iki.indikator,
      aspek: iki.aspek,
      nilai: iki.targetNilai,
      nilaiMaks: iki.targetNilaiMaks,
      satuan: iki.targetSatuan,
      teks: iki.targetTeks,
    })
    .from(iki)
    .innerJoin(rhk, eq(rhk.id, iki.rhkId))
    .where(eq(rhk.skpId, skpId))
    .orderBy(asc(rhk.urutan), asc(iki.urutan));
}

/**
 * The latest plans of the year of the direct subordinates who intervene this plan (bawahan_rencana():
 * under a Plt they follow the position, not the person), with RHKs, IKIs and intervensi (one query).
 */
export function rhkBawahan(db: DbOrTx, skpId: number, tahun: number, tanggal: string) {
  return rows<{
    pegawaiId: number;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
    jabatanNama: string | null;
    skpId: number | null;
    status: 'DRAFT' | 'DIAJUKAN' | 'DISETUJUI' | 'DIKEMBALIKAN' | null;
    rhkId: number | null;
    jenis: 'UTAMA' | 'TAMBAHAN' | null;
    rencana: string | null;
    perluDitinjau: boolean | null;
    intervensi: number[];
    iki: {
      aspek: Aspek | null;
      nilai: number | null;
      nilaiMaks: number | null;
      satuan: string | null;
      teks: string | null;
    }[];
  }>(
    db,
    sql`WITH b AS (SELECT id FROM bawahan_rencana(${skpId}::int, ${tanggal}::date) AS b(id)),
         s AS (SELECT DISTINCT ON (pegawai_id) id, pegawai_id, status FROM skp
                WHERE pegawai_id IN (SELECT id FROM b) AND tahun = ${tahun}
                ORDER BY pegawai_id, versi DESC, id DESC)
        SELECT p.id AS "pegawaiId", p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
               j.nama AS "jabatanNama", s.id AS "skpId", s.status, r.id AS "rhkId", r.jenis, r.rencana,
               r.perlu_ditinjau AS "perluDitinjau",
               coalesce((SELECT json_agg(v.atasan_rhk_id) FROM rhk_intervensi v WHERE v.rhk_id = r.id), '[]'::json) AS intervensi,
               coalesce((SELECT json_agg(json_build_object('aspek', k.aspek, 'nilai', k.target_nilai, 'nilaiMaks', k.target_nilai_maks,
                                                           'satuan', k.target_satuan, 'teks', k.target_teks))
                           FROM iki k WHERE k.rhk_id = r.id), '[]'::json) AS iki
          FROM b JOIN pegawai p ON p.id = b.id
          LEFT JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN s ON s.pegawai_id = p.id
          LEFT JOIN rhk r ON r.skp_id = s.id
         ORDER BY p.nama, r.urutan`,
  );
}

/**
 * Copies a plan's RHKs with their IKIs (and optionally intervensi and perilaku) into another plan,
 * set-based; each copy remembers its source RHK in asal_rhk_id.
 */
export async function copyIsi(
  tx: DbOrTx,
  fromSkpId: number,
  toSkpId: number,
  options: { intervensi: boolean; perilaku: boolean },
) {
  await tx.execute(
    sql`INSERT INTO rhk (skp_id, instansi_id, tahun, jenis, urutan, rencana, penugasan_dari, pk_sasaran_id, asal_rhk_id)
        SELECT t.id, t.instansi_id, t.tahun, r.jenis, r.urutan, r.rencana, r.penugasan_dari,
               CASE WHEN ${options.intervensi} THEN r.pk_sasaran_id END, r.id
          FROM rhk r JOIN skp t ON t.id = ${toSkpId} WHERE r.skp_id = ${fromSkpId}`,
  );
  await tx.execute(
    sql`INSERT INTO iki (rhk_id, instansi_id, tahun, urutan, aspek, indikator, target_nilai, target_nilai_maks, target_satuan, target_teks, perspektif)
        SELECT n.id, n.instansi_id, n.tahun, k.urutan, k.aspek, k.indikator, k.target_nilai, k.target_nilai_maks, k.target_satuan, k.target_teks, k.perspektif
          FROM rhk n JOIN iki k ON k.rhk_id = n.asal_rhk_id WHERE n.skp_id = ${toSkpId}`,
  );
  if (options.intervensi) {
    await tx.execute(
      sql`INSERT INTO rhk_intervensi (rhk_id, atasan_rhk_id, instansi_id, tahun)
          SELECT n.id, v.atasan_rhk_id, n.instansi_id, n.tahun FROM rhk n JOIN rhk_intervensi v ON v.rhk_id = n.asal_rhk_id WHERE n.skp_id = ${toSkpId}`,
    );
  }
  if (options.perilaku) {
    await tx.execute(
      sql`INSERT INTO skp_perilaku (skp_id, kode, ekspektasi) SELECT ${toSkpId}, kode, ekspektasi FROM skp_perilaku WHERE skp_id = ${fromSkpId}`,
    );
  }
}

/** The owners of RHKs that intervene any of these leader RHKs, flagged perlu ditinjau. */
export async function flagIntervening(tx: DbOrTx, atasanRhkIds: number[]) {
  if (atasanRhkIds.length === 0) return [];
  return rows<{ pegawaiId: number; skpId: number; rencana: string }>(
    tx,
    sql`UPDATE rhk c SET perlu_ditinjau = true FROM rhk_intervensi v, skp s
         WHERE v.rhk_id = c.id AND s.id = c.skp_id
           AND v.atasan_rhk_id IN (SELECT value::int FROM json_array_elements_text(${JSON.stringify(atasanRhkIds)}::json))
     RETURNING s.pegawai_id AS "pegawaiId", s.id AS "skpId", c.rencana`,
  );
}

/**
 * When a new version of a leader's plan is approved, subordinates' links move from the old RHKs to
 * their copies. Links to RHKs the new version dropped stay on the old version; those and links to
 * copies whose result or indicators changed are flagged perlu ditinjau (owners returned).
 */
export async function carryIntervensi(tx: DbOrTx, newSkpId: number) {
  const flagged = await rows<{ pegawaiId: number; skpId: number; rencana: string }>(
    tx,
    sql`WITH sig AS (
          SELECT r.id, r.rencana || coalesce((SELECT string_agg(concat_ws('|', k.aspek, k.indikator, k.target_nilai, k.target_nilai_maks, k.target_satuan, k.target_teks), ';' ORDER BY k.urutan)
                                               FROM iki k WHERE k.rhk_id = r.id), '') AS isi
            FROM rhk r),
        changed AS (
          SELECT old.id FROM skp s JOIN rhk old ON old.skp_id = s.versi_sebelumnya_id
            LEFT JOIN rhk n ON n.skp_id = s.id AND n.asal_rhk_id = old.id
           WHERE s.id = ${newSkpId}
             AND (n.id IS NULL OR (SELECT isi FROM sig WHERE sig.id = n.id) IS DISTINCT FROM (SELECT isi FROM sig WHERE sig.id = old.id)))
        UPDATE rhk c SET perlu_ditinjau = true FROM rhk_intervensi v, skp cs
         WHERE v.rhk_id = c.id AND cs.id = c.skp_id AND v.atasan_rhk_id IN (SELECT id FROM changed)
     RETURNING cs.pegawai_id AS "pegawaiId", cs.id AS "skpId", c.rencana`,
  );
  await tx.execute(
    sql`UPDATE rhk_intervensi v SET atasan_rhk_id = n.id FROM rhk n
         WHERE n.skp_id = ${newSkpId} AND n.asal_rhk_id = v.atasan_rhk_id
           AND NOT EXISTS (SELECT 1 FROM rhk_intervensi d WHERE d.rhk_id = v.rhk_id AND d.atasan_rhk_id = n.id)`,
  );
  return flagged;
}

/** The employee's approved plan of a year (latest version), to copy from. */
export async function approvedSkpOf(db: DbOrTx, pegawaiId: number, tahun: number) {
  const [row] = await db
    .select({ id: skp.id })
    .from(skp)
    .where(and(eq(skp.pegawaiId, pegawaiId), eq(skp.tahun, tahun), eq(skp.status, 'DISETUJUI')))
    .orderBy(desc(skp.versi))
    .limit(1);
  return row?.id ?? null;
}

export async function hasNewerVersion(db: DbOrTx, skpId: number) {
  const [row] = await db.select({ id: skp.id }).from(skp).where(eq(skp.versiSebelumnyaId, skpId)).limit(1);
  return !!row;
}

export function lampiranOf(db: DbOrTx, skpId: number) {
  return db
    .select({ jenis: skpLampiran.jenis, teks: skpLampiran.teks })
    .from(skpLampiran)
    .where(eq(skpLampiran.skpId, skpId))
    .orderBy(asc(skpLampiran.jenis), asc(skpLampiran.urutan));
}

export async function replaceLampiran(
  tx: DbOrTx,
  skpId: number,
  items: { jenis: JenisLampiran; items: string[] }[],
) {
  await tx.delete(skpLampiran).where(eq(skpLampiran.skpId, skpId));
  const values = items.flatMap((l) =>
    l.items.map((teks, urutan) => ({ skpId, jenis: l.jenis, urutan, teks })),
  );
  if (values.length) await tx.insert(skpLampiran).values(values);
}

/**
 * Would linking this plan's RHKs to `atasanRhkIds` close a loop? True when one of those RHKs already
 * reaches, through intervensi upward, an RHK of this plan.
 */
export async function closesCycle(db: DbOrTx, skpId: number, atasanRhkIds: number[]) {
  if (atasanRhkIds.length === 0) return false;
  const [row] = await rows<{ cycle: boolean }>(
    db,
    sql`WITH RECURSIVE up(id, depth) AS (
          SELECT value::int, 0 FROM json_array_elements_text(${JSON.stringify(atasanRhkIds)}::json)
          UNION
          SELECT v.atasan_rhk_id, up.depth + 1 FROM up JOIN rhk_intervensi v ON v.rhk_id = up.id WHERE up.depth < 50)
        SELECT EXISTS (SELECT 1 FROM up JOIN rhk r ON r.id = up.id WHERE r.skp_id = ${skpId}) AS cycle`,
  );
  return row!.cycle;
}

/** The latest plan of an employee for a year (the one being worked on). */
export async function latestSkpOf(db: DbOrTx, pegawaiId: number, tahun: number) {
  const [row] = await db
    .select({ id: skp.id, status: skp.status, version: skp.version, instansiId: skp.instansiId })
    .from(skp)
    .where(and(eq(skp.pegawaiId, pegawaiId), eq(skp.tahun, tahun)))
    .orderBy(desc(skp.versi), desc(skp.id))
    .limit(1);
  return row ?? null;
}

/** Appends a UTAMA RHK intervening one leader RHK (a role-result written in the Matriks Peran Hasil). */
export async function appendRhkUtama(tx: DbOrTx, skpId: number, rencana: string, atasanRhkId: number) {
  const [created] = await rows<{ id: number; instansiId: number; tahun: number }>(
    tx,
    sql`INSERT INTO rhk (skp_id, instansi_id, tahun, jenis, urutan, rencana)
        SELECT s.id, s.instansi_id, s.tahun, 'UTAMA', (SELECT coalesce(max(urutan) + 1, 0) FROM rhk WHERE skp_id = s.id), ${rencana}
          FROM skp s WHERE s.id = ${skpId}
        RETURNING id, instansi_id AS "instansiId", tahun`,
  );
  await tx.insert(rhkIntervensi).values({
    rhkId: created!.id,
    atasanRhkId,
    instansiId: created!.instansiId,
    tahun: created!.tahun,
  });
  return created!.id;
}

/** The plan's subordinates' RHKs (latest plans) still linked to RHKs outside the plans for its owner and position. */
export function tautanYatim(db: DbOrTx, skpId: number, tahun: number, tanggal: string) {
  return rows<{
    pegawaiId: number;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
    rhkId: number;
    rencana: string;
    atasanRhkId: number;
    atasanRencana: string;
    atasanNama: string;
  }>(
    db,
    sql`WITH ld AS (SELECT pegawai_id, jabatan_id FROM skp WHERE id = ${skpId}),
             s AS (SELECT DISTINCT ON (pegawai_id) id, pegawai_id FROM skp
                    WHERE pegawai_id IN (SELECT id FROM bawahan_rencana(${skpId}::int, ${tanggal}::date) AS b(id))
                      AND tahun = ${tahun}
                    ORDER BY pegawai_id, versi DESC, id DESC)
        SELECT p.id AS "pegawaiId", p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
               r.id AS "rhkId", r.rencana, pr.id AS "atasanRhkId", pr.rencana AS "atasanRencana", ap.nama AS "atasanNama"
          FROM s JOIN pegawai p ON p.id = s.pegawai_id
          JOIN rhk r ON r.skp_id = s.id
          JOIN rhk_intervensi v ON v.rhk_id = r.id
          JOIN rhk pr ON pr.id = v.atasan_rhk_id
          JOIN skp ps ON ps.id = pr.skp_id
          JOIN ld ON NOT (ps.pegawai_id = ld.pegawai_id AND ps.jabatan_id = ld.jabatan_id)
          JOIN pegawai ap ON ap.id = ps.pegawai_id
         ORDER BY p.nama, r.urutan`,
  );
}

export async function rhkBelongsTo(db: DbOrTx, rhkId: number, skpId: number) {
  const [row] = await db
    .select({ id: rhk.id })
    .from(rhk)
    .where(and(eq(rhk.id, rhkId), eq(rhk.skpId, skpId)));
  return !!row;
}

/** From an RHK up the first intervensi at each level, to the top; then the PK item it derives from. */
export async function jalur(db: DbOrTx, rhkId: number) {
  const langkah = await rows<{
    rhkId: number;
    rencana: string;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
    jabatanNama: string;
    tahun: number;
    pkSasaranId: number | null;
  }>(
    db,
    sql`WITH RECURSIVE up(id, depth) AS (
          SELECT ${rhkId}::int, 0
          UNION ALL
          SELECT (SELECT min(v.atasan_rhk_id) FROM rhk_intervensi v WHERE v.rhk_id = up.id), up.depth + 1
            FROM up WHERE up.id IS NOT NULL AND up.depth < 20)
        SELECT r.id AS "rhkId", r.rencana, p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
               j.nama AS "jabatanNama", s.tahun, r.pk_sasaran_id AS "pkSasaranId"
          FROM up JOIN rhk r ON r.id = up.id JOIN skp s ON s.id = r.skp_id
          JOIN pegawai p ON p.id = s.pegawai_id JOIN jabatan j ON j.id = s.jabatan_id
         ORDER BY up.depth`,
  );
  const pkId = langkah.findLast((l) => l.pkSasaranId !== null)?.pkSasaranId ?? null;
  const [pk] = pkId
    ? await rows<{ sasaran: string; indikator: string; unorNama: string; tahun: number }>(
        db,
        sql`SELECT ps.sasaran, ps.indikator, u.nama AS "unorNama", pk.tahun
              FROM pk_sasaran ps JOIN perjanjian_kinerja pk ON pk.id = ps.pk_id JOIN unor u ON u.id = pk.unor_id
             WHERE ps.id = ${pkId}`,
      )
    : [];
  return { langkah, pk: pk ?? null };
}

export async function copyLampiran(tx: DbOrTx, fromSkpId: number, toSkpId: number) {
  await tx.execute(
    sql`INSERT INTO skp_lampiran (skp_id, jenis, urutan, teks) SELECT ${toSkpId}, jenis, urutan, teks FROM skp_lampiran WHERE skp_id = ${fromSkpId}`,
  );
}

/** The superior's name and where their plan of the year stands (null: none yet), for "waiting on whom". */
export async function atasanRingkas(db: DbOrTx, atasanId: number, rencana: RencanaAtasan, tahun: number) {
  const [row] = await rows<{
    pegawaiId: number;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
    statusSkp: 'DRAFT' | 'DIAJUKAN' | 'DISETUJUI' | 'DIKEMBALIKAN' | null;
  }>(
    db,
    sql`SELECT p.id AS "pegawaiId", p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
               (SELECT s.status FROM skp s WHERE s.pegawai_id = ${rencana.pemilikId} AND s.tahun = ${tahun}
                   AND (${rencana.jabatanId}::int IS NULL OR s.jabatan_id = ${rencana.jabatanId}::int)
                 ORDER BY s.versi DESC, s.id DESC LIMIT 1) AS "statusSkp"
          FROM pegawai p WHERE p.id = ${atasanId}`,
  );
  return row ?? null;
}

/**
 * Ends the employee's plans for a position on `akhir` (SPEC §4.1: the day before the new TMT), where
 * they run past it; plans starting after it are left alone. Returns what changed, for the audit.
 */
export function tutupSkpJabatan(tx: DbOrTx, pegawaiId: number, jabatanId: number, akhir: string) {
  return rows<{ id: number; instansiId: number; periodeAkhirLama: string }>(
    tx,
    sql`UPDATE skp s SET periode_akhir = ${akhir}::date, version = s.version + 1, updated_at = now()
          FROM skp lama
         WHERE lama.id = s.id AND s.pegawai_id = ${pegawaiId} AND s.jabatan_id = ${jabatanId}
           AND s.periode_mulai <= ${akhir}::date AND s.periode_akhir > ${akhir}::date
        RETURNING s.id, s.instansi_id AS "instansiId", lama.periode_akhir::text AS "periodeAkhirLama"`,
  );
}
