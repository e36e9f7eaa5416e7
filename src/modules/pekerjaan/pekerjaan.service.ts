/**
 * Long work a user may leave (ADR 0011). The request that starts it gets the running row at once;
 * the work runs in this process, reports its progress (written to the row, never awaited by the
 * work, so it may report from inside its own transaction) and ends SELESAI with its result file
 * or link, or GAGAL with an Indonesian message. Only the one who started it sees it.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { JenisPekerjaan, PekerjaanList, PekerjaanOut } from '../../contracts/pekerjaan.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { ImportFile, ImportGate } from '../../platform/import-upload.js';
import type { Storage } from '../../platform/storage.js';
import type { Actor } from '../auth/actor.js';
import * as q from './pekerjaan.queries.js';

/** What the work is given: report progress (any time, even inside a transaction) and store its file. */
export interface KonteksPekerjaan {
  id: number;
  kemajuan(selesai: number, total?: number | null, pesan?: string | null): void;
  simpanHasil(nama: string, isi: Readable): Promise<void>;
}

/**
 * The work's outcome besides its file: the app page that shows the result; `gagal` ends it GAGAL
 * with that message while keeping its file and page (a refused import keeps its report).
 */
export type Kerja = (ctx: KonteksPekerjaan) => Promise<{ tautan?: string; gagal?: string } | undefined>;

/** An export run as a job: the same workbook as its direct download, its rows counted up front. */
export interface EksporLatar {
  judul: string;
  /** The rows the file will hold (one COUNT before writing). */
  jumlah: () => Promise<number>;
  /** The direct download's file, reporting the rows written after each keyset batch. */
  tulis: (onRows: (written: number) => void) => { filename: string; stream: Readable };
}

/** An import's commit run as a job: the upload is kept in storage until the job ends. */
export interface ImporLatar {
  judul: string;
  berkas: ImportFile;
  /** The import's page; `?pekerjaan=<id>` there shows the job's report. */
  halaman: string;
  /** The direct commit, given the stored upload and a reporter of rows applied; resolves with its report. */
  terapkan: (berkas: ImportFile, kemajuan: KemajuanImpor) => Promise<unknown>;
}

/** Rows an import has applied so far, of the rows it applies. */
export type KemajuanImpor = (selesai: number, total: number) => void;

export const NAMA_LAPORAN_IMPOR = 'laporan-impor.json';

/** A running row not written for this long lost its process (another instance's sweep fails it). */
export const BATAS_DIAM_MS = 2 * 60_000;
/** The running work touches its row this often even when it has no new count (a long query). */
const DENYUT_MS = 20_000;
const DAFTAR = 20;
/** Result files (exports, ZIPs, import reports) are kept this long after their job ended. */
export const HASIL_DISIMPAN_HARI = 7;
const HAPUS_PER_BATCH = 200;

export const PESAN_TERPUTUS =
  'Pekerjaan terhenti karena server dimulai ulang sebelum selesai. Jalankan lagi pekerjaan ini.';
const PESAN_GAGAL = 'Pekerjaan gagal karena kesalahan sistem. Jalankan lagi; bila terulang, hubungi admin.';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

function out(r: q.PekerjaanRow): PekerjaanOut {
  return {
    id: r.id,
    jenis: r.jenis as JenisPekerjaan,
    judul: r.judul,
    status: r.status as PekerjaanOut['status'],
    total: r.total,
    selesai: r.selesai,
    pesan: r.pesan,
    hasilNama: r.hasilNama,
    tautan: r.tautan,
    mulaiAt: r.mulaiAt.toISOString(),
    selesaiAt: iso(r.selesaiAt),
  };
}

