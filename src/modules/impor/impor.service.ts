/**
 * Employee import (SIASN-style columns): validates every row against the file and the database,
 * reports each bad row with its reasons, and on commit applies everything in one transaction.
 */
import type { ImporResponse } from '../../contracts/impor.js';
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
import { checkNip, type JenisAsn, normalizeNip, parseJenisAsn } from '../../domain/nip.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditInput, AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { parseEmployeeFile } from './impor.parse.js';
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
}

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
}) {
  const { db, clock, audit } = deps;

  async function validate(actor: Actor, data: Buffer, tx: Db | Tx) {
    const raw = await parseEmployeeFile(data);
    const kesalahan: ImporResponse['kesalahan'] = [];
    const peringatan: ImporResponse['peringatan'] = [];

    const nips = raw.map((r) => normalizeNip(r.values.nip ?? ''));
    const atasanNips = raw.flatMap((r) => (r.values.nipAtasan ? [normalizeNip(r.values.nipAtasan)] : []));
    const [units, people] = await Promise.all([
      q.unorByNames(tx, actor.instansiId, [...new Set(raw.map((r) => (r.values.unor ?? '').toLowerCase()))]),
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
      if (!jenisAsn) alasan.push(`Jenis ASN '${v.jenisAsn ?? ''}' tidak dikenal; isi PNS atau PPPK.`);
      if (!nip) alasan.push('NIP wajib diisi.');
      else {
        const check = checkNip(nip, jenisAsn ?? 'PPPK');
        alasan.push(...check.errors);
        for (const w of check.warnings) peringatan.push({ baris: row.baris, nip, pesan: w });
        const first = firstRowOfNip.get(nip);
        if (first !== undefined) alasan.push(`NIP ganda: sudah ada di baris ${first}.`);
        else firstRowOfNip.set(nip, row.baris);
      }
      if (!v.nama) alasan.push('Nama wajib diisi.');
      if (jenisAsn && v.golongan && !isGolonganValid(jenisAsn, v.golongan)) {
        alasan.push(`Golongan '${v.golongan}' tidak sah untuk ${jenisAsn}.`);
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
      if (existing && existing.instansiId !== actor.instansiId)
        alasan.push('NIP terdaftar di instansi lain.');
      const nipAtasan = v.nipAtasan ? normalizeNip(v.nipAtasan) : null;
      if (nipAtasan) {
        if (nipAtasan === nip) alasan.push('NIP atasan tidak boleh sama dengan NIP pegawai.');
        else if (!fileNips.has(nipAtasan) && personByNip.get(nipAtasan)?.instansiId !== actor.instansiId) {
          alasan.push(`NIP atasan ${nipAtasan} tidak ditemukan di instansi ini maupun di berkas.`);
        }
      }
      if (alasan.length) {
        kesalahan.push({ baris: row.baris, nip: nip || null, alasan });
        continue;
      }
      const unor = candidates[0]!;
      valid.push({
        baris: row.baris,
        nip,
        nama: v.nama!,
        gelarDepan: v.gelarDepan ?? null,
        gelarBelakang: v.gelarBelakang ?? null,
        jenisAsn: jenisAsn!,
        golongan: v.golongan!,
        jabatanNama: v.jabatan!,
        jenisJabatan: jenisJabatan!,
        jenjang,
        unor,
        nipAtasan,
        existing,
        jabatan: positionByKey.get(`${unor.id}:${v.jabatan!.toLowerCase()}`) ?? null,
      });
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
    actor: Actor,
    rows: ValidRow[],
    today: string,
    fileName: string,
    requestId: string,
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
      actor.instansiId,
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
    const toUpdate = rows.filter(
      (r) =>
        r.existing &&
        (r.existing.jabatanId !== jabatanIdOf(r) ||
          r.existing.nama !== r.nama ||
          r.existing.golongan !== r.golongan ||
          r.existing.jenisAsn !== r.jenisAsn ||
          r.existing.gelarDepan !== r.gelarDepan ||
          r.existing.gelarBelakang !== r.gelarBelakang),
    );
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
    const inserted = await q.insertPegawai(tx, actor.instansiId, toCreate.map(write), today);
    await q.updatePegawai(
      tx,
      toUpdate.map((r) => ({
        ...write(r),
        id: r.existing!.id,
        moved: r.existing!.jabatanId !== jabatanIdOf(r),
      })),
      today,
      yesterday,
    );

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
      ...inserted.map((p) => {
        const r = toCreate.find((x) => x.nip === p.nip)!;
        return {
          instansiId: actor.instansiId,
          opdId: r.unor.opdId,
          actorId: actor.id,
          action: 'pegawai.impor.buat',
          entity: 'pegawai',
          entityId: p.id,
          after: write(r),
          reason: fileName,
          requestId,
        };
      }),
      ...toUpdate.map((r) => {
        const e = r.existing!;
        return {
          instansiId: actor.instansiId,
          opdId: r.unor.opdId ?? e.opdId,
          actorId: actor.id,
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
          reason: fileName,
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
      instansiId: actor.instansiId,
      actorId: actor.id,
      action: 'impor.pegawai',
      entity: 'impor',
      entityId: requestId,
      after: { ...summary, atasanOverride: overridden.length, jabatanBaruIds: created.map((c) => c.id) },
      reason: fileName,
      requestId,
    });
    await audit.recordMany(tx, actor.instansiId, entries);
    return summary;
  }

  return {
    async importPegawai(
      actor: Actor,
      file: { filename: string; data: Buffer },
      mode: 'dry-run' | 'commit',
      meta: { requestId: string },
    ): Promise<ImporResponse> {
      if (mode === 'dry-run') {
        const result = await validate(actor, file.data, db);
        return {
          mode,
          jumlahBaris: result.jumlahBaris,
          barisValid: result.valid.length,
          kesalahan: result.kesalahan,
          peringatan: result.peringatan,
          diterapkan: null,
        };
      }
      // Looked up before the transaction: on PGlite the outer handle must not be used inside it.
      const today = dateInZone(clock.now(), await deps.zonaWaktu(actor.instansiId));
      return db.transaction(async (tx) => {
        const result = await validate(actor, file.data, tx);
        const report = {
          mode,
          jumlahBaris: result.jumlahBaris,
          barisValid: result.valid.length,
          kesalahan: result.kesalahan,
          peringatan: result.peringatan,
        };
        if (result.kesalahan.length) throw new AppError('IMPORT_INVALID', report);
        if (result.valid.length === 0)
          throw new AppError('VALIDATION_FAILED', report, 'Berkas tidak berisi baris data.');
        const diterapkan = await apply(tx, actor, result.valid, today, file.filename, meta.requestId);
        return { ...report, diterapkan };
      });
    },
  };
}

export type ImporService = ReturnType<typeof createImporService>;
