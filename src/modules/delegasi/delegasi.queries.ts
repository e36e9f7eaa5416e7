/** SQL for delegations of assessment: the people involved, overlap, the lists, whether one is in force. */
import { and, desc, eq, gte, inArray, isNull, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type DbOrTx, rows } from '../../db/client.js';
import { delegasiPenilai, jabatan, pegawai } from '../../db/schema/index.js';
import { delegasiBerlaku } from '../../db/siklus-bulanan.js';
import type { JenisJabatan } from '../../domain/jabatan.js';

/** An employee with the kind of their position, for the checks of a new delegation. */
export async function findPegawaiJabatan(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: pegawai.id,
      instansiId: pegawai.instansiId,
      opdId: pegawai.opdId,
      isActive: pegawai.isActive,
      gelarDepan: pegawai.gelarDepan,
      nama: pegawai.nama,
      gelarBelakang: pegawai.gelarBelakang,
      jenisJabatan: jabatan.jenis,
    })
    .from(pegawai)
    .leftJoin(jabatan, eq(jabatan.id, pegawai.jabatanId))
    .where(eq(pegawai.id, id));
  return row ?? null;
}

export async function punyaBawahan(db: DbOrTx, pegawaiId: number, tanggal: string) {
  const [row] = await rows<{ ada: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM bawahan_langsung(${pegawaiId}::int, ${tanggal}::date)) AS ada`,
  );
  return row!.ada;
}

/** Serialises new delegations of one giver, so two concurrent ones cannot both pass the overlap check. */
export async function lockPemberi(tx: DbOrTx, pemberiId: number) {
  await tx.select({ id: pegawai.id }).from(pegawai).where(eq(pegawai.id, pemberiId)).for('update');
}

/** An unrevoked delegation of the giver whose range meets [mulai, selesai]. */
export async function adaTumpangTindih(tx: DbOrTx, pemberiId: number, mulai: string, selesai: string) {
  const [row] = await tx
    .select({ id: delegasiPenilai.id })
    .from(delegasiPenilai)
    .where(
      and(
        eq(delegasiPenilai.pemberiId, pemberiId),
        isNull(delegasiPenilai.dicabutAt),
        lte(delegasiPenilai.mulai, selesai),
        gte(delegasiPenilai.selesai, mulai),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

export async function insertDelegasi(tx: DbOrTx, values: typeof delegasiPenilai.$inferInsert) {
  const [row] = await tx.insert(delegasiPenilai).values(values).returning({ id: delegasiPenilai.id });
  return row!.id;
}

/** Revokes a delegation that has not ended by `tanggal`; false when it was revoked or had ended. */
export async function cabutDelegasi(tx: DbOrTx, id: number, at: Date, tanggal: string) {
  const updated = await tx
    .update(delegasiPenilai)
    .set({ dicabutAt: at })
    .where(
      and(
        eq(delegasiPenilai.id, id),
        isNull(delegasiPenilai.dicabutAt),
        gte(delegasiPenilai.selesai, tanggal),
      ),
    )
    .returning({ id: delegasiPenilai.id });
  return updated.length === 1;
}

const pemberi = alias(pegawai, 'pemberi');
const penerima = alias(pegawai, 'penerima');
const pembuat = alias(pegawai, 'pembuat');
const jPemberi = alias(jabatan, 'j_pemberi');
const jPenerima = alias(jabatan, 'j_penerima');

function selectDelegasi(db: DbOrTx) {
  return db
    .select({
      id: delegasiPenilai.id,
      instansiId: delegasiPenilai.instansiId,
      mulai: delegasiPenilai.mulai,
      selesai: delegasiPenilai.selesai,
      alasan: delegasiPenilai.alasan,
      createdAt: delegasiPenilai.createdAt,
      dicabutAt: delegasiPenilai.dicabutAt,
      dibuatOlehId: delegasiPenilai.dibuatOlehId,
      pemberi: {
        id: pemberi.id,
        nip: pemberi.nip,
        gelarDepan: pemberi.gelarDepan,
        nama: pemberi.nama,
        gelarBelakang: pemberi.gelarBelakang,
        opdId: pemberi.opdId,
        jabatanNama: jPemberi.nama,
      },
      penerima: {
        id: penerima.id,
        nip: penerima.nip,
        gelarDepan: penerima.gelarDepan,
        nama: penerima.nama,
        gelarBelakang: penerima.gelarBelakang,
        jabatanNama: jPenerima.nama,
      },
      pembuat: { gelarDepan: pembuat.gelarDepan, nama: pembuat.nama, gelarBelakang: pembuat.gelarBelakang },
    })
    .from(delegasiPenilai)
    .innerJoin(pemberi, eq(pemberi.id, delegasiPenilai.pemberiId))
    .innerJoin(penerima, eq(penerima.id, delegasiPenilai.penerimaId))
    .innerJoin(pembuat, eq(pembuat.id, delegasiPenilai.dibuatOlehId))
    .leftJoin(jPemberi, eq(jPemberi.id, pemberi.jabatanId))
    .leftJoin(jPenerima, eq(jPenerima.id, penerima.jabatanId));
}

export type DelegasiRow = NonNullable<Awaited<ReturnType<typeof findDelegasi>>>;

export async function findDelegasi(db: DbOrTx, id: number) {
  const [row] = await selectDelegasi(db).where(eq(delegasiPenilai.id, id));
  return row ?? null;
}

/**
 * Newest first, keyset by id: those the employee gave or received (`pegawaiId`), or every one of the
 * instansi, narrowed to the givers of an OPD admin's OPDs (`opdIds`).
 */
export function listDelegasi(
  db: DbOrTx,
  filter: {
    instansiId: number;
    pegawaiId: number | null;
    opdIds: number[] | null;
    beforeId: number | null;
    limit: number;
  },
) {
  const where: SQL[] = [eq(delegasiPenilai.instansiId, filter.instansiId)];
  if (filter.pegawaiId !== null)
    where.push(
      or(eq(delegasiPenilai.pemberiId, filter.pegawaiId), eq(delegasiPenilai.penerimaId, filter.pegawaiId))!,
    );
  if (filter.opdIds) where.push(filter.opdIds.length ? inArray(pemberi.opdId, filter.opdIds) : sql`false`);
  if (filter.beforeId !== null) where.push(lt(delegasiPenilai.id, filter.beforeId));
  return selectDelegasi(db)
    .where(and(...where))
    .orderBy(desc(delegasiPenilai.id))
    .limit(filter.limit);
}

/** Whether the giver's delegation to the receiver is in force on the local date. */
export async function berlaku(db: DbOrTx, penerimaId: number, pemberiId: number, tanggal: string) {
  const [row] = await rows<{ ada: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM delegasi_penilai d
                        WHERE d.penerima_id = ${penerimaId} AND d.pemberi_id = ${pemberiId}
                          AND ${delegasiBerlaku('d', tanggal)}) AS ada`,
  );
  return row!.ada;
}

