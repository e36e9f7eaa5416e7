/** Pure reading of a job's link (PekerjaanOut.tautan), apart from the hooks so it is unit-tested. */

/** The page section a job's link names (`/impor?bagian=nasional&pekerjaan=7` → nasional), or null. */
export function bagianTautan(tautan: string | null): string | null {
  return new URLSearchParams(tautan?.split('?')[1] ?? '').get('bagian');
}
