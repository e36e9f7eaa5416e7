/** Per-instansi settings that SPEC marks configurable; the BKD admin edits them, every change audited. */
import type { z } from 'zod';
import type { PengaturanBody, PengaturanOut } from '../../contracts/pengaturan.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { KETERANGAN_KEBERATAN_HARI_BAWAAN } from '../../domain/evaluasi.js';
import { DEFAULT_JADWAL } from '../../domain/jadwal.js';
import { ATURAN_KEPATUHAN_HARIAN_BAWAAN } from '../../domain/kepatuhan-harian.js';
import { ATURAN_KURVA_BAWAAN, PEMETAAN_PREDIKAT_ORGANISASI_BAWAAN } from '../../domain/kurva.js';
import { KEBIJAKAN_MFA_BAWAAN } from '../../domain/mfa.js';
import { ATURAN_PROGRES_HARIAN_BAWAAN } from '../../domain/progres-harian.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import * as q from './pengaturan.queries.js';

const rentang = ([mulai, akhir]: readonly [number, number]) => ({ mulai, akhir });

export const PENGATURAN_BAWAAN: PengaturanOut = {
  batasSkp: '01-31',
  cakupanMemblokir: false,
  periode: DEFAULT_JADWAL.periode,
  jendela: {
    input: rentang(DEFAULT_JADWAL.input),
    penilaian: rentang(DEFAULT_JADWAL.penilaian),
    perbaikan: rentang(DEFAULT_JADWAL.perbaikan),
  },
  kurva: null,
  pemetaanPredikatOrganisasi: null,
  keberatanHari: 14,
  keteranganKeberatanHari: KETERANGAN_KEBERATAN_HARI_BAWAAN,
  batasEvaluasiTahunan: '03-31',
  kebijakanMfa: KEBIJAKAN_MFA_BAWAAN,
  tempatTandaTangan: null,
  progresHarian: ATURAN_PROGRES_HARIAN_BAWAAN,
  kepatuhanHarian: ATURAN_KEPATUHAN_HARIAN_BAWAAN,
  version: 1,
};

function toOut(row: NonNullable<Awaited<ReturnType<typeof q.findPengaturan>>>): PengaturanOut {
  return {
    batasSkp: row.batasSkp,
    cakupanMemblokir: row.cakupanMemblokir,
    periode: row.periode,
    jendela: {
      input: { mulai: row.inputMulai, akhir: row.inputAkhir },
      penilaian: { mulai: row.penilaianMulai, akhir: row.penilaianAkhir },
      perbaikan: { mulai: row.perbaikanMulai, akhir: row.perbaikanAkhir },
    },
    kurva: row.kurva,
    pemetaanPredikatOrganisasi: row.pemetaanPredikatOrganisasi,
    keberatanHari: row.keberatanHari,
    keteranganKeberatanHari: row.keteranganKeberatanHari,
    batasEvaluasiTahunan: row.batasEvaluasiTahunan,
    kebijakanMfa: row.kebijakanMfa ?? KEBIJAKAN_MFA_BAWAAN,
    tempatTandaTangan: row.tempatTandaTangan,
    progresHarian: {
      batasMenitHarian: row.progresBatasMenit,
      bolehHariLibur: row.progresBolehHariLibur,
    },
    kepatuhanHarian: {
      aktif: row.kepatuhanAktif,
      batasJam: row.kepatuhanBatasJam,
      hariKerjaKe: row.kepatuhanHariKerjaKe,
    },
    version: row.version,
  };
}

export function createPengaturanService({ db, audit }: { db: Db; audit: AuditService }) {
  async function get(instansiId: number, tx: DbOrTx = db): Promise<PengaturanOut> {
    const row = await q.findPengaturan(tx, instansiId);
    return row ? toOut(row) : structuredClone(PENGATURAN_BAWAAN);
  }

  return {
    get,
    /** The curve rules and the §6.3 mapping in force: the instansi's own, or SPEC's defaults. */
    async aturanKurva(instansiId: number) {
      const p = await get(instansiId);
      return {
        kurva: p.kurva ?? ATURAN_KURVA_BAWAAN,
        pemetaan: p.pemetaanPredikatOrganisasi ?? PEMETAAN_PREDIKAT_ORGANISASI_BAWAAN,
      };
    },
    async save(actor: Actor, body: z.infer<typeof PengaturanBody>, meta: { requestId: string }) {
      return db.transaction(async (tx) => {
        const before = await get(actor.instansiId, tx);
        // Fields left out of the body keep their current values (older clients send only the first two).
        const after = {
          batasSkp: body.batasSkp,
          cakupanMemblokir: body.cakupanMemblokir,
          periode: body.periode ?? before.periode,
          jendela: body.jendela ?? before.jendela,
          kurva: body.kurva === undefined ? before.kurva : body.kurva,
          pemetaanPredikatOrganisasi:
            body.pemetaanPredikatOrganisasi === undefined
              ? before.pemetaanPredikatOrganisasi
              : body.pemetaanPredikatOrganisasi,
          keberatanHari: body.keberatanHari ?? before.keberatanHari,
          keteranganKeberatanHari: body.keteranganKeberatanHari ?? before.keteranganKeberatanHari,
          batasEvaluasiTahunan: body.batasEvaluasiTahunan ?? before.batasEvaluasiTahunan,
          kebijakanMfa: body.kebijakanMfa ?? before.kebijakanMfa,
          tempatTandaTangan:
            body.tempatTandaTangan === undefined ? before.tempatTandaTangan : body.tempatTandaTangan,
          progresHarian: body.progresHarian ?? before.progresHarian,
          kepatuhanHarian: body.kepatuhanHarian ?? before.kepatuhanHarian,
        };
        const { input, penilaian, perbaikan } = after.jendela;
        const saved = await q.savePengaturanIfVersion(tx, actor.instansiId, body.version, {
          batasSkp: after.batasSkp,
          cakupanMemblokir: after.cakupanMemblokir,
          periode: after.periode,
          inputMulai: input.mulai,
          inputAkhir: input.akhir,
          penilaianMulai: penilaian.mulai,
          penilaianAkhir: penilaian.akhir,
          perbaikanMulai: perbaikan.mulai,
          perbaikanAkhir: perbaikan.akhir,
          kurva: after.kurva,
          pemetaanPredikatOrganisasi: after.pemetaanPredikatOrganisasi,
          keberatanHari: after.keberatanHari,
          keteranganKeberatanHari: after.keteranganKeberatanHari,
          batasEvaluasiTahunan: after.batasEvaluasiTahunan,
          kebijakanMfa: after.kebijakanMfa,
          tempatTandaTangan: after.tempatTandaTangan,
          progresBatasMenit: after.progresHarian.batasMenitHarian,
          progresBolehHariLibur: after.progresHarian.bolehHariLibur,
          kepatuhanAktif: after.kepatuhanHarian.aktif,
          kepatuhanBatasJam: after.kepatuhanHarian.batasJam,
          kepatuhanHariKerjaKe: after.kepatuhanHarian.hariKerjaKe,
        });
        if (!saved) throw new AppError('VERSION_CONFLICT');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'pengaturan.ubah',
          entity: 'pengaturan',
          entityId: actor.instansiId,
          before,
          after,
          requestId: meta.requestId,
        });
        return get(actor.instansiId, tx);
      });
    },
  };
}

export type PengaturanService = ReturnType<typeof createPengaturanService>;
