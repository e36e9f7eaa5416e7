/**
 * The follow-up lists of the annual results (SPEC §7.3) for the BKD admin and the tim penilai: a page
 * with the counts of every list, or the whole list streamed as XLSX in keyset batches.
 */
import type { Readable } from 'node:stream';
import type {
  TindakLanjutOut,
  TindakLanjutPageQuery,
  TindakLanjutQuery,
} from '../../contracts/tindak-lanjut.js';
import type { Db } from '../../db/client.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { PREDIKAT_PEGAWAI_LABEL, type PredikatPegawai } from '../../domain/predikat.js';
import { DAFTAR_TINDAK_LANJUT_LABEL } from '../../domain/tindak-lanjut.js';
import { AppError } from '../../platform/errors.js';
import { XLSX_BATCH, type XlsxCell, xlsxStream } from '../../platform/xlsx-stream.js';
import type { Actor } from '../auth/actor.js';
import * as q from './tindak-lanjut.queries.js';

const nama = (r: q.BarisTindakLanjut) =>
  namaLengkap({ gelarDepan: r.gelar_depan, nama: r.nama, gelarBelakang: r.gelar_belakang });

type Kolom = 'nip' | 'nama' | 'sebelumnya' | 'tahunIni';

const label = (p: PredikatPegawai | null) => (p ? PREDIKAT_PEGAWAI_LABEL[p] : 'Belum final');

export function createTindakLanjutService({ db }: { db: Db }) {
  return {
    async daftar(actor: Actor, query: TindakLanjutPageQuery): Promise<TindakLanjutOut> {
      const kunci = query.cursor === undefined ? null : q.decodeKunci(query.cursor);
      if (query.cursor !== undefined && kunci === null)
        throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
      const filter = { instansiId: actor.instansiId, tahun: query.tahun, daftar: query.daftar };
      const [found, jumlah] = await Promise.all([
        q.halaman(db, filter, kunci, query.limit + 1),
        q.jumlah(db, actor.instansiId, query.tahun),
      ]);
      const page = found.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          pegawaiId: r.id,
          nip: r.nip,
          nama: nama(r),
          predikatSebelumnya: r.predikat_sebelumnya,
          predikat: r.predikat,
        })),
        nextCursor: found.length > query.limit && last ? q.encodeKunci(last) : null,
        jumlah,
      };
    },

    ekspor(actor: Actor, query: TindakLanjutQuery): { filename: string; stream: Readable } {
      const filter = { instansiId: actor.instansiId, tahun: query.tahun, daftar: query.daftar };
      async function* batches(): AsyncGenerator<Record<Kolom, XlsxCell>[]> {
        let kunci: q.Kunci = null;
        for (;;) {
          const batch = await q.halaman(db, filter, kunci, XLSX_BATCH);
          if (batch.length === 0) return;
          yield batch.map((r) => ({
            nip: r.nip,
            nama: nama(r),
            sebelumnya: label(r.predikat_sebelumnya),
            tahunIni: label(r.predikat),
          }));
          const last = batch.at(-1)!;
          kunci = { nama: last.nama, id: last.id };
        }
      }
      return {
        filename: `Tindak-Lanjut-${query.daftar}-${query.tahun}.xlsx`,
        stream: xlsxStream({
          // Excel caps sheet names at 31 characters.
          sheet: `${DAFTAR_TINDAK_LANJUT_LABEL[query.daftar].slice(0, 26)} ${query.tahun}`,
          columns: [
            { key: 'nip', header: 'NIP', width: 22, text: true },
            { key: 'nama', header: 'Nama', width: 36 },
            { key: 'sebelumnya', header: `Predikat ${query.tahun - 1}`, width: 18 },
            { key: 'tahunIni', header: `Predikat ${query.tahun}`, width: 18 },
          ],
          batches: batches(),
        }),
      };
    },
  };
}

export type TindakLanjutService = ReturnType<typeof createTindakLanjutService>;
