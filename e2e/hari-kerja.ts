/**
 * Working days of a month as the instansi has them (its hours per weekday and its holidays, read
 * through the API): progres harian refuses holidays and weekends by default, so journeys record on these.
 */
import type { APIRequestContext } from '@playwright/test';
import { parseYearMonth } from '../src/domain/jadwal.js';
import { hariKerjaBulan, type JamKerja } from '../src/domain/kehadiran.js';

export async function hariKerja(api: APIRequestContext, bulan: string): Promise<string[]> {
  const { tahun } = parseYearMonth(bulan);
  const [jam, libur] = await Promise.all([
    api.get('/api/kehadiran/jam-kerja').then((r) => r.json() as Promise<{ jamKerja: JamKerja }>),
    api
      .get(`/api/kehadiran/libur?tahun=${tahun}`)
      .then((r) => r.json() as Promise<{ items: { tanggal: string }[] }>),
  ]);
  return hariKerjaBulan(bulan, jam.jamKerja, new Set(libur.items.map((l) => l.tanggal))).map(
    (h) => h.tanggal,
  );
}
