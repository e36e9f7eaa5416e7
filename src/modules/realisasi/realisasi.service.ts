/**
 * The monthly cycle (SPEC §5.2–5.3, §6.2): the employee fills and submits the realisasi of each RHK of
 * the approved plan per period; the pejabat penilai accepts or sends back with a direction, gives
 * feedback and sets the period's ratings. Status changes only through realisasi-workflow.ts; every
 * write checks its window of the schedule (jadwal) before the transaction opens.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  type AjukanBody,
  BERKAS_MAKS_BYTE,
  BERKAS_MAKS_JUMLAH,
  type BuktiDukungOut,
  type NilaiBody,
  type PenilaianBody,
  type RealisasiBulanOut,
  type RealisasiOut,
  type SimpanRealisasiBody,
} from '../../contracts/realisasi.js';
import type { Db, Tx } from '../../db/client.js';
import {
  type JadwalConfig,
  JENIS_JENDELA,
  JENIS_JENDELA_LABEL,
  type JenisJendela,
  jendelaPeriode,
  labelPeriode,
  type Periode,
  tahunKode,
  tutupPeriode,
} from '../../domain/jadwal.js';
import { nilaiDariLog, ringkasanLog } from '../../domain/log-harian.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { PREDIKAT_PEGAWAI_LABEL, predikatKinerja, sarankanRatingHasilKerja } from '../../domain/predikat.js';
import {
  bolehTetapkanPredikat,
  editWindow,
  isEditableByPegawai,
  type RealisasiTransition,
  requiredWindows,
  STATUS_REALISASI,
  STATUS_REALISASI_LABEL,
  type StatusRealisasi,
  transition,
} from '../../domain/realisasi-workflow.js';
import {
  aturanEskalasi,
  isMenungguPenilaian,
  isPenilaianUlangTerbuka,
  isTereskalasi,
  jendelaPenilaian,
} from '../../domain/tenggat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Storage } from '../../platform/storage.js';
import type { AuditInput, AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { DelegasiService } from '../delegasi/delegasi.service.js';
import { type JadwalService, resolvePeriode, tenggatDiZona } from '../jadwal/jadwal.service.js';
import type { KurvaService } from '../kurva/kurva.service.js';
import type { MasukanRekanService } from '../masukan-rekan/masukan-rekan.service.js';
import type { NotifikasiService } from '../notifikasi/notifikasi.service.js';
import type { PegawaiService } from '../pegawai/pegawai.service.js';
import type { SiasnService } from '../siasn/siasn.service.js';
import * as lq from './log-harian.queries.js';
import * as q from './realisasi.queries.js';

type Meta = { requestId: string };
/** A write an offline client may repeat: `klaim` claims its idempotency key first in the transaction. */
type MetaIdempoten = Meta & { klaim?: ((tx: Tx) => Promise<void>) | undefined };
type IsiDraf = Omit<z.infer<typeof SimpanRealisasiBody>, 'version'>;

/** Where a draft is written: the RHK of the approved plan in a period, and its realisasi as read. */
export interface TargetDraf {
  instansiId: number;
  skpId: number;
  rhkId: number;
  periodeKode: string;
  existing: {
    id: number;
    version: number;
    status: StatusRealisasi;
    rencanaAksi: string | null;
    targetAksi: string | null;
    nilai: number | null;
    satuan: string | null;
    teks: string | null;
  } | null;
}
type Nama = { gelarDepan: string | null; nama: string; gelarBelakang: string | null };

/** The type of an evidence file from its first bytes (never its name or declared type). */
export function jenisBerkas(data: Buffer): { mime: string; ext: string[] } | null {
  if (data.subarray(0, 5).equals(Buffer.from('%PDF-'))) return { mime: 'application/pdf', ext: ['.pdf'] };
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { mime: 'image/png', ext: ['.png'] };
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff)
    return { mime: 'image/jpeg', ext: ['.jpg', '.jpeg'] };
  return null;
}

