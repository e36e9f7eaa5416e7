/** SQL for employees and the superior hierarchy (atasan_langsung / bawahan_langsung live in the database). */
import { and, asc, eq, gt, ilike, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, prepareOnce, rows } from '../../db/client.js';
import { jabatanRefColumns, opd, ringkasByIds, ringkasSelect, toRingkas } from '../../db/pegawai-ringkas.js';
import { jabatan, pegawai, penugasan, peranPegawai, unor } from '../../db/schema/index.js';
import type { JenisAtasanOverride, Peran } from '../../domain/jabatan.js';
import type { SasaranAdmin } from '../../domain/kewenangan.js';
import type { Relation } from '../auth/access.policy.js';

export { ringkasByIds };

export async function findTarget(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: pegawai.id,
      instansiId: pegawai.instansiId,
      opdId: pegawai.opdId,
      isActive: pegawai.isActive,
    })
    .from(pegawai)
    .where(eq(pegawai.id, id));
  return row ?? null;
}

export async function findPegawai(db: DbOrTx, id: number) {
  const query = prepareOnce(db, 'find_pegawai', (d) =>
    d
      .select({
        p: pegawai,
        jabatan: {
          id: jabatan.id,
          nama: jabatan.nama,
          jenis: jabatan.jenis,
          jenjang: jabatan.jenjang,
          kelasJabatan: jabatan.kelasJabatan,
          unorId: jabatan.unorId,
        },
        unorNama: unor.nama,
        opd: { id: opd.id, nama: opd.nama },
      })
      .from(pegawai)
      .leftJoin(jabatan, eq(jabatan.id, pegawai.jabatanId))
      .leftJoin(unor, eq(unor.id, jabatan.unorId))
      .leftJoin(opd, eq(opd.id, pegawai.opdId))
      .where(eq(pegawai.id, sql.placeholder('id')))
      .prepare('find_pegawai'),
  );
  const [row] = await query.execute({ id });
  return row ?? null;
}

export async function rolesOf(db: DbOrTx, pegawaiId: number) {
  const query = prepareOnce(db, 'roles_of', (d) =>
    d
      .select({ peran: peranPegawai.peran, opdId: peranPegawai.opdId })
      .from(peranPegawai)
      .where(eq(peranPegawai.pegawaiId, sql.placeholder('id')))
      .prepare('roles_of'),
  );
  return query.execute({ id: pegawaiId });
}

/**
 * The superior chain upward: index 0 is the pejabat penilai. `ketuaTim` marks a link made by a
 * KETUA_TIM override of the one below. Bounded, so an override cycle cannot loop.
 */
export async function rantaiAtasan(
  db: DbOrTx,
  pegawaiId: number,
  tanggal: string,
): Promise<{ id: number; ketuaTim: boolean }[]> {
  const found = await rows<{ id: number; ketuaTim: boolean }>(
    db,
    sql`WITH RECURSIVE chain(id, d, ketua_tim) AS (
          SELECT atasan_langsung(${pegawaiId}::int, ${tanggal}::date), 1,
                 (SELECT p.atasan_override_jenis = 'KETUA_TIM' FROM pegawai p WHERE p.id = ${pegawaiId})
          UNION ALL
          SELECT atasan_langsung(c.id, ${tanggal}::date), c.d + 1,
                 (SELECT p.atasan_override_jenis = 'KETUA_TIM' FROM pegawai p WHERE p.id = c.id)
            FROM chain c WHERE c.id IS NOT NULL AND c.d < 20
        )
        SELECT id, coalesce(ketua_tim, false) AS "ketuaTim" FROM chain WHERE id IS NOT NULL ORDER BY d`,
  );
  const seen = new Set<number>();
  return found.filter((r) => !seen.has(r.id) && seen.add(r.id) && r.id !== pegawaiId);
}

export async function rantaiAtasanIds(db: DbOrTx, pegawaiId: number, tanggal: string): Promise<number[]> {
  return (await rantaiAtasan(db, pegawaiId, tanggal)).map((r) => r.id);
}

