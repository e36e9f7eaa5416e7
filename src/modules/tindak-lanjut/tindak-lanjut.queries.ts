/**
 * SQL of the follow-up lists (SPEC §7.3): the instansi's active employees with the final annual
 * predikat of Y and Y-1 (db/predikat-akhir, FINAL evaluations only), filtered by the list's rule
 * from domain/tindak-lanjut and paged by (nama, id).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { evaluasiTahunanAkhir } from '../../db/predikat-akhir.js';
import type { PredikatPegawai } from '../../domain/predikat.js';
import { DAFTAR_TINDAK_LANJUT, type DaftarTindakLanjut, SYARAT_DAFTAR } from '../../domain/tindak-lanjut.js';

export type Kunci = { nama: string; id: number } | null;

export interface BarisTindakLanjut {
  id: number;
  nip: string;
  gelar_depan: string | null;
  nama: string;
  gelar_belakang: string | null;
  predikat_sebelumnya: PredikatPegawai | null;
  predikat: PredikatPegawai | null;
}

/** Employees with both years' final predikat (null where the year is not FINAL), as a FROM clause. */
const dasar = (instansiId: number, tahun: number) =>
  sql`(SELECT p.id, p.nip, p.gelar_depan, p.nama, p.gelar_belakang,
              b.predikat AS predikat_sebelumnya, a.predikat
         FROM pegawai p
         LEFT JOIN (${evaluasiTahunanAkhir(instansiId, tahun)}) a ON a.pegawai_id = p.id
         LEFT JOIN (${evaluasiTahunanAkhir(instansiId, tahun - 1)}) b ON b.pegawai_id = p.id
        WHERE p.instansi_id = ${instansiId} AND p.is_active) t`;

const daftarPg = (nilai: readonly string[]) => `{${nilai.join(',')}}`;

/** The SQL form of domain/tindak-lanjut's rule for one list, over the row `t`. */
function syarat(daftar: DaftarTindakLanjut): SQL {
  if (daftar === 'BELUM_LENGKAP') return sql`(t.predikat IS NULL OR t.predikat_sebelumnya IS NULL)`;
  const boleh = daftarPg(SYARAT_DAFTAR[daftar]);
  return sql`(t.predikat = ANY(${boleh}::text[]) AND t.predikat_sebelumnya = ANY(${boleh}::text[]))`;
}

export function halaman(
  db: DbOrTx,
  f: { instansiId: number; tahun: number; daftar: DaftarTindakLanjut },
  kunci: Kunci,
  limit: number,
): Promise<BarisTindakLanjut[]> {
  return rows<BarisTindakLanjut>(
    db,
    sql`SELECT t.* FROM ${dasar(f.instansiId, f.tahun)}
         WHERE ${syarat(f.daftar)}
           ${kunci === null ? sql`` : sql`AND (t.nama, t.id) > (${kunci.nama}, ${kunci.id})`}
         ORDER BY t.nama, t.id
         LIMIT ${limit}`,
  );
}

/** How many employees are on each list this year. */
export async function jumlah(
  db: DbOrTx,
  instansiId: number,
  tahun: number,
): Promise<Record<DaftarTindakLanjut, number>> {
  const kolom = sql.join(
    DAFTAR_TINDAK_LANJUT.map((d) => sql`count(*) FILTER (WHERE ${syarat(d)})::int AS ${sql.identifier(d)}`),
    sql`, `,
  );
  const [r] = await rows<Record<DaftarTindakLanjut, number>>(
    db,
    sql`SELECT ${kolom} FROM ${dasar(instansiId, tahun)}`,
  );
  return r!;
}

export function encodeKunci(r: { nama: string; id: number }): string {
  return Buffer.from(JSON.stringify([r.nama, r.id])).toString('base64url');
}

export function decodeKunci(cursor: string): Kunci {
  try {
    const [nama, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof nama === 'string' && Number.isInteger(id)) return { nama, id: id as number };
  } catch {
    // a tampered cursor is refused by the caller
  }
  return null;
}
