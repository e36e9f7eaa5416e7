/**
 * What every spreadsheet import route shares: reading the uploaded file, and the gate that lets at
 * most N imports of one instansi run at once. The rest are refused at once (429, Retry-After) rather
 * than queued, so a burst of big files cannot take memory and CPU from everyone else. The file is
 * read before the gate, so a slow upload holds no place in it.
 */
import type { FastifyRequest } from 'fastify';
import { PekerjaanOut } from '../contracts/pekerjaan.js';
import { bersihkanTeks } from '../domain/teks.js';
import { AppError } from './errors.js';
import { errorResponses } from './http.js';
import type { SpreadsheetLimits } from './spreadsheet.js';

/** The largest file an import accepts, as uploaded (an XLSX is limited again once inflated). */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** Imports take seconds; a refused one is asked to come back after this many. */
export const IMPORT_RETRY_AFTER_SECONDS = 5;

export interface ImportFile {
  filename: string;
  data: Buffer;
}

/** The multipart field `file`, whole, or 413 naming the limit. */
export async function readImportFile(request: FastifyRequest): Promise<ImportFile> {
  const file = request.isMultipart()
    ? await request.file({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } })
    : undefined;
  if (!file) throw new AppError('VALIDATION_FAILED', { field: 'file' }, 'Unggah berkas pada field "file".');
  try {
    // The name goes to the audit row: text the database can keep.
    return { filename: bersihkanTeks(file.filename), data: await file.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(
        'BERKAS_TERLALU_BESAR',
        { maks: UPLOAD_MAX_BYTES },
        `Berkas terlalu besar; berkas impor paling besar ${UPLOAD_MAX_BYTES / (1024 * 1024)} MB.`,
      );
    throw err;
  }
}

/** The limits of an import, for its route's description (OpenAPI). */
export function importLimitsText(limits: SpreadsheetLimits) {
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString('id-ID');
  return (
    ` Paling banyak ${limits.rows.toLocaleString('id-ID')} baris data per berkas (lebih: 422); berkas paling ` +
    `besar ${mb(UPLOAD_MAX_BYTES)} MB, isinya paling besar ${mb(limits.bytes)} MB (XLSX: setelah diekstrak; ` +
    'lebih: 413). Impor satu instansi yang berjalan bersamaan dibatasi (lebih: 429 dengan Retry-After).'
  );
}

/**
 * The OpenAPI schema of an import's `…/latar` form (ADR 0011): the file of its direct commit, 202
 * with the job, or the refusals that come before any job.
 */
export function imporLatarSchema(o: {
  tags: string[];
  /** The direct endpoint whose `mode=commit` this runs. */
  langsung: string;
  limits: SpreadsheetLimits;
  /** A refusal besides those of every upload (400, 401, 403, 413, 415, 422, 429). */
  lain?: 404 | 409;
}) {
  return {
    tags: o.tags,
    summary: `Terapkan impor ${o.langsung} (mode=commit) sebagai pekerjaan latar: 202 dengan pekerjaannya`,
    description:
      `Berkas seperti \`mode=commit\` pada ${o.langsung}. Berkas yang tidak terbaca ditolak langsung ` +
      '(tanpa pekerjaan). Kemajuan (baris) di /api/pekerjaan/:id; laporannya di /api/pekerjaan/:id/hasil ' +
      '(JSON: jawaban 200 impor langsung, atau galatnya bila ada baris yang salah: pekerjaan itu gagal ' +
      'tanpa menyimpan apa pun).' +
      importLimitsText(o.limits),
    response: {
      202: PekerjaanOut,
      ...errorResponses(400, 401, 403, 413, 415, 422, 429, ...(o.lain ? [o.lain] : [])),
    },
  };
}

/**
 * At most `perInstansi` imports of one instansi at once (one process: the count is in memory). An
 * import run as a job takes its place when the request is accepted and frees it when the job ends.
 */
export function createImportGate(perInstansi: number) {
  const running = new Map<number, number>();
  /** Takes a place or refuses at once (429); the returned function frees it (once). */
  function masuk(instansiId: number): () => void {
    const count = running.get(instansiId) ?? 0;
    if (count >= perInstansi)
      throw new AppError(
        'IMPOR_SIBUK',
        { maks: perInstansi },
        `Sudah ada ${perInstansi} impor instansi ini yang sedang berjalan; coba lagi dalam ` +
          `${IMPORT_RETRY_AFTER_SECONDS} detik.`,
        IMPORT_RETRY_AFTER_SECONDS,
      );
    running.set(instansiId, count + 1);
    let bebas = false;
    return () => {
      if (bebas) return;
      bebas = true;
      const left = running.get(instansiId)! - 1;
      if (left > 0) running.set(instansiId, left);
      else running.delete(instansiId);
    };
  }
  return {
    masuk,
    async run<T>(instansiId: number, work: () => Promise<T>): Promise<T> {
      const lepas = masuk(instansiId);
      try {
        return await work();
      } finally {
        lepas();
      }
    },
  };
}

export type ImportGate = ReturnType<typeof createImportGate>;
