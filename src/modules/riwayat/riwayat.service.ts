/**
 * Riwayat kinerja: an employee's periods of a year side by side (per RHK: realisasi, status, capaian,
 * rounds, feedback; per period: ratings and predikat; the final annual predikat; each result with
 * its source), and the same at a glance for a team: the assessor's direct subordinates, or a unit
 * for an admin. Periods follow the instansi's schedule.
 */
import type { z } from 'zod';
import type { RiwayatPegawaiOut, RiwayatTimOut, RiwayatTimQuery } from '../../contracts/riwayat.js';
import type { Db } from '../../db/client.js';
import { labelPeriode, type Periode, semuaPeriode } from '../../domain/jadwal.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { PREDIKAT_PEGAWAI_LABEL } from '../../domain/predikat.js';
import { STATUS_REALISASI } from '../../domain/realisasi-workflow.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { JadwalService } from '../jadwal/jadwal.service.js';
import * as q from './riwayat.queries.js';

const periodeOut = (p: Periode) => ({ kode: p.kode, label: labelPeriode(p), mulai: p.mulai, akhir: p.akhir });

const anggotaOut = (p: {
  id: number;
  nip: string;
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
  jabatanNama: string | null;
}) => ({ id: p.id, nip: p.nip, namaLengkap: namaLengkap(p), jabatanNama: p.jabatanNama });

