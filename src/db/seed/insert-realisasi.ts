/**
 * Seeds the monthly cycle (SPEC §5) for every employee of an instansi whose approved plan covers a
 * month, relative to `now` in the instansi's zone and schedule: the months before the previous one
 * complete (submitted in the input window, assessed, a share sent back with a direction and corrected,
 * rated → predikat), the previous month as far as its windows have come by `now`. Every step is
 * dated inside its window and never after `now`; actors are the employee and the plan's pejabat
 * penilai (as insertSkpPlans set it from the superiors of the day). Deterministic; built in memory
 * from one read, written with JSON recordsets, a few statements per chunk.
 */
import { sql } from 'drizzle-orm';
import { BERAKHLAK, type KodeBerakhlak } from '../../domain/berakhlak.js';
import {
  type JadwalConfig,
  type Jendela,
  jendelaPeriode,
  NAMA_BULAN,
  parseYearMonth,
  periodeOf,
  prevYearMonth,
  type YearMonth,
} from '../../domain/jadwal.js';
import {
  type CapaianRhk,
  PREDIKAT_PEGAWAI,
  type PredikatPegawai,
  predikatKinerja,
  type Rating,
  sarankanRatingHasilKerja,
} from '../../domain/predikat.js';
import { STATUS_REALISASI, type StatusRealisasi } from '../../domain/realisasi-workflow.js';
import type { JenisRhk } from '../../domain/skp.js';
import { dateInZone } from '../../platform/clock.js';
import { type DbOrTx, rows } from '../client.js';
import { rng } from './province.js';

export interface RealisasiSeedOptions {
  instansiId: number;
  now: Date;
  seed: number;
  /** Completed months before the previous one (default 3). */
  bulanSelesai?: number;
  /** Employees (id or NIP) who reported nothing for the previous month. */
  tanpaLaporan?: readonly (number | string)[];
  /** Pejabat penilai (id or NIP) whose subordinates' previous month mostly waits for them. */
  penilaiMenunggu?: readonly (number | string)[];
  /**
   * An acting official (Plt) who assesses, from `mulai` on, the periods of the plans submitted to
   * `penilaiId` (who left the position): the assessor is whoever leads the position when the
   * period's steps happen, in the month after it.
   */
  penggantiPenilai?: readonly { penilaiId: number; pltId: number; mulai: YearMonth }[];
}

export interface RealisasiSeedCounts {
  /** The months written, oldest first; the last one is in progress. */
  bulan: YearMonth[];
  realisasi: number;
  buktiDukung: number;
  riwayat: number;
  umpanBalik: number;
  penilaian: number;
  /** Items that went through "perlu perbaikan". */
  dikembalikan: number;
  status: Record<StatusRealisasi, number>;
  predikat: Record<PredikatPegawai, number>;
}

const MENIT = 60_000;
const HARI = 86_400_000;
const CHUNK = 5_000;

// ---------------------------------------------------------------------------------------------
// Content

const RENCANA_AKSI: Record<string, (n: number) => string> = {
  layanan: (n) => `Menyelesaikan ${n} layanan sesuai standar pelayanan`,
  berkas: (n) => `Memproses ${n} berkas permohonan layanan`,
  kegiatan: (n) => `Melaksanakan ${n} kegiatan sesuai rencana kerja`,
  kali: (n) => `Melaksanakan kegiatan sebanyak ${n} kali`,
  laporan: (n) => `Menyusun ${n} laporan`,
  dokumen: (n) => `Menyusun ${n} dokumen`,
  naskah: (n) => `Menyusun ${n} naskah dinas`,
  tugas: (n) => `Menyelesaikan ${n} tugas tambahan dari pimpinan`,
  JP: (n) => `Mengikuti ${n} JP pengembangan kompetensi`,
};

const ARAHAN = [
  'Bukti dukung belum menunjukkan hasil kerja bulan ini; lampirkan rekap yang ditandatangani atasan langsung.',
  'Realisasi belum sesuai rencana aksi; jelaskan selisih terhadap target dan lengkapi bukti dukungnya.',
  'Tautan bukti dukung tidak dapat dibuka; bagikan ulang dengan akses yang dapat dilihat pejabat penilai.',
  'Uraikan hasil kerja secara spesifik (jumlah, lokasi, penerima manfaat), bukan daftar kegiatan.',
];

