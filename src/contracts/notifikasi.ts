import { z } from 'zod';
import { BATAS_INT, PageQuery, pageOf } from './common.js';

export const NotifikasiQuery = PageQuery;
export const NotifikasiItem = z.object({
  id: z.number(),
  jenis: z.string(),
  judul: z.string(),
  pesan: z.string(),
  tautan: z.string().nullable(),
  dibaca: z.boolean(),
  createdAt: z.string(),
});
export const NotifikasiPage = pageOf(NotifikasiItem).extend({ belumDibaca: z.number() });
export type NotifikasiPage = z.infer<typeof NotifikasiPage>;
/** ids omitted: mark everything read. */
export const BacaBody = z.object({
  ids: z.array(z.number().int().positive().max(BATAS_INT)).max(200).optional(),
});
