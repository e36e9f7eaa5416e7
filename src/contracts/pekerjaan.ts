/** Long work a user started and may leave (ADR 0011): its progress, outcome and result file. */
import { z } from 'zod';

export const JenisPekerjaan = z.enum(['TPP_HITUNG', 'DOKUMEN_ZIP', 'EKSPOR', 'IMPOR']);
export type JenisPekerjaan = z.infer<typeof JenisPekerjaan>;

export const StatusPekerjaan = z.enum(['BERJALAN', 'SELESAI', 'GAGAL']);
export type StatusPekerjaan = z.infer<typeof StatusPekerjaan>;

export const PekerjaanOut = z.object({
  id: z.number().int(),
  jenis: JenisPekerjaan,
  judul: z.string(),
  status: StatusPekerjaan,
  /** Rows or documents; null until the work has counted them. */
  total: z.number().int().nullable(),
  selesai: z.number().int(),
  /** The current step while it runs; why it failed once it failed. */
  pesan: z.string().nullable(),
  /**
   * The result file's name (download at /api/pekerjaan/:id/hasil) when there is one; an import's is
   * its report as JSON (the direct commit's 200 body, or its refusal's error body), read by `tautan`.
   */
  hasilNama: z.string().nullable(),
  /** The app page that shows the result when it is not a file. */
  tautan: z.string().nullable(),
  mulaiAt: z.string(),
  selesaiAt: z.string().nullable(),
});
export type PekerjaanOut = z.infer<typeof PekerjaanOut>;

export const PekerjaanList = z.object({ items: z.array(PekerjaanOut) });
export type PekerjaanList = z.infer<typeof PekerjaanList>;
