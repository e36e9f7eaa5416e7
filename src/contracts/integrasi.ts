/** Integration API: scoped API tokens (managed by the BKD admin) and the /api/v1 routes external systems call. */
import { z } from 'zod';
import { STATUS_EVALUASI } from '../domain/evaluasi.js';
import { JENIS_JABATAN, JENJANG_FUNGSIONAL } from '../domain/jabatan.js';
import { PREDIKAT_PEGAWAI, RATING } from '../domain/predikat.js';
import { BATAS_INT, pageOf, teks } from './common.js';
import { ImporResponse } from './impor.js';
import { BarisKehadiranMasuk, HasilImporKehadiran } from './kehadiran.js';

export const CAKUPAN_TOKEN = ['BACA_PEGAWAI', 'BACA_EVALUASI', 'TULIS_KEHADIRAN', 'TULIS_PEGAWAI'] as const;
export type CakupanToken = (typeof CAKUPAN_TOKEN)[number];

export const CAKUPAN_TOKEN_LABEL: Record<CakupanToken, string> = {
  BACA_PEGAWAI: 'Baca data pegawai',
  BACA_EVALUASI: 'Baca hasil evaluasi kinerja',
  TULIS_KEHADIRAN: 'Kirim data kehadiran',
  TULIS_PEGAWAI: 'Sinkronisasi data pegawai',
};

/** Longest validity the BKD may give a token: a leaked token must die on its own within a year. */
export const MAKS_BERLAKU_HARI = 365;

// --- token management (session, BKD admin) ---

export const TokenApiBody = z.object({
  nama: teks().trim().min(3, 'Nama token minimal 3 karakter.').max(100),
  cakupan: z
    .array(z.enum(CAKUPAN_TOKEN))
    .min(1, 'Pilih paling sedikit satu cakupan.')
    .refine((c) => new Set(c).size === c.length, 'Cakupan tidak boleh ganda.'),
  berlakuHari: z
    .number()
    .int()
    .min(1)
    .max(MAKS_BERLAKU_HARI, 'Masa berlaku paling lama 1 tahun.')
    .default(90),
});
export type TokenApiBody = z.input<typeof TokenApiBody>;

export const TokenApiParams = z.object({ tokenId: z.coerce.number().int().positive().max(BATAS_INT) });

export const TokenApiItem = z.object({
  id: z.number(),
  nama: z.string(),
  /** The first characters of the token, to tell tokens apart; the token itself is never stored. */
  prefiks: z.string(),
  cakupan: z.array(z.enum(CAKUPAN_TOKEN)),
  kedaluwarsaAt: z.string(),
  dicabutAt: z.string().nullable(),
  terakhirDipakaiAt: z.string().nullable(),
  createdAt: z.string(),
  dibuatOleh: z.string(),
});
export type TokenApiItem = z.infer<typeof TokenApiItem>;

export const TokenApiPage = pageOf(TokenApiItem);
export type TokenApiPage = z.infer<typeof TokenApiPage>;

export const TokenApiDibuat = z.object({
  /** Shown once: only its SHA-256 is kept. */
  token: z.string(),
  item: TokenApiItem,
});
export type TokenApiDibuat = z.infer<typeof TokenApiDibuat>;

// --- /api/v1 (bearer token) ---

const NIP_CONTOH = '198503302010011002';

export const V1PegawaiQuery = z.object({
  cursor: teks().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  opdKode: teks().trim().max(50).optional(),
  /** Only employees changed at or after this moment (ISO 8601), for incremental copies. */
  diubahSejak: z.iso.datetime({ offset: true }).optional(),
});

