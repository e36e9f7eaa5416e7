/** The monthly cycle (SPEC §5.2–5.3, §6.2): realisasi per RHK per period, assessment, periodic ratings. */
import { z } from 'zod';
import { BERAKHLAK, type KodeBerakhlak } from '../domain/berakhlak.js';
import { CAPAIAN_RHK, PREDIKAT_PEGAWAI, RATING } from '../domain/predikat.js';
import { STATUS_REALISASI } from '../domain/realisasi-workflow.js';
import { JENIS_RHK } from '../domain/skp.js';
import { BATAS_INT, teks } from './common.js';
import { JendelaOut, Tenggat } from './jadwal.js';
import { LogRingkasan } from './log-harian.js';

const Teks = (max: number) => teks().trim().max(max, `Paling banyak ${max} karakter.`);

/** A month 'YYYY-MM', or the instansi's quarter/semester code ('2026-Q3', '2026-S2'). */
export const PeriodeKode = teks()
  .trim()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2]|Q[1-4]|S[12])$/,
    'Periode harus berformat TTTT-BB (mis. 2026-07), TTTT-Q1…Q4 atau TTTT-S1/S2.',
  );

export const PeriodeQuery = z.object({ periode: PeriodeKode });

export const RhkPeriodeParams = z.object({
  rhkId: z.coerce.number().int().positive().max(BATAS_INT),
  periode: PeriodeKode,
});

export const TautanInput = z.object({
  url: teks()
    .trim()
    .max(2000, 'Tautan paling banyak 2000 karakter.')
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    }, 'Tautan bukti dukung harus alamat http:// atau https:// yang valid.'),
  deskripsi: Teks(500).min(1, 'Deskripsi bukti dukung wajib diisi.'),
});