export async function bawahanLangsungIds(db: DbOrTx, pegawaiId: number, tanggal: string): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT b.id FROM bawahan_langsung(${pegawaiId}::int, ${tanggal}::date) AS b(id)
        JOIN pegawai p ON p.id = b.id ORDER BY p.nama, p.id LIMIT 500`,
  );
  return found.map((r) => r.id);
}

/** Whether any of these direct subordinates has subordinates of their own (stops at the first). */
export async function hasBawahanTingkatDua(
  db: DbOrTx,
  bawahanIds: number[],
  tanggal: string,
): Promise<boolean> {
  if (bawahanIds.length === 0) return false;
  const [row] = await rows<{ found: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM json_array_elements_text(${JSON.stringify(bawahanIds)}::json) AS b(id),
                       LATERAL bawahan_langsung(b.id::int, ${tanggal}::date)) AS found`,
  );
  return row!.found;
}

/**
 * How actor stands to target: walks the target's chain upward, one query. Someone who still assesses
 * a plan of a position the target has left (penilai_skp, SPEC §4.1) stands to him as his pejabat
 * penilai; the services then allow him that plan only.
 */
export async function relationOf(
  db: DbOrTx,
  actorId: number,
  targetId: number,
  tanggal: string,
): Promise<Relation> {
  if (actorId === targetId) return 'self';
  const [row] = await rows<{ d: number | null; penilaiSkpLama: boolean | null }>(
    db,
    sql`WITH RECURSIVE chain(id, d) AS (
          SELECT atasan_langsung(${targetId}::int, ${tanggal}::date), 1
          UNION ALL
          SELECT atasan_langsung(c.id, ${tanggal}::date), c.d + 1 FROM chain c
           WHERE c.id IS NOT NULL AND c.id <> ${actorId} AND c.d < 20
        )
        SELECT x.d, CASE WHEN x.d IS NULL THEN EXISTS (
                 SELECT 1 FROM skp s JOIN pegawai p ON p.id = s.pegawai_id
                  WHERE s.pegawai_id = ${targetId} AND s.tahun >= extract(year FROM ${tanggal}::date)::int - 1
                    AND s.jabatan_id IS DISTINCT FROM p.jabatan_id
                    AND pejabat_penilai_skp(s.id, ${tanggal}::date) = ${actorId}) END AS "penilaiSkpLama"
          FROM (SELECT min(d)::int AS d FROM chain WHERE id = ${actorId}) x`,
  );
  const d = row?.d ?? null;
  if (d === null) return row?.penilaiSkpLama ? 'bawahan_langsung' : 'none';
  return d === 1 ? 'bawahan_langsung' : 'bawahan';
}

export async function riwayatJabatan(db: DbOrTx, pegawaiId: number) {
  const query = prepareOnce(db, 'riwayat_jabatan', (d) =>
    d
      .select({
        id: penugasan.id,
        jenis: penugasan.jenis,
        tmtMulai: penugasan.tmtMulai,
        tmtSelesai: penugasan.tmtSelesai,
        alasan: penugasan.alasan,
        jabatan: jabatanRefColumns,
      })
      .from(penugasan)
      .innerJoin(jabatan, eq(jabatan.id, penugasan.jabatanId))
      .innerJoin(unor, eq(unor.id, jabatan.unorId))
      .where(eq(penugasan.pegawaiId, sql.placeholder('id')))
      .orderBy(sql`${penugasan.tmtMulai} desc, ${penugasan.id} desc`)
      .prepare('riwayat_jabatan'),
  );
  return query.execute({ id: pegawaiId });
}

/**
 * Employee search, keyset-paginated on (nama, id). Digits search the NIP by prefix; three or more
 * letters use the trigram index for "contains"; fewer letters match the start of the name. The first
 * page (no cursor) also counts the whole filtered list; later pages do not pay for the count again.
 */
