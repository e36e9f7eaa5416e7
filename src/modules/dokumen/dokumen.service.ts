/**
 * Documents and exports: the SKP and the evaluation documents as A4 PDFs, a unit's documents as one
 * ZIP, and the SKP bawahan list as XLSX. Content comes from the services' read models (the SKP, the
 * month, the history), so a document shows what the API shows; the penilaian records come from this
 * module's queries. Every PDF is registered (dokumen_terbit) with a short code and the SHA-256 of the
 * exact bytes served, so anyone can check a print at the public verification page.
 */
import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import archiver, { type Archiver } from 'archiver';
import ExcelJS from 'exceljs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { z } from 'zod';
import type { JenisDokumen, VerifikasiBerkasOut, VerifikasiOut } from '../../contracts/dokumen.js';
import type { PekerjaanOut } from '../../contracts/pekerjaan.js';
import type { Identitas, SkpBawahanQuery } from '../../contracts/skp.js';
import type { Db } from '../../db/client.js';
import { labelPeriode, tahunKode } from '../../domain/jadwal.js';
import type { Distribusi } from '../../domain/kurva.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { PREDIKAT_PEGAWAI } from '../../domain/predikat.js';
import { bolehTetapkanPredikat } from '../../domain/realisasi-workflow.js';
import { STATUS_SKP_LABEL } from '../../domain/skp-workflow.js';
import { tempatDariNamaInstansi } from '../../domain/tempat.js';
import {
  formatKode,
  kodeDariAcak,
  masalahKode,
  normalisasiKode,
  PANJANG_KODE,
  samarkanNip,
} from '../../domain/verifikasi.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { barisAman } from '../../platform/sel-aman.js';
import { listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { PegawaiService } from '../pegawai/pegawai.service.js';
import type { PekerjaanService } from '../pekerjaan/pekerjaan.service.js';
import type { PengaturanService } from '../pengaturan/pengaturan.service.js';
import type { RealisasiService } from '../realisasi/realisasi.service.js';
import type { RiwayatService } from '../riwayat/riwayat.service.js';
import type { SkpService } from '../skp/skp.service.js';
import * as q from './dokumen.queries.js';
import { dokumenEvaluasiDocument } from './dokumen-evaluasi-pdf.js';
import { type EvaluasiData, evaluasiDocument, type HasilKerjaBaris } from './evaluasi-pdf.js';
import { renderPdf } from './pdf-render.js';
import { formatTanggal, type Verifikasi } from './pdf-umum.js';
import { penetapanDocument } from './penetapan-pdf.js';
import { formatTarget, skpDocument } from './skp-pdf.js';

const JUDUL: Record<JenisDokumen, string> = {
  SKP: 'Sasaran Kinerja Pegawai',
  EVALUASI_PERIODIK: 'Evaluasi Kinerja Pegawai Periodik',
  EVALUASI_TAHUNAN: 'Evaluasi Kinerja Pegawai Tahunan',
  DOKUMEN_EVALUASI: 'Dokumen Evaluasi Kinerja Pegawai',
  PENETAPAN_PREDIKAT: 'Penetapan Predikat Kinerja',
};

/** What the registry keeps about a print: who or which unit it is about and its period, nothing more. */
interface IdentitasDokumen {
  nama: string;
  nip: string | null;
  unitKerja: string | null;
  periode: string;
}

export interface Berkas {
  filename: string;
  data: Buffer;
  kode: string;
}

const angka = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });
const nilaiRealisasi = (r: { nilai: number | null; satuan: string | null; teks: string | null }) =>
  [
    r.nilai === null ? null : [angka.format(r.nilai), r.satuan?.trim()].filter(Boolean).join(' '),
    r.teks?.trim(),
  ]
    .filter(Boolean)
    .join(' — ');
const bareNip = (nip: string) => nip.replace(/\D/g, '');

function distribusiDari(found: { predikat: string; n: number }[]): Distribusi {
  const d = Object.fromEntries(PREDIKAT_PEGAWAI.map((p) => [p, 0])) as Distribusi;
  for (const r of found) if (r.predikat in d) d[r.predikat as keyof Distribusi] = r.n;
  return d;
}