export const V1Pegawai = z
  .object({
    nip: z.string(),
    nama: z.string(),
    gelarDepan: z.string().nullable(),
    gelarBelakang: z.string().nullable(),
    jenisAsn: z.string(),
    golongan: z.string(),
    jabatan: z.string().nullable(),
    jenisJabatan: z.enum(JENIS_JABATAN).nullable(),
    jenjangJabatan: z.enum(JENJANG_FUNGSIONAL).nullable(),
    kelasJabatan: z.number().nullable(),
    unor: z.string().nullable(),
    opdKode: z.string().nullable(),
    opdNama: z.string().nullable(),
    nipAtasan: z.string().nullable(),
    aktif: z.boolean(),
    diubahAt: z.string(),
  })
  .meta({
    examples: [
      {
        nip: NIP_CONTOH,
        nama: 'Rahmat Hidayat',
        gelarDepan: null,
        gelarBelakang: 'S.Kom.',
        jenisAsn: 'PNS',
        golongan: 'III/b',
        jabatan: 'Pranata Komputer Ahli Pertama',
        jenisJabatan: 'FUNGSIONAL',
        jenjangJabatan: 'AHLI_PERTAMA',
        kelasJabatan: 8,
        unor: 'Bidang Informasi Kepegawaian',
        opdKode: 'BKD',
        opdNama: 'Badan Kepegawaian Daerah',
        nipAtasan: '197805122005011003',
        aktif: true,
        diubahAt: '2026-03-01T08:00:00.000Z',
      },
    ],
  });
export type V1Pegawai = z.infer<typeof V1Pegawai>;

export const V1PegawaiPage = pageOf(V1Pegawai);
export type V1PegawaiPage = z.infer<typeof V1PegawaiPage>;