/** The original name without any path, control or odd characters, ending with the detected type's extension. */
export function namaBerkasAman(nama: string, ext: string[]): string {
  const base = (nama.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const tanpaAneh = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  // Cut by code point: a letter outside the BMP is two UTF-16 units and must not be cut in half.
  let clean = Array.from(tanpaAneh).slice(0, 150).join('');
  if (!clean) clean = 'berkas';
  return ext.some((e) => clean.toLowerCase().endsWith(e)) ? clean : `${clean}${ext[0]}`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const orang = (id: number, n: Nama) => ({ id, namaLengkap: namaLengkap(n) });

function mustTransition(current: StatusRealisasi, t: RealisasiTransition): StatusRealisasi {
  const result = transition(current, t);
  if (!result.ok)
    throw new AppError(
      result.code === 'ARAHAN_REQUIRED' ? 'VALIDATION_FAILED' : result.code,
      result.code === 'ARAHAN_REQUIRED' ? { field: 'arahan' } : { status: current },
      result.message,
    );
  return result.status;
}

export function createRealisasiService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  pegawai: Pick<PegawaiService, 'penilaiSkp'>;
  jadwal: Pick<JadwalService, 'config' | 'izinJendela'>;
  notifikasi: Pick<NotifikasiService, 'kirim'>;
  storage: Storage;
  delegasi: Pick<DelegasiService, 'berlaku'>;
  kurva: Pick<KurvaService, 'saranKepalaUnit'>;
  masukanRekan: Pick<MasukanRekanService, 'untukBulan'>;
  siasn: Pick<SiasnService, 'antrekan'>;
}) {
  const { db, clock, audit, jadwal, notifikasi, storage } = deps;

  async function pegawaiOf(id: number) {
    const p = await q.findPegawai(db, id);
    if (!p) throw new AppError('NOT_FOUND', undefined, 'Pegawai tidak ditemukan.');
    return p;
  }

  /** The instansi's schedule and the period a code names under it. */
  async function periodeOf(
    instansiId: number,
    kode: string,
  ): Promise<{ cfg: JadwalConfig; periode: Periode }> {
    const cfg = await jadwal.config(instansiId);
    return { cfg, periode: resolvePeriode(kode, cfg) };
  }

  const skpFor = (pegawaiId: number, periode: Periode) =>
    q.approvedSkpFor(db, pegawaiId, periode.tahun, `${periode.mulai}-01`, `${periode.akhir}-01`);

  async function skpWajib(pegawaiId: number, periode: Periode) {
    const s = await skpFor(pegawaiId, periode);
    if (!s)
      throw new AppError(
        'SKP_BELUM_DISETUJUI',
        { periode: periode.kode },
        `Belum ada SKP yang disetujui untuk periode ${labelPeriode(periode)}; realisasi diisi per RHK dari SKP yang disetujui.`,
      );
    return s;
  }

  /**
   * How the actor assesses the plan's periods today: as the pejabat penilai (pegawai.penilaiSkp: the
   * direct superior, the head of region for a JPT plan, the old position's superior for a plan left
   * by a mutation); as his delegate, in his name, while a delegation is in force; or as the atasan
   * pejabat penilai, who takes over only what escalated (domain/tenggat.ts).
   */
  async function peranPenilai(
    actor: Actor,
    pegawaiId: number,
    s: { id: number; instansiId: number; isJpt: boolean },
  ) {
    const { penilaiId, atasanId } = await deps.pegawai.penilaiSkp(s.id, s.instansiId);
    let peran: 'PENILAI' | 'DELEGASI' | 'ATASAN' | null = null;
    if (actor.id === pegawaiId || penilaiId === null) peran = null;
    else if (penilaiId === actor.id) peran = 'PENILAI';
    else if (await deps.delegasi.berlaku(actor.id, penilaiId, s.instansiId)) peran = 'DELEGASI';
    else if (!s.isJpt && atasanId === actor.id) peran = 'ATASAN';
    return { penilaiId, peran };
  }

  const bukanPenilai = () =>
    new AppError(
      'FORBIDDEN',
      undefined,
      'Hanya pejabat penilai pegawai ini (atau penerima delegasinya) yang dapat menilai.',
    );
  const belumEskalasi = () =>
    new AppError(
      'FORBIDDEN',
      { eskalasi: false },
      'Atasan pejabat penilai hanya dapat menilai realisasi yang melewati batas waktu penilaian pejabat penilai (eskalasi).',
    );

  /** Whether the employee's assessment windows of the period are open now (exceptions included). */
  async function izinPenilaian(pegawaiId: number, periodeKode: string) {
    const izin = await jadwal.izinJendela(pegawaiId, periodeKode);
    return (jenis: JenisJendela) => izin[jenis].ok;
  }

  /**
   * Whether an item of the period escalated now: past its regular deadline, with no exception keeping
   * one of its windows open (`izin` tells, as the jadwal service decides).
   */
  function tereskalasi(periode: Periode, cfg: JadwalConfig, izin: (jenis: JenisJendela) => boolean) {
    const now = clock.now();
    return (status: StatusRealisasi) =>
      isMenungguPenilaian(status) &&
      isTereskalasi(now, status, periode, cfg) &&
      !jendelaPenilaian(status).some(izin);
  }

  /**
   * The atasan pejabat penilai decides on the employee's period while one of its items is escalated,
   * and keeps it once they gave a verdict in it (so the ratings can follow the last verdict).
   */
  function atasanMengambilAlih(
    actor: Actor,
    items: { status: StatusRealisasi }[],
    riwayat: { olehId: number; aksi: string }[],
    eskalasi: (status: StatusRealisasi) => boolean,
  ) {
    return (
      items.some((r) => eskalasi(r.status)) ||
      riwayat.some((h) => h.olehId === actor.id && (h.aksi === 'TERIMA' || h.aksi === 'PERLU_PERBAIKAN'))
    );
  }

  /** Whether the period had a correction round: an item of it was sent back at least once. */
  const setelahPerbaikan = (riwayat: readonly { aksi: string }[]) =>
    riwayat.some((h) => h.aksi === 'PERLU_PERBAIKAN');

  /**
   * One of the windows must be open for the employee (or an exception for them or their unit).
   * Reads outside any transaction (PGlite has one connection).
   */
  async function assertJendela(pegawaiId: number, windows: JenisJendela[], periodeKode: string) {
    const izin = await jadwal.izinJendela(pegawaiId, periodeKode);
    const pesan: string[] = [];
    for (const jenis of windows) {
      const i = izin[jenis];
      if (i.ok) return;
      pesan.push(i.pesan);
    }
    throw new AppError(
      'WINDOW_CLOSED',
      { jendela: windows, periode: periodeKode },
      `Di luar jadwal, tidak ada yang disimpan. ${pesan.join(' ')}`,
    );
  }

  /** The month of one employee: plan RHKs with their realisasi, the windows, feedback, ratings, suggestion. */
  async function bulan(actor: Actor, pegawaiId: number, kode: string): Promise<RealisasiBulanOut> {
    const p = await pegawaiOf(pegawaiId);
    const { cfg, periode } = await periodeOf(p.instansiId, kode);
    const now = clock.now();
    const jendela: RealisasiBulanOut['jendela'] = [];
    const izinSemua = await jadwal.izinJendela(pegawaiId, periode.kode, cfg);
    for (const jenis of JENIS_JENDELA) {
      const j = jendelaPeriode(jenis, periode, cfg);
      const izin = izinSemua[jenis];
      jendela.push({
        jenis,
        label: JENIS_JENDELA_LABEL[jenis],
        periodeKode: periode.kode,
        mulai: j.mulai.toISOString(),
        akhir: j.akhir.toISOString(),
        tanggalMulai: dateInZone(j.mulai, cfg.zonaWaktu),
        tanggalAkhir: dateInZone(j.akhir, cfg.zonaWaktu),
        status:
          now < j.mulai
            ? ('BELUM_DIBUKA' as const)
            : now <= j.akhir
              ? ('DIBUKA' as const)
              : ('DITUTUP' as const),
        izin: izin.ok,
        pesan: izin.ok ? null : izin.pesan,
        tenggat: tenggatDiZona(now, cfg.zonaWaktu, j.akhir, now < j.mulai ? j.mulai : null),
      });
    }
    const izinOf = (jenis: JenisJendela) => jendela.find((j) => j.jenis === jenis)!.izin;
    const jumlah = Object.fromEntries(
      ['BELUM_DIISI', ...STATUS_REALISASI].map((s) => [s, 0]),
    ) as RealisasiBulanOut['jumlah'];
    const base = {
      periode: {
        kode: periode.kode,
        label: labelPeriode(periode),
        mulai: periode.mulai,
        akhir: periode.akhir,
      },
      pegawai: { id: p.id, nip: p.nip, namaLengkap: namaLengkap(p) },
      jendela,
    };
    const penilaianUlang = (setelah: boolean) => ({
      item: isPenilaianUlangTerbuka(now, periode, cfg, true),
      rating: isPenilaianUlangTerbuka(now, periode, cfg, setelah),
      sampai: tutupPeriode(periode, cfg).toISOString(),
    });

    const s = await skpFor(pegawaiId, periode);
    if (!s)
      return {
        ...base,
        skp: null,
        pejabatPenilai: null,
        items: [],
        jumlah,
        umpanBalikPerilaku: [],
        masukanRekan: [],
        penilaian: null,
        saran: null,
        dapatMenilai: false,
        menilaiSebagai: null,
        penilaianUlang: penilaianUlang(false),
      };

    const rhks = await q.rhkOf(db, s.id);
    const [ikis, found, { penilaiId, peran }, penilaian, umpan, saranOrganisasi] = await Promise.all([
      q.ikiOf(
        db,
        rhks.map((r) => r.id),
      ),
      q.realisasiOfSkp(db, s.id, periode.kode),
      peranPenilai(actor, pegawaiId, s),
      q.findPenilaian(db, s.id, periode.kode),
      q.umpanBalikOf(db, s.id, periode.kode),
      deps.kurva.saranKepalaUnit(pegawaiId, s.instansiId, periode.kode),
    ]);
    const ids = found.map((r) => r.id);
    const [bukti, riwayat, penilaiRow, logTotal] = await Promise.all([
      q.buktiOf(db, ids),
      q.riwayatOf(db, periode.tahun, ids),
      penilaiId === null ? Promise.resolve([]) : q.pegawaiByIds(db, [penilaiId]),
      lq.totalLog(db, ids),
    ]);
    const isOwner = actor.id === pegawaiId;
    const dapatMenilai =
      peran === 'PENILAI' ||
      peran === 'DELEGASI' ||
      (peran === 'ATASAN' && atasanMengambilAlih(actor, found, riwayat, tereskalasi(periode, cfg, izinOf)));
    const masukanRekan = await deps.masukanRekan.untukBulan(actor, pegawaiId, periode.kode, dapatMenilai);

    const out = (r: (typeof found)[number]): RealisasiOut => {
      const w = editWindow(r.status);
      return {
        id: r.id,
        status: r.status,
        rencanaAksi: r.rencanaAksi,
        targetAksi: r.targetAksi,
        nilai: r.nilai === null ? null : Number(r.nilai),
        satuan: r.satuan,
        teks: r.teks,
        capaian: r.capaian,
        arahan: r.arahan,
        pejabatPenilaiId: r.pejabatPenilaiId,
        diajukanAt: iso(r.diajukanAt),
        dinilaiAt: iso(r.dinilaiAt),
        version: r.version,
        buktiDukung: bukti.filter((b) => b.realisasiId === r.id).map(buktiOut),
        riwayat: riwayat
          .filter((h) => h.realisasiId === r.id)
          .map((h) => ({
            putaran: h.putaran,
            aksi: h.aksi,
            oleh: orang(h.olehId, h),
            catatan: h.catatan,
            at: h.at.toISOString(),
          })),
        umpanBalik: umpan
          .filter((u) => u.realisasiId === r.id)
          .map((u) => ({ id: u.id, teks: u.teks, oleh: orang(u.olehId, u), at: u.at.toISOString() })),
        log: ringkasanLog(
          logTotal.filter((l) => l.realisasiId === r.id),
          r.satuan,
        ),
        dapatDiubah: isOwner && isEditableByPegawai(r.status) && w !== null && izinOf(w),
      };
    };

    const byRhk = new Map(found.map((r) => [r.rhkId, r]));
    for (const r of rhks) {
      const st = byRhk.get(r.id)?.status;
      jumlah[st ?? 'BELUM_DIISI']++;
    }
    return {
      ...base,
      skp: { id: s.id, tahun: s.tahun, versi: s.versi },
      pejabatPenilai: penilaiRow[0] ? orang(penilaiRow[0].id, penilaiRow[0]) : null,
      items: rhks.map((r) => {
        const row = byRhk.get(r.id);
        return {
          rhk: {
            ...r,
            iki: ikis
              .filter((k) => k.rhkId === r.id)
              .map(({ rhkId: _, targetNilai, ...k }) => ({
                ...k,
                targetNilai: targetNilai === null ? null : Number(targetNilai),
              })),
          },
          realisasi: row ? out(row) : null,
        };
      }),
      jumlah,
      umpanBalikPerilaku: umpan
        .filter((u) => u.realisasiId === null && u.kode !== null)
        .map((u) => ({ kode: u.kode!, teks: u.teks, oleh: orang(u.olehId, u), at: u.at.toISOString() })),
      masukanRekan,
      penilaian: penilaian && {
        ratingHasilKerja: penilaian.ratingHasilKerja,
        ratingPerilaku: penilaian.ratingPerilaku,
        predikat: penilaian.predikat,
        predikatLabel: PREDIKAT_PEGAWAI_LABEL[penilaian.predikat],
        catatan: penilaian.catatan,
        penilai: orang(penilaian.penilaiId, penilaian),
        version: penilaian.version,
        at: penilaian.at.toISOString(),
      },
      // A unit head's rating follows the unit's organisation predikat (SPEC §6.3); otherwise only
      // accepted items carry a final capaian.
      saran:
        saranOrganisasi ??
        sarankanRatingHasilKerja(
          found
            .filter((r) => r.status === 'DITERIMA' && r.capaian !== null)
            .map((r) => ({ jenis: r.rhkJenis, capaian: r.capaian! })),
        ),
      dapatMenilai,
      menilaiSebagai:
        !dapatMenilai || peran === 'PENILAI' ? null : peran === 'DELEGASI' ? 'DELEGASI' : 'ESKALASI',
      penilaianUlang: penilaianUlang(setelahPerbaikan(riwayat)),
    };
  }

  function buktiOut(b: Awaited<ReturnType<typeof q.buktiOf>>[number]): BuktiDukungOut {
    const n = Number(b.jumlahDuplikat ?? 0);
    return {
      id: b.id,
      jenis: b.jenis,
      url: b.url,
      deskripsi: b.deskripsi,
      namaBerkas: b.namaBerkas,
      mime: b.mime,
      ukuran: b.ukuran,
      duplikat: n > 0,
      jumlahDuplikat: n,
    };
  }

  /** The realisasi of the actor, still editable by them, with its window open (as for the draft save). */
  async function realisasiDapatDiubah(actor: Actor, id: number) {
    const r = await q.findRealisasi(db, id);
    if (!r || r.pegawaiId !== actor.id)
      throw new AppError('NOT_FOUND', undefined, 'Realisasi tidak ditemukan.');
    const window = editWindow(r.status);
    if (!isEditableByPegawai(r.status) || !window)
      throw new AppError(
        'REALISASI_NOT_EDITABLE',
        { status: r.status },
        `Realisasi berstatus ${STATUS_REALISASI_LABEL[r.status]} tidak dapat diubah.`,
      );
    await assertJendela(actor.id, [window], r.periodeKode);
    return r;
  }

  const penuh = () =>
    new AppError(
      'BERKAS_PENUH',
      { maks: BERKAS_MAKS_JUMLAH },
      `Paling banyak ${BERKAS_MAKS_JUMLAH} berkas bukti dukung per realisasi; hapus salah satu sebelum mengunggah lagi.`,
    );

  async function itemOut(actor: Actor, pegawaiId: number, kode: string, realisasiId: number) {
    const m = await bulan(actor, pegawaiId, kode);
    return m.items.find((i) => i.realisasi?.id === realisasiId)!.realisasi!;
  }

  /**
   * Whether the employee may write the draft of one RHK in the period now (the draft save, the daily
   * log and the import): their RHK of the approved plan, an editable status, the version read (when
   * the realisasi exists), the window open. Reads only: call it before the transaction.
   */
  async function targetDraf(
    actor: Actor,
    rhkId: number,
    kode: string,
    version: number | undefined,
  ): Promise<TargetDraf & { periode: Periode }> {
    const r = await q.findRhk(db, rhkId);
    if (!r || r.pegawaiId !== actor.id) throw new AppError('NOT_FOUND', undefined, 'RHK tidak ditemukan.');
    const { periode } = await periodeOf(r.instansiId, kode);
    const s = await skpWajib(actor.id, periode);
    if (s.id !== r.skpId)
      throw new AppError(
        'SKP_BELUM_DISETUJUI',
        { rhkId },
        `RHK ini bukan bagian dari SKP yang disetujui untuk periode ${labelPeriode(periode)}.`,
      );
    const existing = await q.findRealisasiByRhk(db, rhkId, periode.kode);
    const status = existing?.status ?? 'DRAFT';
    const window = editWindow(status);
    if (!isEditableByPegawai(status) || !window)
      throw new AppError(
        'REALISASI_NOT_EDITABLE',
        { status },
        `Realisasi berstatus ${STATUS_REALISASI_LABEL[status]} tidak dapat diubah.`,
      );
    if (existing && version !== existing.version) throw new AppError('VERSION_CONFLICT');
    await assertJendela(actor.id, [window], periode.kode);
    return { instansiId: r.instansiId, skpId: s.id, rhkId, periodeKode: periode.kode, periode, existing };
  }

  /**
   * The one write of a draft's content (the PUT and the import), inside the caller's transaction:
   * updates under the version read or creates the DRAFT, replaces the links, audits. While the daily
   * log has entries the value is the log's sum; the unit sent chooses which of its units counts.
   */
  async function tulisDraf(
    tx: Tx,
    actor: Actor,
    t: TargetDraf,
    body: IsiDraf,
    meta: Meta & { reason?: string },
  ): Promise<number> {
    const { existing, rhkId, periodeKode } = t;
    const now = clock.now();
    const fields = {
      rencanaAksi: body.rencanaAksi,
      targetAksi: body.targetAksi,
      nilai: body.nilai,
      satuan: body.satuan,
      teks: body.teks,
    };
    const log = existing ? await lq.totalLog(tx, [existing.id]) : [];
    if (log.length) ({ nilai: fields.nilai, satuan: fields.satuan } = nilaiDariLog(log, body.satuan));
    let id: number;
    if (existing) {
      if (
        !(await q.updateRealisasiIfVersion(tx, existing.id, existing.version, existing.status, {
          ...fields,
          updatedAt: now,
        }))
      )
        throw new AppError('VERSION_CONFLICT');
      id = existing.id;
    } else {
      const inserted = await q.insertRealisasi(tx, {
        instansiId: t.instansiId,
        skpId: t.skpId,
        rhkId,
        pegawaiId: actor.id,
        periodeKode,
        ...fields,
        createdAt: now,
        updatedAt: now,
      });
      if (inserted === null) throw new AppError('VERSION_CONFLICT');
      id = inserted;
    }
    await q.replaceTautan(tx, id, tahunKode(periodeKode), body.buktiDukung);
    await audit.record(tx, {
      instansiId: t.instansiId,
      opdId: actor.opdId,
      actorId: actor.id,
      action: existing ? 'realisasi.ubah' : 'realisasi.buat',
      entity: 'realisasi',
      entityId: id,
      before: existing
        ? {
            rencanaAksi: existing.rencanaAksi,
            targetAksi: existing.targetAksi,
            nilai: existing.nilai,
            satuan: existing.satuan,
            teks: existing.teks,
          }
        : null,
      after: { ...fields, rhkId, periodeKode, buktiDukung: body.buktiDukung },
      reason: meta.reason ?? null,
      requestId: meta.requestId,
    });
    return id;
  }

  return {
    ownerOf: (id: number) => q.ownerOf(db, id),
    targetDraf,
    tulisDraf,
    dapatDiubah: realisasiDapatDiubah,
    periode: async (instansiId: number, kode: string) => (await periodeOf(instansiId, kode)).periode,

    /** The employee's own month. */
    saya: (actor: Actor, periode: string) => bulan(actor, actor.id, periode),

    /**
     * A subordinate's month (route access decides who reads; the pejabat penilai, their delegate and,
     * for escalated items, the atasan pejabat penilai may assess).
     */
    pegawai: (actor: Actor, pegawaiId: number, periode: string) => bulan(actor, pegawaiId, periode),

    /** Draft save of one RHK's realisasi: a draft in the input window, a returned item in the correction window. */
    async simpan(
      actor: Actor,
      rhkId: number,
      kode: string,
      body: z.infer<typeof SimpanRealisasiBody>,
      meta: MetaIdempoten,
    ): Promise<RealisasiOut> {
      const t = await targetDraf(actor, rhkId, kode, body.version);
      const id = await db.transaction(async (tx) => {
        await meta.klaim?.(tx);
        return tulisDraf(tx, actor, t, body, { requestId: meta.requestId });
      });
      return itemOut(actor, actor.id, t.periodeKode, id);
    },

    /**
     * Submits the period at once: every draft (input window) and every returned item (correction
     * window, as a new round). Items whose window is closed stay as they are; when none can go, nothing
     * is written and the refusal names the window's dates.
     */
    async ajukan(actor: Actor, body: z.infer<typeof AjukanBody>, meta: Meta) {
      const { cfg, periode } = await periodeOf(actor.instansiId, body.periode);
      const s = await skpWajib(actor.id, periode);
      const found = await q.realisasiOfSkp(db, s.id, periode.kode);
      const drafts = found.filter((r) => r.status === 'DRAFT');
      const returned = found.filter((r) => r.status === 'PERLU_PERBAIKAN');
      if (!drafts.length && !returned.length) throw new AppError('REALISASI_TIDAK_ADA');

      const izin = await jadwal.izinJendela(actor.id, periode.kode, cfg);
      const izinInput = drafts.length ? izin.INPUT : null;
      const izinPerbaikan = returned.length ? izin.PERBAIKAN : null;
      const submit = izinInput?.ok ? drafts : [];
      const resubmit = izinPerbaikan?.ok ? returned : [];
      if (!submit.length && !resubmit.length) {
        const pesan = [izinInput, izinPerbaikan].flatMap((i) => (i && !i.ok ? [i.pesan] : []));
        throw new AppError(
          'WINDOW_CLOSED',
          { periode: periode.kode },
          `Pengajuan di luar jadwal, tidak ada yang diajukan. ${pesan.join(' ')}`,
        );
      }
      const kosong = [...submit, ...resubmit].filter((r) => r.nilai === null && !r.teks?.trim());
      if (kosong.length)
        throw new AppError(
          'REALISASI_KOSONG',
          { rhk: kosong.map((r) => ({ rhkId: r.rhkId, rencana: r.rhkRencana })) },
          `Realisasi belum diisi untuk RHK: ${kosong.map((r) => `"${r.rhkRencana}"`).join(', ')}. Isi nilai atau uraian realisasi sebelum mengajukan.`,
        );
      const toSubmit = mustTransition('DRAFT', { kind: 'submit' });
      const toResubmit = mustTransition('PERLU_PERBAIKAN', { kind: 'resubmit' });
      const { penilaiId } = await deps.pegawai.penilaiSkp(s.id, s.instansiId);
      if (!penilaiId) throw new AppError('NO_PEJABAT_PENILAI');
      const putaran = await q.putaranTerakhir(
        db,
        periode.tahun,
        resubmit.map((r) => r.id),
      );

      const now = clock.now();
      const label = labelPeriode(periode);
      await db.transaction(async (tx) => {
        const common = { diajukanAt: now, pejabatPenilaiId: penilaiId, updatedAt: now };
        const n1 = await q.changeStatusMany(
          tx,
          periode.tahun,
          submit.map((r) => r.id),
          'DRAFT',
          { status: toSubmit, ...common },
        );
        const n2 = await q.changeStatusMany(
          tx,
          periode.tahun,
          resubmit.map((r) => r.id),
          'PERLU_PERBAIKAN',
          { status: toResubmit, ...common },
        );
        if (n1 !== submit.length || n2 !== resubmit.length) throw new AppError('VERSION_CONFLICT');
        await q.insertRiwayat(tx, periode.tahun, [
          ...submit.map((r) => ({
            realisasiId: r.id,
            putaran: 1,
            aksi: 'AJUKAN' as const,
            olehId: actor.id,
            catatan: null,
            at: now,
          })),
          ...resubmit.map((r) => ({
            realisasiId: r.id,
            putaran: (putaran.get(r.id) ?? 1) + 1,
            aksi: 'PERBAIKI' as const,
            olehId: actor.id,
            catatan: null,
            at: now,
          })),
        ]);
        const bagian = [
          submit.length ? `${submit.length} realisasi` : null,
          resubmit.length ? `${resubmit.length} perbaikan realisasi` : null,
        ]
          .filter(Boolean)
          .join(' dan ');
        await notifikasi.kirim(tx, [
          {
            pegawaiId: penilaiId,
            jenis: 'REALISASI_DIAJUKAN',
            judul: resubmit.length && !submit.length ? 'Perbaikan realisasi diajukan' : 'Realisasi diajukan',
            pesan: `${namaLengkap(actor)} mengajukan ${bagian} periode ${label} untuk Anda nilai.`,
            tautan: `/realisasi/bawahan/${actor.id}?periode=${periode.kode}`,
            dariId: actor.id,
          },
        ]);
        const entries: AuditInput[] = [
          ...submit.map((r) => ({ r, kind: 'submit' as const, to: toSubmit })),
          ...resubmit.map((r) => ({ r, kind: 'resubmit' as const, to: toResubmit })),
        ].map(({ r, kind, to }) => ({
          instansiId: s.instansiId,
          opdId: actor.opdId,
          actorId: actor.id,
          action: `realisasi.${kind}`,
          entity: 'realisasi',
          entityId: r.id,
          before: { status: r.status },
          after: { status: to, pejabatPenilaiId: penilaiId, periodeKode: periode.kode },
          requestId: meta.requestId,
        }));
        await audit.recordMany(tx, s.instansiId, entries);
      });
      return { diajukan: submit.length, diperbaiki: resubmit.length };
    },

    /** The assessor's verdict on one realisasi: accepted with its capaian, or sent back with a direction. */
    async nilai(
      actor: Actor,
      id: number,
      body: z.infer<typeof NilaiBody>,
      meta: Meta,
    ): Promise<RealisasiOut> {
      const r = await q.findRealisasi(db, id);
      if (!r) throw new AppError('NOT_FOUND', undefined, 'Realisasi tidak ditemukan.');
      const { peran } = await peranPenilai(actor, r.pegawaiId, {
        id: r.skpId,
        instansiId: r.instansiId,
        isJpt: r.isJpt,
      });
      if (!peran) throw bukanPenilai();
      const { cfg, periode } = await periodeOf(r.instansiId, r.periodeKode);
      if (
        peran === 'ATASAN' &&
        !tereskalasi(periode, cfg, await izinPenilaian(r.pegawaiId, r.periodeKode))(r.status)
      )
        throw belumEskalasi();
      const t: RealisasiTransition =
        body.keputusan === 'TERIMA'
          ? { kind: 'accept' }
          : { kind: 'requestCorrection', arahan: body.arahan ?? '' };
      const to = mustTransition(r.status, t);
      if (body.version !== r.version) throw new AppError('VERSION_CONFLICT');
      // Escalated items are past their windows by definition; the atasan decides them without one.
      if (
        peran !== 'ATASAN' &&
        !isPenilaianUlangTerbuka(clock.now(), periode, cfg, r.status === 'DIPERBAIKI')
      )
        await assertJendela(r.pegawaiId, requiredWindows(r.status, t.kind), r.periodeKode);
      const [owner, putaran] = await Promise.all([
        pegawaiOf(r.pegawaiId),
        q.putaranTerakhir(db, periode.tahun, [id]),
      ]);
      const label = labelPeriode(periode);
      const arahan = t.kind === 'requestCorrection' ? t.arahan.trim() : null;
      const now = clock.now();
      const fields = {
        status: to,
        capaian: body.capaian ?? null,
        // The direction stays visible until the item is accepted.
        arahan: arahan ?? (to === 'DITERIMA' ? null : r.arahan),
        dinilaiAt: now,
        updatedAt: now,
      };
      await db.transaction(async (tx) => {
        if (!(await q.updateRealisasiIfVersion(tx, id, body.version, r.status, fields)))
          throw new AppError('VERSION_CONFLICT');
        await q.insertRiwayat(tx, periode.tahun, [
          {
            realisasiId: id,
            putaran: putaran.get(id) ?? 1,
            aksi: to === 'DITERIMA' ? 'TERIMA' : 'PERLU_PERBAIKAN',
            olehId: actor.id,
            catatan: arahan,
            at: now,
          },
        ]);
        if (body.umpanBalik)
          await q.insertUmpanBalik(tx, {
            skpId: r.skpId,
            periodeKode: r.periodeKode,
            realisasiId: id,
            kode: null,
            teks: body.umpanBalik,
            olehId: actor.id,
            at: now,
          });
        if (to === 'PERLU_PERBAIKAN')
          await notifikasi.kirim(tx, [
            {
              pegawaiId: r.pegawaiId,
              jenis: 'REALISASI_PERLU_PERBAIKAN',
              judul: 'Realisasi perlu perbaikan',
              pesan: `${namaLengkap(actor)} meminta perbaikan realisasi "${r.rhkRencana}" periode ${label}: ${arahan}`,
              tautan: `/realisasi?periode=${r.periodeKode}`,
              dariId: actor.id,
            },
          ]);
        await audit.record(tx, {
          instansiId: r.instansiId,
          opdId: owner.opdId,
          actorId: actor.id,
          action: `realisasi.${t.kind}`,
          entity: 'realisasi',
          entityId: id,
          before: { status: r.status, capaian: r.capaian },
          after: { status: to, capaian: fields.capaian, arahan, umpanBalik: body.umpanBalik ?? null },
          reason: arahan,
          requestId: meta.requestId,
        });
      });
      return itemOut(actor, r.pegawaiId, r.periodeKode, id);
    },

    /** Both ratings of the period → predikat (SPEC §6.2); the assessor decides, the suggestion only informs. */
    async penilaian(
      actor: Actor,
      pegawaiId: number,
      body: z.infer<typeof PenilaianBody>,
      meta: Meta,
    ): Promise<RealisasiBulanOut> {
      const p = await pegawaiOf(pegawaiId);
      const { cfg, periode } = await periodeOf(p.instansiId, body.periode);
      const s = await skpWajib(pegawaiId, periode);
      const { peran } = await peranPenilai(actor, pegawaiId, s);
      if (!peran) throw bukanPenilai();
      const items = await q.realisasiOfSkp(db, s.id, periode.kode);
      const riwayat = await q.riwayatOf(
        db,
        periode.tahun,
        items.map((r) => r.id),
      );
      if (peran === 'ATASAN') {
        const eskalasi = tereskalasi(periode, cfg, await izinPenilaian(pegawaiId, periode.kode));
        if (!atasanMengambilAlih(actor, items, riwayat, eskalasi)) throw belumEskalasi();
      }
      const izinPredikat = bolehTetapkanPredikat(
        items.map((r) => ({ status: r.status, rencana: r.rhkRencana })),
      );
      if (!izinPredikat.ok)
        throw new AppError('PREDIKAT_MENUNGGU_PERBAIKAN', { rhk: izinPredikat.rhk }, izinPredikat.pesan);
      const existing = await q.findPenilaian(db, s.id, periode.kode);
      if (existing ? body.version !== existing.version : body.version !== undefined)
        throw new AppError('VERSION_CONFLICT');
      if (
        peran !== 'ATASAN' &&
        !isPenilaianUlangTerbuka(clock.now(), periode, cfg, setelahPerbaikan(riwayat))
      )
        await assertJendela(pegawaiId, ['PENILAIAN', 'PERBAIKAN'], periode.kode);
      // SPEC §6.3: a unit head's rating hasil kerja is the unit's organisation predikat, when it is set.
      const ratingHasilKerja =
        (await deps.kurva.saranKepalaUnit(pegawaiId, s.instansiId, periode.kode))?.rating ??
        body.ratingHasilKerja;

      const now = clock.now();
      const values = {
        ratingHasilKerja,
        ratingPerilaku: body.ratingPerilaku,
        predikat: predikatKinerja(ratingHasilKerja, body.ratingPerilaku),
        catatan: body.catatan,
        penilaiId: actor.id,
        at: now,
      };
      await db.transaction(async (tx) => {
        let id: number;
        if (existing) {
          if (!(await q.updatePenilaianIfVersion(tx, existing.id, existing.version, values)))
            throw new AppError('VERSION_CONFLICT');
          id = existing.id;
        } else {
          const inserted = await q.insertPenilaian(tx, s, periode.kode, values);
          if (inserted === null) throw new AppError('VERSION_CONFLICT');
          id = inserted;
        }
        if (body.umpanBalikPerilaku)
          await q.replaceUmpanBalikPerilaku(tx, s.id, periode.kode, body.umpanBalikPerilaku, actor.id, now);
        // The national system gets this version of the period's result (when the BKD turned it on).
        await deps.siasn.antrekan(tx, s.instansiId, 'KINERJA_PERIODIK', id);
        await audit.record(tx, {
          instansiId: s.instansiId,
          opdId: p.opdId,
          actorId: actor.id,
          action: existing ? 'penilaian.ubah' : 'penilaian.buat',
          entity: 'penilaian',
          entityId: id,
          before: existing && {
            ratingHasilKerja: existing.ratingHasilKerja,
            ratingPerilaku: existing.ratingPerilaku,
            predikat: existing.predikat,
            catatan: existing.catatan,
          },
          after: {
            skpId: s.id,
            periodeKode: periode.kode,
            ratingHasilKerja: values.ratingHasilKerja,
            ratingPerilaku: values.ratingPerilaku,
            predikat: values.predikat,
            catatan: values.catatan,
            umpanBalikPerilaku: body.umpanBalikPerilaku ?? null,
          },
          requestId: meta.requestId,
        });
      });
      return bulan(actor, pegawaiId, periode.kode);
    },

    /**
     * Uploads one evidence file (PDF, PNG or JPEG by content, at most 2 MB, at most 5 per realisasi)
     * while the realisasi is editable and its window open. The file is written before the row and
     * removed again when the transaction fails, so a refused upload leaves nothing behind.
     */
    async unggahBerkas(
      actor: Actor,
      id: number,
      input: { namaBerkas: string; data: Buffer; deskripsi: string },
      meta: MetaIdempoten,
    ): Promise<{ bukti: BuktiDukungOut; realisasi: RealisasiOut }> {
      const { data } = input;
      if (data.length > BERKAS_MAKS_BYTE)
        throw new AppError('BERKAS_TERLALU_BESAR', { maks: BERKAS_MAKS_BYTE });
      const jenis = jenisBerkas(data);
      if (!jenis)
        throw new AppError(
          'UNSUPPORTED_FILE',
          { diizinkan: ['PDF', 'PNG', 'JPEG'] },
          'Jenis berkas tidak didukung. Bukti dukung harus berupa PDF, PNG atau JPEG.',
        );
      const r = await realisasiDapatDiubah(actor, id);
      if ((await q.countBerkas(db, id)) >= BERKAS_MAKS_JUMLAH) throw penuh();

      const sha256 = createHash('sha256').update(data).digest('hex');
      const namaBerkas = namaBerkasAman(input.namaBerkas, jenis.ext);
      const kunci = `${sha256.slice(0, 2)}/${randomUUID()}`;
      const now = clock.now();
      await storage.put(kunci, data);
      let buktiId: number;
      try {
        buktiId = await db.transaction(async (tx) => {
          await meta.klaim?.(tx);
          const locked = await q.lockForBerkas(tx, id);
          if (!locked || locked.status !== r.status) throw new AppError('VERSION_CONFLICT');
          if (locked.jumlahBerkas >= BERKAS_MAKS_JUMLAH) throw penuh();
          const buktiId = await q.insertBerkas(tx, {
            realisasiId: id,
            tahun: r.tahun,
            deskripsi: input.deskripsi,
            berkasKunci: kunci,
            namaBerkas,
            mime: jenis.mime,
            ukuran: data.length,
            sha256,
            createdAt: now,
          });
          await audit.record(tx, {
            instansiId: r.instansiId,
            opdId: actor.opdId,
            actorId: actor.id,
            action: 'realisasi.berkas_unggah',
            entity: 'realisasi',
            entityId: id,
            before: null,
            after: {
              buktiId,
              deskripsi: input.deskripsi,
              namaBerkas,
              mime: jenis.mime,
              ukuran: data.length,
              sha256,
            },
            requestId: meta.requestId,
          });
          return buktiId;
        });
      } catch (err) {
        await storage.delete(kunci);
        throw err;
      }
      const realisasi = await itemOut(actor, actor.id, r.periodeKode, id);
      return { bukti: realisasi.buktiDukung.find((b) => b.id === buktiId)!, realisasi };
    },

    /** An evidence file's bytes (route access decides who reads: as for the month view). */
    async berkas(realisasiId: number, buktiId: number) {
      const b = await q.findBukti(db, realisasiId, buktiId);
      if (b?.jenis !== 'BERKAS' || !b.berkasKunci)
        throw new AppError('NOT_FOUND', undefined, 'Berkas bukti dukung tidak ditemukan.');
      const data = await storage.get(b.berkasKunci);
      if (!data) throw new AppError('NOT_FOUND', undefined, 'Berkas bukti dukung tidak ditemukan.');
      return { data, mime: b.mime ?? 'application/octet-stream', namaBerkas: b.namaBerkas ?? 'berkas' };
    },

    /** Removes one evidence file while the realisasi is editable; the file goes after the commit. */
    async hapusBerkas(actor: Actor, id: number, buktiId: number, meta: Meta): Promise<RealisasiOut> {
      const r = await realisasiDapatDiubah(actor, id);
      const b = await q.findBukti(db, id, buktiId);
      if (b?.jenis !== 'BERKAS')
        throw new AppError('NOT_FOUND', undefined, 'Berkas bukti dukung tidak ditemukan.');
      await db.transaction(async (tx) => {
        const locked = await q.lockForBerkas(tx, id);
        if (!locked || locked.status !== r.status) throw new AppError('VERSION_CONFLICT');
        if (!(await q.deleteBukti(tx, buktiId))) throw new AppError('VERSION_CONFLICT');
        await audit.record(tx, {
          instansiId: r.instansiId,
          opdId: actor.opdId,
          actorId: actor.id,
          action: 'realisasi.berkas_hapus',
          entity: 'realisasi',
          entityId: id,
          before: { buktiId, deskripsi: b.deskripsi, namaBerkas: b.namaBerkas, sha256: b.sha256 },
          after: null,
          requestId: meta.requestId,
        });
      });
      // An orphaned file after a failed delete is harmless; the row is gone.
      if (b.berkasKunci) await storage.delete(b.berkasKunci).catch(() => undefined);
      return itemOut(actor, actor.id, r.periodeKode, id);
    },

    /**
     * Whom the assessor assesses in the period (direct subordinates, a delegation in force, escalated
     * items) with the counts per status: who waits first.
     */
    async bawahan(actor: Actor, kode: string) {
      const { cfg, periode } = await periodeOf(actor.instansiId, kode);
      const now = clock.now();
      const found = await q.bawahanRealisasi(db, actor.id, dateInZone(now, cfg.zonaWaktu), periode, {
        aturan: aturanEskalasi(periode, cfg),
        now,
      });
      return {
        periode: { kode: periode.kode, label: labelPeriode(periode) },
        items: found.map((r) => ({
          pegawaiId: r.pegawaiId,
          nip: r.nip,
          namaLengkap: namaLengkap(r),
          jabatanNama: r.jabatanNama,
          peran: r.peran,
          atasNama:
            r.atasNamaId === null
              ? null
              : orang(r.atasNamaId, {
                  gelarDepan: r.atasNamaGelarDepan,
                  nama: r.atasNamaNama!,
                  gelarBelakang: r.atasNamaGelarBelakang,
                }),
          skpId: r.skpId,
          menunggu: r.diajukan + r.diperbaiki,
          jumlah: {
            DRAFT: r.draft,
            DIAJUKAN: r.diajukan,
            DITERIMA: r.diterima,
            PERLU_PERBAIKAN: r.perluPerbaikan,
            DIPERBAIKI: r.diperbaiki,
          },
          predikat: r.predikat,
        })),
      };
    },
  };
}

export type RealisasiService = ReturnType<typeof createRealisasiService>;