export function createDokumenService(deps: {
  db: Db;
  clock: Clock;
  /** The public origin printed on every document, e.g. https://kinerja.gorontaloprov.go.id. */
  publicUrl: string;
  skp: Pick<SkpService, 'detail' | 'bawahan'>;
  realisasi: Pick<RealisasiService, 'pegawai' | 'periode'>;
  riwayat: Pick<RiwayatService, 'pegawai'>;
  pegawai: Pick<PegawaiService, 'identitas'>;
  zonaWaktu: (instansiId: number) => Promise<string>;
  pengaturan: Pick<PengaturanService, 'get'>;
  pekerjaan: Pick<PekerjaanService, 'mulai'>;
}) {
  const { db, clock, skp } = deps;
  const tanggalDi = async (at: Date | string | null, instansiId: number) =>
    at ? dateInZone(new Date(at), await deps.zonaWaktu(instansiId)) : null;

  /** The instansi's place of signing, or the region in its name. */
  async function tempatTandaTangan(instansiId: number): Promise<string> {
    const { tempatTandaTangan: tempat } = await deps.pengaturan.get(instansiId);
    return tempat ?? tempatDariNamaInstansi(await q.instansiNama(db, instansiId));
  }

  /**
   * Renders a document with a fresh code on it, then registers the SHA-256 of exactly those bytes:
   * the code must be inside what the hash covers, so it is chosen before rendering.
   */
  async function terbitkan(
    actor: Actor,
    jenis: JenisDokumen,
    identitas: IdentitasDokumen,
    build: (v: Verifikasi) => TDocumentDefinitions,
  ): Promise<{ data: Buffer; kode: string }> {
    // About 49 random bits; a collision would fail the unique index rather than mix two prints.
    const kode = kodeDariAcak(randomBytes(PANJANG_KODE));
    const tempat = await tempatTandaTangan(actor.instansiId);
    const data = await renderPdf(build({ kode, url: `${deps.publicUrl}/verifikasi/${kode}`, tempat }));
    const sha256 = createHash('sha256').update(data).digest('hex');
    await db.transaction((tx) =>
      q.insertTerbit(tx, {
        kode,
        instansiId: actor.instansiId,
        jenis,
        identitas: { judul: JUDUL[jenis], ...identitas },
        sha256,
        dicetakOlehId: actor.id,
        createdAt: clock.now(),
      }),
    );
    return { data, kode };
  }

  /** The printed identity of an employee as of today (for assessors not frozen in the plan). */
  async function identitasOf(actor: Actor, pegawaiId: number | null): Promise<Identitas | null> {
    return pegawaiId === null ? null : deps.pegawai.identitas(actor, pegawaiId);
  }

  const identitasPegawai = (i: Identitas, periode: string): IdentitasDokumen => ({
    nama: i.nama,
    nip: samarkanNip(i.nip),
    unitKerja: i.unitKerja,
    periode,
  });

  /** The unit the employee's organisation predikat and distribution are read for. */
  async function unitPegawai(pegawaiId: number, periodeKode: string) {
    const unit = await q.unorOfPegawai(db, pegawaiId);
    if (!unit) return { org: null, unit: null };
    const org = await q.predikatOrganisasiOf(db, unit.path, periodeKode);
    // The distribution is that of the unit whose predikat applies, else of the employee's own unit.
    return { org, unit: org ? { nama: org.unitNama, path: org.path } : unit };
  }

  /** The periodic evaluation's content; null when the employee has no approved plan for the period. */
  async function dataPeriodik(actor: Actor, pegawaiId: number, kode: string) {
    const bulan = await deps.realisasi.pegawai(actor, pegawaiId, kode);
    if (!bulan.skp) return null;
    const [detail, { org, unit }] = await Promise.all([
      skp.detail(actor, bulan.skp.id),
      unitPegawai(pegawaiId, bulan.periode.kode),
    ]);
    const distribusi = unit
      ? await q.distribusiUnit(db, actor.instansiId, unit.path, bulan.periode.kode)
      : [];
    const byRhk = new Map(bulan.items.map((i) => [i.rhk.id, i.realisasi]));
    const p = bulan.penilaian;
    // A predikat given before an item was sent back again is not final until the round ends.
    const izin = bolehTetapkanPredikat(
      bulan.items.flatMap((i) =>
        i.realisasi ? [{ status: i.realisasi.status, rencana: i.rhk.rencana }] : [],
      ),
    );
    const data: EvaluasiData = {
      jenis: 'PERIODIK',
      instansiNama: detail.instansiNama,
      periodeLabel: bulan.periode.label,
      pegawai: detail.identitas.pegawai,
      pejabatPenilai: detail.identitas.pejabatPenilai,
      capaianOrganisasi: org && { predikat: org.predikat, unitNama: org.unitNama },
      distribusi: { unitNama: unit?.nama ?? '-', jumlah: distribusiDari(distribusi) },
      hasilKerja: detail.rhk.map((r): HasilKerjaBaris => {
        const real = byRhk.get(r.id) ?? null;
        return {
          jenis: r.jenis,
          rencana: r.rencana,
          indikator: r.iki.map((k) => `${k.indikator}: ${formatTarget(k.target, detail.pendekatan)}`),
          realisasi: real ? [nilaiRealisasi(real)].filter(Boolean) : [],
          umpanBalik: real?.umpanBalik.map((u) => u.teks) ?? [],
        };
      }),
      perilaku: detail.perilaku.map((b) => ({
        nama: b.nama,
        ekspektasi: b.ekspektasi,
        umpanBalik: bulan.umpanBalikPerilaku.filter((u) => u.kode === b.kode).map((u) => u.teks),
      })),
      hasil: p && {
        ratingHasilKerja: p.ratingHasilKerja,
        ratingPerilaku: p.ratingPerilaku,
        predikat: p.predikat,
        catatan: p.catatan,
      },
      draf: !izin.ok
        ? `DRAF — ${izin.pesan}`
        : p
          ? null
          : `DRAF — penilaian periode ${bulan.periode.label} belum diberikan`,
      // The reader is in the employee's instansi (the access rule requires it): their zone dates it.
      tanggal: p ? await tanggalDi(p.at, actor.instansiId) : null,
    };
    return { data, periodeKode: bulan.periode.kode, nip: bulan.pegawai.nip };
  }

  async function evaluasiPeriodikPdf(actor: Actor, pegawaiId: number, kode: string): Promise<Berkas | null> {
    const found = await dataPeriodik(actor, pegawaiId, kode);
    if (!found) return null;
    const { data, kode: kodeVerifikasi } = await terbitkan(
      actor,
      'EVALUASI_PERIODIK',
      identitasPegawai(found.data.pegawai, found.data.periodeLabel),
      (v) => evaluasiDocument(found.data, v),
    );
    return {
      filename: `Evaluasi-Kinerja-${bareNip(found.nip)}-${found.periodeKode}.pdf`,
      data,
      kode: kodeVerifikasi,
    };
  }

  /** The annual evaluation of a plan with the plan, its year and the people named on it. */
  async function evaluasiTahunan(actor: Actor, skpId: number) {
    const found = await q.evaluasiOfSkp(db, skpId);
    if (!found)
      throw new AppError('NOT_FOUND', undefined, 'Evaluasi kinerja tahunan untuk SKP ini belum ada.');
    const { e, k } = found;
    // Signed in the national application: its documents are printed there, not re-issued here.
    if (e.sumber === 'IMPOR_NASIONAL')
      throw new AppError(
        'NOT_FOUND',
        undefined,
        'Hasil tahunan SKP ini diimpor dari aplikasi nasional; dokumen evaluasinya dicetak dari aplikasi nasional.',
      );
    const [detail, pejabatPenilai, atasanPejabatPenilai, { org, unit }] = await Promise.all([
      skp.detail(actor, skpId),
      identitasOf(actor, e.pejabatPenilaiId),
      identitasOf(actor, e.atasanPenilaiId),
      unitPegawai(e.pegawaiId, String(e.tahun)),
    ]);
    const draf = e.status === 'FINAL' ? null : 'DRAF — evaluasi kinerja tahunan belum final';
    return { e, k, detail, pejabatPenilai, atasanPejabatPenilai, org, unit, draf };
  }

  async function evaluasiTahunanPdf(actor: Actor, skpId: number): Promise<Berkas> {
    const { e, detail, pejabatPenilai, org, unit, draf } = await evaluasiTahunan(actor, skpId);
    const [riwayat, perilakuUb, distribusi, tanggal] = await Promise.all([
      deps.riwayat.pegawai(e.pegawaiId, e.tahun),
      q.umpanBalikPerilaku(db, skpId),
      unit ? q.distribusiTahunan(db, e.instansiId, unit.path, e.tahun) : Promise.resolve([]),
      tanggalDi(e.ditandatanganiPenilaiAt, e.instansiId),
    ]);
    const label = new Map(riwayat.periode.map((p) => [p.kode, p.label]));
    const sel = new Map(riwayat.rhk.map((r) => [r.id, r.sel]));
    const periodeLabel = `Tahun ${e.tahun}`;
    const data: EvaluasiData = {
      jenis: 'TAHUNAN',
      instansiNama: detail.instansiNama,
      periodeLabel,
      pegawai: detail.identitas.pegawai,
      pejabatPenilai,
      capaianOrganisasi: e.capaianOrganisasi && {
        predikat: e.capaianOrganisasi,
        unitNama: org?.unitNama ?? unit?.nama ?? '-',
      },
      distribusi: { unitNama: unit?.nama ?? '-', jumlah: distribusiDari(distribusi) },
      hasilKerja: detail.rhk.map((r): HasilKerjaBaris => {
        const cells = sel.get(r.id) ?? [];
        return {
          jenis: r.jenis,
          rencana: r.rencana,
          indikator: r.iki.map((i) => `${i.indikator}: ${formatTarget(i.target, detail.pendekatan)}`),
          realisasi: cells.flatMap((c) => {
            const v = nilaiRealisasi(c);
            return v ? [`${label.get(c.periodeKode) ?? c.periodeKode}: ${v}`] : [];
          }),
          umpanBalik: cells.flatMap((c) =>
            c.umpanBalikTerakhir
              ? [`${label.get(c.periodeKode) ?? c.periodeKode}: ${c.umpanBalikTerakhir.teks}`]
              : [],
          ),
        };
      }),
      perilaku: detail.perilaku.map((b) => ({
        nama: b.nama,
        ekspektasi: b.ekspektasi,
        umpanBalik: perilakuUb
          .filter((u) => u.kode === b.kode)
          .map((u) => `${label.get(u.periodeKode) ?? u.periodeKode}: ${u.teks}`),
      })),
      hasil: {
        ratingHasilKerja: e.ratingHasilKerja,
        ratingPerilaku: e.ratingPerilaku,
        predikat: e.predikat,
        catatan: e.catatan,
      },
      draf,
      tanggal: draf ? null : tanggal,
    };
    const { data: pdf, kode } = await terbitkan(
      actor,
      'EVALUASI_TAHUNAN',
      identitasPegawai(detail.identitas.pegawai, periodeLabel),
      (v) => evaluasiDocument(data, v),
    );
    return {
      filename: `Evaluasi-Kinerja-Tahunan-${bareNip(detail.identitas.pegawai.nip)}-${e.tahun}.pdf`,
      data: pdf,
      kode,
    };
  }

  async function dokumenEvaluasiPdf(actor: Actor, skpId: number): Promise<Berkas> {
    const { e, k, detail, pejabatPenilai, atasanPejabatPenilai, draf } = await evaluasiTahunan(actor, skpId);
    const putusan = k?.status === 'DIPUTUS' && k.keputusan ? k : null;
    const [tanggalPegawai, tanggalPenilai, tanggalPutusan] = await Promise.all([
      tanggalDi(e.ditandatanganiPegawaiAt, e.instansiId),
      tanggalDi(e.ditandatanganiPenilaiAt, e.instansiId),
      tanggalDi(putusan?.diputusAt ?? null, e.instansiId),
    ]);
    const { data, kode } = await terbitkan(
      actor,
      'DOKUMEN_EVALUASI',
      identitasPegawai(detail.identitas.pegawai, `Tahun ${e.tahun}`),
      (v) =>
        dokumenEvaluasiDocument(
          {
            instansiNama: detail.instansiNama,
            tahun: e.tahun,
            periodeRentang: `${formatTanggal(detail.periodeMulai)} s.d. ${formatTanggal(detail.periodeAkhir)}`,
            pegawai: detail.identitas.pegawai,
            pejabatPenilai,
            atasanPejabatPenilai,
            capaianOrganisasi: e.capaianOrganisasi,
            ratingHasilKerja: e.ratingHasilKerja,
            ratingPerilaku: e.ratingPerilaku,
            predikat: e.predikat,
            catatan: e.catatan,
            rekomendasi: e.rekomendasi,
            keberatan: putusan && {
              keputusan: putusan.keputusan!,
              ratingHasilKerja: putusan.ratingHasilKerjaBaru,
              ratingPerilaku: putusan.ratingPerilakuBaru,
              predikat: putusan.predikatBaru,
              pertimbangan: putusan.pertimbangan,
              tanggal: tanggalPutusan,
            },
            draf,
            tanggalPegawai,
            tanggalPenilai,
          },
          v,
        ),
    );
    return {
      filename: `Dokumen-Evaluasi-Kinerja-${bareNip(detail.identitas.pegawai.nip)}-${e.tahun}.pdf`,
      data,
      kode,
    };
  }

  /**
   * A unit's documents are for the leaders of the unit or of a unit above it, the BKD admin, the
   * tim penilai and the admin of the unit's OPD.
   */
  async function aksesUnit(actor: Actor, unorId: number) {
    const u = await q.findUnor(db, unorId);
    if (!u || u.instansiId !== actor.instansiId)
      throw new AppError('NOT_FOUND', undefined, 'Unit organisasi tidak ditemukan.');
    const { opdIds } = listScope(actor);
    if (opdIds === null || (u.opdId !== null && opdIds.includes(u.opdId))) return u;
    const today = dateInZone(clock.now(), await deps.zonaWaktu(u.instansiId));
    if (await q.memimpinUnit(db, actor.id, u.path, today)) return u;
    throw new AppError(
      'FORBIDDEN',
      undefined,
      'Dokumen unit ini hanya untuk pimpinan unit, atasannya, dan admin.',
    );
  }

  async function terdaftar(kodeInput: string) {
    const masalah = masalahKode(kodeInput);
    if (masalah) throw new AppError('VALIDATION_FAILED', { field: 'kode' }, masalah);
    // masalahKode and normalisasiKode apply the same rule: a code without a problem normalises.
    const d = await q.findTerbit(db, normalisasiKode(kodeInput)!);
    if (!d) throw new AppError('NOT_FOUND', undefined, 'Tidak ada dokumen yang diterbitkan dengan kode ini.');
    return d;
  }

  const labelPeriodeAtauTahun = async (instansiId: number, kode: string) =>
    /^\d{4}$/.test(kode) ? `Tahun ${kode}` : labelPeriode(await deps.realisasi.periode(instansiId, kode));

  /**
   * What a unit's ZIP holds: each PDF is rendered, registered and written before the next one is
   * made. A period gives the periodic evaluations; a year gives the annual evaluation and its
   * one-page summary where they exist. `sudah` hears how many employees are done.
   */
  async function zipIsi(actor: Actor, unorId: number, kode: string) {
    const u = await aksesUnit(actor, unorId);
    const tahunan = /^\d{4}$/.test(kode);
    const periodeLabel = await labelPeriodeAtauTahun(u.instansiId, kode);
    const anggota = await q.pegawaiUnit(db, u.path, tahunKode(kode));
    async function tulis(archive: Archiver, sudah: (n: number) => void) {
      // Waits until the entry went into the archive, so at most one PDF is held in memory.
      const masuk = (b: Berkas) =>
        new Promise<void>((resolve, reject) => {
          const onError = (err: Error) => reject(err);
          archive.once('error', onError);
          archive.once('entry', () => {
            archive.off('error', onError);
            resolve();
          });
          archive.append(b.data, { name: b.filename });
        });
      for (const [i, a] of anggota.entries()) {
        if (!tahunan) {
          const b = await evaluasiPeriodikPdf(actor, a.pegawaiId, kode);
          if (b) await masuk(b);
        } else if (a.evaluasiId !== null) {
          await masuk(await evaluasiTahunanPdf(actor, a.skpId));
          await masuk(await dokumenEvaluasiPdf(actor, a.skpId));
        }
        sudah(i + 1);
      }
      await archive.finalize();
    }
    return {
      filename: `Dokumen-Kinerja-${u.id}-${kode}.zip`,
      unitNama: u.nama,
      periodeLabel,
      jumlah: anggota.length,
      tulis,
    };
  }

  return {
    /** The SKP as the official A4 document; a plan not yet approved carries a draft mark. */
    async skpPdf(actor: Actor, id: number): Promise<Berkas> {
      const detail = await skp.detail(actor, id);
      // The reader is in the plan's instansi (the access rule requires it), so their zone dates the signature.
      const tanggalDisetujui = await tanggalDi(detail.disetujuiAt, actor.instansiId);
      const { data, kode } = await terbitkan(
        actor,
        'SKP',
        identitasPegawai(detail.identitas.pegawai, `Tahun ${detail.tahun} (versi ${detail.versi})`),
        (verifikasi) => skpDocument(detail, { tanggalDisetujui, verifikasi }),
      );
      return {
        // The printed NIP is grouped with spaces (SPEC §9); a file name wants the bare digits.
        filename: `SKP-${bareNip(detail.identitas.pegawai.nip)}-${detail.tahun}-v${detail.versi}.pdf`,
        data,
        kode,
      };
    },

    /** Evaluasi Kinerja Pegawai of a period; a period not yet rated carries a draft mark. */
    async evaluasiPeriodikPdf(actor: Actor, pegawaiId: number, kode: string): Promise<Berkas> {
      const berkas = await evaluasiPeriodikPdf(actor, pegawaiId, kode);
      if (!berkas)
        throw new AppError(
          'SKP_BELUM_DISETUJUI',
          { periode: kode },
          'Pegawai ini belum memiliki SKP yang disetujui untuk periode tersebut.',
        );
      return berkas;
    },

    evaluasiTahunanPdf,
    dokumenEvaluasiPdf,

    /** Penetapan Predikat Kinerja of a unit and period (or year), as the leader finalised it. */
    async penetapanPdf(actor: Actor, unorId: number, kode: string): Promise<Berkas> {
      const u = await aksesUnit(actor, unorId);
      const periodeLabel = await labelPeriodeAtauTahun(u.instansiId, kode);
      const p = await q.penetapanOf(db, unorId, kode);
      if (!p)
        throw new AppError(
          'NOT_FOUND',
          undefined,
          'Predikat kinerja unit ini untuk periode tersebut belum ditetapkan.',
        );
      const [penetap, tanggal, instansiNama] = await Promise.all([
        identitasOf(actor, p.ditetapkanOlehId),
        tanggalDi(p.ditetapkanAt, u.instansiId),
        q.instansiNama(db, u.instansiId),
      ]);
      const { data, kode: kodeVerifikasi } = await terbitkan(
        actor,
        'PENETAPAN_PREDIKAT',
        { nama: u.nama, nip: null, unitKerja: null, periode: periodeLabel },
        (v) =>
          penetapanDocument(
            {
              instansiNama,
              unitNama: u.nama,
              periodeLabel,
              predikatOrganisasi: p.predikatOrganisasi,
              jumlah: distribusiDari(
                PREDIKAT_PEGAWAI.map((x) => ({ predikat: x, n: Number(p.distribusi[x] ?? 0) })),
              ),
              belumFinal: Number(p.distribusi.belumFinal ?? 0),
              pelanggaran: p.pelanggaran,
              justifikasi: p.justifikasi,
              penetap,
              tanggal: tanggal!,
            },
            v,
          ),
      );
      return { filename: `Penetapan-Predikat-Kinerja-${u.id}-${kode}.pdf`, data, kode: kodeVerifikasi };
    },

    /**
     * The documents of every employee of the unit and the units below it as one ZIP, streamed.
     * Access and the period are checked before any byte is sent.
     */
    async zipUnit(
      actor: Actor,
      unorId: number,
      kode: string,
    ): Promise<{ filename: string; stream: Readable }> {
      const z = await zipIsi(actor, unorId, kode);
      const archive = archiver('zip', { zlib: { level: 6 } });
      z.tulis(archive, () => {}).catch((err: Error) => archive.destroy(err));
      return { filename: z.filename, stream: archive };
    },

    /**
     * The same ZIP as a job the user may leave (ADR 0011): refusals answer at once; then the job,
     * counting the employees whose documents are in, keeps the file for its owner to download.
     */
    async zipUnitLatar(actor: Actor, unorId: number, kode: string): Promise<PekerjaanOut> {
      const z = await zipIsi(actor, unorId, kode);
      return deps.pekerjaan.mulai(
        actor,
        { jenis: 'DOKUMEN_ZIP', judul: `Dokumen kinerja ${z.unitNama} ${z.periodeLabel}` },
        async (ctx) => {
          ctx.kemajuan(0, z.jumlah, 'Membuat dan mendaftarkan PDF setiap pegawai');
          const archive = archiver('zip', { zlib: { level: 6 } });
          const tulis = z
            .tulis(archive, (n) => ctx.kemajuan(n))
            .catch((err: Error) => {
              archive.destroy(err);
              throw err;
            });
          await Promise.all([ctx.simpanHasil(z.filename, archive), tulis]);
          return undefined;
        },
      );
    },

    /** The public check of a print: its identity, date and fingerprint; no performance data. */
    async verifikasi(kodeInput: string): Promise<VerifikasiOut> {
      const d = await terdaftar(kodeInput);
      const i = d.identitas;
      return {
        kode: formatKode(d.kode),
        jenis: d.jenis as JenisDokumen,
        judul: i.judul,
        instansi: d.instansiNama,
        nama: i.nama,
        nip: i.nip,
        unitKerja: i.unitKerja,
        periode: i.periode,
        dicetakAt: d.createdAt.toISOString(),
        tanggalCetak: formatTanggal(dateInZone(d.createdAt, d.zonaWaktu)),
        dicetakOleh: d.nama === null ? null : namaLengkap({ ...d, nama: d.nama }),
        sha256: d.sha256,
      };
    },

    /** Whether a file is exactly the registered print (same SHA-256). */
    async verifikasiBerkas(kodeInput: string, data: Buffer): Promise<VerifikasiBerkasOut> {
      const d = await terdaftar(kodeInput);
      const sha256 = createHash('sha256').update(data).digest('hex');
      const cocok = sha256 === d.sha256;
      return {
        cocok,
        sha256,
        pesan: cocok
          ? 'Berkas sama persis dengan dokumen yang diterbitkan dengan kode ini.'
          : 'Berkas TIDAK sama dengan dokumen yang diterbitkan dengan kode ini: berkas telah diubah atau bukan dokumen ini.',
      };
    },

    /**
     * The SKP bawahan list as a workbook, written row by row to a stream. The list is read first so
     * that refusals still answer as ordinary errors before any byte is sent.
     */
    async skpBawahanXlsx(
      actor: Actor,
      query: z.infer<typeof SkpBawahanQuery>,
    ): Promise<{ filename: string; stream: Readable }> {
      const [{ items }, zona] = await Promise.all([
        skp.bawahan(actor, query),
        deps.zonaWaktu(actor.instansiId),
      ]);
      const stream = new PassThrough();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream,
        useStyles: true,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet(`SKP Bawahan ${query.tahun}`, {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      sheet.columns = [
        { key: 'no', width: 6 },
        // NIP is an identifier of 18 digits: stored as text, never as a (rounded) number.
        { key: 'nip', width: 22, style: { numFmt: '@' } },
        { key: 'nama', width: 36 },
        { key: 'jabatan', width: 40 },
        { key: 'status', width: 14 },
        { key: 'diajukan', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
        { key: 'terlambat', width: 11 },
      ];
      sheet.autoFilter = 'A1:G1';

      const write = async () => {
        const header = sheet.addRow(['No', 'NIP', 'Nama', 'Jabatan', 'Status SKP', 'Diajukan', 'Terlambat']);
        header.font = { bold: true };
        header.commit();
        items.forEach((item, i) => {
          const row = sheet.addRow(
            barisAman({
              no: i + 1,
              nip: item.nip,
              nama: item.namaLengkap,
              jabatan: item.jabatanNama ?? '',
              status: item.status ? STATUS_SKP_LABEL[item.status] : 'Belum ada',
              // Excel dates have no zone: the calendar day in the instansi's zone, at midnight UTC.
              diajukan: item.diajukanAt
                ? new Date(`${dateInZone(new Date(item.diajukanAt), zona)}T00:00:00Z`)
                : null,
              terlambat: item.terlambat ? 'Ya' : 'Tidak',
            }),
          );
          row.getCell('nip').numFmt = '@';
          row.commit();
        });
        await workbook.commit();
      };
      write().catch((err: Error) => stream.destroy(err));
      return {
        filename: `SKP-bawahan-${query.tahun}.xlsx`,
        stream,
      };
    },
  };
}

export type DokumenService = ReturnType<typeof createDokumenService>;
