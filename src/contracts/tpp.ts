/**
 * TPP (SPEC §7.1): the instansi's parameters, computed months (DRAF → DISETUJUI), one explained line
 * per employee, totals per OPD.
 */
import { z } from 'zod';
import { PREDIKAT_PEGAWAI } from '../domain/predikat.js';
import { DASAR_PRODUKTIVITAS, KELOMPOK_RINCIAN, PANJANG_DASAR_HUKUM_MIN } from '../domain/tpp.js';
import { BATAS_INT, PageQuery, pageOf, perKunci, teks } from './common.js';

const Persen = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka.` })
    .min(0, `${label} tidak boleh negatif.`)
    .max(100, `${label} paling tinggi 100 %.`);

const Menit = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka.` })
    .int(`${label} harus bilangan bulat.`)
    .min(1, `${label} paling kecil 1.`)
    .max(1440, `${label} paling besar 1440 (24 jam).`);

export const PitaPotongan = z.object({
  dariMenit: Menit('Menit awal pita'),
  sampaiMenit: Menit('Menit akhir pita').nullable(),
  persen: Persen('Persentase pita'),
});

/** The progres harian compliance band (domain/tpp.ts PotonganKepatuhanHarian); null = off. */
export const PotonganKepatuhanHarian = z.object({
  persenTidakAda: Persen('Potongan progres harian tidak diisi'),
  persenTerlambat: Persen('Potongan progres harian terlambat'),
  batasPersen: Persen('Batas potongan progres harian'),
  dasarHukum: teks()
    .trim()
    .min(PANJANG_DASAR_HUKUM_MIN, 'Dasar hukum potongan progres harian wajib diisi (Perkada dan pasalnya).')
    .max(300, 'Dasar hukum potongan progres harian paling banyak 300 karakter.'),
});

export const ParameterTpp = z.object({
  dasarPerKelas: z.record(
    teks().regex(/^\d{1,2}$/, 'Kelas jabatan harus berupa angka 1–20.'),
    z
      .number({ error: 'Besaran TPP harus berupa angka.' })
      .int('Besaran TPP dalam rupiah bulat.')
      .min(0, 'Besaran TPP tidak boleh negatif.')
      .max(1_000_000_000, 'Besaran TPP terlalu besar.'),
  ),
  bobotProduktivitas: Persen('Bobot produktivitas'),
  bobotDisiplin: Persen('Bobot disiplin'),
  pitaTerlambat: z.array(PitaPotongan).max(10, 'Paling banyak 10 pita keterlambatan.'),
  pitaPulangCepat: z.array(PitaPotongan).max(10, 'Paling banyak 10 pita pulang cepat.'),
  persenTanpaKeterangan: Persen('Potongan tanpa keterangan'),
  faktorPredikat: perKunci(PREDIKAT_PEGAWAI, Persen('Faktor predikat')),
  tahanTanpaSkp: z.boolean(),
  /** Percent of the discipline part per missed ceremony (apel/upacara); 0 = not deducted. */
  persenApel: Persen('Potongan tidak mengikuti apel/upacara'),
  dasarProduktivitas: z.enum(DASAR_PRODUKTIVITAS, {
    error:
      'Dasar produktivitas harus PREDIKAT (tabel faktor predikat) atau REALISASI (persentase realisasi disetujui).',
  }),
  tahanEvaluasiSejakBulan: z
    .number({ error: 'Bulan mulai penahanan harus berupa angka bulan.' })
    .int('Bulan mulai penahanan harus bilangan bulat.')
    .min(1, 'Bulan mulai penahanan 1–12.')
    .max(12, 'Bulan mulai penahanan 1–12.')
    .nullable(),
  kepatuhanHarian: PotonganKepatuhanHarian.nullable().optional(),
});