const UMPAN_BALIK: Record<CapaianRhk, string[]> = {
  DI_ATAS: [
    'Capaian melampaui target, pertahankan. Bagikan cara kerjanya kepada rekan satu tim.',
    'Hasil kerja sangat baik dan bukti dukungnya lengkap.',
  ],
  SESUAI: [
    'Capaian sesuai target. Perhatikan ketepatan waktu pelaporan bulan berikutnya.',
    'Sudah sesuai rencana aksi; rapikan penamaan berkas bukti dukung.',
    'Hasil kerja sesuai ekspektasi, terima kasih.',
  ],
  DI_BAWAH: [
    'Capaian di bawah target; susun langkah percepatan dan bahas pada dialog kinerja.',
    'Target bulan ini belum tercapai. Sampaikan kendalanya kepada saya lebih awal.',
  ],
};

const UMPAN_PERILAKU: Record<KodeBerakhlak, string> = {
  BERORIENTASI_PELAYANAN: 'Tanggap terhadap permintaan layanan dan ramah kepada pengguna layanan.',
  AKUNTABEL: 'Laporan realisasi disampaikan tepat waktu dengan bukti dukung yang tertib.',
  KOMPETEN: 'Terus tingkatkan penguasaan aplikasi kerja dan bagikan kepada rekan tim.',
  HARMONIS: 'Menjaga suasana kerja yang saling menghargai di unit kerja.',
  LOYAL: 'Menjaga kerahasiaan data dan dokumen kedinasan dengan baik.',
  ADAPTIF: 'Cepat menyesuaikan diri dengan perubahan tata kerja dan aplikasi baru.',
  KOLABORATIF: 'Aktif berkoordinasi dengan unit lain dalam menyelesaikan pekerjaan bersama.',
};

/** Behaviour below expectation: the values the assessor names. */
const UMPAN_PERILAKU_KURANG: Partial<Record<KodeBerakhlak, string>> = {
  AKUNTABEL: 'Beberapa kali terlambat menyampaikan laporan tanpa pemberitahuan; perbaiki disiplin pelaporan.',
  KOLABORATIF: 'Kurang hadir dalam koordinasi tim sehingga pekerjaan bersama tertunda.',
};

const CATATAN: Record<PredikatPegawai, string> = {
  SANGAT_BAIK: 'Kinerja bulan ini sangat baik, hasil dan perilaku kerja di atas ekspektasi.',
  BAIK: 'Kinerja sesuai ekspektasi. Pertahankan ketepatan waktu pelaporan.',
  BUTUH_PERBAIKAN: 'Sebagian besar hasil kerja di bawah ekspektasi; dibahas dalam dialog kinerja bulan ini.',
  KURANG: 'Perilaku kerja perlu diperbaiki; dijadwalkan bimbingan bersama atasan langsung.',
  SANGAT_KURANG: 'Hasil dan perilaku kerja di bawah ekspektasi; ditindaklanjuti dengan konseling.',
};

/**
 * How an employee usually works, drawn once so the months agree: mostly on target, some above, a few
 * below. It gives the shares of capaian per RHK and of the behaviour rating.
 */
type Profil = 'TINGGI' | 'BIASA' | 'RENDAH';
const CAPAIAN_PROFIL: Record<Profil, [number, number]> = {
  // [share above, share below]; the rest meets the target.
  TINGGI: [0.8, 0],
  BIASA: [0.1, 0.02],
  RENDAH: [0, 0.6],
};
const PERILAKU_PROFIL: Record<Profil, [number, number]> = {
  TINGGI: [0.6, 0],
  BIASA: [0.04, 0.025],
  RENDAH: [0, 0],
};

// ---------------------------------------------------------------------------------------------

interface PlanBulan {
  kode: YearMonth;
  skpId: number;
  pegawaiId: number;
  nip: string;
  penilaiId: number;
  rhk: { id: number; jenis: JenisRhk; urutan: number; target: number | null; satuan: string | null }[];
}