export const V1EvaluasiQuery = z.object({
  tahun: z.coerce.number().int().min(2020).max(2100),
  cursor: teks().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const V1Evaluasi = z
  .object({
    nip: z.string(),
    nama: z.string(),
    periodik: z.array(
      z.object({
        periodeKode: z.string(),
        ratingHasilKerja: z.enum(RATING),
        ratingPerilaku: z.enum(RATING),
        predikat: z.enum(PREDIKAT_PEGAWAI),
      }),
    ),
    /**
     * The year's result: the annual evaluation of the employee's last approved SKP of the year; null
     * without an approved SKP. Values only once it is FINAL (`final`); before that they are null and
     * `status` says what is missing (null: no annual evaluation yet).
     */
    tahunan: z
      .object({
        status: z.enum(STATUS_EVALUASI).nullable(),
        final: z.boolean(),
        ratingHasilKerja: z.enum(RATING).nullable(),
        ratingPerilaku: z.enum(RATING).nullable(),
        predikat: z.enum(PREDIKAT_PEGAWAI).nullable(),
        /** The predikat after an objection that changed it; otherwise the same as predikat. */
        predikatAkhir: z.enum(PREDIKAT_PEGAWAI).nullable(),
      })
      .nullable(),
  })
  .meta({
    examples: [
      {
        nip: NIP_CONTOH,
        nama: 'Rahmat Hidayat',
        periodik: [
          {
            periodeKode: '2026-01',
            ratingHasilKerja: 'SESUAI_EKSPEKTASI',
            ratingPerilaku: 'SESUAI_EKSPEKTASI',
            predikat: 'BAIK',
          },
        ],
        tahunan: {
          status: 'FINAL',
          final: true,
          ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
          ratingPerilaku: 'SESUAI_EKSPEKTASI',
          predikat: 'BAIK',
          predikatAkhir: 'BAIK',
        },
      },
    ],
  });
export type V1Evaluasi = z.infer<typeof V1Evaluasi>;

export const V1EvaluasiPage = pageOf(V1Evaluasi);
export type V1EvaluasiPage = z.infer<typeof V1EvaluasiPage>;

const ModeSinkron = z.enum(['dry-run', 'commit']);

/** One employee as the import file has it; the import's own rules validate each row. */
export const V1PegawaiMasuk = z.object({
  nip: teks().max(40),
  nama: teks().max(200),
  gelarDepan: teks().max(50).nullish(),
  gelarBelakang: teks().max(100).nullish(),
  jenisAsn: teks().max(20),
  golongan: teks().max(20),
  jabatan: teks().max(300),
  jenisJabatan: teks().max(50).nullish(),
  jenjang: teks().max(50).nullish(),
  unor: teks().max(300),
  nipAtasan: teks().max(40).nullish(),
});
export type V1PegawaiMasuk = z.infer<typeof V1PegawaiMasuk>;

export const MAKS_BARIS_V1 = 5000;

export const V1SinkronPegawaiBody = z
  .object({
    mode: ModeSinkron,
    pegawai: z
      .array(V1PegawaiMasuk)
      .min(1)
      .max(MAKS_BARIS_V1, `Paling banyak ${MAKS_BARIS_V1} baris per permintaan.`),
  })
  .meta({
    examples: [
      {
        mode: 'dry-run',
        pegawai: [
          {
            nip: NIP_CONTOH,
            nama: 'Rahmat Hidayat',
            gelarBelakang: 'S.Kom.',
            jenisAsn: 'PNS',
            golongan: 'III/b',
            jabatan: 'Pranata Komputer Ahli Pertama',
            jenisJabatan: 'Fungsional',
            unor: 'Bidang Informasi Kepegawaian',
            nipAtasan: '197805122005011003',
          },
        ],
      },
    ],
  });

export const PerubahanPegawai = z.object({
  nip: z.string(),
  status: z.enum(['DIBUAT', 'DIUBAH', 'TETAP']),
  /** Changed fields, before → after (empty for DIBUAT and TETAP). */
  kolom: z.array(
    z.object({ kolom: z.string(), sebelum: z.string().nullable(), sesudah: z.string().nullable() }),
  ),
});
export type PerubahanPegawai = z.infer<typeof PerubahanPegawai>;

/** The import report (rows numbered from 1 in the order sent) with what changed per NIP. */
export const V1SinkronPegawaiOut = ImporResponse.extend({ perubahan: z.array(PerubahanPegawai) }).meta({
  examples: [
    {
      mode: 'commit',
      jumlahBaris: 2,
      barisValid: 2,
      kesalahan: [],
      peringatan: [],
      diterapkan: { dibuat: 1, diperbarui: 1, jabatanBaru: 0, tidakBerubah: 0 },
      perubahan: [
        {
          nip: NIP_CONTOH,
          status: 'DIUBAH',
          kolom: [{ kolom: 'golongan', sebelum: 'III/a', sesudah: 'III/b' }],
        },
        { nip: '199001012015031001', status: 'DIBUAT', kolom: [] },
      ],
    },
  ],
});
export type V1SinkronPegawaiOut = z.infer<typeof V1SinkronPegawaiOut>;

export const V1KehadiranBody = z
  .object({
    mode: ModeSinkron,
    baris: z
      .array(BarisKehadiranMasuk)
      .min(1)
      .max(MAKS_BARIS_V1, `Paling banyak ${MAKS_BARIS_V1} baris per permintaan.`),
  })
  .meta({
    examples: [
      {
        mode: 'commit',
        baris: [
          {
            nip: NIP_CONTOH,
            tanggal: '2026-03-02',
            jamMasuk: '07:28',
            jamPulang: '16:05',
            status: 'Hadir',
            apel: 'Tidak Hadir',
          },
          { nip: NIP_CONTOH, tanggal: '2026-03-03', status: 'DL', keterangan: 'Dinas luar ke Jakarta' },
        ],
      },
    ],
  });

export const V1KehadiranOut = HasilImporKehadiran.meta({
  examples: [
    {
      mode: 'commit',
      jumlahBaris: 2,
      barisValid: 2,
      kesalahan: [],
      disimpan: { baru: 2, diganti: 0 },
      perStatus: { HADIR: 1, DINAS_LUAR: 1, CUTI: 0, SAKIT: 0, IZIN: 0, TANPA_KETERANGAN: 0 },
    },
  ],
});
