/**
 * Bulk entry of the employee's realisasi for one period from a spreadsheet: a template with one row
 * per RHK of the approved plan (pre-filled with what is stored), and its import. A dry run reports
 * every bad row; a commit writes every changed row as a draft through the draft save's write path,
 * all or nothing. Rows equal to what is stored are left alone, so items already submitted may stay in
 * the file. It never submits.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { type RealisasiBulanOut, SimpanRealisasiBody } from '../../contracts/realisasi.js';
import type { ImporRealisasiResponse } from '../../contracts/realisasi-impor.js';
import type { Db } from '../../db/client.js';
import { parseAngka } from '../../domain/angka.js';
import { nilaiDariLog } from '../../domain/log-harian.js';
import { editWindow, STATUS_REALISASI_LABEL } from '../../domain/realisasi-workflow.js';
import { ASPEK_LABEL, type Aspek } from '../../domain/skp.js';
import { AppError } from '../../platform/errors.js';
import type { ImportFile } from '../../platform/import-upload.js';
import { barisAman } from '../../platform/sel-aman.js';
import {
  normalizeHeader,
  readSpreadsheet,
  type SpreadsheetLimits,
  type Table,
  type TableRow,
} from '../../platform/spreadsheet.js';
import type { Actor } from '../auth/actor.js';
import type { KemajuanImpor, PekerjaanService } from '../pekerjaan/pekerjaan.service.js';
import type { RealisasiService, TargetDraf } from './realisasi.service.js';

type Meta = { requestId: string };
type Item = RealisasiBulanOut['items'][number];
type Isi = Omit<z.infer<typeof SimpanRealisasiBody>, 'version'>;

/** The columns the import reads, their template headers and the header spellings accepted. */
const KOLOM = {
  rhkId: { judul: 'ID RHK', alias: ['idrhk'] },
  rencanaAksi: { judul: 'Rencana Aksi', alias: ['rencanaaksi'] },
  targetAksi: { judul: 'Target Aksi', alias: ['targetaksi'] },
  nilai: { judul: 'Realisasi (angka)', alias: ['realisasiangka', 'nilairealisasi', 'nilai'] },
  satuan: { judul: 'Satuan', alias: ['satuan', 'satuanrealisasi'] },
  teks: { judul: 'Realisasi (teks)', alias: ['realisasiteks', 'uraianrealisasi'] },
  tautan: { judul: 'Tautan bukti', alias: ['tautanbukti', 'tautanbuktidukung', 'tautan'] },
  deskripsi: { judul: 'Deskripsi tautan', alias: ['deskripsitautan', 'deskripsibuktidukung'] },
} as const;
type Kolom = keyof typeof KOLOM;
/**
 * A plan has a few dozen RHKs; more rows than this is not a filled template. The template of 500 RHKs
 * with long texts stays well under the bytes.
 */
export const BATAS_BERKAS_REALISASI: SpreadsheetLimits = { rows: 500, bytes: 8 * 1024 * 1024 };

const LABEL_ISIAN: Record<string, string> = {
  rencanaAksi: KOLOM.rencanaAksi.judul,
  targetAksi: KOLOM.targetAksi.judul,
  nilai: KOLOM.nilai.judul,
  satuan: KOLOM.satuan.judul,
  teks: KOLOM.teks.judul,
  buktiDukung: KOLOM.tautan.judul,
};

const baris = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function isiSekarang(item: Item): Isi {
  const r = item.realisasi;
  return {
    rencanaAksi: r?.rencanaAksi ?? null,
    targetAksi: r?.targetAksi ?? null,
    nilai: r?.nilai ?? null,
    satuan: r?.satuan ?? null,
    teks: r?.teks ?? null,
    buktiDukung: (r?.buktiDukung ?? [])
      .filter((b) => b.jenis === 'TAUTAN')
      .map((b) => ({ url: b.url ?? '', deskripsi: b.deskripsi })),
  };
}

