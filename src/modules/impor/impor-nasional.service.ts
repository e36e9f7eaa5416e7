/**
 * Results from the national application as a source (SPEC §12): its "Laporan Penilaian SKP" and
 * "Laporan SKP" become periodic evaluations and the annual evaluation marked IMPOR_NASIONAL, which
 * TPP, monitoring, angka kredit, the follow-up lists and the curves read like any other. A dry run
 * matches by NIP within the instansi and lists unknown NIPs, unreadable values, results without an
 * approved plan and results that already have a local evaluation; the commit writes them in one
 * transaction and never replaces a local evaluation the BKD did not name. A local periodic
 * evaluation is always final (it is stored when rated); a local annual one may be a draft, and is a
 * conflict all the same (ADR 0015).
 */
import type { ImporNasionalResponse } from '../../contracts/impor-nasional.js';
import type { Db, Tx } from '../../db/client.js';
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
type Laporan = ImporNasionalResponse;

/** One result to write: a month (`periodeKode` YYYY-MM) or the year (YYYY), new or over `ada`. */
type Tulis = { pegawai: q.PegawaiNip; skp: q.SkpTahun; periodeKode: string; predikat: PredikatPegawai } & (
  | { jenis: 'BULAN'; ada: q.PenilaianAda | null }
  | { jenis: 'TAHUN'; ada: q.EvaluasiAda | null }
);

/** The key of a conflict the BKD settles: NIP:YYYY-MM for a month, NIP:YYYY for the year. */
const kunciKonflik = (nip: string, periodeKode: string) => `${nip}:${periodeKode}`;

/** The plan that governs a month: approved, its range overlapping the month (rows come in order). */
function skpBulan(skps: q.SkpTahun[], pegawaiId: number, periodeKode: string) {
  const [mulai, akhir] = [`${periodeKode}-01`, `${periodeKode}-31`];
  return skps.find((s) => s.pegawaiId === pegawaiId && s.periodeMulai <= akhir && s.periodeAkhir >= mulai);
}

/**
 * The plan whose annual evaluation is the year's result: the last approved one (the latest end,
 * then the order of the rows), as db/predikat-akhir.ts evaluasiTahunanAkhir picks it.
 */
