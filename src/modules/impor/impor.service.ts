/**
 * Employee import (SIASN-style columns): validates every row against the file and the database,
 * reports each bad row with its reasons, and on commit applies everything in one transaction.
 */
import type { ImporResponse } from '../../contracts/impor.js';
import type { PerubahanPegawai } from '../../contracts/integrasi.js';
import type { Db, Tx } from '../../db/client.js';
import { isGolonganValid } from '../../domain/golongan.js';
import {
  isStruktural,
  type JenisJabatan,
  type JenjangFungsional,
  jenjangFromNama,
  parseJenisJabatan,
  parseJenjang,
} from '../../domain/jabatan.js';
import { checkNip, JENIS_ASN_LABEL, type JenisAsn, normalizeNip, parseJenisAsn } from '../../domain/nip.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { ImportFile } from '../../platform/import-upload.js';
import type { AuditInput, AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { KemajuanImpor, PekerjaanService } from '../pekerjaan/pekerjaan.service.js';
import { type Field, parseEmployeeFile, type RawRow, rowsFromRecords } from './impor.parse.js';
import * as q from './impor.queries.js';

interface ValidRow {
  baris: number;
  nip: string;
  nama: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jenisAsn: JenisAsn;
  golongan: string;
  jabatanNama: string;
  jenisJabatan: JenisJabatan;
  jenjang: JenjangFungsional | null;
  unor: q.UnorRow;
  nipAtasan: string | null;
  existing: q.PegawaiRow | null;
  /** The position, when it already exists. */
  jabatan: q.JabatanRow | null;
  /** What the row changes on an existing employee, before → after. */
  berubah: PerubahanPegawai['kolom'];
}

/** Who applies an import: an employee (file upload) or an integration token (actorId null). */
interface Pelaku {
  instansiId: number;
  actorId: number | null;
  /**
   * The importing employee's NIP and superior chain (himself first): the ceiling of admin powers
   * lets no import change them or name him anyone's superior.
   */
  rantai?: { nip: string; ids: number[] };
  /** The audit reason: the file name, or the token that sent the rows. */
  sumber: string;
}

function berubahOf(
  existing: q.PegawaiRow,
  r: Omit<ValidRow, 'existing' | 'berubah' | 'baris' | 'nip' | 'nipAtasan'>,
): PerubahanPegawai['kolom'] {
  const pairs: [kolom: string, sebelum: string | null, sesudah: string | null, berubah: boolean][] = [
    ['nama', existing.nama, r.nama, existing.nama !== r.nama],
    ['gelarDepan', existing.gelarDepan, r.gelarDepan, existing.gelarDepan !== r.gelarDepan],
    ['gelarBelakang', existing.gelarBelakang, r.gelarBelakang, existing.gelarBelakang !== r.gelarBelakang],
    ['jenisAsn', existing.jenisAsn, r.jenisAsn, existing.jenisAsn !== r.jenisAsn],
    ['golongan', existing.golongan, r.golongan, existing.golongan !== r.golongan],
    // By identity, not name: a position not yet in the unit is a new one, a move even under the same name.
    ['jabatan', existing.jabatanNama, r.jabatanNama, r.jabatan?.id !== existing.jabatanId],
    ['unor', existing.unorNama, r.unor.nama, existing.unorId !== r.unor.id],
  ];
  return pairs
    .filter(([, , , berubah]) => berubah)
    .map(([kolom, sebelum, sesudah]) => ({ kolom, sebelum, sesudah }));
}

/** Rows written per statement on commit; progress is reported after each such batch. */
const BARIS_PER_TULIS = 2000;

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function createImporService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  zonaWaktu: (instansiId: number) => Promise<string>;
  /** The employee's superiors upward (pegawai service). */
  rantaiAtasanIds: (pegawaiId: number, instansiId: number) => Promise<number[]>;
  pekerjaan: Pick<PekerjaanService, 'impor'>;
}) {
  const { db, clock, audit } = deps;

  /** Why a row oversteps the importer's ceiling (SPEC §11), if it does. */
  function melampauiKuasa(pelaku: Pelaku, r: ValidRow, personByNip: Map<string, { id: number }>) {
    if (!pelaku.rantai) return null;
    const { nip, ids } = pelaku.rantai;
    if (r.nipAtasan === nip) return 'Anda tidak dapat menjadikan diri Anda atasan melalui impor.';
    const i = r.existing ? ids.indexOf(r.existing.id) : -1;
    if (i < 0) return null;
    const atasanBaru = r.nipAtasan ? personByNip.get(r.nipAtasan)?.id : undefined;
    if (r.berubah.length > 0 || (r.nipAtasan && atasanBaru !== ids[i + 1])) {
      return 'Baris ini mengubah data Anda sendiri atau atasan Anda; mintalah admin instansi lain.';
    }
    return null;
  }

  async function validate(pelaku: Pelaku, raw: RawRow[], tx: Db | Tx, today: string) {
    const { instansiId } = pelaku;
    const kesalahan: ImporResponse['kesalahan'] = [];
    const peringatan: ImporResponse['peringatan'] = [];

    const nips = raw.map((r) => normalizeNip(r.values.nip ?? ''));
    const atasanNips = raw.flatMap((r) => (r.values.nipAtasan ? [normalizeNip(r.values.nipAtasan)] : []));
    const [units, people] = await Promise.all([
      q.unorByNames(tx, instansiId, [...new Set(raw.map((r) => (r.values.unor ?? '').toLowerCase()))]),
      q.pegawaiByNips(tx, [...new Set([...nips, ...atasanNips])]),
    ]);
    const unitsByName = new Map<string, q.UnorRow[]>();
    for (const u of units) unitsByName.set(u.namaKey, [...(unitsByName.get(u.namaKey) ?? []), u]);
    const personByNip = new Map(people.map((p) => [p.nip, p]));
    const positions = await q.jabatanInUnits(
      tx,
      units.map((u) => u.id),
    );
    const positionByKey = new Map(positions.map((j) => [`${j.unorId}:${j.namaKey}`, j]));
    const firstRowOfNip = new Map<string, number>();
    const fileNips = new Set(nips);

    const valid: ValidRow[] = [];
    for (const [i, row] of raw.entries()) {
      const v = row.values;
      const alasan = [...row.problems];
      const nip = nips[i]!;
      const jenisAsn = parseJenisAsn(v.jenisAsn ?? '');
      if (!jenisAsn)
        alasan.push(`Jenis ASN '${v.jenisAsn ?? ''}' tidak dikenal; isi PNS, PPPK atau PPPK Paruh Waktu.`);
      if (!nip) alasan.push('NIP wajib diisi.');
      else {
        const check = checkNip(nip, jenisAsn ?? 'PPPK', today);
        alasan.push(...check.errors);
        for (const w of check.warnings) peringatan.push({ baris: row.baris, nip, pesan: w });
        const first = firstRowOfNip.get(nip);
        if (first !== undefined) alasan.push(`NIP ganda: sudah ada di baris ${first}.`);
        else firstRowOfNip.set(nip, row.baris);
      }
      if (!v.nama) alasan.push('Nama wajib diisi.');
      if (jenisAsn && v.golongan && !isGolonganValid(jenisAsn, v.golongan)) {
        alasan.push(`Golongan '${v.golongan}' tidak sah untuk ${JENIS_ASN_LABEL[jenisAsn]}.`);
      } else if (!v.golongan) alasan.push('Golongan wajib diisi.');
      if (!v.jabatan) alasan.push('Jabatan wajib diisi.');
      const jenisJabatan = v.jenisJabatan ? parseJenisJabatan(v.jenisJabatan) : 'PELAKSANA';
      if (!jenisJabatan) alasan.push(`Jenis jabatan '${v.jenisJabatan}' tidak dikenal.`);
      let jenjang: JenjangFungsional | null = null;
      if (jenisJabatan === 'FUNGSIONAL') {
        jenjang = v.jenjang ? parseJenjang(v.jenjang) : jenjangFromNama(v.jabatan ?? '');
        if (!jenjang) alasan.push('Jenjang jabatan fungsional tidak dikenal; isi kolom Jenjang.');
      }
      const candidates = unitsByName.get((v.unor ?? '').toLowerCase()) ?? [];
      if (!v.unor) alasan.push('Unor wajib diisi.');
      else if (candidates.length === 0) alasan.push(`Unor '${v.unor}' tidak ditemukan.`);
      else if (candidates.length > 1)
        alasan.push(`Nama unor '${v.unor}' tidak unik; gunakan nama unor yang lengkap.`);
      const existing = nip ? (personByNip.get(nip) ?? null) : null;
      if (existing && existing.instansiId !== instansiId) alasan.push('NIP terdaftar di instansi lain.');
      const nipAtasan = v.nipAtasan ? normalizeNip(v.nipAtasan) : null;
      if (nipAtasan) {
        if (nipAtasan === nip) alasan.push('NIP atasan tidak boleh sama dengan NIP pegawai.');
        else if (!fileNips.has(nipAtasan) && personByNip.get(nipAtasan)?.instansiId !== instansiId) {
          alasan.push(`NIP atasan ${nipAtasan} tidak ditemukan di instansi ini maupun di berkas.`);
        }
      }
      if (alasan.length) {
        kesalahan.push({ baris: row.baris, nip: nip || null, alasan });
        continue;
      }
      const unor = candidates[0]!;
      const fields = {
        nama: v.nama!,
        gelarDepan: v.gelarDepan ?? null,
        gelarBelakang: v.gelarBelakang ?? null,
        jenisAsn: jenisAsn!,
        golongan: v.golongan!,
        jabatanNama: v.jabatan!,
        jenisJabatan: jenisJabatan!,
        jenjang,
        unor,
        jabatan: positionByKey.get(`${unor.id}:${v.jabatan!.toLowerCase()}`) ?? null,
      };
      const r: ValidRow = {
        ...fields,
        baris: row.baris,
        nip,
        nipAtasan,
        existing,
        berubah: existing ? berubahOf(existing, fields) : [],
      };
      const lampau = melampauiKuasa(pelaku, r, personByNip);
      if (lampau) kesalahan.push({ baris: row.baris, nip, alasan: [lampau] });
      else valid.push(r);
    }

    // A structural position takes one person: not two rows, and not someone already in it who stays.
    const leaving = new Set(valid.filter((r) => r.existing).map((r) => r.existing!.id));
    const claimed = new Map<string, number>();
    for (const r of valid) {
      if (!isStruktural(r.jabatan ? (r.jabatan.jenis as JenisJabatan) : r.jenisJabatan)) continue;
      const key = `${r.unor.id}:${r.jabatanNama.toLowerCase()}`;
      const other = claimed.get(key);
      const holders = (r.jabatan?.pemangku ?? []).filter((id) => id !== r.existing?.id && !leaving.has(id));
      const reasons: string[] = [];
      if (other !== undefined)
        reasons.push(`Jabatan struktural '${r.jabatanNama}' juga diisi di baris ${other}.`);
      if (holders.length) reasons.push(`Jabatan struktural '${r.jabatanNama}' sudah diisi pegawai lain.`);
      claimed.set(key, other ?? r.baris);
      if (reasons.length) kesalahan.push({ baris: r.baris, nip: r.nip, alasan: reasons });
    }
    const badRows = new Set(kesalahan.map((k) => k.baris));
    kesalahan.sort((a, b) => a.baris - b.baris);
    for (const r of valid) {
      if (!r.existing && !badRows.has(r.baris)) {
        peringatan.push({
          baris: r.baris,
          nip: r.nip,
          pesan: 'Pegawai baru belum punya kata sandi; admin perlu meresetnya.',
        });
      }
    }
    return {
      jumlahBaris: raw.length,
      valid: valid.filter((r) => !badRows.has(r.baris)),
      kesalahan,
      peringatan,
    };
  }

  async function apply(
    tx: Tx,
    pelaku: Pelaku,
    rows: ValidRow[],
    today: string,
    requestId: string,
    kemajuan?: KemajuanImpor,
  ) {
    const yesterday = addDays(today, -1);

    // New positions first (one per unit and name), then their superior positions.
    const newPositions = new Map<string, ValidRow>();
    for (const r of rows) {
      if (!r.jabatan) newPositions.set(`${r.unor.id}:${r.jabatanNama.toLowerCase()}`, r);
    }
    const kepalaTaken = new Set<number>();
    const created = await q.insertJabatan(
      tx,
      pelaku.instansiId,
      [...newPositions.values()].map((r) => {
        const kepala = isStruktural(r.jenisJabatan) && !kepalaTaken.has(r.unor.id);
        if (kepala) kepalaTaken.add(r.unor.id);
        return {
          unorId: r.unor.id,
          nama: r.jabatanNama,
          jenis: r.jenisJabatan,
          jenjang: r.jenjang,
          isKepalaUnor: kepala,
        };
      }),
    );
    const jabatanIdOf = (r: ValidRow) =>
      r.jabatan?.id ??
      created.find((c) => c.unorId === r.unor.id && c.nama.toLowerCase() === r.jabatanNama.toLowerCase())!.id;

    const toCreate = rows.filter((r) => !r.existing);
    const toUpdate = rows.filter((r) => r.existing && r.berubah.length > 0);
    const write = (r: ValidRow): q.PegawaiWrite => ({
      nip: r.nip,
      gelarDepan: r.gelarDepan,
      nama: r.nama,
      gelarBelakang: r.gelarBelakang,
      jenisAsn: r.jenisAsn,
      golongan: r.golongan,
      jabatanId: jabatanIdOf(r),
      unorId: r.unor.id,
      opdId: r.unor.opdId,
    });
    // Unchanged rows need no write; the others count as they are written, batch by batch.
    const tetap = rows.length - toCreate.length - toUpdate.length;
    kemajuan?.(tetap, rows.length);
    const inserted: Awaited<ReturnType<typeof q.insertPegawai>> = [];
    for (let i = 0; i < toCreate.length; i += BARIS_PER_TULIS) {
      const batch = toCreate.slice(i, i + BARIS_PER_TULIS);
      inserted.push(...(await q.insertPegawai(tx, pelaku.instansiId, batch.map(write), today)));
      kemajuan?.(tetap + inserted.length, rows.length);
    }
    for (let i = 0; i < toUpdate.length; i += BARIS_PER_TULIS) {
      const batch = toUpdate.slice(i, i + BARIS_PER_TULIS);
      await q.updatePegawai(
        tx,
        batch.map((r) => ({
          ...write(r),
          id: r.existing!.id,
          moved: r.existing!.jabatanId !== jabatanIdOf(r),
        })),
        today,
        yesterday,
      );
      kemajuan?.(tetap + inserted.length + i + batch.length, rows.length);
    }

    const idOfNip = new Map<string, number>([
      ...(
        await q.pegawaiByNips(
          tx,
          rows.flatMap((r) => (r.nipAtasan ? [r.nipAtasan] : [])),
        )
      ).map((p) => [p.nip, p.id] as const),
      ...inserted.map((p) => [p.nip, p.id] as const),
      ...rows.flatMap((r) => (r.existing ? [[r.nip, r.existing.id] as const] : [])),
    ]);
    // A new position reports to the NIP Atasan's position, or else to the nearest unit head.
    const heads = new Map(
      (await q.kepalaUnorAbove(tx, [...new Set(created.map((c) => c.unorId))])).map((h) => [
        h.unorId,
        h.jabatanId,
      ]),
    );
    const positionOfNip = new Map(rows.map((r) => [r.nip, jabatanIdOf(r)]));
    const atasanPositions = await q.pegawaiByNips(
      tx,
      rows.flatMap((r) => (r.nipAtasan ? [r.nipAtasan] : [])),
    );
    for (const p of atasanPositions)
      if (!positionOfNip.has(p.nip) && p.jabatanId) positionOfNip.set(p.nip, p.jabatanId);
    await q.setAtasanJabatan(
      tx,
      created.map((c) => {
        const r = newPositions.get(`${c.unorId}:${c.nama.toLowerCase()}`)!;
        const viaAtasan = r.nipAtasan ? (positionOfNip.get(r.nipAtasan) ?? null) : null;
        const head = heads.get(c.unorId) ?? null;
        return { id: c.id, atasan: viaAtasan ?? (head === c.id ? null : head) };
      }),
    );
    const atasanLinks = rows.flatMap((r) =>
      r.nipAtasan ? [{ id: idOfNip.get(r.nip)!, atasan: idOfNip.get(r.nipAtasan)! }] : [],
    );
    const overridden = await q.applyAtasan(tx, atasanLinks, today);
    // The file may close a loop (A reports to B, B to A); refusing it rolls the whole import back.
    const cycles = new Set(await q.superiorCycles(tx, atasanLinks, today));
    if (cycles.size) {
      const kesalahan = rows
        .filter((r) => cycles.has(idOfNip.get(r.nip)!))
        .map((r) => ({
          baris: r.baris,
          nip: r.nip,
          alasan: [`NIP atasan ${r.nipAtasan} membuat rantai atasan melingkar.`],
        }));
      throw new AppError('IMPORT_INVALID', { kesalahan });
    }

    const entries: AuditInput[] = [
      ...inserted.map((p): AuditInput => {
        const r = toCreate.find((x) => x.nip === p.nip)!;
        return {
          instansiId: pelaku.instansiId,
          opdId: r.unor.opdId,
          actorId: pelaku.actorId,
          action: 'pegawai.impor.buat',
          entity: 'pegawai',
          entityId: p.id,
          after: write(r),
          reason: pelaku.sumber,
          requestId,
        };
      }),
      ...toUpdate.map((r): AuditInput => {
        const e = r.existing!;
        return {
          instansiId: pelaku.instansiId,
          opdId: r.unor.opdId ?? e.opdId,
          actorId: pelaku.actorId,
          action: 'pegawai.impor.ubah',
          entity: 'pegawai',
          entityId: e.id,
          before: {
            nama: e.nama,
            gelarDepan: e.gelarDepan,
            gelarBelakang: e.gelarBelakang,
            jenisAsn: e.jenisAsn,
            golongan: e.golongan,
            jabatanId: e.jabatanId,
            unorId: e.unorId,
          },
          after: write(r),
          reason: pelaku.sumber,
          requestId,
        };
      }),
    ];
    const summary = {
      dibuat: inserted.length,
      diperbarui: toUpdate.length,
      jabatanBaru: created.length,
      tidakBerubah: rows.length - inserted.length - toUpdate.length,
    };
    entries.push({
      instansiId: pelaku.instansiId,
      actorId: pelaku.actorId,
      action: 'impor.pegawai',
      entity: 'impor',
      entityId: requestId,
      after: { ...summary, atasanOverride: overridden.length, jabatanBaruIds: created.map((c) => c.id) },
      reason: pelaku.sumber,
      requestId,
    });
    await audit.recordMany(tx, pelaku.instansiId, entries);
    return summary;
  }

  /** Validates the rows and, on commit, applies all of them in one transaction or none. */
  async function jalankan(
    pelaku: Pelaku,
    raw: RawRow[],
    mode: 'dry-run' | 'commit',
    requestId: string,
    kemajuan?: KemajuanImpor,
  ): Promise<{ report: ImporResponse; perubahan: PerubahanPegawai[] }> {
    const laporan = (result: Awaited<ReturnType<typeof validate>>) => ({
      mode,
      jumlahBaris: result.jumlahBaris,
      barisValid: result.valid.length,
      kesalahan: result.kesalahan,
      peringatan: result.peringatan,
    });
    const perubahanOf = (valid: ValidRow[]): PerubahanPegawai[] =>
      valid.map((r) => ({
        nip: r.nip,
        status: !r.existing ? 'DIBUAT' : r.berubah.length ? 'DIUBAH' : 'TETAP',
        kolom: r.berubah,
      }));
    // Looked up before the transaction: on PGlite the outer handle must not be used inside it.
    const today = dateInZone(clock.now(), await deps.zonaWaktu(pelaku.instansiId));
    if (mode === 'dry-run') {
      const result = await validate(pelaku, raw, db, today);
      return { report: { ...laporan(result), diterapkan: null }, perubahan: perubahanOf(result.valid) };
    }
    kemajuan?.(0, raw.length);
    return db.transaction(async (tx) => {
      const result = await validate(pelaku, raw, tx, today);
      const report = laporan(result);
      if (result.kesalahan.length) throw new AppError('IMPORT_INVALID', report);
      if (result.valid.length === 0)
        throw new AppError('VALIDATION_FAILED', report, 'Berkas tidak berisi baris data.');
      const diterapkan = await apply(tx, pelaku, result.valid, today, requestId, kemajuan);
      return { report: { ...report, diterapkan }, perubahan: perubahanOf(result.valid) };
    });
  }

  async function importPegawai(
    actor: Actor,
    file: ImportFile,
    mode: 'dry-run' | 'commit',
    meta: { requestId: string },
    kemajuan?: KemajuanImpor,
  ): Promise<ImporResponse> {
    const raw = await parseEmployeeFile(file.data);
    const rantai = {
      nip: actor.nip,
      ids: [actor.id, ...(await deps.rantaiAtasanIds(actor.id, actor.instansiId))],
    };
    const pelaku = { instansiId: actor.instansiId, actorId: actor.id, sumber: file.filename, rantai };
    return (await jalankan(pelaku, raw, mode, meta.requestId, kemajuan)).report;
  }

  return {
    importPegawai,

    /**
     * The commit as a job (ADR 0011): a file that does not parse is refused here, before any job;
     * the job runs the very commit above, its report the job's result.
     */
    async importPegawaiLatar(actor: Actor, file: ImportFile, meta: { requestId: string }) {
      await parseEmployeeFile(file.data);
      return deps.pekerjaan.impor(actor, {
        judul: `Impor pegawai (${file.filename})`,
        berkas: file,
        // Two imports share the page: the section names whose report the tray's link opens.
        halaman: '/impor?bagian=pegawai',
        terapkan: (berkas, kemajuan) => importPegawai(actor, berkas, 'commit', meta, kemajuan),
      });
    },

    /**
     * Employee master data from an external system (upsert by NIP), through the same rules as the
     * file import; reports per NIP what was (or, in a dry run, would be) created or changed.
     */
    async sinkronPegawai(input: {
      instansiId: number;
      sumber: string;
      pegawai: Partial<Record<Field, string | null>>[];
      mode: 'dry-run' | 'commit';
      requestId: string;
    }): Promise<ImporResponse & { perubahan: PerubahanPegawai[] }> {
      const pelaku = { instansiId: input.instansiId, actorId: null, sumber: input.sumber };
      const { report, perubahan } = await jalankan(
        pelaku,
        rowsFromRecords(input.pegawai),
        input.mode,
        input.requestId,
      );
      return { ...report, perubahan };
    },
  };
}

export type ImporService = ReturnType<typeof createImporService>;
