/**
 * Angka kredit of functional employees (SPEC §7.2): per period and per year from their predikat, and
 * the cumulative total against the next pangkat or jenjang (PermenPANRB 1/2023).
 *
 * Who sees what: one employee's figures — the employee, their superiors, the admins of their OPD or
 * the instansi (route scopes); the list — the BKD admin (instansi) and OPD admins (their OPDs); the
 * initial AK (conversion/integration) is set by the BKD admin only.
 */
import type { z } from 'zod';
import type {
  AngkaKreditAwalBody,
  AngkaKreditItem,
  AngkaKreditListQuery,
  AngkaKreditPegawaiOut,
} from '../../contracts/angka-kredit.js';
import type { Db } from '../../db/client.js';
import {
  akJumlah,
  akKumulatif,
  akSetahun,
  angkaKredit,
  bagianTahun,
  bulanKodePeriode,
  bulanRentang,
  langkahBerikut,
  type PenilaianAk,
} from '../../domain/angka-kredit.js';
import { labelKodePeriode } from '../../domain/evaluasi.js';
import { pangkatGolongan } from '../../domain/golongan.js';
import type { JenjangFungsional } from '../../domain/jabatan.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { hasRole, listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import * as q from './angka-kredit.queries.js';

export interface AngkaKreditDeps {
  db: Db;
  audit: AuditService;
}

interface Riwayat {
  periodik: q.PeriodikRow[];
  tahunan: q.TahunanRow[];
  awal: q.AwalRow | null;
  /** The SKP parts of the year asked for. */
  bagian: q.BagianSkpRow[];
}

/** The employee's history up to `tahun`, for a set of employees in four queries. */
async function riwayatOf(db: Db, ids: number[], tahun: number): Promise<Map<number, Riwayat>> {
  const [periodik, tahunan, awal, bagian] = await Promise.all([
    q.periodik(db, ids, tahun),
    q.tahunanFinal(db, ids, tahun),
    q.awal(db, ids),
    q.bagianSkp(db, ids, tahun),
  ]);
  const byId = new Map<number, Riwayat>(
    ids.map((id) => [id, { periodik: [], tahunan: [], awal: null, bagian: [] }]),
  );
  for (const r of periodik) byId.get(r.pegawaiId)?.periodik.push(r);
  for (const r of tahunan) byId.get(r.pegawaiId)?.tahunan.push(r);
  for (const r of bagian) byId.get(r.pegawaiId)?.bagian.push(r);
  for (const r of awal) {
    const riwayat = byId.get(r.pegawaiId);
    if (riwayat) riwayat.awal = r;
  }
  return byId;
}

const penilaianPeriodik = (r: q.PeriodikRow): PenilaianAk => ({
  tahun: r.tahun,
  jenjang: r.jenjang,
  predikat: r.predikat,
  bulan: bulanKodePeriode(r.periodeKode),
  bagian: r.jabatanId,
});

/** An annual evaluation covers the months of its SKP (a mid-year mutation gives a shorter plan). */
const penilaianTahunan = (r: q.TahunanRow): PenilaianAk => ({
  tahun: r.tahun,
  jenjang: r.jenjang,
  predikat: r.predikat,
  bulan: bulanRentang(r.periodeMulai, r.periodeAkhir),
  bagian: r.jabatanId,
});

const akOf = (p: PenilaianAk) => angkaKredit(p.jenjang, p.predikat, p.bulan);

const TANGGAL = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const tanggal = (iso: string) => TANGGAL.format(new Date(`${iso}T00:00:00Z`));

/**
 * The year's SKP parts with their AK, and what keeps the year provisional (SPEC §7.2): every part
 * whose annual evaluation is not FINAL, named; a year is final only when all its parts are.
 */