async function readJadwal(tx: DbOrTx, instansiId: number): Promise<JadwalConfig> {
  const [row] = await rows<{
    zona: string;
    periode: JadwalConfig['periode'] | null;
    im: number | null;
    ia: number | null;
    pm: number | null;
    pa: number | null;
    fm: number | null;
    fa: number | null;
  }>(
    tx,
    sql`SELECT i.zona_waktu AS zona, g.periode, g.input_mulai AS im, g.input_akhir AS ia,
               g.penilaian_mulai AS pm, g.penilaian_akhir AS pa, g.perbaikan_mulai AS fm, g.perbaikan_akhir AS fa
          FROM instansi i LEFT JOIN pengaturan g ON g.instansi_id = i.id
         WHERE i.id = ${instansiId}`,
  );
  if (!row) throw new Error(`Seed realisasi: instansi ${instansiId} tidak ada.`);
  if (row.periode && row.periode !== 'BULANAN')
    throw new Error('Seed realisasi: hanya untuk periode penilaian bulanan.');
  return {
    periode: 'BULANAN',
    input: [row.im ?? 1, row.ia ?? 7],
    penilaian: [row.pm ?? 8, row.pa ?? 15],
    perbaikan: [row.fm ?? 19, row.fa ?? 25],
    zonaWaktu: row.zona,
  };
}

/**
 * Per month, the plan approvedSkpFor() would pick for each active employee (someone who left reports
 * nothing more), with its RHKs and their first target.
 */
function readPlans(tx: DbOrTx, instansiId: number, bulan: YearMonth[]) {
  const months = bulan.map((kode) => {
    const { tahun, bulan: b } = parseYearMonth(kode);
    const hari = new Date(Date.UTC(tahun, b, 0)).getUTCDate();
    return { kode, tahun, mulai: `${kode}-01`, akhir: `${kode}-${hari}` };
  });
  return rows<PlanBulan>(
    tx,
    sql`SELECT m.kode, s.id AS "skpId", s.pegawai_id AS "pegawaiId", p.nip, s.pejabat_penilai_id AS "penilaiId",
               (SELECT json_agg(json_build_object('id', r.id, 'jenis', r.jenis, 'urutan', r.urutan,
                                                  'target', k.target_nilai, 'satuan', k.target_satuan)
                                ORDER BY r.urutan, r.id)
                  FROM rhk r
                  LEFT JOIN LATERAL (SELECT target_nilai, target_satuan FROM iki
                                      WHERE iki.rhk_id = r.id ORDER BY target_nilai IS NULL, urutan LIMIT 1) k ON true
                 WHERE r.skp_id = s.id) AS rhk
          FROM json_to_recordset(${JSON.stringify(months)}::json) AS m(kode text, tahun int, mulai date, akhir date)
          JOIN LATERAL (SELECT DISTINCT ON (x.pegawai_id) x.id, x.pegawai_id, x.pejabat_penilai_id
                          FROM skp x
                         WHERE x.instansi_id = ${instansiId} AND x.tahun = m.tahun AND x.status = 'DISETUJUI'
                           AND x.periode_mulai <= m.akhir AND x.periode_akhir >= m.mulai
                         ORDER BY x.pegawai_id, x.versi DESC, x.id DESC) s ON true
          JOIN pegawai p ON p.id = s.pegawai_id
         WHERE s.pejabat_penilai_id IS NOT NULL AND p.is_active
           AND EXISTS (SELECT 1 FROM rhk r WHERE r.skp_id = s.id)
         ORDER BY m.kode, s.pegawai_id`,
  );
}

async function pegawaiIds(tx: DbOrTx, instansiId: number, refs: readonly (number | string)[]) {
  const nips = refs.filter((r): r is string => typeof r === 'string');
  const found = nips.length
    ? await rows<{ id: number }>(
        tx,
        sql`SELECT id FROM pegawai WHERE instansi_id = ${instansiId}
               AND nip IN (SELECT value FROM json_array_elements_text(${JSON.stringify(nips)}::json))`,
      )
    : [];
  if (found.length !== nips.length) throw new Error(`Seed realisasi: NIP tidak ditemukan di antara ${nips}.`);
  return new Set([...refs.filter((r): r is number => typeof r === 'number'), ...found.map((f) => f.id)]);
}

type Rng = ReturnType<typeof rng>;

