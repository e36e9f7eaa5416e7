/** SQL for the per-instansi settings row (absent row = SPEC defaults). */
import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, prepareOnce } from '../../db/client.js';
import { pengaturan } from '../../db/schema/index.js';

export type PengaturanSet = Omit<typeof pengaturan.$inferInsert, 'instansiId' | 'version' | 'updatedAt'>;

/** Every realisasi request reads the schedule: prepared once per connection handle. */
export async function findPengaturan(db: DbOrTx, instansiId: number) {
  const query = prepareOnce(db, 'find_pengaturan', (d) =>
    d
      .select({
        batasSkp: pengaturan.batasSkp,
        cakupanMemblokir: pengaturan.cakupanMemblokir,
        periode: pengaturan.periode,
        inputMulai: pengaturan.inputMulai,
        inputAkhir: pengaturan.inputAkhir,
        penilaianMulai: pengaturan.penilaianMulai,
        penilaianAkhir: pengaturan.penilaianAkhir,
        perbaikanMulai: pengaturan.perbaikanMulai,
        perbaikanAkhir: pengaturan.perbaikanAkhir,
        kurva: pengaturan.kurva,
        pemetaanPredikatOrganisasi: pengaturan.pemetaanPredikatOrganisasi,
        keberatanHari: pengaturan.keberatanHari,
        keteranganKeberatanHari: pengaturan.keteranganKeberatanHari,
        batasEvaluasiTahunan: pengaturan.batasEvaluasiTahunan,
        kebijakanMfa: pengaturan.kebijakanMfa,
        tempatTandaTangan: pengaturan.tempatTandaTangan,
        progresBatasMenit: pengaturan.progresBatasMenit,
        progresBolehHariLibur: pengaturan.progresBolehHariLibur,
        kepatuhanAktif: pengaturan.kepatuhanAktif,
        kepatuhanBatasJam: pengaturan.kepatuhanBatasJam,
        kepatuhanHariKerjaKe: pengaturan.kepatuhanHariKerjaKe,
        version: pengaturan.version,
      })
      .from(pengaturan)
      .where(eq(pengaturan.instansiId, sql.placeholder('instansiId')))
      .prepare('find_pengaturan'),
  );
  const [row] = await query.execute({ instansiId });
  return row ?? null;
}

/** Writes the settings if `version` is still current; version 1 with no row creates it. */
export async function savePengaturanIfVersion(
  tx: DbOrTx,
  instansiId: number,
  version: number,
  set: PengaturanSet,
) {
  const inserted = await tx
    .insert(pengaturan)
    .values({ instansiId, ...set, version: 2 })
    .onConflictDoNothing()
    .returning({ v: pengaturan.version });
  if (inserted.length) return version === 1;
  const updated = await tx
    .update(pengaturan)
    .set({ ...set, version: sql`${pengaturan.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(pengaturan.instansiId, instansiId), eq(pengaturan.version, version)))
    .returning({ v: pengaturan.version });
  return updated.length === 1;
}
