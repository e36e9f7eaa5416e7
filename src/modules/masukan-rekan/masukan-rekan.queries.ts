/** SQL for peer input on behaviour; colleagues come from atasan_langsung / bawahan_langsung. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { ringkasByIds } from '../../db/pegawai-ringkas.js';
import { masukanRekan, pegawai } from '../../db/schema/index.js';
import type { KodeBerakhlak } from '../../domain/berakhlak.js';

/** What decides whether the writer may write about the employee, on the day of writing. */
export async function faktaRekan(db: DbOrTx, penulisId: number, pegawaiId: number, tanggal: string) {
  const [row] = await rows<{
    instansiId: number;
    opdId: number | null;
    isActive: boolean;
    atasanPenulis: number | null;
    atasanPegawai: number | null;
  }>(
    db,
    sql`SELECT p.instansi_id AS "instansiId", p.opd_id AS "opdId", p.is_active AS "isActive",
               atasan_langsung(${penulisId}::int, ${tanggal}::date) AS "atasanPenulis",
               atasan_langsung(p.id, ${tanggal}::date) AS "atasanPegawai"
          FROM pegawai p WHERE p.id = ${pegawaiId}`,
  );
  return row ?? null;
}

/** The caller's colleagues today: the other direct subordinates of his pejabat penilai. */
export async function rekanKerja(db: DbOrTx, pegawaiId: number, tanggal: string) {
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT b.id FROM bawahan_langsung(atasan_langsung(${pegawaiId}::int, ${tanggal}::date), ${tanggal}::date) AS b(id)
         WHERE b.id <> ${pegawaiId}`,
  );
  const ringkas = await ringkasByIds(
    db,
    found.map((r) => r.id),
  );
  return ringkas.sort((a, b) => a.namaLengkap.localeCompare(b.namaLengkap, 'id'));
}

const kolom = {
  id: masukanRekan.id,
  pegawaiId: masukanRekan.pegawaiId,
  penulisId: masukanRekan.penulisId,
  periodeKode: masukanRekan.periodeKode,
  kode: masukanRekan.kode,
  teks: masukanRekan.teks,
  version: masukanRekan.version,
  createdAt: masukanRekan.createdAt,
};

/** The name columns of the other party (the colleague written about, or the author), joined as `pegawai`. */
const namaOrang = {
  gelarDepan: pegawai.gelarDepan,
  nama: pegawai.nama,
  gelarBelakang: pegawai.gelarBelakang,
};

/** What the author wrote in a period, with whom it is about. */
export async function milikPenulis(db: DbOrTx, penulisId: number, periodeKode: string) {
  return db
    .select({ ...kolom, ...namaOrang })
    .from(masukanRekan)
    .innerJoin(pegawai, eq(pegawai.id, masukanRekan.pegawaiId))
    .where(and(eq(masukanRekan.penulisId, penulisId), eq(masukanRekan.periodeKode, periodeKode)))
    .orderBy(asc(pegawai.nama), asc(masukanRekan.kode));
}

/** The input about an employee in a period, with the authors' names (the service decides who sees them). */
export async function tentangPegawai(db: DbOrTx, pegawaiId: number, periodeKode: string) {
  return db
    .select({ ...kolom, ...namaOrang })
    .from(masukanRekan)
    .innerJoin(pegawai, eq(pegawai.id, masukanRekan.penulisId))
    .where(and(eq(masukanRekan.pegawaiId, pegawaiId), eq(masukanRekan.periodeKode, periodeKode)))
    .orderBy(asc(masukanRekan.kode), asc(masukanRekan.teks));
}

export async function findMasukan(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ ...kolom, instansiId: masukanRekan.instansiId })
    .from(masukanRekan)
    .where(eq(masukanRekan.id, id));
  return row ?? null;
}

/** Null when the author already wrote on this value of this employee in the period. */
export async function insertMasukan(
  tx: DbOrTx,
  row: {
    instansiId: number;
    pegawaiId: number;
    penulisId: number;
    periodeKode: string;
    kode: KodeBerakhlak;
    teks: string;
    createdAt: Date;
  },
) {
  const [created] = await tx
    .insert(masukanRekan)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: masukanRekan.id });
  return created?.id ?? null;
}

/** Deletes the author's input at this version; false when it changed or is gone. */
export async function deleteMasukan(tx: DbOrTx, id: number, penulisId: number, version: number) {
  const deleted = await tx
    .delete(masukanRekan)
    .where(
      and(eq(masukanRekan.id, id), eq(masukanRekan.penulisId, penulisId), eq(masukanRekan.version, version)),
    )
    .returning({ id: masukanRekan.id });
  return deleted.length > 0;
}