function bagianOf(riwayat: Riwayat, tahun: number) {
  const diTahun = <T extends { tahun: number }>(list: T[]) => list.filter((p) => p.tahun === tahun);
  const dihitung = new Map(
    bagianTahun(
      diTahun(riwayat.periodik).map(penilaianPeriodik),
      diTahun(riwayat.tahunan).map(penilaianTahunan),
    ).map((b) => [b.bagian, b]),
  );
  const bagian = [...riwayat.bagian]
    .sort((a, b) => a.periodeMulai.localeCompare(b.periodeMulai))
    .map((b) => ({
      skpId: b.skpId,
      jabatanNama: b.jabatanNama,
      periodeMulai: b.periodeMulai,
      periodeAkhir: b.periodeAkhir,
      bulan: bulanRentang(b.periodeMulai, b.periodeAkhir),
      angkaKredit: dihitung.get(b.jabatanId)?.angkaKredit ?? 0,
      sumber: dihitung.get(b.jabatanId)?.sumber ?? ('KOSONG' as const),
      evaluasiFinal: b.evaluasiStatus === 'FINAL',
    }));
  const belumFinal = bagian
    .filter((b) => !b.evaluasiFinal)
    .map(
      (b) =>
        `Evaluasi tahunan SKP ${b.jabatanNama} (${tanggal(b.periodeMulai)} – ${tanggal(b.periodeAkhir)}) belum final.`,
    );
  return { bagian, belumFinal };
}

/** The year's figure, the cumulative total and where it stands against the next step. */
function rekap(jenjang: JenjangFungsional, golongan: string, riwayat: Riwayat, tahun: number) {
  const periodik = riwayat.periodik.map(penilaianPeriodik);
  const tahunan = riwayat.tahunan.map(penilaianTahunan);
  const diTahun = (list: PenilaianAk[]) => list.filter((p) => p.tahun === tahun);
  const setahun = akSetahun(diTahun(periodik), diTahun(tahunan));
  const { belumFinal } = bagianOf(riwayat, tahun);
  const langkah = langkahBerikut(jenjang, golongan);
  const { perTahun, kumulatif, selisih } = akKumulatif({
    awal: riwayat.awal,
    periodik,
    tahunan,
    sampai: tahun,
    kebutuhan: langkah?.kebutuhan,
  });
  return {
    akTahun: setahun.angkaKredit,
    sumber: setahun.sumber,
    sementara: setahun.sumber !== 'TAHUNAN' || belumFinal.length > 0,
    perTahun,
    kumulatif,
    langkahBerikut: langkah,
    selisih,
  };
}

