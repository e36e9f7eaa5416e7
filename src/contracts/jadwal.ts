import { z } from 'zod';
import { JENIS_JENDELA, JENIS_PERIODE } from '../domain/jadwal.js';
import { Alasan, BATAS_INT, PageQuery, pageOf, teks } from './common.js';
import { JendelaHari } from './pengaturan.js';

export const JenisJendela = z.enum(JENIS_JENDELA, {
  error: 'Jenis jendela harus INPUT, PENILAIAN atau PERBAIKAN.',
});

/** A month ('2026-07'), a quarter ('2026-Q3') or a semester ('2026-S2'). */
export const PeriodeKode = teks().regex(
  /^\d{4}-(0[1-9]|1[0-2]|Q[1-4]|S[12])$/,
  'Periode harus berformat TTTT-BB (mis. 2026-07), TTTT-Qn (triwulan) atau TTTT-Sn (semester).',
);

export const PeriodeOut = z.object({
  kode: z.string(),
  label: z.string(),
  /** First and last month, 'YYYY-MM'. */
  mulai: z.string(),
  akhir: z.string(),
});

export const STATUS_JENDELA = ['BELUM_DIBUKA', 'DIBUKA', 'DITUTUP'] as const;

export const JendelaOut = z.object({
  jenis: JenisJendela,
  label: z.string(),
  periodeKode: z.string(),
  /** Instants (ISO 8601, UTC): local 00:00 of the first day and 23:59:59.999 of the last. */
  mulai: z.string(),
  akhir: z.string(),
  /** The same bounds as local dates of the instansi, 'YYYY-MM-DD'. */
  tanggalMulai: z.string(),
  tanggalAkhir: z.string(),
  status: z.enum(STATUS_JENDELA),
});
export type JendelaOut = z.infer<typeof JendelaOut>;

export const BukaanAktif = z.object({
  jenis: JenisJendela,
  periodeKode: z.string(),
  berakhir: z.string(),
});

export const JadwalOut = z.object({
  /** The server's now, so a countdown does not trust the browser's clock. */
  sekarang: z.string(),
  zonaWaktu: z.string(),
  /** WIB, WITA or WIT (other zones by their IANA name). */
  zona: z.string(),
  periode: z.enum(JENIS_PERIODE),
  jendelaHari: JendelaHari,
  /** The period today belongs to; its windows open after it ends. */
  periodeBerjalan: PeriodeOut,
  jendelaAktif: JendelaOut.nullable(),
  jendelaBerikutnya: JendelaOut.nullable(),
  /** The previous and the current period, each with its three windows. */
  jadwal: z.array(PeriodeOut.extend({ jendela: z.array(JendelaOut) })),
  /** Exceptions that apply to the caller now (their own or their unit's). */
  bukaanSaya: z.array(BukaanAktif),
});
export type JadwalOut = z.infer<typeof JadwalOut>;

export const BukaanQuery = PageQuery.extend({ periode: PeriodeKode.optional() });

export const BukaanBody = z
  .object({
    jenis: JenisJendela,
    /** A month is turned into the instansi's period that holds it. */
    periodeKode: PeriodeKode,
    pegawaiId: z.number().int().positive().max(BATAS_INT).optional(),
    unorId: z.number().int().positive().max(BATAS_INT).optional(),
    alasan: Alasan,
    /** Exclusive end; in the future and at most 31 days ahead. */
    berakhir: z.iso.datetime({
      offset: true,
      error: 'Waktu berakhir harus berformat ISO 8601, mis. 2026-08-12T23:59:00+08:00.',
    }),
  })
  .refine((b) => (b.pegawaiId === undefined) !== (b.unorId === undefined), {
    message: 'Pilih tepat satu sasaran bukaan: pegawai (pegawaiId) atau unit (unorId).',
    path: ['pegawaiId'],
  });

export const CabutBody = z.object({ alasan: Alasan.optional() });

export const STATUS_BUKAAN = ['AKTIF', 'BERAKHIR', 'DICABUT'] as const;

export const BukaanOut = z.object({
  id: z.number(),
  jenis: JenisJendela,
  periodeKode: z.string(),
  pegawai: z.object({ id: z.number(), nip: z.string(), namaLengkap: z.string() }).nullable(),
  unor: z.object({ id: z.number(), nama: z.string() }).nullable(),
  alasan: z.string(),
  berakhir: z.string(),
  dibuatOleh: z.object({ id: z.number(), namaLengkap: z.string() }),
  createdAt: z.string(),
  dicabutAt: z.string().nullable(),
  status: z.enum(STATUS_BUKAAN),
});
export type BukaanOut = z.infer<typeof BukaanOut>;
export const BukaanPage = pageOf(BukaanOut);
export type BukaanPage = z.infer<typeof BukaanPage>;

/** A deadline counted down by the server in the instansi's zone (the inbox and the window cards). */
export const Tenggat = z.object({
  /** The last instant (ISO 8601): a window's end in the instansi's zone, or an exception's. */
  akhir: z.string(),
  /** Its local date, 'YYYY-MM-DD'. */
  tanggalAkhir: z.string(),
  /** Set while the window has not opened yet. */
  mulai: z.string().nullable(),
  status: z.enum(['BELUM_DIBUKA', 'BERJALAN', 'HARI_INI', 'TERLAMBAT']),
  /** Milliseconds left at the server's now (negative when overdue). */
  sisaMs: z.number(),
  /** Calendar days left in the instansi's zone (negative when overdue). */
  sisaHari: z.number(),
  /** "3 hari lagi", "berakhir hari ini", "terlambat 2 hari", "dibuka 4 hari lagi". */
  label: z.string(),
});
export type Tenggat = z.infer<typeof Tenggat>;
