/**
 * Predikat kinerja organisasi (SPEC §6.3) and the kurva distribusi (§6.4): the unit's curve, the
 * leader's penetapan, the calibration board, leniency per assessor and the instansi-wide report.
 */
import { z } from 'zod';
import { POLA_PERIODE_KURVA } from '../domain/kurva.js';
import { PREDIKAT_ORGANISASI, PREDIKAT_PEGAWAI, RATING } from '../domain/predikat.js';
import { Alasan, BATAS_INT, teks } from './common.js';

/** A period or a year (domain/kurva POLA_PERIODE_KURVA). */
export const PeriodeKurva = teks()
  .trim()
  .regex(
    POLA_PERIODE_KURVA,
    'Periode harus berformat TTTT-BB (mis. 2026-07), TTTT-Qn, TTTT-Sn, atau TTTT untuk penilaian tahunan.',
  );

export const KurvaQuery = z.object({ periode: PeriodeKurva });
export const UnorParams = z.object({ unorId: z.coerce.number().int().positive().max(BATAS_INT) });

const Persen = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka.` })
    .min(0, `${label} tidak boleh negatif.`)
    .max(1000, `${label} paling tinggi 1000 %.`);

/** The evidence the organisation predikat rests on (SPEC §6.3). */
export const DasarPredikatOrganisasi = z.object({
  /** Achievement of the Perjanjian Kinerja, % (annual). */
  capaianPk: Persen('Capaian Perjanjian Kinerja').nullable(),
  /** IKM value (0–100), when the PK includes one. */
  nilaiIkm: z
    .number({ error: 'Nilai IKM harus berupa angka.' })
    .min(0, 'Nilai IKM paling rendah 0.')
    .max(100, 'Nilai IKM paling tinggi 100.')
    .nullable(),
  /** Progress of the unit's rencana aksi, % (periodic). */
  progresRencanaAksi: Persen('Progres rencana aksi').nullable(),
  keterangan: teks()
    .trim()
    .min(10, 'Uraikan dasar penetapan predikat organisasi (minimal 10 karakter).')
    .max(4000),
});

export type DasarPredikatOrganisasi = z.infer<typeof DasarPredikatOrganisasi>;

export const PredikatOrganisasiBody = z.object({
  periode: PeriodeKurva,
  predikat: z.enum(PREDIKAT_ORGANISASI, { error: 'Predikat kinerja organisasi tidak valid.' }),
  dasar: DasarPredikatOrganisasi,
  /** Required when changing an existing predikat: the version read. */
  version: z.number().int().positive().max(BATAS_INT).optional(),
});

export const PenetapanBody = z.object({
  periode: PeriodeKurva,
  /** Required when the distribution breaches the curve. */
  justifikasi: teks().trim().max(4000).optional(),
  version: z.number().int().positive().max(BATAS_INT).optional(),
});

const Distribusi = z.object(
  Object.fromEntries(PREDIKAT_PEGAWAI.map((p) => [p, z.number()])) as Record<
    (typeof PREDIKAT_PEGAWAI)[number],
    z.ZodNumber
  >,
);

const Hasil = z.object({
  n: z.number(),
  unitKecil: z.boolean(),
  pelanggaran: z.array(z.string()),
  ketentuan: z.array(z.string()),
  harapan: z.array(z.object({ predikat: z.enum(PREDIKAT_PEGAWAI), min: z.number(), maks: z.number() })),
});

const Orang = z.object({ id: z.number(), namaLengkap: z.string() });

export const KurvaUnitOut = z.object({
  unor: z.object({ id: z.number(), nama: z.string(), jenis: z.string() }),
  periode: z.string(),
  tahunan: z.boolean(),
  predikatOrganisasi: z
    .object({
      predikat: z.enum(PREDIKAT_ORGANISASI),
      dasar: DasarPredikatOrganisasi,
      ditetapkanOleh: Orang,
      version: z.number(),
      updatedAt: z.string(),
    })
    .nullable(),
  distribusi: Distribusi,
  /** Employees whose annual evaluation is not FINAL yet: not in the distribution, the curve is provisional. */
  belumFinal: z.number(),
  /** The curve judged against the organisation predikat; null until that predikat is set. */
  hasil: Hasil.nullable(),
  penetapan: z
    .object({
      predikatOrganisasi: z.enum(PREDIKAT_ORGANISASI),
      distribusi: Distribusi,
      belumFinal: z.number(),
      pelanggaran: z.array(z.string()),
      justifikasi: z.string().nullable(),
      ditetapkanOleh: Orang,
      ditetapkanAt: z.string(),
      version: z.number(),
    })
    .nullable(),
  /** What the caller may do here. */
  hak: z.object({
    predikatOrganisasi: z.boolean(),
    penetapan: z.boolean(),
    kalibrasi: z.boolean(),
  }),
});
export type KurvaUnitOut = z.infer<typeof KurvaUnitOut>;

export const KalibrasiQuery = KurvaQuery;

export const KalibrasiPegawai = z.object({
  penilaianId: z.number(),
  pegawai: z.object({ id: z.number(), nip: z.string(), namaLengkap: z.string(), jabatanNama: z.string() }),
  penilai: Orang,
  ratingHasilKerja: z.enum(RATING),
  ratingPerilaku: z.enum(RATING),
  predikat: z.enum(PREDIKAT_PEGAWAI),
  version: z.number(),
});

export const KalibrasiOut = z.object({
  kurva: KurvaUnitOut,
  /** At most `BATAS_KALIBRASI` employees, by name; `lengkap` false when the unit has more. */
  pegawai: z.array(KalibrasiPegawai),
  lengkap: z.boolean(),
});
export type KalibrasiOut = z.infer<typeof KalibrasiOut>;

export const KalibrasiBody = z.object({
  ratingHasilKerja: z.enum(RATING, { error: 'Rating hasil kerja tidak valid.' }),
  ratingPerilaku: z.enum(RATING, { error: 'Rating perilaku kerja tidak valid.' }),
  alasan: Alasan,
  version: z.number().int().positive().max(BATAS_INT),
});

export const KalibrasiParams = z.object({
  unorId: z.coerce.number().int().positive().max(BATAS_INT),
  penilaianId: z.coerce.number().int().positive().max(BATAS_INT),
});

export const LeniensiOut = z.object({
  periode: z.string(),
  /** Median share of Di Atas Ekspektasi (rating hasil kerja) over the unit's assessors, %. */
  median: z.number().nullable(),
  items: z.array(
    z.object({
      penilai: Orang,
      jumlah: z.number(),
      diAtasHasilKerja: z.number(),
      diAtasPerilaku: z.number(),
      /** Share of Di Atas in rating hasil kerja, %. */
      persenDiAtas: z.number(),
      /** Percentage points above (+) or below (−) the median. */
      selisihMedian: z.number(),
    }),
  ),
});
export type LeniensiOut = z.infer<typeof LeniensiOut>;

export const LaporanKurvaOut = z.object({
  periode: z.string(),
  items: z.array(
    z.object({
      unor: z.object({
        id: z.number(),
        nama: z.string(),
        jenis: z.string(),
        parentId: z.number().nullable(),
      }),
      distribusi: Distribusi,
      n: z.number(),
      belumFinal: z.number(),
      predikatOrganisasi: z.enum(PREDIKAT_ORGANISASI).nullable(),
      unitKecil: z.boolean(),
      pelanggaran: z.array(z.string()),
      ditetapkan: z.boolean(),
    }),
  ),
});
export type LaporanKurvaOut = z.infer<typeof LaporanKurvaOut>;

/** The units a leader works with on the curve page: those they head and the ones right below. */
export const UnitPimpinanOut = z.object({
  items: z.array(z.object({ id: z.number(), nama: z.string(), jenis: z.string(), dipimpin: z.boolean() })),
});
export type UnitPimpinanOut = z.infer<typeof UnitPimpinanOut>;

/** The periods with assessments in a unit's subtree, newest first: the period picker opens on the first. */
export const PeriodeUnitOut = z.object({ items: z.array(z.string()) });
export type PeriodeUnitOut = z.infer<typeof PeriodeUnitOut>;
