/** SQL of dialog kinerja: the record with participants, linked RHKs, follow-ups and the B.1.8 rating. */
import { and, asc, desc, eq, inArray, isNull, notInArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  dialogKinerja,
  dialogPenilaian,
  dialogPeserta,
  dialogRhk,
  dialogTindakLanjut,
  pegawai,
  rhk,
  skp,
} from '../../db/schema/index.js';

const nama = (t: typeof pegawai) => ({
  gelarDepan: t.gelarDepan,
  nama: t.nama,
  gelarBelakang: t.gelarBelakang,
});

export async function findPegawai(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: pegawai.id,
      nip: pegawai.nip,
      instansiId: pegawai.instansiId,
      opdId: pegawai.opdId,
      ...nama(pegawai),
    })
    .from(pegawai)
    .where(eq(pegawai.id, id));
  return row ?? null;
}

/** Which of these ids are active employees of the instansi. */
export async function pegawaiAktif(db: DbOrTx, instansiId: number, ids: number[]) {
  if (!ids.length) return new Set<number>();
  const found = await db
    .select({ id: pegawai.id })
    .from(pegawai)
    .where(and(inArray(pegawai.id, ids), eq(pegawai.instansiId, instansiId), eq(pegawai.isActive, true)));
  return new Set(found.map((r) => r.id));
}

/** Which of these RHKs belong to one of the employee's plans. */
export async function rhkMilik(db: DbOrTx, pegawaiId: number, rhkIds: number[]) {
  if (!rhkIds.length) return new Set<number>();
  const found = await db
    .select({ id: rhk.id })
    .from(rhk)
    .innerJoin(skp, eq(skp.id, rhk.skpId))
    .where(and(inArray(rhk.id, rhkIds), eq(skp.pegawaiId, pegawaiId)));
  return new Set(found.map((r) => r.id));
}

/** The RHKs of the employee's plans of a year, newest version first. */
export function rhkPilihan(db: DbOrTx, pegawaiId: number, tahun: number) {
  return db
    .select({
      id: rhk.id,
      jenis: rhk.jenis,
      rencana: rhk.rencana,
      skpId: skp.id,
      skpVersi: skp.versi,
      skpStatus: skp.status,
    })
    .from(skp)
    .innerJoin(rhk, eq(rhk.skpId, skp.id))
    .where(and(eq(skp.pegawaiId, pegawaiId), eq(skp.tahun, tahun)))
    .orderBy(desc(skp.versi), desc(skp.id), asc(rhk.urutan), asc(rhk.id));
}

const pp = alias(pegawai, 'pp');
const pm = alias(pegawai, 'pm');

const dialogColumns = {
  id: dialogKinerja.id,
  instansiId: dialogKinerja.instansiId,
  pegawaiId: dialogKinerja.pegawaiId,
  pimpinanId: dialogKinerja.pimpinanId,
  tanggal: dialogKinerja.tanggal,
  jenis: dialogKinerja.jenis,
  topik: dialogKinerja.topik,
  kesepakatan: dialogKinerja.kesepakatan,
  version: dialogKinerja.version,
  createdAt: dialogKinerja.createdAt,
  updatedAt: dialogKinerja.updatedAt,
  pegawaiNip: pp.nip,
  pegawaiOpdId: pp.opdId,
  pegawaiGelarDepan: pp.gelarDepan,
  pegawaiNama: pp.nama,
  pegawaiGelarBelakang: pp.gelarBelakang,
  pimpinanGelarDepan: pm.gelarDepan,
  pimpinanNama: pm.nama,
  pimpinanGelarBelakang: pm.gelarBelakang,
};

function selectDialog(db: DbOrTx) {
  return db
    .select(dialogColumns)
    .from(dialogKinerja)
    .innerJoin(pp, eq(pp.id, dialogKinerja.pegawaiId))
    .innerJoin(pm, eq(pm.id, dialogKinerja.pimpinanId));
}

export async function findDialog(db: DbOrTx, id: number) {
  const [row] = await selectDialog(db).where(eq(dialogKinerja.id, id));
  return row ?? null;
}

