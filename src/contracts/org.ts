import { z } from 'zod';
import { JENIS_UNOR } from '../domain/jabatan.js';
import { Alasan, BATAS_INT, PageQuery, pageOf, teks } from './common.js';
import { JabatanRef, PegawaiRingkas } from './pegawai.js';

export const UnorNode = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  nama: z.string(),
  jenis: z.enum(JENIS_UNOR),
  jumlahSubUnor: z.number(),
  jumlahPegawai: z.number(),
});
export type UnorNode = z.infer<typeof UnorNode>;

export const UnorChildrenQuery = z.object({
  parentId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
});
export const UnorChildrenResponse = z.object({ items: z.array(UnorNode) });

export type UnorDetail = z.infer<typeof UnorDetail>;
export const UnorDetail = z.object({
  unor: UnorNode,
  jalur: z.array(z.object({ id: z.number(), nama: z.string() })),
  jabatan: z.array(
    JabatanRef.extend({
      atasanJabatanId: z.number().nullable(),
      /** Heads an independent unit: plans created for it take the JPT layout (SPEC §4.2). */
      kepalaUnitMandiri: z.boolean(),
      pemangku: z.array(PegawaiRingkas),
    }),
  ),
});

export const JabatanSearchQuery = PageQuery.extend({
  q: teks().trim().max(100).optional(),
  unorId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
});
export const JabatanSearchResponse = pageOf(JabatanRef);

/** The BKD marks or unmarks a position as head of an independent unit, giving a reason. */
export const UnitMandiriBody = z.object({ kepalaUnitMandiri: z.boolean(), alasan: Alasan });
export const UnitMandiriOut = z.object({ id: z.number(), kepalaUnitMandiri: z.boolean() });