function sama(a: Isi, b: Isi) {
  return (
    (['rencanaAksi', 'targetAksi', 'nilai', 'satuan', 'teks'] as const).every((k) => a[k] === b[k]) &&
    a.buktiDukung.length === b.buktiDukung.length &&
    a.buktiDukung.every(
      (x, i) => x.url === b.buktiDukung[i]!.url && x.deskripsi === b.buktiDukung[i]!.deskripsi,
    )
  );
}

function targetTeks(k: Item['rhk']['iki'][number]) {
  const target =
    k.targetNilai !== null
      ? [k.targetNilai.toLocaleString('id-ID'), k.targetSatuan].filter(Boolean).join(' ')
      : (k.targetTeks ?? '—');
  const aspek = k.aspek ? `${ASPEK_LABEL[k.aspek as Aspek] ?? k.aspek}: ` : '';
  return `${aspek}${k.indikator} — ${target}`;
}

export function createRealisasiImporService(deps: {
  db: Db;
  realisasi: Pick<RealisasiService, 'saya' | 'tulisDraf'>;
  pekerjaan: Pick<PekerjaanService, 'impor'>;
}) {
  const { db, realisasi } = deps;

  async function bulanDenganSkp(actor: Actor, kode: string) {
    const m = await realisasi.saya(actor, kode);
    if (!m.skp)
      throw new AppError(
        'SKP_BELUM_DISETUJUI',
        { periode: m.periode.kode },
        `Belum ada SKP yang disetujui untuk periode ${m.periode.label}; realisasi diisi per RHK dari SKP yang disetujui.`,
      );
    return { ...m, skp: m.skp };
  }

  /** Reads and checks the file against the month as stored; every bad row with all its reasons. */
  function periksa(actor: Actor, m: Awaited<ReturnType<typeof bulanDenganSkp>>, table: Table) {
    const { header, rows: rowsIn } = table;
    const normalized = header.cells.map(normalizeHeader);
    const col = Object.fromEntries(
      (Object.keys(KOLOM) as Kolom[]).map((k) => [
        k,
        normalized.findIndex((h) => (KOLOM[k].alias as readonly string[]).includes(h)),
      ]),
    ) as Record<Kolom, number>;
    const hilang: string[] = col.rhkId < 0 ? [KOLOM.rhkId.judul] : [];
    if (col.tautan < 0 !== col.deskripsi < 0)
      hilang.push(col.tautan < 0 ? KOLOM.tautan.judul : KOLOM.deskripsi.judul);
    if (hilang.length)
      throw new AppError(
        'VALIDATION_FAILED',
        { kolomHilang: hilang },
        `Kolom wajib tidak ditemukan: ${hilang.join(', ')}. Gunakan templat dari halaman Realisasi.`,
      );

    const cell = (r: TableRow, k: Kolom) => (col[k] < 0 ? '' : (r.cells[col[k]] ?? '').trim());
    const teksAtau = (
      r: TableRow,
      k: 'rencanaAksi' | 'targetAksi' | 'satuan' | 'teks',
      lama: string | null,
    ) => (col[k] < 0 ? lama : cell(r, k) || null);
    const byRhk = new Map(m.items.map((i) => [i.rhk.id, i]));
    const izin = new Map(m.jendela.map((j) => [j.jenis, j]));

    const kesalahan: ImporRealisasiResponse['kesalahan'] = [];
    const berubah: { target: TargetDraf; isi: Isi }[] = [];
    let tidakBerubah = 0;
    const firstOf = new Map<number, number>();
    for (const r of rowsIn) {
      const alasan: string[] = [];
      const idText = cell(r, 'rhkId');
      const item = /^\d+$/.test(idText) ? byRhk.get(Number(idText)) : undefined;
      if (!item) {
        kesalahan.push({
          baris: r.baris,
          alasan: [
            idText
              ? `ID RHK '${idText}' tidak ada pada SKP Anda untuk periode ${m.periode.label}.`
              : 'ID RHK wajib diisi; gunakan templat dari halaman Realisasi.',
          ],
        });
        continue;
      }
      const first = firstOf.get(item.rhk.id);
      if (first !== undefined) alasan.push(`RHK ini sudah diisi di baris ${first}.`);
      else firstOf.set(item.rhk.id, r.baris);

      const lama = isiSekarang(item);
      let nilai = lama.nilai;
      if (col.nilai >= 0) {
        const text = cell(r, 'nilai');
        nilai = text === '' ? null : (r.numbers?.[col.nilai] ?? parseAngka(text));
        if (text !== '' && nilai === null)
          alasan.push(`${KOLOM.nilai.judul} '${text}' bukan angka; tulis misalnya 12 atau 12,5.`);
      }
      let buktiDukung = lama.buktiDukung;
      if (col.tautan >= 0) {
        const urls = baris(cell(r, 'tautan'));
        const desk = baris(cell(r, 'deskripsi'));
        if (!urls.length && desk.length) alasan.push(`${KOLOM.deskripsi.judul} diisi tanpa tautan bukti.`);
        else if (urls.length && !desk.length)
          alasan.push(`${KOLOM.deskripsi.judul} wajib diisi untuk setiap tautan bukti.`);
        else if (desk.length > 1 && desk.length !== urls.length)
          alasan.push(
            `Jumlah baris ${KOLOM.deskripsi.judul} (${desk.length}) tidak sama dengan jumlah tautan (${urls.length}); ` +
              'tulis satu deskripsi per baris, atau satu deskripsi untuk semua tautan.',
          );
        // A missing description is reported above; the placeholder lets the links themselves be checked.
        buktiDukung = urls.map((url, i) => ({ url, deskripsi: desk[desk.length === 1 ? 0 : i] ?? '-' }));
      }
      const parsed = SimpanRealisasiBody.safeParse({
        rencanaAksi: teksAtau(r, 'rencanaAksi', lama.rencanaAksi),
        targetAksi: teksAtau(r, 'targetAksi', lama.targetAksi),
        nilai,
        satuan: teksAtau(r, 'satuan', lama.satuan),
        teks: teksAtau(r, 'teks', lama.teks),
        buktiDukung,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const label = LABEL_ISIAN[String(issue.path[0])];
          const pesan = label ? `${label}: ${issue.message}` : issue.message;
          if (!alasan.includes(pesan)) alasan.push(pesan);
        }
      }
      if (alasan.length || !parsed.success) {
        kesalahan.push({ baris: r.baris, alasan });
        continue;
      }
      const { version: _, ...isi } = parsed.data;
      const log = item.realisasi?.log;
      if (log?.jumlahEntri) {
        // While the log has entries the value is its sum; a different number would be lost silently.
        const dariLog = nilaiDariLog(log.perSatuan, isi.satuan);
        if (isi.nilai !== null && isi.nilai !== dariLog.nilai) {
          kesalahan.push({
            baris: r.baris,
            alasan: [
              `${KOLOM.nilai.judul} RHK ini dihitung dari log harian (${dariLog.nilai?.toLocaleString('id-ID')} ${dariLog.satuan}); kosongkan kolom itu atau samakan dengan jumlah log.`,
            ],
          });
          continue;
        }
        isi.nilai = dariLog.nilai;
        isi.satuan = dariLog.satuan;
      }
      if (sama(isi, lama)) {
        tidakBerubah++;
        continue;
      }

      const status = item.realisasi?.status ?? 'DRAFT';
      const jendela = editWindow(status);
      const j = jendela && izin.get(jendela);
      if (!jendela) {
        kesalahan.push({
          baris: r.baris,
          alasan: [`Realisasi berstatus ${STATUS_REALISASI_LABEL[status]} tidak dapat diubah lagi.`],
        });
        continue;
      }
      if (!j?.izin) {
        kesalahan.push({ baris: r.baris, alasan: [`Di luar jadwal. ${j?.pesan ?? ''}`.trim()] });
        continue;
      }
      const rz = item.realisasi;
      berubah.push({
        target: {
          instansiId: actor.instansiId,
          skpId: m.skp.id,
          rhkId: item.rhk.id,
          periodeKode: m.periode.kode,
          existing: rz && {
            id: rz.id,
            version: rz.version,
            status: rz.status,
            rencanaAksi: rz.rencanaAksi,
            targetAksi: rz.targetAksi,
            nilai: rz.nilai,
            satuan: rz.satuan,
            teks: rz.teks,
          },
        },
        isi,
      });
    }
    return { jumlahBaris: rowsIn.length, kesalahan, berubah, tidakBerubah };
  }

  /** A dry run only reports; a commit saves every changed row as a draft, or nothing. */
  async function impor(
    actor: Actor,
    kode: string,
    file: ImportFile,
    mode: 'dry-run' | 'commit',
    meta: Meta,
    kemajuan?: KemajuanImpor,
  ): Promise<ImporRealisasiResponse> {
    const table = await readSpreadsheet(file.data, BATAS_BERKAS_REALISASI);
    // The month as stored, with its windows: read before the transaction (PGlite has one connection).
    const m = await bulanDenganSkp(actor, kode);
    const { jumlahBaris, kesalahan, berubah, tidakBerubah } = periksa(actor, m, table);
    const report = { mode, jumlahBaris, kesalahan, berubah: berubah.length };
    if (mode === 'dry-run') return { ...report, diterapkan: null };
    if (kesalahan.length) throw new AppError('IMPORT_INVALID', report);
    if (jumlahBaris === 0) throw new AppError('VALIDATION_FAILED', report, 'Berkas tidak berisi baris data.');
    // Unchanged rows need no write; the others count as their drafts are written.
    kemajuan?.(tidakBerubah, jumlahBaris);
    await db.transaction(async (tx) => {
      for (const [i, b] of berubah.entries()) {
        await realisasi.tulisDraf(tx, actor, b.target, b.isi, {
          ...meta,
          reason: `Impor ${file.filename}`,
        });
        kemajuan?.(tidakBerubah + i + 1, jumlahBaris);
      }
    });
    return { ...report, diterapkan: { disimpan: berubah.length, tidakBerubah } };
  }

  return {
    /** The period's template for the logged-in employee, pre-filled with the realisasi as stored. */
    async templat(actor: Actor, kode: string): Promise<{ filename: string; data: Buffer }> {
      const m = await bulanDenganSkp(actor, kode);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'e-Kinerja';
      const sheet = wb.addWorksheet('Realisasi', { views: [{ state: 'frozen', ySplit: 1, xSplit: 4 }] });
      const isian = {
        protection: { locked: false },
        alignment: { wrapText: true, vertical: 'top' },
      } as const;
      const tetap = { alignment: { wrapText: true, vertical: 'top' } } as const;
      sheet.columns = [
        // The key the import reads; hidden so it is not typed over.
        { header: KOLOM.rhkId.judul, key: 'rhkId', width: 9, hidden: true },
        { header: 'No', key: 'no', width: 5, style: tetap },
        { header: 'Jenis', key: 'jenis', width: 10, style: tetap },
        { header: 'Rencana Hasil Kerja', key: 'rhk', width: 40, style: tetap },
        { header: 'Indikator dan Target', key: 'iki', width: 44, style: tetap },
        { header: 'Status', key: 'status', width: 15, style: tetap },
        { header: KOLOM.rencanaAksi.judul, key: 'rencanaAksi', width: 36, style: isian },
        { header: KOLOM.targetAksi.judul, key: 'targetAksi', width: 18, style: isian },
        { header: KOLOM.nilai.judul, key: 'nilai', width: 14, style: isian },
        { header: KOLOM.satuan.judul, key: 'satuan', width: 12, style: isian },
        { header: KOLOM.teks.judul, key: 'teks', width: 36, style: isian },
        { header: KOLOM.tautan.judul, key: 'tautan', width: 36, style: isian },
        { header: KOLOM.deskripsi.judul, key: 'deskripsi', width: 28, style: isian },
      ];
      const judul = sheet.getRow(1);
      judul.font = { bold: true };
      judul.alignment = { wrapText: true, vertical: 'middle' };
      judul.eachCell((c) => {
        c.protection = { locked: true };
      });
      m.items.forEach((item, i) => {
        const isi = isiSekarang(item);
        const row = sheet.addRow(
          barisAman({
            rhkId: item.rhk.id,
            no: i + 1,
            jenis: item.rhk.jenis === 'UTAMA' ? 'Utama' : 'Tambahan',
            rhk: item.rhk.rencana,
            iki: item.rhk.iki.map(targetTeks).join('\n'),
            status: item.realisasi ? STATUS_REALISASI_LABEL[item.realisasi.status] : 'Belum diisi',
            rencanaAksi: isi.rencanaAksi ?? '',
            targetAksi: isi.targetAksi ?? '',
            nilai: isi.nilai,
            satuan: isi.satuan ?? '',
            teks: isi.teks ?? '',
            tautan: isi.buktiDukung.map((b) => b.url).join('\n'),
            deskripsi: isi.buktiDukung.map((b) => b.deskripsi).join('\n'),
          }),
        );
        const terkunci = item.realisasi && !editWindow(item.realisasi.status);
        // Submitted or accepted items cannot change; a value kept by the daily log is its sum.
        for (const key of ['rencanaAksi', 'targetAksi', 'nilai', 'satuan', 'teks', 'tautan', 'deskripsi'])
          if (terkunci || (key === 'nilai' && item.realisasi?.log.jumlahEntri))
            row.getCell(key).protection = { locked: true };
      });
      // Against typing over the plan by accident, not a secret: there is no password.
      await sheet.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
      });

      const petunjuk = wb.addWorksheet('Petunjuk');
      petunjuk.getColumn(1).width = 110;
      for (const line of [
        `Realisasi ${m.periode.label} — ${m.pegawai.namaLengkap} (NIP ${m.pegawai.nip})`,
        '',
        'Isi kolom Rencana Aksi sampai Deskripsi tautan pada lembar Realisasi; kolom lain hanya untuk dibaca.',
        'Realisasi (angka): angka saja, koma untuk desimal (mis. 12,5). Kosongkan bila realisasi berupa uraian.',
        'Tautan bukti: satu alamat http:// atau https:// per baris dalam sel; Deskripsi tautan: satu per baris, ' +
          'atau satu deskripsi untuk semua tautan. Tautan dalam berkas menggantikan tautan yang tersimpan.',
        'RHK yang memakai log harian: nilai realisasinya adalah jumlah log dan tidak diubah dari berkas ini.',
        'Baris yang tidak berubah dibiarkan. Realisasi yang sudah diajukan atau diterima tidak dapat diubah.',
        'Unggah berkas ini di halaman Realisasi: periksa dulu, lalu simpan. Semua tersimpan sebagai draf; ' +
          'ajukan realisasi dari halaman Realisasi.',
      ])
        petunjuk.addRow([line]);
      petunjuk.getRow(1).font = { bold: true };

      return {
        filename: `Realisasi-${m.periode.kode}-${m.pegawai.nip.replace(/\D/g, '')}.xlsx`,
        data: Buffer.from(await wb.xlsx.writeBuffer()),
      };
    },

    impor,

    /**
     * The commit as a job (ADR 0011): a file that does not read, or a month without a plan, is
     * refused here, before any job.
     */
    async imporLatar(actor: Actor, kode: string, file: ImportFile, meta: Meta) {
      await readSpreadsheet(file.data, BATAS_BERKAS_REALISASI);
      await bulanDenganSkp(actor, kode);
      return deps.pekerjaan.impor(actor, {
        judul: `Impor realisasi ${kode} (${file.filename})`,
        berkas: file,
        halaman: `/realisasi?periode=${kode}`,
        terapkan: (berkas, kemajuan) => impor(actor, kode, berkas, 'commit', meta, kemajuan),
      });
    },
  };
}

export type RealisasiImporService = ReturnType<typeof createRealisasiImporService>;