export function createRiwayatService(deps: { db: Db; clock: Clock; jadwal: Pick<JadwalService, 'config'> }) {
  const { db, clock, jadwal } = deps;

  return {
    /** The employee's year (route access decides who reads). */
    async pegawai(pegawaiId: number, tahun: number): Promise<RiwayatPegawaiOut> {
      const p = await q.findPegawai(db, pegawaiId);
      if (!p) throw new AppError('NOT_FOUND', undefined, 'Pegawai tidak ditemukan.');
      const cfg = await jadwal.config(p.instansiId);
      const periode = semuaPeriode(tahun, cfg);
      const [rhks, cells, nilai, tahunan] = await Promise.all([
        q.rhkTahun(db, pegawaiId, tahun),
        q.realisasiTahun(
          db,
          pegawaiId,
          tahun,
          periode.map((x) => x.kode),
        ),
        q.penilaianTahun(db, pegawaiId, tahun),
        q.tahunanAkhir(db, p.instansiId, pegawaiId, tahun),
      ]);

      // An RHK copied into a newer version continues its original's row (asal_rhk_id), shown as the newest.
      const byId = new Map(rhks.map((r) => [r.id, r]));
      const akar = (id: number) => {
        let r = byId.get(id)!;
        while (r.asalRhkId !== null && byId.has(r.asalRhkId)) r = byId.get(r.asalRhkId)!;
        return r.id;
      };
      const baris = new Map<
        number,
        { rhk: (typeof rhks)[number]; sel: Map<string, (typeof cells)[number]> }
      >();
      for (const r of rhks) {
        const b = baris.get(akar(r.id));
        if (b) b.rhk = r;
        else baris.set(akar(r.id), { rhk: r, sel: new Map() });
      }
      for (const c of cells) {
        if (!byId.has(c.rhkId)) continue;
        const sel = baris.get(akar(c.rhkId))!.sel;
        // Two versions filled in one period: the later realisasi is the one that counts.
        if ((sel.get(c.periodeKode)?.id ?? 0) < c.id) sel.set(c.periodeKode, c);
      }
      const urutan = new Map(periode.map((x, i) => [x.kode, i]));

      return {
        tahun,
        jenisPeriode: cfg.periode,
        pegawai: anggotaOut(p),
        periode: periode.map(periodeOut),
        rhk: [...baris.values()].map(({ rhk: r, sel }) => ({
          id: r.id,
          jenis: r.jenis,
          rencana: r.rencana,
          skpId: r.skpId,
          skpVersi: r.skpVersi,
          sel: [...sel.values()]
            .sort((a, b) => urutan.get(a.periodeKode)! - urutan.get(b.periodeKode)!)
            .map((c) => ({
              periodeKode: c.periodeKode,
              realisasiId: c.id,
              status: c.status,
              nilai: c.nilai === null ? null : Number(c.nilai),
              satuan: c.satuan,
              teks: c.teks,
              capaian: c.capaian,
              putaran: c.putaran ?? 0,
              jumlahUmpanBalik: c.jumlahUmpanBalik ?? 0,
              umpanBalikTerakhir:
                c.umpanBalikTeks === null || c.umpanBalikOlehId === null || c.nama === null
                  ? null
                  : {
                      teks: c.umpanBalikTeks,
                      oleh: { id: c.umpanBalikOlehId, namaLengkap: namaLengkap({ ...c, nama: c.nama }) },
                      at: c.umpanBalikAt!.toISOString(),
                    },
            })),
        })),
        penilaian: nilai
          .filter((n) => urutan.has(n.periodeKode))
          .map((n) => ({
            periodeKode: n.periodeKode,
            ratingHasilKerja: n.ratingHasilKerja,
            ratingPerilaku: n.ratingPerilaku,
            predikat: n.predikat,
            predikatLabel: PREDIKAT_PEGAWAI_LABEL[n.predikat],
            sumber: n.sumber,
            catatan: n.catatan,
            penilai: { id: n.penilaiId, namaLengkap: namaLengkap(n) },
            at: n.at.toISOString(),
          })),
        tahunan: tahunan && { ...tahunan, predikatLabel: PREDIKAT_PEGAWAI_LABEL[tahunan.predikat] },
      };
    },

    /**
     * The team's year: by default the actor's direct subordinates (those they assess); with unorId,
     * a unit and the units below it, for the BKD admin, the tim penilai or the unit's OPD admin.
     * Paged by employee name.
     */
    async tim(actor: Actor, query: z.infer<typeof RiwayatTimQuery>): Promise<RiwayatTimOut> {
      const cfg = await jadwal.config(actor.instansiId);
      const periode = semuaPeriode(query.tahun, cfg);
      const kode = periode.map((x) => x.kode);
      const offset = Number(query.cursor ?? 0);
      let unor: RiwayatTimOut['unor'] = null;
      let found: Awaited<ReturnType<typeof q.timPenilai>>;
      if (query.unorId === undefined) {
        found = await q.timPenilai(
          db,
          actor.id,
          dateInZone(clock.now(), cfg.zonaWaktu),
          offset,
          query.limit + 1,
        );
      } else {
        const u = await q.findUnor(db, query.unorId);
        if (!u || u.instansiId !== actor.instansiId)
          throw new AppError('NOT_FOUND', undefined, 'Unit organisasi tidak ditemukan.');
        const { opdIds } = listScope(actor);
        if (!(opdIds === null || (u.opdId !== null && opdIds.includes(u.opdId))))
          throw new AppError('FORBIDDEN', undefined, 'Riwayat kinerja unit ini di luar kewenangan Anda.');
        unor = { id: u.id, nama: u.nama };
        found = await q.timUnor(db, u.path, offset, query.limit + 1);
      }
      const page = found.slice(0, query.limit);
      const ids = page.map((p) => p.id);
      const [predikat, jumlah] = await Promise.all([
        q.predikatTim(db, ids, query.tahun),
        q.jumlahTim(db, ids, query.tahun, kode),
      ]);
      const kosong = () =>
        Object.fromEntries(
          STATUS_REALISASI.map((s) => [s, 0]),
        ) as RiwayatTimOut['items'][number]['sel'][number]['jumlah'];
      const sel = new Map<string, RiwayatTimOut['items'][number]['sel'][number]>();
      const selOf = (pegawaiId: number, periodeKode: string) => {
        const key = `${pegawaiId}:${periodeKode}`;
        let s = sel.get(key);
        if (!s) {
          s = { periodeKode, predikat: null, jumlah: kosong() };
          sel.set(key, s);
        }
        return s;
      };
      for (const j of jumlah) {
        const { pegawaiId, periodeKode, ...n } = j;
        selOf(pegawaiId, periodeKode).jumlah = n;
      }
      const urutan = new Map(kode.map((k, i) => [k, i]));
      for (const n of predikat)
        if (urutan.has(n.periodeKode)) selOf(n.pegawaiId, n.periodeKode).predikat = n.predikat;

      return {
        tahun: query.tahun,
        jenisPeriode: cfg.periode,
        periode: periode.map(periodeOut),
        unor,
        items: page.map((p) => ({
          pegawai: anggotaOut(p),
          sel: kode.flatMap((k) => sel.get(`${p.id}:${k}`) ?? []),
        })),
        nextCursor: found.length > query.limit ? String(offset + query.limit) : null,
      };
    },
  };
}

export type RiwayatService = ReturnType<typeof createRiwayatService>;
