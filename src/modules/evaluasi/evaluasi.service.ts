/**
 * Annual evaluation per SKP (SPEC §6.5): the suggestion from the periodic ratings, the assessor's
 * ratings, two signatures and then a lock; filing the objection (§6.6; its statements and decision
 * are keberatan.service.ts); and the tim penilai's list of employees below expectation with
 * recommendations.
 */
import type { z } from 'zod';
import type {
  AjukanKeberatanBody,
  DiBawahEkspektasiPage,
  DiBawahEkspektasiQuery,
  EvaluasiSkpItem,
  EvaluasiSkpList,
  EvaluasiView,
  RekomendasiBody,
  SimpanEvaluasiBody,
} from '../../contracts/evaluasi.js';
import type { Db } from '../../db/client.js';
import {
  batasKeberatan,
  cekKeberatan,
  hasilAkhir,
  sarankanTahunan,
  transisiEvaluasi,
} from '../../domain/evaluasi.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { PREDIKAT_PEGAWAI_LABEL, predikatKinerja } from '../../domain/predikat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { KurvaService } from '../kurva/kurva.service.js';
import type { NotifikasiService } from '../notifikasi/notifikasi.service.js';
import type { PengaturanService } from '../pengaturan/pengaturan.service.js';
import type { SiasnService } from '../siasn/siasn.service.js';
import { penandatangan } from './evaluasi.policy.js';
import * as q from './evaluasi.queries.js';
import { createKeberatanService, iso, isoOrNull, type Meta, orang, pegawaiOf } from './keberatan.service.js';

function skpOut(r: q.SkpRow): EvaluasiSkpItem {
  return {
    skpId: r.skpId,
    tahun: r.tahun,
    periodeMulai: r.periodeMulai,
    periodeAkhir: r.periodeAkhir,
    jabatanNama: r.jabatanNama,
    pegawai: { ...orang(r.pegawaiId, pegawaiOf(r)), nip: r.nip },
    pejabatPenilai:
      r.penilaiId === null
        ? null
        : orang(r.penilaiId, {
            gelarDepan: r.penilaiGelarDepan,
            nama: r.penilaiNama!,
            gelarBelakang: r.penilaiGelarBelakang,
          }),
    evaluasi:
      r.evaluasiId === null
        ? null
        : {
            id: r.evaluasiId,
            status: r.evaluasiStatus!,
            predikat: r.evaluasiPredikat!,
            sumber: r.evaluasiSumber!,
          },
    keberatanStatus: r.keberatanStatus,
  };
}