export function createPekerjaanService({
  db,
  clock,
  storage,
  gerbangImpor,
  onError,
}: {
  db: Db;
  clock: Clock;
  storage: Storage;
  /** The bound on imports of one instansi at once, shared with the direct commits. */
  gerbangImpor: ImportGate;
  /** Where an unexpected failure is logged (the message the user sees stays generic). */
  onError: (err: unknown, pekerjaanId: number) => void;
}) {
  const berjalan = new Set<Promise<void>>();

  /** Writes progress one statement at a time, coalescing reports that come while one is written. */
  function pencatat(id: number) {
    let terakhir = { selesai: 0, total: null as number | null, pesan: null as string | null };
    let kotor = false;
    let tulis: Promise<void> | null = null;
    const flush = (): Promise<void> => {
      if (tulis) return tulis;
      kotor = false;
      const nilai = terakhir;
      tulis = q
        .updateKemajuan(db, id, { ...nilai, now: clock.now() })
        .catch((err) => onError(err, id))
        .finally(() => {
          tulis = null;
          if (kotor) void flush();
        });
      return tulis;
    };
    const denyut = setInterval(() => void flush(), DENYUT_MS);
    denyut.unref();
    return {
      get nilai() {
        return terakhir;
      },
      lapor(selesai: number, total?: number | null, pesan?: string | null) {
        terakhir = {
          selesai,
          total: total === undefined ? terakhir.total : total,
          pesan: pesan === undefined ? terakhir.pesan : pesan,
        };
        kotor = true;
        void flush();
      },
      /** No more reports; resolves once the last one is written. */
      async tutup() {
        clearInterval(denyut);
        while (tulis) await tulis;
      },
    };
  }

  async function jalankan(row: q.PekerjaanRow, kerja: Kerja) {
    const catat = pencatat(row.id);
    const hasil: { kunci: string | null; nama: string | null } = { kunci: null, nama: null };
    try {
      const akhir = await kerja({
        id: row.id,
        kemajuan: catat.lapor,
        async simpanHasil(nama, isi) {
          const kunci = `pekerjaan/${row.instansiId}/${row.id}-${randomUUID()}`;
          await storage.putStream(kunci, isi);
          Object.assign(hasil, { kunci, nama });
        },
      });
      await catat.tutup();
      const { selesai, total } = catat.nilai;
      const keluaran = { hasilKunci: hasil.kunci, hasilNama: hasil.nama, tautan: akhir?.tautan ?? null };
      await q.akhiri(
        db,
        row.id,
        akhir?.gagal === undefined
          ? { status: 'SELESAI', selesai: total ?? selesai, total, ...keluaran, now: clock.now() }
          : { status: 'GAGAL', pesan: akhir.gagal, ...keluaran, now: clock.now() },
      );
    } catch (err) {
      await catat.tutup();
      // A refusal the work raised (e.g. "bulan belum selesai") is the user's message; anything else is logged.
      if (!(err instanceof AppError)) onError(err, row.id);
      const pesan = err instanceof AppError ? err.message : PESAN_GAGAL;
      await q
        .akhiri(db, row.id, { status: 'GAGAL', pesan, now: clock.now() })
        .catch((e) => onError(e, row.id));
    }
  }

  async function milikSaya(actor: Actor, id: number) {
    const row = await q.satu(db, id);
    // Someone else's job answers like a missing one: its existence is not disclosed.
    if (!row || row.pemilikId !== actor.id || row.instansiId !== actor.instansiId)
      throw new AppError('NOT_FOUND', undefined, 'Pekerjaan tidak ditemukan.');
    return row;
  }

  /**
   * Starts `kerja` for the actor and answers with its running row. A `kunci` already held by a
   * running job of the instansi refuses with 409 (the same month's TPP twice at once).
   */
  async function mulai(
    actor: Actor,
    info: { jenis: JenisPekerjaan; judul: string; kunci?: string },
    kerja: Kerja,
  ): Promise<PekerjaanOut> {
    const row = await q.insertPekerjaan(db, {
      instansiId: actor.instansiId,
      pemilikId: actor.id,
      jenis: info.jenis,
      judul: info.judul,
      kunci: info.kunci ?? null,
      now: clock.now(),
    });
    if (!row) throw new AppError('PEKERJAAN_BERJALAN');
    const p = jalankan(row, kerja).finally(() => berjalan.delete(p));
    berjalan.add(p);
    return out(row);
  }

  /** Applies the stored upload; a refusal carrying details (rows rejected) is kept as the report. */
  async function terapkanImpor(
    ctx: KonteksPekerjaan,
    unggahan: string,
    nama: string,
    e: Omit<ImporLatar, 'berkas'>,
  ) {
    const data = await storage.get(unggahan);
    if (!data) throw new Error(`Unggahan impor ${unggahan} tidak ada di penyimpanan`);
    const tautan = `${e.halaman}${e.halaman.includes('?') ? '&' : '?'}pekerjaan=${ctx.id}`;
    // The same bodies the direct commit answers with (200, or its 4xx error), so one page reads both.
    const simpan = (isi: unknown) =>
      ctx.simpanHasil(NAMA_LAPORAN_IMPOR, Readable.from([JSON.stringify(isi)]));
    try {
      await simpan(await e.terapkan({ filename: nama, data }, (n, total) => ctx.kemajuan(n, total)));
      return { tautan };
    } catch (err) {
      if (!(err instanceof AppError) || err.details === undefined) throw err;
      await simpan({ error: { code: err.code, message: err.message, details: err.details } });
      return { tautan, gagal: err.message };
    }
  }

  return {
    mulai,

    /**
     * An import's commit as a job (ADR 0011): the caller has refused what it can at once (a file that
     * does not parse); here the import takes its place in the gate (429 when full), the upload goes
     * to storage, and the job applies it and keeps the report. The upload is removed when it ends.
     */
    async impor(actor: Actor, e: ImporLatar): Promise<PekerjaanOut> {
      const lepas = gerbangImpor.masuk(actor.instansiId);
      const unggahan = `unggahan-impor/${actor.instansiId}/${randomUUID()}`;
      const buang = () => {
        lepas();
        return storage.delete(unggahan);
      };
      // The job holds only the storage key: the upload's bytes are not kept in memory meanwhile.
      const { berkas, ...kerja } = e;
      const nama = berkas.filename;
      try {
        await storage.put(unggahan, berkas.data);
        return await mulai(actor, { jenis: 'IMPOR', judul: e.judul }, (ctx) =>
          terapkanImpor(ctx, unggahan, nama, kerja).finally(buang),
        );
      } catch (err) {
        await buang();
        throw err;
      }
    },

    /**
     * An export as a job (ADR 0011): the caller has already refused what it refuses; the job counts
     * the rows, then streams the workbook into storage, its progress the rows written so far.
     */
    ekspor(actor: Actor, e: EksporLatar): Promise<PekerjaanOut> {
      return mulai(actor, { jenis: 'EKSPOR', judul: e.judul }, async (ctx) => {
        ctx.kemajuan(0, await e.jumlah(), 'Menulis baris');
        const berkas = e.tulis((n) => ctx.kemajuan(n));
        await ctx.simpanHasil(berkas.filename, berkas.stream);
        return undefined;
      });
    },

    async daftar(actor: Actor): Promise<PekerjaanList> {
      return { items: (await q.milik(db, actor.instansiId, actor.id, DAFTAR)).map(out) };
    },

    async satu(actor: Actor, id: number): Promise<PekerjaanOut> {
      return out(await milikSaya(actor, id));
    },

    /** The finished job's file, streamed from storage. */
    async hasil(actor: Actor, id: number): Promise<{ filename: string; stream: Readable }> {
      const row = await milikSaya(actor, id);
      const stream = row.hasilKunci === null ? null : await storage.openStream(row.hasilKunci);
      // A failed job may still have one (a refused import's report).
      if (row.status === 'BERJALAN' || row.hasilNama === null)
        throw new AppError('NOT_FOUND', undefined, 'Pekerjaan ini belum atau tidak menghasilkan berkas.');
      if (stream === null)
        throw new AppError(
          'NOT_FOUND',
          undefined,
          `Berkas hasil pekerjaan ini sudah dihapus: hasil disimpan ${HASIL_DISIMPAN_HARI} hari. Jalankan lagi untuk membuatnya.`,
        );
      return { filename: row.hasilNama, stream };
    },

    /**
     * Fails running rows whose process is gone, so none stays "running" forever: at start with
     * `semua` (PGlite: one process owns the folder, so every running row was this folder's previous
     * process), otherwise those not written for BATAS_DIAM_MS (PostgreSQL: other instances may be alive).
     */
    async gagalkanTerputus({ semua }: { semua: boolean }): Promise<number> {
      const now = clock.now();
      return q.gagalkanTerputus(
        db,
        semua ? null : new Date(now.getTime() - BATAS_DIAM_MS),
        PESAN_TERPUTUS,
        now,
      );
    },

    /**
     * Deletes result files older than HASIL_DISIMPAN_HARI days (the hourly job), in batches; the
     * rows stay as history. Returns how many files went.
     */
    async bersihkanHasil(): Promise<number> {
      const sebelum = new Date(clock.now().getTime() - HASIL_DISIMPAN_HARI * 86_400_000);
      let jumlah = 0;
      for (;;) {
        const lama = await q.hasilLama(db, sebelum, HAPUS_PER_BATCH);
        // The file first: a row left pointing at a deleted file answers "sudah dihapus", never a stale file.
        for (const { hasilKunci } of lama) if (hasilKunci) await storage.delete(hasilKunci);
        await q.lepasHasil(
          db,
          lama.map((r) => r.id),
        );
        jumlah += lama.length;
        if (lama.length < HAPUS_PER_BATCH) return jumlah;
      }
    },

    /** Resolves once every job started in this process has ended (tests; a graceful stop). */
    async tunggu(): Promise<void> {
      while (berjalan.size > 0) await Promise.allSettled([...berjalan]);
    },
  };
}

export type PekerjaanService = ReturnType<typeof createPekerjaanService>;