export async function searchPegawai(
  db: DbOrTx,
  scope: { instansiId: number; opdIds: number[] | null },
  q: string | undefined,
  filter: { opdId?: number | undefined; unorPath?: string | undefined },
  cursor: { nama: string; id: number } | null,
  limit: number,
) {
  const where: SQL[] = [eq(pegawai.instansiId, scope.instansiId)];
  if (scope.opdIds) where.push(inArray(pegawai.opdId, scope.opdIds.length ? scope.opdIds : [-1]));
  if (filter.opdId) where.push(eq(pegawai.opdId, filter.opdId));
  if (filter.unorPath) {
    where.push(sql`${pegawai.unorId} IN (SELECT id FROM unor WHERE path LIKE ${`${filter.unorPath}%`})`);
  }
  const term = q?.replace(/\s+/g, ' ').trim();
  const digits = term?.replace(/\s/g, '');
  let contains: string | null = null;
  if (term && digits && /^\d+$/.test(digits)) where.push(like(pegawai.nip, `${digits}%`));
  else if (term && term.length < 3) where.push(ilike(pegawai.nama, `${escapeLike(term)}%`));
  else if (term) contains = `%${escapeLike(term.toLowerCase())}%`;
  const filtered = and(...where)!;
  let condition = cursor
    ? and(
        filtered,
        or(gt(pegawai.nama, cursor.nama), and(eq(pegawai.nama, cursor.nama), gt(pegawai.id, cursor.id))),
      )!
    : filtered;
  if (contains && !cursor) return firstPageContaining(db, filtered, contains, limit);
  if (contains) condition = containingPage(condition, contains, limit);
  const found = await ringkasSelect(db)
    .where(condition)
    .orderBy(asc(pegawai.nama), asc(pegawai.id))
    .limit(limit + 1);
  return {
    ...toPage(found, limit),
    total: cursor ? null : await countPegawai(db, filtered, contains),
  };
}

/**
 * The fence (OFFSET 0) makes the planner match through the trigram index instead of walking the
 * name-ordered index over most of the instansi; only one page is then fetched by key.
 */
function containingPage(condition: SQL, contains: string, limit: number) {
  return sql`${pegawai.id} = ANY(ARRAY(
      SELECT m.id FROM (SELECT ${pegawai.id} AS id, ${pegawai.nama} AS nama FROM ${pegawai}
                         WHERE ${condition} AND lower(${pegawai.nama}) LIKE ${contains} OFFSET 0) m
       ORDER BY m.nama, m.id LIMIT ${limit + 1}))`;
}

/** The first page and the count from one trigram match (a CTE read twice is computed once). */
async function firstPageContaining(db: DbOrTx, filtered: SQL, contains: string, limit: number) {
  const cocok = db.$with('cocok').as(
    db
      .select({ id: sql<number>`${pegawai.id}`.as('id'), nama: sql<string>`${pegawai.nama}`.as('nama') })
      .from(pegawai)
      .where(and(filtered, sql`lower(${pegawai.nama}) LIKE ${contains}`)),
  );
  const found = await ringkasSelect(db.with(cocok), {
    total: sql<number>`(SELECT count(*) FROM ${cocok})::int`,
  })
    .where(sql`${pegawai.id} = ANY(ARRAY(SELECT id FROM ${cocok} ORDER BY nama, id LIMIT ${limit + 1}))`)
    .orderBy(asc(pegawai.nama), asc(pegawai.id));
  return { ...toPage(found, limit), total: found[0]?.total ?? 0 };
}

function toPage<R extends Parameters<typeof toRingkas>[0]>(found: R[], limit: number) {
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toRingkas),
    nextCursor:
      found.length > limit && last
        ? Buffer.from(JSON.stringify([last.nama, last.id])).toString('base64url')
        : null,
  };
}

async function countPegawai(db: DbOrTx, filtered: SQL, contains: string | null) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pegawai)
    .where(contains ? and(filtered, sql`lower(${pegawai.nama}) LIKE ${contains}`) : filtered);
  return row?.n ?? 0;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function decodeCursor(cursor: string | undefined): { nama: string; id: number } | null {
  if (!cursor) return null;
  try {
    const [nama, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof nama === 'string' && Number.isInteger(id)) return { nama, id: id as number };
  } catch {
    // fall through: a tampered cursor is simply rejected below
  }
  return null;
}

export async function unorPath(db: DbOrTx, unorId: number) {
  const [row] = await db
    .select({ path: unor.path, instansiId: unor.instansiId, opdId: unor.opdId })
    .from(unor)
    .where(eq(unor.id, unorId));
  return row ?? null;
}

/** The row to change, locked, for a write that checks the optimistic-concurrency version. */
export async function lockPegawai(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(pegawai).where(eq(pegawai.id, id)).for('update');
  return row ?? null;
}

export async function findJabatanWithOpd(tx: DbOrTx, jabatanId: number) {
  const [row] = await tx
    .select({ jabatan, opdId: unor.opdId })
    .from(jabatan)
    .innerJoin(unor, eq(unor.id, jabatan.unorId))
    .where(eq(jabatan.id, jabatanId));
  return row ?? null;
}