export function createEvaluasiService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  notifikasi: NotifikasiService;
  pengaturan: Pick<PengaturanService, 'get'>;
  kurva: Pick<KurvaService, 'saranKepalaUnit'>;
  siasn: Pick<SiasnService, 'antrekan'>;
  zonaWaktu: (instansiId: number) => Promise<string>;
}) {
  const { db, clock, audit, notifikasi } = deps;
  /**
   * The instansi's objection window and statement deadline in days, and the annual evaluation
   * deadline (MM-DD of the next year).
   */
  const aturanEvaluasi = async (instansiId: number) => {
    const p = await deps.pengaturan.get(instansiId);
    return {
      keberatanHari: p.keberatanHari,
      keteranganHari: p.keteranganKeberatanHari,
      batasEvaluasi: p.batasEvaluasiTahunan,
    };
  };
  const keberatan = createKeberatanService({
    db,
    clock,
    audit,
    notifikasi,
    siasn: deps.siasn,
    keteranganHari: async (instansiId) => (await aturanEvaluasi(instansiId)).keteranganHari,
    zonaWaktu: deps.zonaWaktu,
    lihat,
  });
  const hariIniOf = async (instansiId: number) => dateInZone(clock.now(), await deps.zonaWaktu(instansiId));

  async function skpOrThrow(skpId: number) {
    const instansiId = await q.instansiSkp(db, skpId);
    const s = instansiId === null ? null : await q.findSkp(db, skpId, await hariIniOf(instansiId));
    if (!s) throw new AppError('NOT_FOUND', undefined, 'SKP tidak ditemukan.');
    return s;
  }

  /** The evaluation page of one SKP for this actor (the route has checked that he may read it). */
  async function lihat(actor: Actor, skpId: number): Promise<EvaluasiView> {
    const s = await skpOrThrow(skpId);
    const [periodik, predikatOrganisasi, ev, aturan, hariIni, rencanaTahun] = await Promise.all([
      q.periodikSkp(db, skpId),
      q.predikatOrganisasi(db, s.unorId, s.tahun),
      q.findEvaluasi(db, skpId),
      aturanEvaluasi(s.instansiId),
      hariIniOf(s.instansiId),
      hariIniOf(s.instansiId).then((t) => q.skpPegawai(db, s.pegawaiId, s.tahun, t)),
    ]);
    const k = ev ? await q.findKeberatanOfEvaluasi(db, ev.id) : null;
    const zona = await deps.zonaWaktu(s.instansiId);
    const tanggalFinal = ev?.ditandatanganiPegawaiAt ? dateInZone(ev.ditandatanganiPegawaiAt, zona) : null;
    const { evaluasi: _e, keberatanStatus: _k, ...skp } = skpOut(s);
    return {
      skp,
      periodik,
      saran: sarankanTahunan(periodik),
      kepalaUnit: await deps.kurva.saranKepalaUnit(s.pegawaiId, s.instansiId, String(s.tahun)),
      skpSebelumnya: rencanaTahun.filter((r) => r.periodeAkhir < s.periodeMulai).map(skpOut),
      predikatOrganisasi,
      evaluasi: ev
        ? {
            id: ev.id,
            status: ev.status,
            sumber: ev.sumber,
            ratingHasilKerja: ev.ratingHasilKerja,
            ratingPerilaku: ev.ratingPerilaku,
            predikat: ev.predikat,
            capaianOrganisasi: ev.capaianOrganisasi,
            catatan: ev.catatan,
            rekomendasi: ev.rekomendasi,
            ditandatanganiPenilaiAt: isoOrNull(ev.ditandatanganiPenilaiAt),
            ditandatanganiPegawaiAt: isoOrNull(ev.ditandatanganiPegawaiAt),
            version: ev.version,
          }
        : null,
      keberatan: k ? await keberatan.keberatanOut(k) : null,
      hasilAkhir: ev
        ? hasilAkhir(
            ev,
            k?.keputusan
              ? {
                  keputusan: k.keputusan,
                  ratingHasilKerja: k.ratingHasilKerjaBaru,
                  ratingPerilaku: k.ratingPerilakuBaru,
                }
              : null,
          )
        : null,
      batasEvaluasi: `${s.tahun + 1}-${aturan.batasEvaluasi}`,
      batasKeberatan: tanggalFinal ? batasKeberatan(tanggalFinal, aturan.keberatanHari) : null,
      boleh: {
        ubah: s.status === 'DISETUJUI' && actor.id === s.penilaiId && (ev === null || ev.status === 'DRAF'),
        tandaTangan: ev !== null && penandatangan(actor.id, ev) !== null,
        keberatan:
          ev !== null &&
          actor.id === ev.pegawaiId &&
          cekKeberatan({
            status: ev.status,
            tanggalFinal,
            hariIni,
            keberatanHari: aturan.keberatanHari,
            adaKeberatan: k !== null,
          }) === null,
        putus: k !== null && actor.id === k.pemutusId && k.status !== 'DIPUTUS',
      },
    };
  }

  const { keberatanOut: _out, ...aksiKeberatan } = keberatan;
  return {
    lihat,
    ...aksiKeberatan,

    /** The actor's own plans of the year, each with its evaluation. */
    async daftarSaya(actor: Actor, tahun: number): Promise<EvaluasiSkpList> {
      return {
        items: (await q.skpPegawai(db, actor.id, tahun, await hariIniOf(actor.instansiId))).map(skpOut),
      };
    },

    /** The plans of the year the actor assesses, each with its evaluation. */
    async daftarDinilai(actor: Actor, tahun: number): Promise<EvaluasiSkpList> {
      return {
        items: (await q.skpDinilai(db, actor.id, tahun, await hariIniOf(actor.instansiId))).map(skpOut),
      };
    },

    /** The pejabat penilai writes the ratings, catatan and rekomendasi while the evaluation is a draft. */
    async simpan(actor: Actor, skpId: number, body: z.infer<typeof SimpanEvaluasiBody>, meta: Meta) {
      const s = await skpOrThrow(skpId);
      if (s.status !== 'DISETUJUI')
        throw new AppError(
          'SKP_BELUM_DISETUJUI',
          undefined,
          'Evaluasi tahunan hanya untuk SKP yang sudah disetujui.',
        );
      if (s.penilaiId === null)
        throw new AppError('NO_PEJABAT_PENILAI', undefined, 'SKP ini belum memiliki pejabat penilai.');
      if (actor.id !== s.penilaiId)
        throw new AppError(
          'FORBIDDEN',
          undefined,
          'Hanya pejabat penilai SKP ini yang mengisi evaluasi tahunan.',
        );
      const [periodik, capaianOrganisasi] = await Promise.all([
        q.periodikSkp(db, skpId),
        q.predikatOrganisasi(db, s.unorId, s.tahun),
      ]);
      const atasanPenilaiId = s.atasanPenilaiId;
      // SPEC §6.3: a unit head's rating hasil kerja is the unit's organisation predikat of the year.
      const ratingHasilKerja =
        (await deps.kurva.saranKepalaUnit(s.pegawaiId, s.instansiId, String(s.tahun)))?.rating ??
        body.ratingHasilKerja;
      const isian = {
        ratingHasilKerja,
        ratingPerilaku: body.ratingPerilaku,
        predikat: predikatKinerja(ratingHasilKerja, body.ratingPerilaku),
        saran: sarankanTahunan(periodik) as unknown as Record<string, unknown>,
        capaianOrganisasi,
        catatan: body.catatan || null,
        rekomendasi: body.rekomendasi || null,
      };
      const fields = { ...isian, updatedAt: clock.now() };
      await db.transaction(async (tx) => {
        const before = await q.lockEvaluasi(tx, skpId);
        let id: number;
        if (before) {
          if (transisiEvaluasi(before.status, 'UBAH') === null) throw new AppError('EVALUASI_TERKUNCI');
          if (body.version !== before.version) throw new AppError('VERSION_CONFLICT');
          const row = await q.updateEvaluasi(tx, before.id, before.version, fields);
          if (!row) throw new AppError('VERSION_CONFLICT');
          id = row.id;
        } else {
          if (body.version !== undefined) throw new AppError('VERSION_CONFLICT');
          const row = await q.insertEvaluasi(tx, {
            ...fields,
            instansiId: s.instansiId,
            skpId,
            pegawaiId: s.pegawaiId,
            tahun: s.tahun,
            pejabatPenilaiId: s.penilaiId!,
            atasanPenilaiId,
            createdAt: fields.updatedAt,
          });
          if (!row) throw new AppError('VERSION_CONFLICT');
          id = row.id;
        }
        await audit.record(tx, {
          instansiId: s.instansiId,
          opdId: s.pegawaiOpdId,
          actorId: actor.id,
          action: before ? 'evaluasi.ubah' : 'evaluasi.buat',
          entity: 'evaluasi_tahunan',
          entityId: id,
          before: before
            ? {
                ratingHasilKerja: before.ratingHasilKerja,
                ratingPerilaku: before.ratingPerilaku,
                predikat: before.predikat,
                catatan: before.catatan,
                rekomendasi: before.rekomendasi,
              }
            : null,
          after: { ...isian, skpId },
          requestId: meta.requestId,
        });
      });
      return lihat(actor, skpId);
    },

    /** The assessor signs the draft; then the employee signs and the evaluation is FINAL and locked. */
    async tandaTangan(actor: Actor, skpId: number, version: number, meta: Meta) {
      const s = await skpOrThrow(skpId);
      await db.transaction(async (tx) => {
        const ev = await q.lockEvaluasi(tx, skpId);
        if (!ev) throw new AppError('NOT_FOUND', undefined, 'Evaluasi tahunan SKP ini belum diisi.');
        const peran = penandatangan(actor.id, ev);
        if (peran === null) {
          if (actor.id !== ev.pejabatPenilaiId && actor.id !== ev.pegawaiId)
            throw new AppError(
              'FORBIDDEN',
              undefined,
              'Hanya pejabat penilai dan pegawai yang menandatangani evaluasi ini.',
            );
          throw new AppError('EVALUASI_INVALID_TRANSITION');
        }
        if (version !== ev.version) throw new AppError('VERSION_CONFLICT');
        const now = clock.now();
        const next = transisiEvaluasi(
          ev.status,
          peran === 'PENILAI' ? 'TANDA_TANGAN_PENILAI' : 'TANDA_TANGAN_PEGAWAI',
        )!;
        const row = await q.updateEvaluasi(tx, ev.id, ev.version, {
          status: next,
          updatedAt: now,
          ...(peran === 'PENILAI' ? { ditandatanganiPenilaiAt: now } : { ditandatanganiPegawaiAt: now }),
        });
        if (!row) throw new AppError('VERSION_CONFLICT');
        // Final now: the national system gets it in this transaction's outbox (when turned on).
        if (next === 'FINAL') await deps.siasn.antrekan(tx, s.instansiId, 'SKP22', ev.id);
        await notifikasi.kirim(tx, [
          peran === 'PENILAI'
            ? {
                pegawaiId: ev.pegawaiId,
                jenis: 'EVALUASI_TAHUNAN',
                judul: 'Evaluasi tahunan ditandatangani pejabat penilai',
                pesan: `Evaluasi kinerja tahunan ${s.tahun} Anda (predikat ${PREDIKAT_PEGAWAI_LABEL[ev.predikat]}) menunggu tanda tangan Anda.`,
                tautan: `/evaluasi/skp/${skpId}`,
                dariId: actor.id,
              }
            : {
                pegawaiId: ev.pejabatPenilaiId,
                jenis: 'EVALUASI_TAHUNAN',
                judul: 'Evaluasi tahunan final',
                pesan: `${namaLengkap(actor)} telah menandatangani evaluasi kinerja tahunan ${s.tahun}.`,
                tautan: `/evaluasi/skp/${skpId}`,
                dariId: actor.id,
              },
        ]);
        await audit.record(tx, {
          instansiId: s.instansiId,
          opdId: s.pegawaiOpdId,
          actorId: actor.id,
          action: peran === 'PENILAI' ? 'evaluasi.tanda_tangan_penilai' : 'evaluasi.tanda_tangan_pegawai',
          entity: 'evaluasi_tahunan',
          entityId: ev.id,
          before: { status: ev.status },
          after: { status: next },
          requestId: meta.requestId,
        });
      });
      return lihat(actor, skpId);
    },

    /** The employee objects to his FINAL evaluation within the window; the atasan pejabat penilai decides. */
    async ajukanKeberatan(
      actor: Actor,
      skpId: number,
      body: z.infer<typeof AjukanKeberatanBody>,
      meta: Meta,
    ) {
      const s = await skpOrThrow(skpId);
      if (actor.id !== s.pegawaiId)
        throw new AppError(
          'FORBIDDEN',
          undefined,
          'Hanya pegawai yang dinilai yang dapat mengajukan keberatan.',
        );
      const [ev, { keberatanHari: hari }, hariIni, zona] = await Promise.all([
        q.findEvaluasi(db, skpId),
        aturanEvaluasi(s.instansiId),
        hariIniOf(s.instansiId),
        deps.zonaWaktu(s.instansiId),
      ]);
      if (!ev)
        throw new AppError(
          'KEBERATAN_TIDAK_DAPAT_DIAJUKAN',
          undefined,
          'Evaluasi tahunan SKP ini belum ada.',
        );
      // The result was decided and signed in the national application: an objection belongs there.
      if (ev.sumber === 'IMPOR_NASIONAL')
        throw new AppError(
          'KEBERATAN_TIDAK_DAPAT_DIAJUKAN',
          undefined,
          'Hasil tahunan ini diimpor dari aplikasi nasional; keberatan diajukan di aplikasi nasional.',
        );
      const tanggalFinal = ev.ditandatanganiPegawaiAt ? dateInZone(ev.ditandatanganiPegawaiAt, zona) : null;
      const ada = (await q.findKeberatanOfEvaluasi(db, ev.id)) !== null;
      const tolak = cekKeberatan({
        status: ev.status,
        tanggalFinal,
        hariIni,
        keberatanHari: hari,
        adaKeberatan: ada,
      });
      if (tolak === 'BELUM_FINAL')
        throw new AppError(
          'KEBERATAN_TIDAK_DAPAT_DIAJUKAN',
          undefined,
          'Keberatan hanya dapat diajukan atas evaluasi yang sudah final.',
        );
      if (tolak === 'SUDAH_DIAJUKAN')
        throw new AppError(
          'KEBERATAN_TIDAK_DAPAT_DIAJUKAN',
          undefined,
          'Keberatan atas evaluasi ini sudah diajukan.',
        );
      if (tolak === 'LEWAT_BATAS')
        throw new AppError(
          'KEBERATAN_TIDAK_DAPAT_DIAJUKAN',
          { batas: batasKeberatan(tanggalFinal!, hari) },
          `Batas pengajuan keberatan sudah lewat: paling lambat ${hari} hari sejak evaluasi final (${batasKeberatan(tanggalFinal!, hari)}).`,
        );
      // The atasan of the assessor who signed: for his plan that is penilai_skp()'s (SPEC §4.1).
      const pemutusId =
        (ev.pejabatPenilaiId === s.penilaiId
          ? s.atasanPenilaiId
          : await q.atasanLangsung(db, ev.pejabatPenilaiId, hariIni)) ?? ev.atasanPenilaiId;
      if (pemutusId === null || pemutusId === actor.id)
        throw new AppError(
          'NO_PEJABAT_PENILAI',
          undefined,
          'Atasan pejabat penilai yang memutus keberatan tidak ditemukan; hubungi admin kepegawaian.',
        );
      await db.transaction(async (tx) => {
        const id = await q.insertKeberatan(tx, {
          instansiId: s.instansiId,
          evaluasiId: ev.id,
          pegawaiId: actor.id,
          pemutusId,
          alasan: body.alasan,
          diajukanAt: clock.now(),
        });
        if (id === null)
          throw new AppError(
            'KEBERATAN_TIDAK_DAPAT_DIAJUKAN',
            undefined,
            'Keberatan atas evaluasi ini sudah diajukan.',
          );
        await notifikasi.kirim(tx, [
          {
            pegawaiId: pemutusId,
            jenis: 'KEBERATAN',
            judul: 'Keberatan atas evaluasi tahunan',
            pesan: `${namaLengkap(actor)} mengajukan keberatan atas evaluasi kinerja tahunan ${s.tahun} untuk Anda putus.`,
            tautan: `/evaluasi/skp/${skpId}`,
            dariId: actor.id,
          },
          {
            pegawaiId: ev.pejabatPenilaiId,
            jenis: 'KEBERATAN',
            judul: 'Keberatan atas evaluasi yang Anda berikan',
            pesan: `${namaLengkap(actor)} mengajukan keberatan atas evaluasi kinerja tahunan ${s.tahun}.`,
            tautan: `/evaluasi/skp/${skpId}`,
            dariId: actor.id,
          },
        ]);
        await audit.record(tx, {
          instansiId: s.instansiId,
          opdId: s.pegawaiOpdId,
          actorId: actor.id,
          action: 'keberatan.ajukan',
          entity: 'keberatan',
          entityId: id,
          after: { evaluasiId: ev.id, pemutusId, alasan: body.alasan },
          requestId: meta.requestId,
        });
      });
      return lihat(actor, skpId);
    },

    /** Employees below expectation in a period or a year, with the recommendations recorded. */
    async diBawahEkspektasi(
      actor: Actor,
      query: z.infer<typeof DiBawahEkspektasiQuery>,
    ): Promise<DiBawahEkspektasiPage> {
      const periode = query.periode ?? null;
      if (periode !== null && !periode.startsWith(`${query.tahun}-`))
        throw new AppError('VALIDATION_FAILED', undefined, 'Periode harus berada pada tahun yang dipilih.');
      const { opdIds } = listScope(actor);
      const found = await q.pageDiBawahEkspektasi(db, {
        instansiId: actor.instansiId,
        tahun: query.tahun,
        periode,
        opdIds: query.opdId === undefined ? opdIds : [query.opdId],
        afterId: query.cursor === undefined ? null : Number(query.cursor),
        limit: query.limit + 1,
      });
      const page = found.slice(0, query.limit);
      const kode = periode ?? String(query.tahun);
      const rekomendasi = await q.rekomendasiOf(
        db,
        page.map((r) => r.pegawaiId),
        [kode],
      );
      return {
        items: page.map((r) => ({
          id: r.id,
          periodeKode: r.periodeKode,
          pegawai: { ...orang(r.pegawaiId, pegawaiOf(r)), nip: r.nip, jabatanNama: r.jabatanNama },
          unorNama: r.unorNama,
          opdNama: r.opdNama,
          penilai:
            r.penilaiId === null
              ? null
              : orang(r.penilaiId, {
                  gelarDepan: r.penilaiGelarDepan,
                  nama: r.penilaiNama!,
                  gelarBelakang: r.penilaiGelarBelakang,
                }),
          predikat: r.predikat,
          rekomendasi: rekomendasi
            .filter((x) => x.pegawaiId === r.pegawaiId)
            .map((x) => ({
              id: x.id,
              periodeKode: x.periodeKode,
              jenis: x.jenis,
              uraian: x.uraian,
              oleh: orang(x.olehId, x),
              at: iso(x.at),
            })),
        })),
        nextCursor: found.length > query.limit ? String(page.at(-1)!.id) : null,
      };
    },

    /** The tim penilai records a recommendation (pembinaan) for an employee of the instansi. */
    async rekomendasi(actor: Actor, body: z.infer<typeof RekomendasiBody>, meta: Meta) {
      const p = await q.findPegawai(db, body.pegawaiId);
      if (!p || p.instansiId !== actor.instansiId)
        throw new AppError('NOT_FOUND', undefined, 'Pegawai tidak ditemukan.');
      const at = clock.now();
      const id = await db.transaction(async (tx) => {
        const id = await q.insertRekomendasi(tx, {
          instansiId: actor.instansiId,
          pegawaiId: p.id,
          periodeKode: body.periodeKode,
          jenis: body.jenis,
          uraian: body.uraian,
          olehId: actor.id,
          at,
        });
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: p.opdId,
          actorId: actor.id,
          action: 'rekomendasi_tim_penilai.buat',
          entity: 'rekomendasi_tim_penilai',
          entityId: id,
          after: body,
          requestId: meta.requestId,
        });
        return id;
      });
      return {
        id,
        periodeKode: body.periodeKode,
        jenis: body.jenis,
        uraian: body.uraian,
        oleh: orang(actor.id, actor),
        at: at.toISOString(),
      };
    },
  };
}

export type EvaluasiService = ReturnType<typeof createEvaluasiService>;
