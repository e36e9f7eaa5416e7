/** The bridge to SIASN (SPEC §12): the BKD's settings (secrets go in, never out) and the outbox list. */
import { z } from 'zod';
import { JENIS_PERIODE } from '../domain/jadwal.js';
import { PREDIKAT_PEGAWAI, RATING } from '../domain/predikat.js';
import { HASIL_PERCOBAAN_SIASN, JENIS_PESAN_SIASN, STATUS_PESAN_SIASN } from '../domain/siasn.js';
import { BATAS_INT, pageOf, teks } from './common.js';

const kode = teks().trim().max(50);
const petak = <const K extends readonly [string, ...string[]]>(kunci: K) =>
  z.object(Object.fromEntries(kunci.map((k) => [k, kode])) as Record<K[number], typeof kode>);

/** The national codes as the BKD types them; empty cells are allowed until the bridge is turned on. */
export const PemetaanSiasnIn = z.object({
  hasilKinerja: petak(RATING),
  perilakuKerja: petak(RATING),
  kuadran: petak(PREDIKAT_PEGAWAI),
  koefisien: petak(PREDIKAT_PEGAWAI),
  periodik: petak(JENIS_PERIODE),
});

const url = teks()
  .trim()
  .max(500)
  .refine((u) => u === '' || /^https?:\/\/[^\s]+$/.test(u), 'Alamat harus diawali http:// atau https://.');

export const PengaturanSiasnBody = z.object({
  aktif: z.boolean(),
  baseUrl: url,
  tokenUrl: url,
  clientId: teks().trim().max(200),
  /** Omitted: keep the stored secret. */
  clientSecret: teks().max(500).optional(),
  ssoTokenUrl: url,
  ssoClientId: teks().trim().max(200),
  ssoUsername: teks().trim().max(200),
  ssoPassword: teks().max(500).optional(),
  pemetaan: PemetaanSiasnIn,
  version: z.number().int().min(1).max(BATAS_INT),
});
export type PengaturanSiasnBody = z.input<typeof PengaturanSiasnBody>;

/** What any GET returns: whether each secret is set, never the secret. */
export const PengaturanSiasnOut = PengaturanSiasnBody.omit({ clientSecret: true, ssoPassword: true }).extend({
  adaClientSecret: z.boolean(),
  adaSsoPassword: z.boolean(),
});
export type PengaturanSiasnOut = z.infer<typeof PengaturanSiasnOut>;

export const PesanSiasnQuery = z.object({
  status: z.enum(STATUS_PESAN_SIASN).optional(),
  cursor: teks().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const PesanSiasnItem = z.object({
  id: z.number(),
  jenis: z.enum(JENIS_PESAN_SIASN),
  status: z.enum(STATUS_PESAN_SIASN),
  pegawai: z.object({ id: z.number(), nip: z.string(), nama: z.string() }),
  periode: z.string(),
  percobaan: z.number(),
  berikutnyaAt: z.string().nullable(),
  terkirimAt: z.string().nullable(),
  alasan: z.string().nullable(),
  /** The national system's last answer as it came (shortened). */
  jawaban: z.string().nullable(),
  version: z.number(),
});
export type PesanSiasnItem = z.infer<typeof PesanSiasnItem>;
export const PesanSiasnPage = pageOf(PesanSiasnItem);
export type PesanSiasnPage = z.infer<typeof PesanSiasnPage>;

export const KirimUlangBody = z.object({ version: z.number().int().min(1).max(BATAS_INT) });

export const HasilKirimSiasn = z.object({ diproses: z.number(), terkirim: z.number(), gagal: z.number() });
export type HasilKirimSiasn = z.infer<typeof HasilKirimSiasn>;

export const NipParams = z.object({ nip: teks().regex(/^\d{18}$/, 'NIP harus 18 digit.') });

/** A read passed through from SIASN: its `data` as it came. */
export const BacaanSiasn = z.object({ data: z.unknown() });

/** Every attempt of one message, oldest first: when, SIASN's HTTP status (null: no answer), what it meant. */
export const PercobaanSiasnOut = z.object({
  items: z.array(
    z.object({
      ke: z.number(),
      at: z.string(),
      httpStatus: z.number().nullable(),
      hasil: z.enum(HASIL_PERCOBAAN_SIASN),
      /** The answer as it came (shortened), or why there was none. */
      jawaban: z.string().nullable(),
    }),
  ),
});
export type PercobaanSiasnOut = z.infer<typeof PercobaanSiasnOut>;