function skpTahun(skps: q.SkpTahun[], pegawaiId: number) {
  return skps
    .filter((s) => s.pegawaiId === pegawaiId)
    .reduce<q.SkpTahun | undefined>((a, s) => (a && a.periodeAkhir >= s.periodeAkhir ? a : s), undefined);
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

/** The dry run's lists and the results a commit would write, filled row by row. */
interface Periksa {
  laporan: Pick<Laporan, 'kesalahan' | 'tidakDikenal' | 'tanpaSkp' | 'konflik'>;
  tulis: Tulis[];
  tidakBerubah: number;
  ambil: Set<string>;
}

/** One result of a row against what is stored: unchanged, a conflict (written if chosen), or written. */
function timbang(
  x: Periksa,
  t: Tulis,
  lama: { predikat: PredikatPegawai; final: boolean; lokal: boolean } | null,
  konflik: () => Laporan['konflik'][number],
) {
  // The same final predikat is no change and no choice, whichever source holds it.
  if (lama?.final && lama.predikat === t.predikat) {
    x.tidakBerubah++;
    return;
  }
  if (lama?.lokal) {
    const k = konflik();
    x.laporan.konflik.push(k);
    if (!x.ambil.has(k.kunci)) return;
  }
  x.tulis.push(t);
}

/** The row's months: each against its plan's stored evaluation. */
function periksaBulan(x: Periksa, b: BarisNasional, p: q.PegawaiNip, tahun: number, m: Muatan) {
  for (const [bulan, predikat] of b.bulan) {
    const periodeKode = formatYearMonth(tahun, bulan);
    const bulanIni = { baris: b.baris, nip: p.nip, nama: p.nama, periode: periodeKode };
    const skp = skpBulan(m.skps, p.id, periodeKode);
    if (!skp) {
      x.laporan.tanpaSkp.push(bulanIni);
      continue;
    }
    const ada = m.ada.get(`${skp.id}:${periodeKode}`) ?? null;
    const lama = ada && { predikat: ada.predikat, final: true, lokal: ada.sumber === 'LOKAL' };
    timbang(x, { jenis: 'BULAN', pegawai: p, skp, periodeKode, predikat, ada }, lama, () => ({
      ...bulanIni,
      kunci: kunciKonflik(p.nip, periodeKode),
      predikatLokal: ada!.predikat,
      predikatNasional: predikat,
      statusLokal: 'FINAL',
      keberatan: false,
      penilaiLokal: ada!.penilaiNama,
      dinilaiAt: new Date(ada!.at).toISOString(),
    }));
  }
}

/** The row's annual predikat against the annual evaluation of the year's last plan. */
function periksaTahun(x: Periksa, b: BarisNasional, p: q.PegawaiNip, tahun: number, m: Muatan) {
  if (!b.tahunan) return;
  const periodeKode = String(tahun);
  const tahunIni = { baris: b.baris, nip: p.nip, nama: p.nama, periode: periodeKode };
  const skp = skpTahun(m.skps, p.id);
  if (!skp) {
    x.laporan.tanpaSkp.push(tahunIni);
    return;
  }
  const ada = m.evaluasi.get(skp.id) ?? null;
  const lama = ada && {
    predikat: ada.predikat,
    final: ada.status === 'FINAL',
    lokal: ada.sumber === 'LOKAL',
  };
  const t: Tulis = { jenis: 'TAHUN', pegawai: p, skp, periodeKode, predikat: b.tahunan, ada };
  timbang(x, t, lama, () => ({
    ...tahunIni,
    kunci: kunciKonflik(p.nip, periodeKode),
    predikatLokal: ada!.predikat,
    predikatNasional: b.tahunan!,
    statusLokal: ada!.status,
    keberatan: ada!.adaKeberatan,
    penilaiLokal: ada!.penilaiNama,
    dinilaiAt: new Date(ada!.at).toISOString(),
  }));
}

type Muatan = {
  pegawai: Map<string, q.PegawaiNip>;
  skps: q.SkpTahun[];
  ada: Map<string, q.PenilaianAda>;
  evaluasi: Map<number, q.EvaluasiAda>;
};

/** A choice the commit cannot take: not a conflict of this file, or an annual one under objection. */
function cekPilihan(ambil: Set<string>, konflik: Laporan['konflik']) {
  const tak = [...ambil].filter((k) => !konflik.some((c) => c.kunci === k));
  if (tak.length)
    throw new AppError(
      'VALIDATION_FAILED',
      { ambilNasional: tak },
      `Pilihan ${tak.join(', ')} bukan konflik dalam berkas ini; periksa ulang berkasnya dan pilih lagi.`,
    );
  const keberatan = konflik.filter((c) => c.keberatan && ambil.has(c.kunci)).map((c) => c.kunci);
  if (keberatan.length)
    throw new AppError(
      'VALIDATION_FAILED',
      { ambilNasional: keberatan },
      `Evaluasi tahunan ${keberatan.join(', ')} sudah diajukan keberatan; hasilnya diputus di sini, ` +
        'tidak diganti dengan hasil nasional.',
    );
}

export function createImporNasionalService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  pekerjaan: Pick<PekerjaanService, 'impor'>;
}) {
  const { db, clock, audit } = deps;

  /** The employees of these NIPs, their approved plans of the year and the evaluations stored. */
  async function muat(instansiId: number, tahun: number, nips: string[]): Promise<Muatan> {
    const pegawai = new Map((await q.pegawaiByNip(db, instansiId, nips)).map((p) => [p.nip, p]));
    const skps = await q.skpDisetujui(
      db,
      [...pegawai.values()].map((p) => p.id),
      tahun,
    );
    const skpIds = skps.map((s) => s.id);
    const [periodik, tahunan] = await Promise.all([
      q.penilaianAda(db, skpIds, tahun),
      q.evaluasiAda(db, skpIds),
    ]);
    return {
      pegawai,
      skps,
      ada: new Map(periodik.map((r) => [`${r.skpId}:${r.periodeKode}`, r])),
      evaluasi: new Map(tahunan.map((e) => [e.skpId, e])),
    };
  }

  /** The file against the database: the report, and the results a commit would write. */
  async function periksa(actor: Actor, tahun: number, baris: BarisNasional[], ambil: Set<string>) {
    const x: Periksa = {
      laporan: { kesalahan: [], tidakDikenal: [], tanpaSkp: [], konflik: [] },
      tulis: [],
      tidakBerubah: 0,
      ambil,
    };
    for (const b of tandaiGanda(baris))
      x.laporan.kesalahan.push({ baris: b.baris, nip: b.nip, alasan: b.masalah });
    const bersih = baris.filter((b): b is BarisNasional & { nip: string } => !b.masalah.length && !!b.nip);
    const m = await muat(
      actor.instansiId,
      tahun,
      bersih.map((b) => b.nip),
    );
    for (const b of bersih) {
      const p = m.pegawai.get(b.nip);
      if (!p) x.laporan.tidakDikenal.push({ baris: b.baris, nip: b.nip, nama: b.nama });
      else {
        periksaBulan(x, b, p, tahun, m);
        periksaTahun(x, b, p, tahun, m);
      }
    }
    cekPilihan(ambil, x.laporan.konflik);
    const laporan = {
      tahun,
      jumlahBaris: baris.length,
      ...x.laporan,
      baru: x.tulis.filter((t) => !t.ada).length,
      baruTahunan: x.tulis.filter((t) => !t.ada && t.jenis === 'TAHUN').length,
      gantiImpor: x.tulis.filter((t) => t.ada?.sumber === 'IMPOR_NASIONAL').length,
      tidakBerubah: x.tidakBerubah,
    };
    return { laporan, tulis: x.tulis };
  }

  /** Writes one result; its id, or null when what the check read has changed since. */
  async function tulisSatu(tx: Tx, actor: Actor, t: Tulis, at: Date) {
    const [ratingHasilKerja, ratingPerilaku] = RATING_KANONIK[t.predikat];
    // The plan's assessor stands as penilai (the column is required); the admin when it has none.
    const nilai = {
      ratingHasilKerja,
      ratingPerilaku,
      predikat: t.predikat,
      penilaiId: t.skp.pejabatPenilaiId ?? actor.id,
      at,
    };
    if (t.jenis === 'BULAN')
      return t.ada
        ? (await q.gantiDenganNasional(tx, t.ada.id, t.ada.version, nilai)) && t.ada.id
        : await q.insertNasional(tx, t.skp, t.periodeKode, nilai);
    const rencana = {
      instansiId: actor.instansiId,
      skpId: t.skp.id,
      pegawaiId: t.pegawai.id,
      tahun: Number(t.periodeKode),
    };
    return t.ada
      ? (await q.gantiTahunanNasional(tx, t.ada.id, t.ada.version, nilai)) && t.ada.id
      : await q.insertTahunanNasional(tx, rencana, nilai);
  }

  /** Writes the results and their audit rows; all or nothing. */
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
        const id = await tulisSatu(tx, actor, t, at);
        // Rated or imported by someone else since the check: nothing is written, the BKD runs it again.
        if (!id) throw new AppError('VERSION_CONFLICT');
        const bulan = t.jenis === 'BULAN';
        entries.push({
          instansiId: actor.instansiId,
          opdId: t.pegawai.opdId,
          actorId: actor.id,
          action: bulan ? 'penilaian.impor_nasional' : 'evaluasi.impor_nasional',
          entity: bulan ? 'penilaian' : 'evaluasi_tahunan',
          entityId: id,
          before: t.ada && {
            predikat: t.ada.predikat,
            sumber: t.ada.sumber,
            ...(t.jenis === 'TAHUN' && { status: t.ada.status }),
          },
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
    const { jenis, baris } = parseLaporanNasional(await readSpreadsheet(file.data, BATAS_BERKAS_NASIONAL));
    const { laporan, tulis } = await periksa(actor, tahun, baris, new Set(ambilNasional));
    const report = { mode, jenisBerkas: jenis, ...laporan };
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
        // Two imports share the page: the section names whose report the tray's link opens.
        halaman: '/impor?bagian=nasional',
        terapkan: (berkas, kemajuan) => impor(actor, tahun, berkas, 'commit', ambilNasional, meta, kemajuan),
      });
    },
  };
}

export type ImporNasionalService = ReturnType<typeof createImporNasionalService>;
