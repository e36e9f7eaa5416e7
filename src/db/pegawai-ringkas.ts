/** Read models shared by modules: the short employee row used in every list, and a position reference. */
import { eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { JenisJabatan } from '../domain/jabatan.js';
import { namaLengkap } from '../domain/pegawai.js';
import { type DbOrTx, prepareOnce } from './client.js';
import { jabatan, pegawai, unor } from './schema/index.js';

export const opd = alias(unor, 'opd');

const ringkasColumns = {
  id: pegawai.id,
  jabatanId: pegawai.jabatanId,
  nip: pegawai.nip,
  gelarDepan: pegawai.gelarDepan,
  nama: pegawai.nama,
  gelarBelakang: pegawai.gelarBelakang,
  jabatanNama: jabatan.nama,
  jenisJabatan: jabatan.jenis,
  unorNama: unor.nama,
  opdNama: opd.nama,
  isActive: pegawai.isActive,
};

type RingkasRow = {
  id: number;
  jabatanId: number | null;
  nip: string;
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
  jabatanNama: string | null;
  jenisJabatan: JenisJabatan | null;
  unorNama: string | null;
  opdNama: string | null;
  isActive: boolean;
};

export function toRingkas(r: RingkasRow) {
  return {
    id: r.id,
    nip: r.nip,
    namaLengkap: namaLengkap(r),
    jabatanNama: r.jabatanNama,
    jenisJabatan: r.jenisJabatan,
    unorNama: r.unorNama,
    opdNama: r.opdNama,
    isActive: r.isActive,
  };
}
export type Ringkas = ReturnType<typeof toRingkas>;

/** The short row with its joins; `tambahan` adds columns, and `db` may be a `db.with(…)` builder. */
export function ringkasSelect<T extends Record<string, SQL.Aliased | SQL>>(
  db: Pick<DbOrTx, 'select'>,
  tambahan: T = {} as T,
) {
  return db
    .select({ ...ringkasColumns, ...tambahan })
    .from(pegawai)
    .leftJoin(jabatan, eq(jabatan.id, pegawai.jabatanId))
    .leftJoin(unor, eq(unor.id, pegawai.unorId))
    .leftJoin(opd, eq(opd.id, pegawai.opdId));
}

/** Employees by id, returned in the order of the ids given. */
export async function ringkasByIds(db: DbOrTx, ids: number[]): Promise<Ringkas[]> {
  if (ids.length === 0) return [];
  const query = prepareOnce(db, 'pegawai_ringkas_by_ids', (d) =>
    ringkasSelect(d)
      .where(
        sql`${pegawai.id} IN (SELECT value::int FROM json_array_elements_text(${sql.placeholder('ids')}::json))`,
      )
      .prepare('pegawai_ringkas_by_ids'),
  );
  const found = await query.execute({ ids: JSON.stringify(ids) });
  const byId = new Map(found.map((r) => [r.id, toRingkas(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A position with its unit's name (contract JabatanRef); join `unor` on jabatan.unor_id. */
export const jabatanRefColumns = {
  id: jabatan.id,
  nama: jabatan.nama,
  jenis: jabatan.jenis,
  jenjang: jabatan.jenjang,
  kelasJabatan: jabatan.kelasJabatan,
  unorId: jabatan.unorId,
  unorNama: unor.nama,
};