/** Whether the actor holds, on the date, a delegation from the target's pejabat penilai (direct superior). */
export async function menilaiAtasNama(db: DbOrTx, actorId: number, targetId: number, tanggal: string) {
  const [row] = await rows<{ ada: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM delegasi_penilai d
                        WHERE d.penerima_id = ${actorId} AND ${delegasiBerlaku('d', tanggal)}
                          AND d.pemberi_id = atasan_langsung(${targetId}::int, ${tanggal}::date)) AS ada`,
  );
  return row!.ada;
}

/** Active officials of the instansi in one of the position kinds, by name or NIP prefix; a short list. */
export function calonPenerima(
  db: DbOrTx,
  filter: { instansiId: number; kecuali: number; jenis: JenisJabatan[]; q: string; limit: number },
) {
  const q = filter.q.toLowerCase();
  return db
    .select({
      id: pegawai.id,
      nip: pegawai.nip,
      gelarDepan: pegawai.gelarDepan,
      nama: pegawai.nama,
      gelarBelakang: pegawai.gelarBelakang,
      jabatanNama: jabatan.nama,
    })
    .from(pegawai)
    .innerJoin(jabatan, eq(jabatan.id, pegawai.jabatanId))
    .where(
      and(
        eq(pegawai.instansiId, filter.instansiId),
        eq(pegawai.isActive, true),
        ne(pegawai.id, filter.kecuali),
        inArray(jabatan.jenis, filter.jenis),
        ...(q
          ? [
              /^\d+$/.test(q)
                ? sql`${pegawai.nip} LIKE ${`${q}%`}`
                : sql`lower(${pegawai.nama}) LIKE ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
            ]
          : []),
      ),
    )
    .orderBy(pegawai.nama, pegawai.id)
    .limit(filter.limit);
}