/** One page, newest first, by the key (tanggal, id) of the last row of the previous page. */
function page(db: DbOrTx, where: SQL, after: { tanggal: string; id: number } | null, limit: number) {
  return selectDialog(db)
    .where(
      after
        ? and(
            where,
            sql`(${dialogKinerja.tanggal}, ${dialogKinerja.id}) < (${after.tanggal}::date, ${after.id}::int)`,
          )
        : where,
    )
    .orderBy(desc(dialogKinerja.tanggal), desc(dialogKinerja.id))
    .limit(limit);
}

export const pageOfPegawai = (
  db: DbOrTx,
  pegawaiId: number,
  after: { tanggal: string; id: number } | null,
  limit: number,
) => page(db, eq(dialogKinerja.pegawaiId, pegawaiId), after, limit);

export const pageOfPimpinan = (
  db: DbOrTx,
  pimpinanId: number,
  after: { tanggal: string; id: number } | null,
  limit: number,
) => page(db, eq(dialogKinerja.pimpinanId, pimpinanId), after, limit);

export function pesertaOf(db: DbOrTx, dialogIds: number[]) {
  if (!dialogIds.length) return Promise.resolve([]);
  return db
    .select({ dialogId: dialogPeserta.dialogId, id: pegawai.id, ...nama(pegawai) })
    .from(dialogPeserta)
    .innerJoin(pegawai, eq(pegawai.id, dialogPeserta.pegawaiId))
    .where(inArray(dialogPeserta.dialogId, dialogIds))
    .orderBy(asc(pegawai.nama), asc(pegawai.id));
}

export function rhkOf(db: DbOrTx, dialogIds: number[]) {
  if (!dialogIds.length) return Promise.resolve([]);
  return db
    .select({
      dialogId: dialogRhk.dialogId,
      id: rhk.id,
      jenis: rhk.jenis,
      rencana: rhk.rencana,
      tahun: skp.tahun,
    })
    .from(dialogRhk)
    .innerJoin(rhk, eq(rhk.id, dialogRhk.rhkId))
    .innerJoin(skp, eq(skp.id, rhk.skpId))
    .where(inArray(dialogRhk.dialogId, dialogIds))
    .orderBy(asc(skp.tahun), asc(rhk.urutan), asc(rhk.id));
}

const tindakLanjutColumns = {
  id: dialogTindakLanjut.id,
  dialogId: dialogTindakLanjut.dialogId,
  uraian: dialogTindakLanjut.uraian,
  penanggungJawabId: dialogTindakLanjut.penanggungJawabId,
  tenggat: dialogTindakLanjut.tenggat,
  selesaiAt: dialogTindakLanjut.selesaiAt,
  version: dialogTindakLanjut.version,
};

export function tindakLanjutOf(db: DbOrTx, dialogIds: number[]) {
  if (!dialogIds.length) return Promise.resolve([]);
  return db
    .select({ ...tindakLanjutColumns, ...nama(pegawai) })
    .from(dialogTindakLanjut)
    .innerJoin(pegawai, eq(pegawai.id, dialogTindakLanjut.penanggungJawabId))
    .where(inArray(dialogTindakLanjut.dialogId, dialogIds))
    .orderBy(asc(dialogTindakLanjut.tenggat), asc(dialogTindakLanjut.id));
}

export function penilaianOf(db: DbOrTx, dialogIds: number[]) {
  if (!dialogIds.length) return Promise.resolve([]);
  return db
    .select({
      dialogId: dialogPenilaian.dialogId,
      skor: dialogPenilaian.skor,
      saran: dialogPenilaian.saran,
      at: dialogPenilaian.at,
    })
    .from(dialogPenilaian)
    .where(inArray(dialogPenilaian.dialogId, dialogIds));
}

/** A follow-up with what deciding who may close it needs. */
export async function findTindakLanjut(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      ...tindakLanjutColumns,
      instansiId: dialogKinerja.instansiId,
      pegawaiId: dialogKinerja.pegawaiId,
      pimpinanId: dialogKinerja.pimpinanId,
      pegawaiOpdId: pegawai.opdId,
    })
    .from(dialogTindakLanjut)
    .innerJoin(dialogKinerja, eq(dialogKinerja.id, dialogTindakLanjut.dialogId))
    .innerJoin(pegawai, eq(pegawai.id, dialogKinerja.pegawaiId))
    .where(eq(dialogTindakLanjut.id, id));
  return row ?? null;
}