export async function definitiveHolder(tx: DbOrTx, jabatanId: number) {
  const [row] = await tx
    .select({ id: pegawai.id })
    .from(pegawai)
    .where(and(eq(pegawai.jabatanId, jabatanId), eq(pegawai.isActive, true)));
  return row ?? null;
}

/** Mutation: close the current definitive assignment, open the new one, move the employee. */
export async function movePegawai(
  tx: DbOrTx,
  move: {
    pegawaiId: number;
    jabatanId: number;
    unorId: number;
    opdId: number | null;
    tmtMulai: string;
    tmtSelesaiLama: string;
    alasan: string;
    actorId: number;
  },
) {
  await tx
    .update(penugasan)
    .set({ tmtSelesai: move.tmtSelesaiLama })
    .where(
      and(
        eq(penugasan.pegawaiId, move.pegawaiId),
        eq(penugasan.jenis, 'DEFINITIF'),
        isNull(penugasan.tmtSelesai),
      ),
    );
  await tx.insert(penugasan).values({
    pegawaiId: move.pegawaiId,
    jabatanId: move.jabatanId,
    jenis: 'DEFINITIF',
    tmtMulai: move.tmtMulai,
    alasan: move.alasan,
    createdBy: move.actorId,
  });
  // A new position brings a new superior, so an override made for the old one no longer applies.
  await tx
    .update(pegawai)
    .set({
      jabatanId: move.jabatanId,
      unorId: move.unorId,
      opdId: move.opdId,
      atasanOverrideId: null,
      atasanOverrideAlasan: null,
      atasanOverrideJenis: null,
      version: sql`${pegawai.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(pegawai.id, move.pegawaiId));
}

/** Sets (with its reason and kind) or clears the superior override; the kind goes with the id. */
export async function setAtasanOverride(
  tx: DbOrTx,
  pegawaiId: number,
  override: { atasanId: number; alasan: string; jenis: JenisAtasanOverride } | null,
) {
  await tx
    .update(pegawai)
    .set({
      atasanOverrideId: override?.atasanId ?? null,
      atasanOverrideAlasan: override?.alasan ?? null,
      atasanOverrideJenis: override?.jenis ?? null,
      version: sql`${pegawai.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(pegawai.id, pegawaiId));
}

export async function insertActing(
  tx: DbOrTx,
  row: {
    pegawaiId: number;
    jabatanId: number;
    jenis: 'PLT' | 'PLH';
    tmtMulai: string;
    tmtSelesai: string | null;
    alasan: string;
    createdBy: number;
  },
) {
  const [created] = await tx.insert(penugasan).values(row).returning({ id: penugasan.id });
  await tx
    .update(pegawai)
    .set({ version: sql`${pegawai.version} + 1`, updatedAt: sql`now()` })
    .where(eq(pegawai.id, row.pegawaiId));
  return created!.id;
}

/** Positions a person holds on a date: the definitive one and any Plt/Plh. */
const jabatanAktif = (pegawaiIds: SQL, tanggal: string) => sql`
  SELECT t.pegawai_id, t.jabatan_id FROM penugasan t
   WHERE t.pegawai_id IN (${pegawaiIds}) AND t.tmt_mulai <= ${tanggal}::date
     AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= ${tanggal}::date)
  UNION
  SELECT p.id, p.jabatan_id FROM pegawai p WHERE p.id IN (${pegawaiIds}) AND p.jabatan_id IS NOT NULL`;

/** What the ceiling of the admin powers needs to know about the target, as seen by the actor; one statement. */
export async function faktaSasaran(db: DbOrTx, actorId: number, targetId: number, tanggal: string) {
  const [row] = await rows<SasaranAdmin & { instansiId: number }>(
    db,
    sql`WITH RECURSIVE chain(id, d) AS (
          SELECT atasan_langsung(${actorId}::int, ${tanggal}::date), 1
          UNION ALL
          SELECT atasan_langsung(c.id, ${tanggal}::date), c.d + 1 FROM chain c WHERE c.id IS NOT NULL AND c.d < 20
        ),
        aktif AS (${jabatanAktif(sql`${actorId}::int, ${targetId}::int`, tanggal)}),
        unit_pelaku AS (
          SELECT u.path FROM aktif a JOIN jabatan j ON j.id = a.jabatan_id JOIN unor u ON u.id = j.unor_id
           WHERE a.pegawai_id = ${actorId}
        )
        SELECT p.id, p.instansi_id AS "instansiId", p.opd_id AS "opdId",
          EXISTS (SELECT 1 FROM peran_pegawai r WHERE r.pegawai_id = p.id AND r.peran = 'ADMIN_INSTANSI') AS "adminInstansi",
          EXISTS (SELECT 1 FROM peran_pegawai r WHERE r.pegawai_id = p.id AND r.peran = 'ADMIN_OPD') AS "adminOpd",
          EXISTS (SELECT 1 FROM aktif a JOIN jabatan j ON j.id = a.jabatan_id
                   WHERE a.pegawai_id = p.id AND j.jenis LIKE 'JPT%') AS jpt,
          EXISTS (SELECT 1 FROM chain c WHERE c.id = p.id) AS "atasanPelaku",
          EXISTS (SELECT 1 FROM aktif a JOIN jabatan j ON j.id = a.jabatan_id JOIN unor u ON u.id = j.unor_id
                   JOIN unit_pelaku up ON up.path LIKE u.path || '%'
                   WHERE a.pegawai_id = p.id AND j.is_kepala_unor) AS "kepalaUnitPelaku"
        FROM pegawai p WHERE p.id = ${targetId}`,
  );
  return row ?? null;
}

/**
 * Whether a position sits under a position the actor holds today: whoever fills it would have the
 * actor in his superior chain.
 */
export async function jabatanDiBawahPegawai(
  db: DbOrTx,
  jabatanId: number,
  pegawaiId: number,
  tanggal: string,
): Promise<{ diBawah: boolean; jpt: boolean }> {
  const [row] = await rows<{ diBawah: boolean; jpt: boolean }>(
    db,
    sql`WITH RECURSIVE naik(id, d) AS (
          SELECT atasan_jabatan_id, 1 FROM jabatan WHERE id = ${jabatanId}
          UNION ALL
          SELECT j.atasan_jabatan_id, n.d + 1 FROM naik n JOIN jabatan j ON j.id = n.id
           WHERE n.id IS NOT NULL AND n.d < 30
        ),
        aktif AS (${jabatanAktif(sql`${pegawaiId}::int`, tanggal)})
        SELECT EXISTS (SELECT 1 FROM naik n JOIN aktif a ON a.jabatan_id = n.id) AS "diBawah",
               (SELECT jenis LIKE 'JPT%' FROM jabatan WHERE id = ${jabatanId}) AS jpt`,
  );
  return { diBawah: row?.diBawah ?? false, jpt: row?.jpt ?? false };
}

/** Replaces an employee's administrative roles and bumps the employee's version. */
export async function gantiPeran(
  tx: DbOrTx,
  pegawaiId: number,
  roles: { peran: Peran; opdId: number | null }[],
) {
  await tx.delete(peranPegawai).where(eq(peranPegawai.pegawaiId, pegawaiId));
  if (roles.length) await tx.insert(peranPegawai).values(roles.map((r) => ({ pegawaiId, ...r })));
  await tx
    .update(pegawai)
    .set({ version: sql`${pegawai.version} + 1`, updatedAt: sql`now()` })
    .where(eq(pegawai.id, pegawaiId));
}

/** Which of these unor ids are OPDs of the instansi. */
export async function opdIdsOf(tx: DbOrTx, instansiId: number, unorIds: number[]): Promise<number[]> {
  if (unorIds.length === 0) return [];
  const found = await tx
    .select({ id: unor.id })
    .from(unor)
    .where(and(eq(unor.instansiId, instansiId), eq(unor.jenis, 'OPD'), inArray(unor.id, unorIds)));
  return found.map((r) => r.id);
}

/** Who assesses a plan's periods and annual evaluation, and above him (SQL penilai_skp, SPEC §4.1). */
export async function penilaiSkp(db: DbOrTx, skpId: number, tanggal: string) {
  const [row] = await rows<{ penilaiId: number | null; atasanId: number | null }>(
    db,
    sql`SELECT penilai_id AS "penilaiId", atasan_id AS "atasanId" FROM penilai_skp(${skpId}::int, ${tanggal}::date)`,
  );
  return { penilaiId: row?.penilaiId ?? null, atasanId: row?.atasanId ?? null };
}