/**
 * An instant in office hours (08–16 local) on a day of a window, after `setelah`. Null when it falls
 * after `batas` (it has not happened yet), unless `pasti`: then any instant that fits before `batas`;
 * null too when nothing fits.
 */
function waktu(r: Rng, j: Jendela, batas: number, setelah: number, pasti: boolean): number | null {
  const tutup = j.akhir.getTime();
  const awal = Math.max(j.mulai.getTime(), setelah + MENIT);
  const akhir = Math.min(tutup, batas);
  if (awal > akhir) return null;
  const hari = Math.max(1, Math.round((tutup + 1 - j.mulai.getTime()) / HARI));
  let t =
    j.mulai.getTime() + r.int(0, hari - 1) * HARI + r.int(8 * 60, 16 * 60 - 1) * MENIT + r.int(0, 59) * 1000;
  if (t < awal) t = Math.min(awal + r.int(5, 180) * MENIT, tutup);
  if (t <= akhir) return t;
  return pasti ? awal + Math.floor(r.next() * (akhir - awal)) : null;
}

interface Langkah {
  putaran: number;
  aksi: 'AJUKAN' | 'TERIMA' | 'PERLU_PERBAIKAN' | 'PERBAIKI';
  oleh: number;
  catatan: string | null;
  at: number;
}

/** How far one employee's month may get; each step happens only when its drawn time is before `now`. */
interface Jalan {
  /** Saved as drafts; otherwise nothing was reported. */
  lapor: boolean;
  ajukan: boolean;
  /** The assessor went through the items. */
  dinilai: boolean;
  /** Which items are sent back: drawn per item with this chance, or the first one. */
  kembali: number | 'PERTAMA';
  /** Chance that a returned item is corrected, and that a corrected one is accepted again. */
  perbaiki: number;
  terimaLagi: number;
  /** Chance of a periodic rating once every item is accepted. */
  penilaian: number;
  /** Steps that fit before `now` did happen (the demo's waiting items), whatever time was drawn. */
  pasti: boolean;
  /**
   * Share of employees (picked by id and month, drawing nothing) who submitted after the input window,
   * before their assessor's verdict (an exception opened for them): the monitoring's late reports.
   */
  terlambat: number;
}

const BULAN_SELESAI: Jalan = {
  lapor: true,
  ajukan: true,
  dinilai: true,
  kembali: 0.12,
  perbaiki: 1,
  terimaLagi: 1,
  penilaian: 1,
  pasti: true,
  terlambat: 0.05,
};

const iso = (t: number) => new Date(t).toISOString();

