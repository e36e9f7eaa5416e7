/**
 * The inbox (Kotak Masuk): what waits for the logged-in user — realisasi to report (the period whose
 * input is open or next) and to correct, subordinates' realisasi to assess (also for a delegation in
 * force and what escalated to them), open dialog follow-ups — each with its deadline in the instansi's
 * zone and the time left as the server counts it (domain/tenggat.ts).
 */
import type { ItemKotakMasuk, KotakMasukOut } from '../../contracts/kotak-masuk.js';
import type { Db } from '../../db/client.js';
import { type BukaanKhusus, labelPeriode, type Periode, semuaPeriode } from '../../domain/jadwal.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { aturanEskalasi, jendelaPenilaian, periodeLapor, rentangJendela } from '../../domain/tenggat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import type { Actor } from '../auth/actor.js';
import { type JadwalService, resolvePeriode, tenggatDiZona } from '../jadwal/jadwal.service.js';
import * as q from './inbox.queries.js';

const periodeOut = (p: Periode) => ({ kode: p.kode, label: labelPeriode(p) });

/** Rows by key, in first-seen order (Map.groupBy needs Node 21). */
function kelompokkan<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const group = map.get(k);
    if (group) group.push(x);
    else map.set(k, [x]);
  }
  return map;
}

export function createInboxService(deps: {
  db: Db;
  clock: Clock;
  jadwal: Pick<JadwalService, 'config' | 'lihat'>;
}) {
  const { db, clock, jadwal } = deps;

  return {
    async kotakMasuk(actor: Actor): Promise<KotakMasukOut> {
      const [cfg, saya] = await Promise.all([jadwal.config(actor.instansiId), jadwal.lihat(actor)]);
      const now = clock.now();
      const zona = cfg.zonaWaktu;
      const hariIni = dateInZone(now, zona);
      const tenggat = (akhir: Date, mulai: Date | null = null) => tenggatDiZona(now, zona, akhir, mulai);
      const periode = (kode: string) => resolvePeriode(kode, cfg);
      const bukaanSaya: BukaanKhusus[] = saya.bukaanSaya.map((b) => ({
        ...b,
        berakhir: new Date(b.berakhir),
      }));
      const tahun = saya.periodeBerjalan.mulai.slice(0, 4);
      // Escalation is looked for in this year's and last year's periods.
      const aturan = [Number(tahun) - 1, Number(tahun)].flatMap((t) =>
        semuaPeriode(t, cfg).flatMap((p) => aturanEskalasi(p, cfg)),
      );
      const lapor = periodeLapor(
        now,
        saya.jadwal.map((j) => periode(j.kode)),
        cfg,
        bukaanSaya,
      );

      const [rhk, perbaikan, menunggu, tindakLanjut] = await Promise.all([
        lapor ? q.rhkBelumDiajukan(db, actor.id, lapor.periode) : null,
        q.perluPerbaikan(db, actor.id),
        q.menungguPenilaian(db, actor.id, hariIni, aturan, now),
        q.tindakLanjutTerbuka(db, actor.id, zona),
      ]);

      const items: ItemKotakMasuk[] = [];
      if (lapor && rhk && rhk.belum > 0)
        items.push({
          jenis: 'LAPOR',
          periode: periodeOut(lapor.periode),
          jumlahRhk: rhk.jumlah,
          belumDiajukan: rhk.belum,
          tenggat: tenggat(lapor.akhir, lapor.mulai),
          tautan: `/realisasi?periode=${lapor.periode.kode}`,
        });

      const perPeriode = kelompokkan(perbaikan, (r) => r.periodeKode);
      for (const [kode, list] of perPeriode) {
        const p = periode(kode);
        const r = rentangJendela(now, ['PERBAIKAN'], p, cfg, bukaanSaya);
        items.push({
          jenis: 'PERBAIKI',
          periode: periodeOut(p),
          realisasi: list.map(({ id, rhkRencana, arahan }) => ({ id, rhkRencana, arahan })),
          tenggat: tenggat(r.akhir, r.mulai),
          tautan: `/realisasi?periode=${kode}`,
        });
      }

      // One entry per employee and period; its deadline is that of the most urgent status.
      const perPegawai = kelompokkan(menunggu, (r) => `${r.pegawaiId}:${r.periodeKode}`);
      for (const list of perPegawai.values()) {
        const first = list[0]!;
        const p = periode(first.periodeKode);
        const bukaan: BukaanKhusus[] = [
          ...(first.bukaanPenilaian
            ? [
                {
                  jenis: 'PENILAIAN' as const,
                  periodeKode: p.kode,
                  berakhir: new Date(first.bukaanPenilaian),
                },
              ]
            : []),
          ...(first.bukaanPerbaikan
            ? [
                {
                  jenis: 'PERBAIKAN' as const,
                  periodeKode: p.kode,
                  berakhir: new Date(first.bukaanPerbaikan),
                },
              ]
            : []),
        ];
        const r = list
          .map((x) => rentangJendela(now, jendelaPenilaian(x.status), p, cfg, bukaan))
          .sort((a, b) => a.akhir.getTime() - b.akhir.getTime())[0]!;
        const tertua = list.flatMap((x) => (x.tertua ? [new Date(x.tertua).getTime()] : []));
        items.push({
          jenis: 'NILAI',
          periode: periodeOut(p),
          pegawai: {
            id: first.pegawaiId,
            nip: first.nip,
            namaLengkap: namaLengkap(first),
            jabatanNama: first.jabatanNama,
          },
          peran: first.peran,
          atasNama:
            first.atasNamaId === null
              ? null
              : {
                  id: first.atasNamaId,
                  namaLengkap: namaLengkap({
                    gelarDepan: first.atasNamaGelarDepan,
                    nama: first.atasNamaNama!,
                    gelarBelakang: first.atasNamaGelarBelakang,
                  }),
                },
          menunggu: list.reduce((n, x) => n + x.jumlah, 0),
          diajukanTerlama: tertua.length ? new Date(Math.min(...tertua)).toISOString() : null,
          tenggat: tenggat(r.akhir, r.mulai),
          tautan: `/realisasi/bawahan/${first.pegawaiId}?periode=${p.kode}`,
        });
      }

      for (const t of tindakLanjut)
        items.push({
          jenis: 'TINDAK_LANJUT',
          id: t.id,
          uraian: t.uraian,
          dialog: {
            id: t.dialogId,
            tanggal: t.tanggal,
            jenis: t.jenis,
            topik: t.topik,
            pegawai: { id: t.pegawaiDialogId, namaLengkap: namaLengkap(t) },
          },
          tenggat: tenggat(new Date(t.akhir)),
          tautan: `/dialog?id=${t.dialogId}`,
        });

      items.sort((a, b) => a.tenggat.akhir.localeCompare(b.tenggat.akhir));
      const jumlah = { LAPOR: 0, PERBAIKI: 0, NILAI: 0, TINDAK_LANJUT: 0 };
      for (const i of items) jumlah[i.jenis]++;
      return { sekarang: now.toISOString(), zona: saya.zona, items, jumlah };
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