export const ParameterTppOut = z.object({
  parameter: ParameterTpp,
  dasarHukum: z.string().nullable(),
  /** Null while the instansi uses the defaults (nothing saved yet). */
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type ParameterTppOut = z.infer<typeof ParameterTppOut>;

export const ParameterTppBody = z.object({
  parameter: ParameterTpp,
  dasarHukum: teks().trim().max(1000, 'Dasar hukum paling banyak 1000 karakter.').nullable(),
  /** The version read; omitted only when saving over the defaults for the first time. */
  version: z.number().int().positive().max(BATAS_INT).optional(),
});

export const BulanParams = z.object({
  bulan: teks().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus berformat TTTT-BB (mis. 2026-07).'),
});
export const BulanPegawaiParams = BulanParams.extend({
  id: z.coerce.number().int().positive().max(BATAS_INT),
});

export const SetujuiBody = z.object({
  version: z.number().int().positive().max(BATAS_INT),
  /** Required while data is not imported or assessments are pending (SPEC §7.1); stored and audited. */
  alasan: teks().trim().max(1000, 'Alasan paling banyak 1000 karakter.').optional(),
});

export const StatusTppBulan = z.enum(['DRAF', 'DISETUJUI']);

const Orang = z.object({ id: z.number().int(), namaLengkap: z.string() });

export const TppBulanRingkas = z.object({
  bulan: z.string(),
  status: StatusTppBulan,
  jumlahPegawai: z.number().int(),
  total: z.number().int(),
  version: z.number().int(),
});
export const TppBulanList = z.object({ items: z.array(TppBulanRingkas) });
export type TppBulanList = z.infer<typeof TppBulanList>;

export const TppOpd = z.object({
  opdId: z.number().int().nullable(),
  opdNama: z.string(),
  jumlahPegawai: z.number().int(),
  ditahan: z.number().int(),
  /** Of those withheld: because the year before's annual evaluation is not FINAL. */
  ditahanEvaluasi: z.number().int(),
  /** Employees without the month's predikat (not withheld), and employees with days not imported. */
  menungguPenilaian: z.number().int(),
  pegawaiBelumDiimpor: z.number().int(),
  total: z.number().int(),
});

/** An OPD's working days with no attendance record for anyone. */
export const TppBelumDiimpor = z.object({
  opdId: z.number().int().nullable(),
  opdNama: z.string(),
  tanggal: z.array(z.string()),
});

export const TppBulanOut = z.object({
  bulan: z.string(),
  status: StatusTppBulan,
  hariKerja: z.number().int(),
  /** Within the reader's scope (an OPD admin sees his OPDs only). */
  jumlahPegawai: z.number().int(),
  total: z.number().int(),
  parameter: ParameterTpp,
  dasarHukum: z.string().nullable(),
  dihitungOleh: Orang,
  dihitungAt: z.string(),
  disetujuiOleh: Orang.nullable(),
  disetujuiAt: z.string().nullable(),
  version: z.number().int(),
  perOpd: z.array(TppOpd),
  /** The SPEC §7.1 guards as computed: what approval needs a reason for. */
  kekurangan: z.object({
    hariBelumDiimpor: z.number().int(),
    pegawaiBelumDiimpor: z.number().int(),
    menungguPenilaian: z.number().int(),
    belumDiimpor: z.array(TppBelumDiimpor),
    /** Shown beside the guards, needs no reason: withheld while last year's annual evaluation is not FINAL. */
    ditahanEvaluasi: z.number().int(),
  }),
  alasanPersetujuan: z.string().nullable(),
  /** What the reader may do (the BKD admin on a draft). */
  hak: z.object({ hitung: z.boolean(), setujui: z.boolean() }),
});
export type TppBulanOut = z.infer<typeof TppBulanOut>;

export const BarisRincian = z.object({ kelompok: z.enum(KELOMPOK_RINCIAN), uraian: z.string() });

export const TppBaris = z.object({
  pegawaiId: z.number().int(),
  nip: z.string(),
  namaLengkap: z.string(),
  jabatanNama: z.string().nullable(),
  kelasJabatan: z.number().int().nullable(),
  opdId: z.number().int().nullable(),
  opdNama: z.string().nullable(),
  dasar: z.number().int(),
  produktivitas: z.number().int(),
  disiplin: z.number().int(),
  potonganPersen: z.number(),
  jumlah: z.number().int(),
  ditahan: z.string().nullable(),
  menungguPenilaian: z.boolean(),
  hariBelumDiimpor: z.number().int(),
});
export type TppBaris = z.infer<typeof TppBaris>;

export const TppBarisPage = pageOf(TppBaris);
export type TppBarisPage = z.infer<typeof TppBarisPage>;

export const TppBarisQuery = PageQuery.extend({
  opdId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
  /** Only the lines waiting for a predikat, or holding days whose attendance was not imported. */
  catatan: z.enum(['MENUNGGU_PENILAIAN', 'BELUM_DIIMPOR', 'DITAHAN_EVALUASI']).optional(),
  /** NIP prefix (digits) or part of the name. */
  q: teks().trim().max(100).optional(),
});

export const TppBarisDetail = TppBaris.extend({
  bulan: z.string(),
  status: StatusTppBulan,
  dasarHukum: z.string().nullable(),
  rincian: z.array(BarisRincian),
});
export type TppBarisDetail = z.infer<typeof TppBarisDetail>;

/** The signed-in employee's lines of the computed months, newest first. */
export const TppSayaOut = z.object({ items: z.array(TppBarisDetail) });
export type TppSayaOut = z.infer<typeof TppSayaOut>;