export function createAngkaKreditService({ db, audit }: AngkaKreditDeps) {
  /** The employee if functional; 404 with the reason otherwise. */
  async function fungsional(instansiId: number, pegawaiId: number) {
    const p = await q.pegawaiAk(db, pegawaiId);
    if (!p || p.instansiId !== instansiId) throw new AppError('NOT_FOUND');
    if (p.jenisJabatan !== 'FUNGSIONAL' || !p.jenjang) throw new AppError('BUKAN_FUNGSIONAL');
    return { ...p, jenjang: p.jenjang };
  }

  return {
    async pegawai(actor: Actor, pegawaiId: number, tahun: number): Promise<AngkaKreditPegawaiOut> {
      const p = await fungsional(actor.instansiId, pegawaiId);
      const [riwayat, [ringkas]] = await Promise.all([
        riwayatOf(db, [p.id], tahun).then((m) => m.get(p.id)!),
        q.ringkas(db, [p.id]),
      ]);
      const periodikTahun = riwayat.periodik.filter((r) => r.tahun === tahun);
      const periodik = periodikTahun.map((r) => {
        const penilaian = penilaianPeriodik(r);
        return {
          skpId: r.skpId,
          periodeKode: r.periodeKode,
          periodeLabel: labelKodePeriode(r.periodeKode),
          predikat: r.predikat,
          jenjang: r.jenjang,
          bulan: penilaian.bulan,
          angkaKredit: akOf(penilaian),
        };
      });
      const tahunan = riwayat.tahunan
        .filter((r) => r.tahun === tahun)
        .map((r) => {
          const penilaian = penilaianTahunan(r);
          return {
            skpId: r.skpId,
            predikat: r.predikat,
            jenjang: r.jenjang,
            bulan: penilaian.bulan,
            angkaKredit: akOf(penilaian),
          };
        });
      return {
        pegawai: ringkas!,
        golongan: p.golongan,
        pangkatGolongan: pangkatGolongan(p.jenisAsn, p.golongan),
        jenjang: p.jenjang,
        tahun,
        periodik,
        // Exact months added, rounded once: not the sum of the rounded lines above.
        jumlahPeriodik: akJumlah(periodikTahun.map(penilaianPeriodik)),
        tahunan,
        ...bagianOf(riwayat, tahun),
        awal: riwayat.awal
          ? {
              nilai: riwayat.awal.nilai,
              tahunMulai: riwayat.awal.tahunMulai,
              keterangan: riwayat.awal.keterangan,
              version: riwayat.awal.version,
            }
          : null,
        ...rekap(p.jenjang, p.golongan, riwayat, tahun),
      };
    },

    /** Functional employees with their year's AK and cumulative total, a page at a time. */
    async daftar(
      actor: Actor,
      query: z.infer<typeof AngkaKreditListQuery>,
    ): Promise<{ items: AngkaKreditItem[]; nextCursor: string | null }> {
      const scope = listScope(actor);
      if (query.opdId !== undefined && scope.opdIds !== null && !scope.opdIds.includes(query.opdId)) {
        throw new AppError('FORBIDDEN');
      }
      const afterId = query.cursor === undefined ? null : Number(query.cursor);
      if (afterId !== null && !(Number.isInteger(afterId) && afterId > 0)) {
        throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
      }
      const page = await q.daftarFungsional(db, {
        instansiId: actor.instansiId,
        opdIds: query.opdId !== undefined ? [query.opdId] : scope.opdIds,
        afterId,
        limit: query.limit + 1,
      });
      const items = page.slice(0, query.limit);
      const ids = items.map((r) => r.id);
      const [riwayat, ringkas] = await Promise.all([riwayatOf(db, ids, query.tahun), q.ringkas(db, ids)]);
      return {
        items: items.map((r, i) => {
          const {
            akTahun,
            sumber,
            sementara,
            kumulatif,
            langkahBerikut: langkah,
            selisih,
          } = rekap(r.jenjang, r.golongan, riwayat.get(r.id)!, query.tahun);
          return {
            pegawai: ringkas[i]!,
            golongan: r.golongan,
            jenjang: r.jenjang,
            akTahun,
            sumber,
            sementara,
            kumulatif,
            kebutuhan: langkah?.kebutuhan ?? null,
            selisih,
          };
        }),
        nextCursor: page.length > query.limit ? String(items.at(-1)!.id) : null,
      };
    },

    /** Sets the AK the employee brings in and the year from which the system's own figures add up. */
    async simpanAwal(
      actor: Actor,
      pegawaiId: number,
      body: z.infer<typeof AngkaKreditAwalBody>,
      meta: { requestId: string },
    ) {
      if (!hasRole(actor, 'ADMIN_INSTANSI')) throw new AppError('FORBIDDEN');
      const p = await fungsional(actor.instansiId, pegawaiId);
      const set = { nilai: body.nilai, tahunMulai: body.tahunMulai, keterangan: body.keterangan ?? null };
      return db.transaction(async (tx) => {
        const [before] = await q.awal(tx, [pegawaiId]);
        if (!(await q.simpanAwal(tx, pegawaiId, body.version, set))) throw new AppError('VERSION_CONFLICT');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: p.opdId,
          actorId: actor.id,
          action: 'angka_kredit.awal',
          entity: 'angka_kredit_awal',
          entityId: pegawaiId,
          before: before ?? null,
          after: set,
          requestId: meta.requestId,
        });
        const [after] = await q.awal(tx, [pegawaiId]);
        return {
          nilai: after!.nilai,
          tahunMulai: after!.tahunMulai,
          keterangan: after!.keterangan,
          version: after!.version,
        };
      });
    },
  };
}

export type AngkaKreditService = ReturnType<typeof createAngkaKreditService>;
