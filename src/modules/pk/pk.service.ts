/** Perjanjian Kinerja per unit and year: entered by the BKD or the unit's OPD admin, read by the instansi. */
import type { z } from 'zod';
import type { PkBody, PkImporResponse, PkOut, PkSasaranInput } from '../../contracts/pk.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { parseAngka } from '../../domain/angka.js';
import { AppError } from '../../platform/errors.js';
import type { ImportFile } from '../../platform/import-upload.js';
import {
  normalizeHeader,
  readSpreadsheet,
  type SpreadsheetLimits,
  type Table,
  type TableRow,
} from '../../platform/spreadsheet.js';
import type { AuditService } from '../audit/audit.service.js';
import { listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { KemajuanImpor, PekerjaanService } from '../pekerjaan/pekerjaan.service.js';
import * as q from './pk.queries.js';

type Sasaran = z.infer<typeof PkSasaranInput>;
type Meta = { requestId: string };

/** Import columns and the header spellings accepted for them (compared without case, spaces or punctuation). */
const KOLOM = {
  kodeUnor: ['kodeunor', 'kodeunit', 'kodeunitkerja'],
  unor: ['unor', 'namaunor', 'unit', 'unitkerja', 'unitorganisasi'],
  tahun: ['tahun'],
  sasaran: ['sasaran', 'sasaranstrategis'],
  indikator: ['indikator', 'indikatorkinerja', 'indikatorsasaran'],
  target: ['target', 'targetnilai', 'nilaitarget'],
  satuan: ['satuan', 'targetsatuan'],
  targetTeks: ['targetteks', 'teks', 'targetkualitatif'],
} as const;
type Kolom = keyof typeof KOLOM;
const MAKS_SASARAN = 50;
/** Every unit's agreement of an instansi in one file: a few hundred units, each a few dozen rows. */
export const BATAS_BERKAS_PK: SpreadsheetLimits = { rows: 10_000, bytes: 16 * 1024 * 1024 };

interface BarisValid {
  baris: number;
  unor: q.UnorImpor;
  tahun: number;
  item: Sasaran;
}

export function createPkService({
  db,
  audit,
  pekerjaan,
}: {
  db: Db;
  audit: AuditService;
  pekerjaan: Pick<PekerjaanService, 'impor'>;
}) {
  async function unitInScope(actor: Actor, unorId: number, write: boolean) {
    const u = await q.findUnorScope(db, unorId);
    if (!u || u.instansiId !== actor.instansiId)
      throw new AppError('NOT_FOUND', undefined, 'Unor tidak ditemukan.');
    const { opdIds } = listScope(actor);
    if (write && opdIds && (u.opdId === null || !opdIds.includes(u.opdId))) throw new AppError('FORBIDDEN');
    return u;
  }

  async function get(actor: Actor, unorId: number, tahun: number): Promise<PkOut> {
    await unitInScope(actor, unorId, false);
    const pk = await q.findPk(db, unorId, tahun);
    if (!pk)
      throw new AppError(
        'NOT_FOUND',
        undefined,
        'Perjanjian kinerja unit ini untuk tahun tersebut belum ada.',
      );
    return pk;
  }

  /**
   * The one write path of an agreement (the form and the import): items an RHK derives from keep
   * their rows, the version is checked, and the audit row goes into the same transaction.
   */
  async function writeAgreement(
    tx: Tx,
    actor: Actor,
    target: { unorId: number; opdId: number | null; tahun: number; version: number | undefined },
    sasaran: Sasaran[],
    existing: Awaited<ReturnType<typeof q.findPk>>,
    meta: Meta & { reason?: string },
  ) {
    let id = existing?.id;
    if (!id) id = await q.insertPk(tx, actor.instansiId, target.unorId, target.tahun);
    else if (target.version === undefined || !(await q.bumpPk(tx, id, target.version)))
      throw new AppError('VERSION_CONFLICT');
    await q.replaceSasaran(tx, id, sasaran);
    await audit.record(tx, {
      instansiId: actor.instansiId,
      opdId: target.opdId,
      actorId: actor.id,
      action: existing ? 'pk.ubah' : 'pk.buat',
      entity: 'perjanjian_kinerja',
      entityId: id,
      before: existing?.sasaran ?? null,
      after: sasaran,
      reason: meta.reason ?? null,
      requestId: meta.requestId,
    });
  }

  /** Reads and checks an import file; every bad row is reported with all its reasons. */
  async function validateImport(actor: Actor, table: Table, handle: DbOrTx) {
    const { header, rows: rowsIn } = table;
    const normalized = header.cells.map(normalizeHeader);
    const col = Object.fromEntries(
      (Object.keys(KOLOM) as Kolom[]).map((k) => [
        k,
        normalized.findIndex((h) => (KOLOM[k] as readonly string[]).includes(h)),
      ]),
    ) as Record<Kolom, number>;
    const hilang = [
      ...(col.kodeUnor < 0 && col.unor < 0 ? ['Kode Unor atau Unor'] : []),
      ...(col.tahun < 0 ? ['Tahun'] : []),
      ...(col.sasaran < 0 ? ['Sasaran'] : []),
      ...(col.indikator < 0 ? ['Indikator'] : []),
    ];
    if (hilang.length)
      throw new AppError(
        'VALIDATION_FAILED',
        { kolomHilang: hilang },
        `Kolom wajib tidak ditemukan: ${hilang.join(', ')}.`,
      );

    const cell = (r: TableRow, k: Kolom) => (col[k] < 0 ? '' : (r.cells[col[k]] ?? '').trim());
    const units = await q.unorByKodeOrNama(
      handle,
      actor.instansiId,
      [...new Set(rowsIn.map((r) => cell(r, 'kodeUnor')).filter(Boolean))],
      [...new Set(rowsIn.map((r) => cell(r, 'unor').toLowerCase()).filter(Boolean))],
    );
    const { opdIds } = listScope(actor);

    const kesalahan: PkImporResponse['kesalahan'] = [];
    const valid: BarisValid[] = [];
    const firstOf = new Map<string, number>();
    const perGroup = new Map<string, number>();
    for (const r of rowsIn) {
      const alasan: string[] = [];
      const kode = cell(r, 'kodeUnor');
      const nama = cell(r, 'unor');
      const candidates = kode
        ? units.filter((u) => u.kode === kode)
        : units.filter((u) => u.nama.toLowerCase() === nama.toLowerCase());
      const label = kode ? `Kode unor '${kode}'` : `Unor '${nama}'`;
      if (!kode && !nama) alasan.push('Kode Unor atau Unor wajib diisi.');
      else if (candidates.length === 0) alasan.push(`${label} tidak ditemukan di instansi ini.`);
      else if (candidates.length > 1)
        alasan.push(`${label} tidak unik; gunakan kolom Kode Unor atau nama unor yang lengkap.`);
      const unor = candidates.length === 1 ? candidates[0]! : null;
      if (unor && opdIds && (unor.opdId === null || !opdIds.includes(unor.opdId)))
        alasan.push(`${label} bukan bagian dari OPD Anda.`);

      const tahunText = cell(r, 'tahun');
      const tahun = /^\d{4}$/.test(tahunText) ? Number(tahunText) : Number.NaN;
      if (!(tahun >= 2020 && tahun <= 2100))
        alasan.push(`Tahun '${tahunText}' tidak valid; isi empat digit antara 2020 dan 2100.`);

      const sasaran = cell(r, 'sasaran');
      const indikator = cell(r, 'indikator');
      if (!sasaran) alasan.push('Sasaran wajib diisi.');
      else if (sasaran.length > 1000) alasan.push('Sasaran paling banyak 1000 karakter.');
      if (!indikator) alasan.push('Indikator wajib diisi.');
      else if (indikator.length > 500) alasan.push('Indikator paling banyak 500 karakter.');

      const targetText = cell(r, 'target');
      const typed = col.target < 0 ? undefined : r.numbers?.[col.target];
      const targetNilai = targetText === '' ? null : (typed ?? parseAngka(targetText));
      if (targetText !== '' && targetNilai === null)
        alasan.push(`Target '${targetText}' bukan angka; tulis misalnya 85 atau 85,5.`);
      else if (targetNilai !== null && (targetNilai < 0 || targetNilai > 1e12))
        alasan.push('Target harus antara 0 dan 1.000.000.000.000.');
      const satuan = cell(r, 'satuan');
      const teks = cell(r, 'targetTeks');
      if (satuan.length > 60) alasan.push('Satuan paling banyak 60 karakter.');
      if (teks.length > 1000) alasan.push('Target teks paling banyak 1000 karakter.');

      if (unor && tahun && sasaran && indikator) {
        // The write path keys items by sasaran and indikator: a duplicate would silently merge.
        const key = `${unor.id}:${tahun}:${sasaran.toLowerCase()}\u0000${indikator.toLowerCase()}`;
        const first = firstOf.get(key);
        if (first !== undefined) alasan.push(`Sasaran dan indikator yang sama sudah ada di baris ${first}.`);
        else firstOf.set(key, r.baris);
        const group = `${unor.id}:${tahun}`;
        const count = (perGroup.get(group) ?? 0) + 1;
        perGroup.set(group, count);
        if (count > MAKS_SASARAN)
          alasan.push(`Satu perjanjian kinerja memuat paling banyak ${MAKS_SASARAN} sasaran.`);
      }

      if (alasan.length) {
        kesalahan.push({ baris: r.baris, alasan });
        continue;
      }
      valid.push({
        baris: r.baris,
        unor: unor!,
        tahun,
        item: {
          sasaran,
          indikator,
          targetNilai,
          targetSatuan: satuan || null,
          targetTeks: teks || null,
        },
      });
    }
    return { jumlahBaris: rowsIn.length, valid, kesalahan };
  }

  /**
   * Imports agreements from a spreadsheet: the rows of one unit and year replace that unit's
   * agreement for the year. A dry run only reports; a commit writes all of it or nothing.
   */
  async function impor(
    actor: Actor,
    file: ImportFile,
    mode: 'dry-run' | 'commit',
    meta: Meta,
    kemajuan?: KemajuanImpor,
  ): Promise<PkImporResponse> {
    const table = await readSpreadsheet(file.data, BATAS_BERKAS_PK);
    if (mode === 'dry-run') {
      const { jumlahBaris, kesalahan } = await validateImport(actor, table, db);
      return { mode, jumlahBaris, kesalahan, diterapkan: null };
    }
    return db.transaction(async (tx) => {
      const { jumlahBaris, kesalahan, valid } = await validateImport(actor, table, tx);
      const report = { mode, jumlahBaris, kesalahan };
      if (kesalahan.length) throw new AppError('IMPORT_INVALID', report);
      if (valid.length === 0)
        throw new AppError('VALIDATION_FAILED', report, 'Berkas tidak berisi baris data.');
      const groups = new Map<string, BarisValid[]>();
      for (const r of valid) {
        const key = `${r.unor.id}:${r.tahun}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      let ditulis = 0;
      for (const rows of groups.values()) {
        const { unor, tahun } = rows[0]!;
        const existing = await q.findPk(tx, unor.id, tahun);
        await writeAgreement(
          tx,
          actor,
          { unorId: unor.id, opdId: unor.opdId, tahun, version: existing?.version },
          rows.map((r) => r.item),
          existing,
          { ...meta, reason: `Impor ${file.filename}` },
        );
        ditulis += rows.length;
        kemajuan?.(ditulis, valid.length);
      }
      return { ...report, diterapkan: { unit: groups.size, sasaran: valid.length } };
    });
  }

  return {
    get,
    sasaranBelongsTo: (ids: number[], unorId: number, tahun: number) =>
      q.sasaranBelongsTo(db, ids, unorId, tahun),

    async save(actor: Actor, body: z.infer<typeof PkBody>, meta: Meta) {
      const u = await unitInScope(actor, body.unorId, true);
      const existing = await q.findPk(db, body.unorId, body.tahun);
      await db.transaction((tx) =>
        writeAgreement(
          tx,
          actor,
          { unorId: body.unorId, opdId: u.opdId, tahun: body.tahun, version: body.version },
          body.sasaran,
          existing,
          meta,
        ),
      );
      return get(actor, body.unorId, body.tahun);
    },

    impor,

    /** The commit as a job (ADR 0011): a file that does not read is refused here, before any job. */
    async imporLatar(actor: Actor, file: ImportFile, meta: Meta) {
      await readSpreadsheet(file.data, BATAS_BERKAS_PK);
      return pekerjaan.impor(actor, {
        judul: `Impor perjanjian kinerja (${file.filename})`,
        berkas: file,
        halaman: '/perjanjian-kinerja',
        terapkan: (berkas, kemajuan) => impor(actor, berkas, 'commit', meta, kemajuan),
      });
    },
  };
}

export type PkService = ReturnType<typeof createPkService>;
