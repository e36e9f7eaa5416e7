/**
 * Results from the national application as a source (SPEC §12): its "Laporan Penilaian SKP" becomes
 * periodic evaluations marked IMPOR_NASIONAL, which TPP, monitoring, angka kredit and the curves read
 * like any other. A dry run matches by NIP within the instansi and lists unknown NIPs, unreadable
 * values, months without an approved plan and months that already have a local evaluation; the
 * commit writes the months in one transaction and never replaces a local evaluation the BKD did not
 * name. Every local evaluation counts as final: there is no draft of one (it is stored when rated).
 */
import type { ImporNasionalResponse } from '../../contracts/impor-nasional.js';
import type { Db } from '../../db/client.js';
import { formatYearMonth } from '../../domain/jadwal.js';
import { type PredikatPegawai, RATING_KANONIK } from '../../domain/predikat.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { ImportFile } from '../../platform/import-upload.js';
import { readSpreadsheet } from '../../platform/spreadsheet.js';
import type { AuditInput, AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { KemajuanImpor, PekerjaanService } from '../pekerjaan/pekerjaan.service.js';
import { BATAS_BERKAS_NASIONAL, type BarisNasional, parseLaporanNasional } from './impor-nasional.parse.js';
import * as q from './impor-nasional.queries.js';

type Meta = { requestId: string };
type Mode = 'dry-run' | 'commit';

/** One month to write: new, or over the stored evaluation `ada`. */
interface Tulis {
  pegawai: q.PegawaiNip;
  skp: q.SkpTahun;
  periodeKode: string;
  predikat: PredikatPegawai;
  ada: q.PenilaianAda | null;
}

const kunciKonflik = (nip: string, periodeKode: string) => `${nip}:${periodeKode}`;

/** The plan that governs a month: approved, its range overlapping the month (rows come in order). */
function skpBulan(skps: q.SkpTahun[], pegawaiId: number, periodeKode: string) {
  const [mulai, akhir] = [`${periodeKode}-01`, `${periodeKode}-31`];
  return skps.find((s) => s.pegawaiId === pegawaiId && s.periodeMulai <= akhir && s.periodeAkhir >= mulai);
}

/** Rows with a problem, a repeated NIP marked on its later rows (one predikat per month). */
function tandaiGanda(baris: BarisNasional[]) {
  const pertama = new Map<string, number>();
  for (const b of baris) {
    const dulu = b.nip && pertama.get(b.nip);
    if (dulu) b.masalah.push(`NIP ini sudah ada di baris ${dulu}.`);
    else if (b.nip) pertama.set(b.nip, b.baris);
  }
  return baris.filter((b) => b.masalah.length);
}

export function createImporNasionalService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  pekerjaan: Pick<PekerjaanService, 'impor'>;
}) {
  const { db, clock, audit } = deps;

  /** The employees of these NIPs, their approved plans of the year and the evaluations stored. */
  async function muat(instansiId: number, tahun: number, nips: string[]) {
    const pegawai = new Map((await q.pegawaiByNip(db, instansiId, nips)).map((p) => [p.nip, p]));
    const skps = await q.skpDisetujui(
      db,
      [...pegawai.values()].map((p) => p.id),
      tahun,
    );
    const tersimpan = await q.penilaianAda(
      db,
      skps.map((s) => s.id),
      tahun,
    );
    return { pegawai, skps, ada: new Map(tersimpan.map((r) => [`${r.skpId}:${r.periodeKode}`, r])) };
  }

  /** The file against the database: the report, and the months a commit would write. */
  async function periksa(actor: Actor, tahun: number, baris: BarisNasional[], ambil: Set<string>) {
    const kesalahan: ImporNasionalResponse['kesalahan'] = [];
    const tidakDikenal: ImporNasionalResponse['tidakDikenal'] = [];
    const tanpaSkp: ImporNasionalResponse['tanpaSkp'] = [];
    const konflik: ImporNasionalResponse['konflik'] = [];
    const tulis: Tulis[] = [];
    let tidakBerubah = 0;

    for (const b of tandaiGanda(baris)) kesalahan.push({ baris: b.baris, nip: b.nip, alasan: b.masalah });
    const bersih = baris.filter((b): b is BarisNasional & { nip: string } => !b.masalah.length && !!b.nip);
    const { pegawai, skps, ada } = await muat(
      actor.instansiId,
      tahun,
      bersih.map((b) => b.nip),
    );

    for (const b of bersih) {
      const p = pegawai.get(b.nip);
      if (!p) {
        tidakDikenal.push({ baris: b.baris, nip: b.nip, nama: b.nama });
        continue;
      }
      for (const [bulan, predikat] of b.bulan) {
        const periodeKode = formatYearMonth(tahun, bulan);
        const bulanIni = { baris: b.baris, nip: p.nip, nama: p.nama, periode: periodeKode };
        const skp = skpBulan(skps, p.id, periodeKode);
        if (!skp) {
          tanpaSkp.push(bulanIni);
          continue;
        }
        const lama = ada.get(`${skp.id}:${periodeKode}`) ?? null;
        // The same predikat is no change and no choice, whichever source holds it.
        if (lama?.predikat === predikat) {
          tidakBerubah++;
          continue;
        }
        if (lama?.sumber === 'LOKAL') {
          const kunci = kunciKonflik(p.nip, periodeKode);
          konflik.push({
            ...bulanIni,
            kunci,
            predikatLokal: lama.predikat,
            predikatNasional: predikat,
            penilaiLokal: lama.penilaiNama,
            dinilaiAt: new Date(lama.at).toISOString(),
          });
          if (!ambil.has(kunci)) continue;
        }
        tulis.push({ pegawai: p, skp, periodeKode, predikat, ada: lama });
      }
    }
    const tak = [...ambil].filter((k) => !konflik.some((c) => c.kunci === k));
    if (tak.length)
      throw new AppError(
        'VALIDATION_FAILED',
        { ambilNasional: tak },
        `Pilihan ${tak.join(', ')} bukan konflik dalam berkas ini; periksa ulang berkasnya dan pilih lagi.`,
      );
    const laporan = {
      tahun,
      jumlahBaris: baris.length,
      kesalahan,
      tidakDikenal,
      tanpaSkp,
      konflik,
      baru: tulis.filter((t) => !t.ada).length,
      gantiImpor: tulis.filter((t) => t.ada?.sumber === 'IMPOR_NASIONAL').length,
      tidakBerubah,
    };
    return { laporan, tulis };
  }

  /** Writes the months and their audit rows; all or nothing. */
  async function terapkan(
    actor: Actor,
    file: ImportFile,
    tulis: Tulis[],
    meta: Meta,
    kemajuan?: KemajuanImpor,
  ) {
    const at = clock.now();
    const entries: AuditInput[] = [];
    await db.transaction(async (tx) => {
      for (const [i, t] of tulis.entries()) {
        const [ratingHasilKerja, ratingPerilaku] = RATING_KANONIK[t.predikat];
        // The plan's assessor stands as penilai (the column is required); the admin when it has none.
        const nilai = {
          ratingHasilKerja,
          ratingPerilaku,
          predikat: t.predikat,
          penilaiId: t.skp.pejabatPenilaiId ?? actor.id,
          at,
        };
        const id = t.ada
          ? (await q.gantiDenganNasional(tx, t.ada.id, t.ada.version, nilai)) && t.ada.id
          : await q.insertNasional(tx, t.skp.id, t.periodeKode, nilai);
        // Rated or imported by someone else since the check: nothing is written, the BKD runs it again.
        if (!id) throw new AppError('VERSION_CONFLICT');
        entries.push({
          instansiId: actor.instansiId,
          opdId: t.pegawai.opdId,
          actorId: actor.id,
          action: 'penilaian.impor_nasional',
          entity: 'penilaian',
          entityId: id,
          before: t.ada && { predikat: t.ada.predikat, sumber: t.ada.sumber },
          after: {
            skpId: t.skp.id,
            periodeKode: t.periodeKode,
            predikat: t.predikat,
            sumber: 'IMPOR_NASIONAL',
          },
          reason: `Impor ${file.filename}`,
          requestId: meta.requestId,
        });
        kemajuan?.(i + 1, tulis.length);
      }
      entries.push({
        instansiId: actor.instansiId,
        actorId: actor.id,
        action: 'impor.nasional',
        entity: 'impor',
        entityId: meta.requestId,
        after: {
          dibuat: tulis.filter((t) => !t.ada).length,
          diganti: tulis.filter((t) => t.ada).length,
          ambilNasional: tulis
            .filter((t) => t.ada?.sumber === 'LOKAL')
            .map((t) => kunciKonflik(t.pegawai.nip, t.periodeKode)),
        },
        reason: `Impor ${file.filename}`,
        requestId: meta.requestId,
      });
      await audit.recordMany(tx, actor.instansiId, entries);
    });
  }

  async function impor(
    actor: Actor,
    tahun: number,
    file: ImportFile,
    mode: Mode,
    ambilNasional: string[],
    meta: Meta,
    kemajuan?: KemajuanImpor,
  ): Promise<ImporNasionalResponse> {
    const baris = parseLaporanNasional(await readSpreadsheet(file.data, BATAS_BERKAS_NASIONAL));
    const { laporan, tulis } = await periksa(actor, tahun, baris, new Set(ambilNasional));
    const report = { mode, ...laporan };
    if (mode === 'dry-run') return { ...report, diterapkan: null };
    if (laporan.kesalahan.length) throw new AppError('IMPORT_INVALID', report);
    await terapkan(actor, file, tulis, meta, kemajuan);
    const lokal = tulis.filter((t) => t.ada?.sumber === 'LOKAL').length;
    return {
      ...report,
      diterapkan: {
        dibuat: laporan.baru,
        diganti: tulis.length - laporan.baru,
        lokalDipertahankan: laporan.konflik.length - lokal,
      },
    };
  }

  return {
    impor,

    /** The commit as a job (ADR 0011): a file that does not read is refused here, before any job. */
    async imporLatar(actor: Actor, tahun: number, file: ImportFile, ambilNasional: string[], meta: Meta) {
      parseLaporanNasional(await readSpreadsheet(file.data, BATAS_BERKAS_NASIONAL));
      return deps.pekerjaan.impor(actor, {
        judul: `Impor hasil penilaian nasional ${tahun} (${file.filename})`,
        berkas: file,
        halaman: '/impor',
        terapkan: (berkas, kemajuan) => impor(actor, tahun, berkas, 'commit', ambilNasional, meta, kemajuan),
      });
    },
  };
}

export type ImporNasionalService = ReturnType<typeof createImporNasionalService>;