const Opsional = (max: number) =>
  Teks(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

export const SimpanRealisasiBody = z.object({
  /** Required when the realisasi already exists (optimistic lock). */
  version: z.number().int().positive().max(BATAS_INT).optional(),
  rencanaAksi: Opsional(2000),
  targetAksi: Opsional(500),
  nilai: z
    .number({ error: 'Nilai realisasi harus berupa angka.' })
    .min(0, 'Nilai realisasi tidak boleh negatif.')
    .max(1e12, 'Nilai realisasi terlalu besar.')
    .nullable()
    .default(null),
  satuan: Opsional(60),
  teks: Opsional(4000),
  buktiDukung: z.array(TautanInput).max(20, 'Paling banyak 20 tautan bukti dukung.').default([]),
});

export const AjukanBody = z.object({ periode: PeriodeKode });

export const NilaiBody = z
  .object({
    version: z.number().int().positive().max(BATAS_INT),
    keputusan: z.enum(['TERIMA', 'PERLU_PERBAIKAN'], {
      error: 'Keputusan harus TERIMA atau PERLU_PERBAIKAN.',
    }),
    arahan: Teks(2000).optional(),
    capaian: z.enum(CAPAIAN_RHK, { error: 'Capaian harus DI_ATAS, SESUAI atau DI_BAWAH.' }).optional(),
    umpanBalik: Teks(4000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.keputusan === 'PERLU_PERBAIKAN' && (b.arahan ?? '').length < 3)
      ctx.addIssue({
        code: 'custom',
        path: ['arahan'],
        message: 'Arahan perbaikan wajib diisi (minimal 3 karakter).',
      });
    if (b.keputusan === 'TERIMA' && !b.capaian)
      ctx.addIssue({
        code: 'custom',
        path: ['capaian'],
        message: 'Capaian (di atas, sesuai atau di bawah ekspektasi) wajib dipilih saat menerima realisasi.',
      });
  });

export const KODE_BERAKHLAK = BERAKHLAK.map((b) => b.kode) as [KodeBerakhlak, ...KodeBerakhlak[]];

export const PenilaianBody = z.object({
  periode: PeriodeKode,
  ratingHasilKerja: z.enum(RATING, { error: 'Rating hasil kerja tidak valid.' }),
  ratingPerilaku: z.enum(RATING, { error: 'Rating perilaku kerja tidak valid.' }),
  catatan: Opsional(4000),
  umpanBalikPerilaku: z
    .array(
      z.object({
        kode: z.enum(KODE_BERAKHLAK, { error: 'Kode nilai BerAKHLAK tidak dikenal.' }),
        teks: Teks(2000).min(1, 'Umpan balik perilaku tidak boleh kosong.'),
      }),
    )
    .max(7)
    .refine(
      (l) => new Set(l.map((u) => u.kode)).size === l.length,
      'Setiap nilai BerAKHLAK cukup satu umpan balik.',
    )
    .optional(),
  /** Required when the period already has a penilaian. */
  version: z.number().int().positive().max(BATAS_INT).optional(),
});

const Orang = z.object({ id: z.number(), namaLengkap: z.string() });

/**
 * Peer input on the employee's behaviour in the period (SPEC §5.3): the assessor reads it with its
 * author; the employee reads it with `penulis` null, never who wrote it.
 */
export const MasukanRekanDiterima = z.object({
  kode: z.enum(KODE_BERAKHLAK),
  teks: z.string(),
  penulis: Orang.nullable(),
});
export type MasukanRekanDiterima = z.infer<typeof MasukanRekanDiterima>;

/** Evidence files: PDF, PNG or JPEG, checked by content. */
export const BERKAS_MIME = ['application/pdf', 'image/png', 'image/jpeg'] as const;
/** At most this many bytes per file, and this many files per realisasi. */
export const BERKAS_MAKS_BYTE = 2 * 1024 * 1024;
export const BERKAS_MAKS_JUMLAH = 5;

export const BerkasParams = z.object({
  id: z.coerce.number().int().positive().max(BATAS_INT),
  buktiId: z.coerce.number().int().positive().max(BATAS_INT),
});

/** The text field `deskripsi` sent with an uploaded file. */
export const DeskripsiBerkas = Teks(500).min(1, 'Deskripsi bukti dukung wajib diisi.');

export const BuktiDukungOut = z.object({
  id: z.number(),
  jenis: z.enum(['TAUTAN', 'BERKAS']),
  url: z.string().nullable(),
  deskripsi: z.string(),
  /** For a file (BERKAS): its sanitised name, detected type, size in bytes; null for a link. */
  namaBerkas: z.string().nullable(),
  mime: z.string().nullable(),
  ukuran: z.number().nullable(),
  /** True when the same file (SHA-256) was uploaded by another employee of the instansi. */
  duplikat: z.boolean(),
  /** How many other employees uploaded the same file. */
  jumlahDuplikat: z.number(),
});
export type BuktiDukungOut = z.infer<typeof BuktiDukungOut>;

export const RealisasiOut = z.object({
  id: z.number(),
  status: z.enum(STATUS_REALISASI),
  rencanaAksi: z.string().nullable(),
  targetAksi: z.string().nullable(),
  nilai: z.number().nullable(),
  satuan: z.string().nullable(),
  teks: z.string().nullable(),
  capaian: z.enum(CAPAIAN_RHK).nullable(),
  arahan: z.string().nullable(),
  pejabatPenilaiId: z.number().nullable(),
  diajukanAt: z.string().nullable(),
  dinilaiAt: z.string().nullable(),
  version: z.number(),
  buktiDukung: z.array(BuktiDukungOut),
  /** Every round, oldest first. */
  riwayat: z.array(
    z.object({
      putaran: z.number(),
      aksi: z.enum(['AJUKAN', 'TERIMA', 'PERLU_PERBAIKAN', 'PERBAIKI']),
      oleh: Orang,
      catatan: z.string().nullable(),
      at: z.string(),
    }),
  ),
  umpanBalik: z.array(z.object({ id: z.number(), teks: z.string(), oleh: Orang, at: z.string() })),
  /** The daily log in short; while it has entries, `nilai` is its sum (domain/log-harian.ts). */
  log: LogRingkasan,
  /** What the employee may do now (status and window). */
  dapatDiubah: z.boolean(),
});
export type RealisasiOut = z.infer<typeof RealisasiOut>;

export const RhkRealisasi = z.object({
  rhk: z.object({
    id: z.number(),
    jenis: z.enum(JENIS_RHK),
    urutan: z.number(),
    rencana: z.string(),
    iki: z.array(
      z.object({
        indikator: z.string(),
        aspek: z.string().nullable(),
        targetNilai: z.number().nullable(),
        targetSatuan: z.string().nullable(),
        targetTeks: z.string().nullable(),
      }),
    ),
  }),
  realisasi: RealisasiOut.nullable(),
});

const JumlahStatus = z.object({
  BELUM_DIISI: z.number(),
  DRAFT: z.number(),
  DIAJUKAN: z.number(),
  DITERIMA: z.number(),
  PERLU_PERBAIKAN: z.number(),
  DIPERBAIKI: z.number(),
});

export const PenilaianOut = z.object({
  ratingHasilKerja: z.enum(RATING),
  ratingPerilaku: z.enum(RATING),
  predikat: z.enum(PREDIKAT_PEGAWAI),
  predikatLabel: z.string(),
  catatan: z.string().nullable(),
  penilai: Orang,
  version: z.number(),
  at: z.string(),
});

export const RealisasiBulanOut = z.object({
  periode: z.object({ kode: z.string(), label: z.string(), mulai: z.string(), akhir: z.string() }),
  pegawai: z.object({ id: z.number(), nip: z.string(), namaLengkap: z.string() }),
  /** The approved plan the period belongs to; null when there is none (nothing to fill). */
  skp: z.object({ id: z.number(), tahun: z.number(), versi: z.number() }).nullable(),
  pejabatPenilai: Orang.nullable(),
  /** The period's windows, with whether the employee may write in each now (exceptions included). */
  /** `tenggat`: the window's countdown as the inbox words it, in the instansi's zone. */
  jendela: z.array(JendelaOut.extend({ izin: z.boolean(), pesan: z.string().nullable(), tenggat: Tenggat })),
  items: z.array(RhkRealisasi),
  jumlah: JumlahStatus,
  umpanBalikPerilaku: z.array(z.object({ kode: z.string(), teks: z.string(), oleh: Orang, at: z.string() })),
  /** For the employee (without authors) and whoever assesses the period (with them); empty for other readers. */
  masukanRekan: z.array(MasukanRekanDiterima),
  penilaian: PenilaianOut.nullable(),
  /** The rating hasil kerja the system suggests from the accepted items' capaian; the assessor decides. */
  saran: z.object({ rating: z.enum(RATING), alasan: z.string() }).nullable(),
  /** True for the employee's pejabat penilai, their delegate, and the atasan for escalated items. */
  dapatMenilai: z.boolean(),
  /** How the caller assesses when not as the pejabat penilai: shown as "a.n." (atas nama) `pejabatPenilai`. */
  menilaiSebagai: z.enum(['DELEGASI', 'ESKALASI']).nullable(),
  /**
   * Re-assessment after a correction round (SPEC §5.1), open now without an exception until the period
   * closes (`sampai`), past the correction window: `item` for corrected items, `rating` for the
   * period's ratings once an item of it was sent back.
   */
  penilaianUlang: z.object({ item: z.boolean(), rating: z.boolean(), sampai: z.string() }),
});
export type RealisasiBulanOut = z.infer<typeof RealisasiBulanOut>;

/** Counts only: the page reloads its month anyway, and a month-end burst should not pay for it twice. */
export const AjukanOut = z.object({
  diajukan: z.number(),
  diperbaiki: z.number(),
});

export const BawahanRealisasiOut = z.object({
  periode: z.object({ kode: z.string(), label: z.string() }),
  /** Who waits for the assessor first, then by name. */
  items: z.array(
    z.object({
      pegawaiId: z.number(),
      nip: z.string(),
      namaLengkap: z.string(),
      jabatanNama: z.string().nullable(),
      /** LANGSUNG: a direct subordinate; DELEGASI: assessed for `atasNama` (a.n.) while a delegation is in force; ESKALASI: an item missed by `atasNama` escalated to the caller. */
      peran: z.enum(['LANGSUNG', 'DELEGASI', 'ESKALASI']),
      atasNama: Orang.nullable(),
      skpId: z.number().nullable(),
      menunggu: z.number(),
      jumlah: JumlahStatus.omit({ BELUM_DIISI: true }),
      predikat: z.enum(PREDIKAT_PEGAWAI).nullable(),
    }),
  ),
});

export const UnggahBerkasOut = z.object({
  bukti: BuktiDukungOut,
  realisasi: RealisasiOut,
});