function builder(seed: number, cfg: JadwalConfig, batas: number) {
  const r = rng(seed);
  // Windows per month: computing them is zone arithmetic, the same for every plan of the month.
  const jendela = new Map<YearMonth, [Jendela, Jendela, Jendela]>();
  const jendelaOf = (kode: YearMonth) => {
    let j = jendela.get(kode);
    if (!j) {
      const periode = periodeOf(kode, cfg);
      j = [
        jendelaPeriode('INPUT', periode, cfg),
        jendelaPeriode('PENILAIAN', periode, cfg),
        jendelaPeriode('PERBAIKAN', periode, cfg),
      ];
      jendela.set(kode, j);
    }
    return j;
  };
  const profil = new Map<number, Profil>();
  const realisasi: object[] = [];
  const penilaian: object[] = [];
  const perilaku: object[] = [];
  const counts: Omit<RealisasiSeedCounts, 'bulan'> = {
    realisasi: 0,
    buktiDukung: 0,
    riwayat: 0,
    umpanBalik: 0,
    penilaian: 0,
    dikembalikan: 0,
    status: Object.fromEntries(STATUS_REALISASI.map((s) => [s, 0])) as Record<StatusRealisasi, number>,
    predikat: Object.fromEntries(PREDIKAT_PEGAWAI.map((p) => [p, 0])) as Record<PredikatPegawai, number>,
  };

  const profilOf = (pegawaiId: number) => {
    let p = profil.get(pegawaiId);
    if (!p) {
      const x = r.next();
      p = x < 0.15 ? 'TINGGI' : x < 0.92 ? 'BIASA' : 'RENDAH';
      profil.set(pegawaiId, p);
    }
    return p;
  };
  const draw = ([atas, bawah]: [number, number]) => {
    const x = r.next();
    return x < atas ? 'ATAS' : x < atas + bawah ? 'BAWAH' : 'SESUAI';
  };

  /** One employee's month: a realisasi per RHK with its thread, feedback, and the rating when complete. */
  function add(plan: PlanBulan, jalan: Jalan) {
    if (!jalan.lapor) return;
    const [jInput, jNilai, jPerbaikan] = jendelaOf(plan.kode);
    const kapan = (j: Jendela, setelah = 0) => waktu(r, j, batas, setelah, jalan.pasti);
    const { tahun, bulan } = parseYearMonth(plan.kode);
    const namaBulan = `${NAMA_BULAN[bulan - 1]} ${tahun}`;
    const p = profilOf(plan.pegawaiId);
    const dibuat = kapan(jInput);
    if (dibuat === null) return;
    const ajukanAt = jalan.ajukan ? kapan(jInput, dibuat) : null;
    const telat = (plan.pegawaiId * 7919 + bulan * 104_729) % 1000 < jalan.terlambat * 1000;
    const verdicts: { jenis: JenisRhk; capaian: CapaianRhk }[] = [];
    let selesai = ajukanAt !== null;
    let terakhir = ajukanAt ?? dibuat;
    let diperbaiki = false;
    plan.rhk.forEach((x, i) => {
      const target = Math.max(1, Math.round((x.target ?? 12) / 12));
      const satuan = x.satuan ?? 'kegiatan';
      const hasil = draw(CAPAIAN_PROFIL[p]);
      const capaian: CapaianRhk = hasil === 'ATAS' ? 'DI_ATAS' : hasil === 'BAWAH' ? 'DI_BAWAH' : 'SESUAI';
      const selisih = Math.max(1, Math.round(target * (0.1 + 0.3 * r.next())));
      const nilai =
        capaian === 'DI_ATAS'
          ? target + selisih
          : capaian === 'DI_BAWAH'
            ? Math.max(0, target - selisih)
            : target;
      const langkah: Langkah[] = [];
      let status: StatusRealisasi = 'DRAFT';
      let arahan: string | null = null;
      let diajukanAt: number | null = null;
      let dinilaiAt: number | null = null;
      let umpan: { teks: string; o: number; at: string }[] = [];
      const step = (l: Omit<Langkah, 'oleh'>, oleh: number) => langkah.push({ ...l, oleh });
      if (ajukanAt !== null) {
        const nilaiAt = jalan.dinilai ? kapan(jNilai, ajukanAt + i * 7 * MENIT) : null;
        // A late submission moves to the first day after input, before the verdict, drawing nothing.
        const mulaiNilai = jNilai.mulai.getTime();
        const diajukan =
          telat && nilaiAt !== null
            ? mulaiNilai + Math.min(Math.floor((nilaiAt - mulaiNilai) / 2), HARI - MENIT)
            : ajukanAt;
        status = 'DIAJUKAN';
        diajukanAt = diajukan;
        step({ putaran: 1, aksi: 'AJUKAN', catatan: null, at: diajukan }, plan.pegawaiId);
        const kembali = jalan.kembali === 'PERTAMA' ? i === 0 : r.chance(jalan.kembali);
        if (nilaiAt !== null && kembali) {
          arahan = r.pick(ARAHAN);
          status = 'PERLU_PERBAIKAN';
          dinilaiAt = nilaiAt;
          counts.dikembalikan++;
          step({ putaran: 1, aksi: 'PERLU_PERBAIKAN', catatan: arahan, at: nilaiAt }, plan.penilaiId);
          const perbaikiAt = r.chance(jalan.perbaiki) ? kapan(jPerbaikan, nilaiAt) : null;
          if (perbaikiAt !== null) {
            status = 'DIPERBAIKI';
            diajukanAt = perbaikiAt;
            diperbaiki = true;
            step({ putaran: 2, aksi: 'PERBAIKI', catatan: null, at: perbaikiAt }, plan.pegawaiId);
            const lagiAt = r.chance(jalan.terimaLagi) ? kapan(jPerbaikan, perbaikiAt) : null;
            if (lagiAt !== null) {
              status = 'DITERIMA';
              arahan = null;
              dinilaiAt = lagiAt;
              step({ putaran: 2, aksi: 'TERIMA', catatan: null, at: lagiAt }, plan.penilaiId);
            }
          }
        } else if (nilaiAt !== null) {
          status = 'DITERIMA';
          dinilaiAt = nilaiAt;
          step({ putaran: 1, aksi: 'TERIMA', catatan: null, at: nilaiAt }, plan.penilaiId);
        }
        if (status === 'DITERIMA' && r.chance(0.25))
          umpan = [{ teks: r.pick(UMPAN_BALIK[capaian]), o: plan.penilaiId, at: iso(dinilaiAt!) }];
      }
      if (status === 'DITERIMA') verdicts.push({ jenis: x.jenis, capaian });
      else selesai = false;
      const akhir = langkah.at(-1)?.at ?? dibuat;
      terakhir = Math.max(terakhir, akhir);
      const koreksi = langkah.some((l) => l.aksi === 'PERBAIKI');
      realisasi.push({
        sk: plan.skpId,
        rh: x.id,
        pg: plan.pegawaiId,
        pk: plan.kode,
        ra: (RENCANA_AKSI[satuan] ?? ((n: number) => `Mencapai ${n} ${satuan}`))(target),
        ta: `${target} ${satuan}`,
        n: nilai,
        sat: satuan,
        tk: `Realisasi ${nilai} ${satuan} dari target ${target} ${satuan} pada ${namaBulan}; rincian pada rekap terlampir.`,
        st: status,
        cp: status === 'DITERIMA' ? capaian : null,
        ar: arahan,
        pen: ajukanAt === null ? null : plan.penilaiId,
        da: diajukanAt === null ? null : iso(diajukanAt),
        dn: dinilaiAt === null ? null : iso(dinilaiAt),
        // Every save and status change bumps the version; drafts were saved once or twice.
        v: (ajukanAt === null ? r.int(1, 2) : 1) + langkah.length,
        ca: iso(dibuat),
        ua: iso(akhir),
        b: [
          {
            d: `Rekap ${satuan} ${namaBulan}${koreksi ? ' (perbaikan)' : ''}`,
            url: `https://arsip.contoh.go.id/ekinerja/${plan.nip}/${plan.kode}/rhk-${x.urutan + 1}${koreksi ? '-perbaikan' : ''}`,
          },
        ],
        h: langkah.map((l) => ({ ...l, at: iso(l.at) })),
        u: umpan,
      });
      counts.realisasi++;
      counts.buktiDukung++;
      counts.riwayat += langkah.length;
      counts.umpanBalik += umpan.length;
      counts.status[status]++;
    });

    if (!selesai || !r.chance(jalan.penilaian)) return;
    const at = kapan(diperbaiki ? jPerbaikan : jNilai, terakhir);
    if (at === null) return;
    const saran = sarankanRatingHasilKerja(verdicts)!;
    const sikap = draw(PERILAKU_PROFIL[p]);
    const ratingPerilaku: Rating =
      sikap === 'ATAS'
        ? 'DI_ATAS_EKSPEKTASI'
        : sikap === 'BAWAH'
          ? 'DI_BAWAH_EKSPEKTASI'
          : 'SESUAI_EKSPEKTASI';
    // The assessor follows the suggestion here; the app lets them overrule it.
    const predikat = predikatKinerja(saran.rating, ratingPerilaku);
    penilaian.push({
      sk: plan.skpId,
      pk: plan.kode,
      rh: saran.rating,
      rp: ratingPerilaku,
      pr: predikat,
      c: predikat !== 'BAIK' || r.chance(0.2) ? CATATAN[predikat] : null,
      o: plan.penilaiId,
      at: iso(at),
    });
    counts.penilaian++;
    counts.predikat[predikat]++;
    const kodes =
      ratingPerilaku === 'DI_BAWAH_EKSPEKTASI'
        ? (Object.keys(UMPAN_PERILAKU_KURANG) as KodeBerakhlak[])
        : r.chance(0.35)
          ? BERAKHLAK.filter(() => r.chance(0.25))
              .slice(0, 2)
              .map((b) => b.kode)
          : [];
    for (const kode of kodes) {
      perilaku.push({
        sk: plan.skpId,
        pk: plan.kode,
        k: kode,
        t: ratingPerilaku === 'DI_BAWAH_EKSPEKTASI' ? UMPAN_PERILAKU_KURANG[kode]! : UMPAN_PERILAKU[kode],
        o: plan.penilaiId,
        at: iso(at),
      });
      counts.umpanBalik++;
    }
  }

  return { r, add, realisasi, penilaian, perilaku, counts };
}

