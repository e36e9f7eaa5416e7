/** Annual results for integration tests: a plan to rate, an evaluation written directly, an objection decided. */
import { expect } from 'vitest';
import type { EvaluasiView } from '../src/contracts/evaluasi.js';
import type { Db } from '../src/db/client.js';
import { evaluasiTahunan, skp } from '../src/db/schema/index.js';
import type { PredikatPegawai } from '../src/domain/predikat.js';
import type { Org, Person } from './org.js';
import { type Client, plan, submitAndApprove, tiga } from './skp.js';

export async function ok<T = unknown>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

/** An approved 2026 plan of one RHK intervening the kasi's first RHK. */
export async function rencana(owner: Client, kasi: Client, rhkKasi: number) {
  const p = await submitAndApprove(
    owner,
    kasi,
    await plan(owner, [
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya bahan ajar digital',
        iki: tiga(12, 'dokumen'),
        intervensi: [rhkKasi],
      },
    ]),
  );
  return p.id as number;
}

/** An approved SKP ending on `akhir` with its annual evaluation, written directly (the ratings do not matter). */
export async function evaluasiLangsung(
  db: Db,
  org: Org,
  e: {
    siapa: Person;
    jabatanId: number;
    tahun: number;
    predikat: PredikatPegawai;
    status?: 'FINAL' | 'DRAF';
    akhir?: string;
  },
) {
  const [s] = await db
    .insert(skp)
    .values({
      instansiId: org.instansiId,
      pegawaiId: e.siapa.id,
      jabatanId: e.jabatanId,
      tahun: e.tahun,
      periodeMulai: `${e.tahun}-01-01`,
      periodeAkhir: e.akhir ?? `${e.tahun}-12-31`,
      pendekatan: 'KUANTITATIF',
      isJpt: false,
      status: 'DISETUJUI',
    })
    .returning({ id: skp.id });
  const [ev] = await db
    .insert(evaluasiTahunan)
    .values({
      instansiId: org.instansiId,
      skpId: s!.id,
      pegawaiId: e.siapa.id,
      tahun: e.tahun,
      pejabatPenilaiId: org.pengawas.id,
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
      predikat: e.predikat,
      status: e.status ?? 'FINAL',
    })
    .returning({ id: evaluasiTahunan.id });
  return { skpId: s!.id, evaluasiId: ev!.id };
}

type Pihak = { fung: Client; kasi: Client; kabid: Client };

/**
 * The functional employee objects to the FINAL evaluation of `skpId` on 6 January 2027; the kabid
 * asks both sides, who answer the next day, and decides DIUBAH to Sangat Kurang (SPEC §6.6).
 */
export async function keberatanSangatKurang<T extends Pihak>(
  login: (tanggal: string) => Promise<T>,
  skpId: number,
): Promise<T> {
  let u = await login('2027-01-06');
  let v = await ok<EvaluasiView>(
    u.fung.post(`/api/evaluasi/skp/${skpId}/keberatan`, { alasan: 'Mohon ditinjau kembali.' }),
  );
  const id = v.keberatan!.id;
  v = await ok(
    u.kabid.post(`/api/keberatan/${id}/keterangan`, { pihak: 'PENILAI', permintaan: 'Dasar?', version: 1 }),
  );
  v = await ok(
    u.kabid.post(`/api/keberatan/${id}/keterangan`, { pihak: 'PEGAWAI', permintaan: 'Bukti?', version: 2 }),
  );
  const [kPenilai, kPegawai] = v.keberatan!.keterangan;
  u = await login('2027-01-07');
  const jawab = (c: Client, k: { id: number; version: number }, jawaban: string) =>
    ok(c.post(`/api/keberatan/${id}/keterangan/${k.id}/jawaban`, { jawaban, version: k.version }));
  await jawab(u.kasi, kPenilai!, 'Rating sesuai catatan bulanan.');
  await jawab(u.fung, kPegawai!, 'Bukti terlampir.');
  v = await ok(
    u.kabid.post(`/api/keberatan/${id}/putusan`, {
      keputusan: 'DIUBAH',
      ratingHasilKerja: 'DI_BAWAH_EKSPEKTASI',
      ratingPerilaku: 'DI_BAWAH_EKSPEKTASI',
      pertimbangan: 'Bukti pegawai menunjukkan target tidak tercapai dan perilaku tidak sesuai.',
      version: 3,
    }),
  );
  expect(v.keberatan).toMatchObject({ status: 'DIPUTUS', predikatBaru: 'SANGAT_KURANG' });
  return u;
}