type DialogValues = {
  tanggal: string;
  jenis: (typeof dialogKinerja.$inferInsert)['jenis'];
  topik: string;
  kesepakatan: string | null;
};

export async function insertDialog(
  tx: DbOrTx,
  values: DialogValues & {
    instansiId: number;
    pegawaiId: number;
    pimpinanId: number;
    createdAt: Date;
    updatedAt: Date;
  },
) {
  const [row] = await tx.insert(dialogKinerja).values(values).returning({ id: dialogKinerja.id });
  return row!.id;
}

/** Updates when the version matches; bumps the version. */
export async function updateDialogIfVersion(
  tx: DbOrTx,
  id: number,
  version: number,
  values: DialogValues & { updatedAt: Date },
) {
  const updated = await tx
    .update(dialogKinerja)
    .set({ ...values, version: sql`${dialogKinerja.version} + 1` })
    .where(and(eq(dialogKinerja.id, id), eq(dialogKinerja.version, version)))
    .returning({ id: dialogKinerja.id });
  return updated.length === 1;
}

export async function replacePeserta(tx: DbOrTx, dialogId: number, ids: number[]) {
  await tx.delete(dialogPeserta).where(eq(dialogPeserta.dialogId, dialogId));
  if (ids.length) await tx.insert(dialogPeserta).values(ids.map((pegawaiId) => ({ dialogId, pegawaiId })));
}

export async function replaceRhk(tx: DbOrTx, dialogId: number, ids: number[]) {
  await tx.delete(dialogRhk).where(eq(dialogRhk.dialogId, dialogId));
  if (ids.length) await tx.insert(dialogRhk).values(ids.map((rhkId) => ({ dialogId, rhkId })));
}

type TindakLanjutValues = { uraian: string; penanggungJawabId: number; tenggat: string };

export async function insertTindakLanjut(tx: DbOrTx, dialogId: number, items: TindakLanjutValues[]) {
  if (!items.length) return [];
  const rows = await tx
    .insert(dialogTindakLanjut)
    .values(items.map((i) => ({ ...i, dialogId })))
    .returning({ id: dialogTindakLanjut.id });
  return rows.map((r) => r.id);
}

/** Removes the dialog's follow-ups that are not kept; returns how many went. */
export async function deleteTindakLanjutKecuali(tx: DbOrTx, dialogId: number, keepIds: number[]) {
  const deleted = await tx
    .delete(dialogTindakLanjut)
    .where(
      and(
        eq(dialogTindakLanjut.dialogId, dialogId),
        ...(keepIds.length ? [notInArray(dialogTindakLanjut.id, keepIds)] : []),
      ),
    )
    .returning({ id: dialogTindakLanjut.id });
  return deleted.length;
}

/** Changes a follow-up's content (its done state stays); bumps its version. */
export async function updateTindakLanjut(tx: DbOrTx, id: number, values: TindakLanjutValues) {
  await tx
    .update(dialogTindakLanjut)
    .set({ ...values, version: sql`${dialogTindakLanjut.version} + 1` })
    .where(eq(dialogTindakLanjut.id, id));
}

/** Marks an open follow-up done when the version matches. */
export async function selesaikanIfVersion(tx: DbOrTx, id: number, version: number, at: Date) {
  const updated = await tx
    .update(dialogTindakLanjut)
    .set({ selesaiAt: at, version: sql`${dialogTindakLanjut.version} + 1` })
    .where(
      and(
        eq(dialogTindakLanjut.id, id),
        eq(dialogTindakLanjut.version, version),
        isNull(dialogTindakLanjut.selesaiAt),
      ),
    )
    .returning({ id: dialogTindakLanjut.id });
  return updated.length === 1;
}

/** The rating is given once: a second insert for the same dialog does nothing and answers false. */
export async function insertPenilaian(
  tx: DbOrTx,
  values: { dialogId: number; skor: number[]; saran: string | null; at: Date },
) {
  const rows = await tx
    .insert(dialogPenilaian)
    .values(values)
    .onConflictDoNothing({ target: dialogPenilaian.dialogId })
    .returning({ dialogId: dialogPenilaian.dialogId });
  return rows.length === 1;
}