async function write(tx: DbOrTx, instansiId: number, b: ReturnType<typeof builder>) {
  // A realisasi and its evidence, thread and feedback in one statement, matched on (rhk, period).
  for (let i = 0; i < b.realisasi.length; i += CHUNK) {
    await tx.execute(sql`WITH t AS (
        SELECT * FROM json_to_recordset(${JSON.stringify(b.realisasi.slice(i, i + CHUNK))}::json)
          AS t(sk int, rh int, pg int, pk text, ra text, ta text, n numeric, sat text, tk text, st text, cp text,
               ar text, pen int, da timestamptz, dn timestamptz, v int, ca timestamptz, ua timestamptz,
               b json, h json, u json)
      ), r AS (
        INSERT INTO realisasi (instansi_id, skp_id, rhk_id, pegawai_id, periode_kode, tahun, rencana_aksi, target_aksi,
               nilai, satuan, teks, status, capaian, arahan, pejabat_penilai_id, diajukan_at, dinilai_at,
               version, created_at, updated_at)
        SELECT ${instansiId}, sk, rh, pg, pk, left(pk, 4)::smallint, ra, ta, n, sat, tk, st, cp, ar, pen, da, dn, v,
               ca, ua FROM t
        RETURNING id, rhk_id, periode_kode
      ), x AS (
        SELECT r.id, t.* FROM r JOIN t ON t.rh = r.rhk_id AND t.pk = r.periode_kode
      ), bukti AS (
        INSERT INTO bukti_dukung (realisasi_id, tahun, jenis, deskripsi, url, created_at)
        SELECT x.id, left(x.pk, 4)::smallint, 'TAUTAN', e.d, e.url, x.ca FROM x CROSS JOIN LATERAL json_to_recordset(x.b) AS e(d text, url text)
      ), riwayat AS (
        INSERT INTO realisasi_riwayat (realisasi_id, tahun, putaran, aksi, oleh_id, catatan, at)
        SELECT x.id, left(x.pk, 4)::smallint, e.putaran, e.aksi, e.oleh, e.catatan, e.at
          FROM x CROSS JOIN LATERAL json_to_recordset(x.h) AS e(putaran int, aksi text, oleh int, catatan text, at timestamptz)
         ORDER BY x.id, e.at
      )
      INSERT INTO umpan_balik (skp_id, periode_kode, tahun, realisasi_id, teks, oleh_id, at)
      SELECT x.sk, x.pk, left(x.pk, 4)::smallint, x.id, e.teks, e.o, e.at
        FROM x CROSS JOIN LATERAL json_to_recordset(x.u) AS e(teks text, o int, at timestamptz)`);
  }
  for (let i = 0; i < b.penilaian.length; i += CHUNK) {
    await tx.execute(sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja,
             rating_perilaku, predikat, catatan, penilai_id, at)
      SELECT ${instansiId}, sk, pk, rh, rp, pr, c, o, at
        FROM json_to_recordset(${JSON.stringify(b.penilaian.slice(i, i + CHUNK))}::json)
          AS t(sk int, pk text, rh text, rp text, pr text, c text, o int, at timestamptz)`);
  }
  for (let i = 0; i < b.perilaku.length; i += CHUNK) {
    await tx.execute(sql`INSERT INTO umpan_balik (skp_id, periode_kode, tahun, kode, teks, oleh_id, at)
      SELECT sk, pk, left(pk, 4)::smallint, k, t, o, at
        FROM json_to_recordset(${JSON.stringify(b.perilaku.slice(i, i + CHUNK))}::json)
          AS t(sk int, pk text, k text, t text, o int, at timestamptz)`);
  }
}

/**
 * The previous month as far as its windows have come by `now` (steps dated after it have not happened):
 * most submit, some leave drafts or report nothing; most assessors go through the items, sending
 * some back; most returned items are corrected and re-assessed. The `penilaiMenunggu`'s subordinates
 * surely submitted: the first accepted, the second sent back, the next two corrected (once corrections
 * opened) and the rest still submitted, so several wait for them.
 */
const bulanLalu = {
  acak(r: Rng): Jalan {
    const x = r.next();
    return {
      lapor: x >= 0.06,
      ajukan: x >= 0.12,
      dinilai: r.chance(0.9),
      kembali: 0.12,
      perbaiki: 0.85,
      terimaLagi: 0.8,
      penilaian: 0.6,
      pasti: false,
      terlambat: 0,
    };
  },
  menunggu(urutan: number, perbaikanDibuka: boolean): Jalan {
    const jalan: Jalan = { ...BULAN_SELESAI, dinilai: false, penilaian: 0, terlambat: 0 };
    if (urutan === 0) return { ...jalan, dinilai: true, kembali: 0 };
    if (urutan === 1) return { ...jalan, dinilai: true, kembali: 'PERTAMA', perbaiki: 0 };
    if (urutan <= 3 && perbaikanDibuka) return { ...jalan, dinilai: true, kembali: 'PERTAMA', terimaLagi: 0 };
    return jalan;
  },
};

export async function insertRealisasiBulanan(
  tx: DbOrTx,
  options: RealisasiSeedOptions,
): Promise<RealisasiSeedCounts> {
  const { instansiId, now } = options;
  const cfg = await readJadwal(tx, instansiId);
  const lalu = prevYearMonth(dateInZone(now, cfg.zonaWaktu).slice(0, 7));
  const bulan: YearMonth[] = [lalu];
  for (let i = 0; i < (options.bulanSelesai ?? 3); i++) bulan.unshift(prevYearMonth(bulan[0]!));
  const plans = await readPlans(tx, instansiId, bulan);
  const tanpa = await pegawaiIds(tx, instansiId, options.tanpaLaporan ?? []);
  const penilai = await pegawaiIds(tx, instansiId, options.penilaiMenunggu ?? []);
  const batas = now.getTime() - MENIT;
  const b = builder(options.seed, cfg, batas);
  const perbaikanDibuka = jendelaPeriode('PERBAIKAN', periodeOf(lalu, cfg), cfg).mulai.getTime() < batas;
  // Each waiting assessor's subordinates get the same pattern, counted per assessor.
  const urutanMenunggu = new Map<number, number>();
  for (const found of plans) {
    const plt = options.penggantiPenilai?.find(
      (g) => g.penilaiId === found.penilaiId && found.kode >= g.mulai,
    );
    const plan = plt ? { ...found, penilaiId: plt.pltId } : found;
    if (plan.kode !== lalu) b.add(plan, BULAN_SELESAI);
    else if (tanpa.has(plan.pegawaiId)) continue;
    else if (penilai.has(plan.penilaiId)) {
      const urutan = urutanMenunggu.get(plan.penilaiId) ?? 0;
      urutanMenunggu.set(plan.penilaiId, urutan + 1);
      b.add(plan, bulanLalu.menunggu(urutan, perbaikanDibuka));
    } else b.add(plan, bulanLalu.acak(b.r));
  }
  await write(tx, instansiId, b);
  return { bulan, ...b.counts };
}

/**
 * One month of drafts for every employee whose approved plan covers it: each RHK saved with its
 * rencana aksi, a value near the monthly target and a link, nothing submitted (the benchmark's load).
 */
export async function insertRealisasiDraf(
  tx: DbOrTx,
  options: { instansiId: number; periodeKode: YearMonth; now: Date; seed: number },
): Promise<RealisasiSeedCounts> {
  const cfg = await readJadwal(tx, options.instansiId);
  const plans = await readPlans(tx, options.instansiId, [options.periodeKode]);
  const b = builder(options.seed, cfg, options.now.getTime() - MENIT);
  const draf: Jalan = { ...BULAN_SELESAI, ajukan: false };
  for (const plan of plans) b.add(plan, draf);
  await write(tx, options.instansiId, b);
  return { bulan: [options.periodeKode], ...b.counts };
}
