import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BATAS_INT, teks } from '../contracts/common.js';
import { masukanTanpaBatas } from './http.js';

describe('masukanTanpaBatas: the start-up check of route inputs', () => {
  it('accepts teks() strings, bounded integers, enums, ISO dates and plain numbers wherever they sit', () => {
    const Baik = z.object({
      nama: teks().trim().max(100),
      id: z.coerce.number().int().positive().max(BATAS_INT),
      tahun: z.number().int().min(2020).max(2100),
      nilai: z.number().min(0),
      jenis: z.enum(['A', 'B']),
      berakhir: z.iso.datetime({ offset: true }),
      daftar: z.array(z.object({ teks: teks().nullable().default(null) })).max(5),
      peta: z.record(teks().regex(/^\d+$/), z.number().int().min(0).max(100)),
      pilihan: z.discriminatedUnion('k', [z.object({ k: z.literal('x'), v: teks() })]),
      diubah: teks()
        .optional()
        .transform((v) => v ?? null),
    });
    expect(masukanTanpaBatas(Baik, 'body')).toEqual([]);
  });

  it('names each plain string and each integer that PostgreSQL integer could not hold', () => {
    const Buruk = z.object({
      q: z.string().optional(),
      id: z.coerce.number().int().positive(),
      daftar: z.array(z.object({ satuan: z.string().nullable() })),
      peta: z.record(z.string(), teks()),
      pilihan: z.union([z.object({ a: z.url() }), z.object({ b: teks() })]),
    });
    expect(masukanTanpaBatas(Buruk, 'body')).toEqual([
      'body.q (teks tanpa teks())',
      'body.id (bilangan bulat melewati integer PostgreSQL: beri .min() dan .max())',
      'body.daftar[].satuan (teks tanpa teks())',
      'body.peta{} (teks tanpa teks())',
      'body.pilihan.a (teks tanpa teks())',
    ]);
  });
});
