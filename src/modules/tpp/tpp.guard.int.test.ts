/**
 * The SPEC §7.1 guards: a day nobody of an OPD has a record for is "data belum diimpor", never
 * absence; a month without predikat is "menunggu penilaian", never 0 %; approval with either left
 * needs the BKD's reason, kept and audited; a draft recomputes once the data arrives.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import type { TppBarisDetail, TppBarisPage, TppBulanOut } from '../../contracts/tpp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let bkd: Awaited<ReturnType<Harness['login']>>;

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

/** An approved 2026 plan; its predikat are added per month by `predikat`. */
async function skpDisetujui(pegawaiId: number, jabatanId: number) {
  const [skp] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status)
        VALUES (${org.instansiId}, ${pegawaiId}, ${jabatanId}, 2026, '2026-01-01', '2026-12-31', 'KUANTITATIF', false, 'DISETUJUI')
        RETURNING id`,
  );
  return skp!.id;
}

async function predikat(skpId: number, periode: string) {
  await h.db.execute(
    sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
        VALUES (${org.instansiId}, ${skpId}, ${periode}, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', ${org.pengawas.id}, now())`,
  );
}

/** On time every day of the month (weekends and holidays are ignored by the computation). */
async function hadirSebulan(pegawaiIds: number[], bulan: string) {
  await h.db.execute(
    sql`INSERT INTO kehadiran (pegawai_id, tanggal, instansi_id, jam_masuk, jam_pulang, status, sumber)
        SELECT p.id, d::date, ${org.instansiId}, '07:00', '17:00', 'HADIR', 'IMPOR'
          FROM pegawai p CROSS JOIN generate_series(${`${bulan}-01`}::date, ${`${bulan}-01`}::date + interval '1 month' - interval '1 day', interval '1 day') d
         WHERE p.id IN (SELECT value::int FROM json_array_elements_text(${JSON.stringify(pegawaiIds)}::json))`,
  );
}

const skp: Record<'staf' | 'staf2' | 'lain', number> = { staf: 0, staf2: 0, lain: 0 };

beforeAll(async () => {
  h = await createHarness({ now: '2026-08-05T02:00:00Z' });
  org = await buildOrg(h.db);
  bkd = await h.login(org.adminBkd.nip);
  skp.staf = await skpDisetujui(org.pelaksana.id, org.jabatan.jStaf);
  skp.staf2 = await skpDisetujui(org.pelaksana2.id, org.jabatan.jStaf);
  skp.lain = await skpDisetujui(org.orangLain.id, org.jabatan.jStaf2);
  // July: assessed except Pelaksana Dua; the Dinas Pendidikan imported its attendance, the Dinas Kesehatan did not.
  await predikat(skp.staf, '2026-07');
  await predikat(skp.lain, '2026-07');
  await hadirSebulan([org.pelaksana.id, org.pelaksana2.id], '2026-07');
});

afterAll(async () => {
  await h?.close();
});

describe('TPP guards (SPEC §7.1)', () => {
  it('an OPD without any attendance for a day: not absence for anyone, the line and the month say so', async () => {
    const m = await ok<TppBulanOut>(bkd.post('/api/tpp/2026-07/hitung'));
    const kesehatan = m.kekurangan.belumDiimpor.find((o) => o.opdId === org.unor.opd2.id);
    expect(kesehatan).toMatchObject({ opdNama: 'Dinas Kesehatan' });
    expect(kesehatan!.tanggal).toHaveLength(23); // every working day of July 2026 (no holiday here)
    expect(kesehatan!.tanggal[0]).toBe('2026-07-01');
    expect(m.kekurangan.belumDiimpor.map((o) => o.opdId)).not.toContain(org.unor.opd.id);
    expect(m.perOpd.find((o) => o.opdId === org.unor.opd2.id)).toMatchObject({ pegawaiBelumDiimpor: 2 });

    // kelas of jStaf2 unknown here: the line is judged by its deduction and its words.
    const lain = await ok<TppBarisDetail>(bkd.get(`/api/tpp/2026-07/pegawai/${org.orangLain.id}`));
    expect(lain).toMatchObject({ potonganPersen: 0, hariBelumDiimpor: 23, ditahan: null });
    expect(lain.disiplin).toBe(lain.dasar * 0.4);
    expect(lain.rincian.map((r) => r.uraian)).toContain(
      'Data kehadiran belum diimpor: 23 hari kerja tanpa catatan kehadiran siapa pun di OPD ini; tidak dihitung sebagai tanpa keterangan.',
    );

    const daftar = await ok<TppBarisPage>(bkd.get('/api/tpp/2026-07/baris?catatan=BELUM_DIIMPOR&limit=50'));
    expect(daftar.items.every((b) => b.opdId !== org.unor.opd.id && b.hariBelumDiimpor === 23)).toBe(true);
    expect(daftar.items.map((b) => b.pegawaiId)).toContain(org.orangLain.id);
  });

  it('a month without predikat yet: menunggu penilaian, not 0 % productivity, counted and listed', async () => {
    const m = await ok<TppBulanOut>(bkd.get('/api/tpp/2026-07'));
    expect(m.kekurangan.menungguPenilaian).toBe(1);
    const dua = await ok<TppBarisDetail>(bkd.get(`/api/tpp/2026-07/pegawai/${org.pelaksana2.id}`));
    expect(dua).toMatchObject({ menungguPenilaian: true, produktivitas: 0 });
    const uraian = dua.rincian.map((r) => r.uraian).join(' ');
    expect(uraian).toContain('menunggu penilaian — belum ada predikat Juli 2026');
    expect(uraian).not.toContain('× 0 %');
    const daftar = await ok<TppBarisPage>(bkd.get('/api/tpp/2026-07/baris?catatan=MENUNGGU_PENILAIAN'));
    expect(daftar.items.map((b) => b.pegawaiId)).toEqual([org.pelaksana2.id]);
  });

  it('approval is refused while they remain, unless the BKD gives a reason — kept and audited', async () => {
    const m = await ok<TppBulanOut>(bkd.get('/api/tpp/2026-07'));
    const tanpa = await bkd.post('/api/tpp/2026-07/setujui', { version: m.version });
    expect(tanpa.statusCode).toBe(409);
    expect(tanpa.json().error).toMatchObject({
      code: 'TPP_BELUM_LENGKAP',
      details: { menungguPenilaian: 1, pegawaiBelumDiimpor: m.kekurangan.pegawaiBelumDiimpor },
    });
    expect(tanpa.json().error.message).toContain('1 pegawai menunggu penilaian');
    const pendek = await bkd.post('/api/tpp/2026-07/setujui', { version: m.version, alasan: 'ok' });
    expect(pendek.statusCode).toBe(409);
    expect((await ok<TppBulanOut>(bkd.get('/api/tpp/2026-07'))).status).toBe('DRAF');

    const alasan = 'Kehadiran Dinas Kesehatan rusak; dibayar penuh sesuai nota dinas BKD 12/2026.';
    const setuju = await ok<TppBulanOut>(
      bkd.post('/api/tpp/2026-07/setujui', { version: m.version, alasan }),
    );
    expect(setuju).toMatchObject({ status: 'DISETUJUI', alasanPersetujuan: alasan });
    const [jejak] = await rows<{ after: { alasan: string; kekurangan: { menungguPenilaian: number } } }>(
      h.db,
      sql`SELECT after FROM audit_log WHERE instansi_id = ${org.instansiId} AND action = 'tpp_bulan.setujui'`,
    );
    expect(jejak!.after).toMatchObject({ alasan, kekurangan: { menungguPenilaian: 1 } });
  });

  it('a draft recomputes after late imports and assessments; then it is approved without a reason', async () => {
    const awal = await ok<TppBulanOut>(bkd.post('/api/tpp/2026-06/hitung'));
    expect(awal.kekurangan.menungguPenilaian).toBe(3);
    expect(awal.kekurangan.hariBelumDiimpor).toBeGreaterThan(0);

    const semua = await rows<{ id: number }>(
      h.db,
      sql`SELECT id FROM pegawai WHERE instansi_id = ${org.instansiId} AND is_active`,
    );
    await hadirSebulan(
      semua.map((p) => p.id),
      '2026-06',
    );
    for (const id of Object.values(skp)) await predikat(id, '2026-06');
    const ulang = await ok<TppBulanOut>(bkd.post('/api/tpp/2026-06/hitung'));
    expect(ulang.kekurangan).toEqual({
      hariBelumDiimpor: 0,
      pegawaiBelumDiimpor: 0,
      menungguPenilaian: 0,
      belumDiimpor: [],
      ditahanEvaluasi: 0,
    });
    const setuju = await ok<TppBulanOut>(bkd.post('/api/tpp/2026-06/setujui', { version: ulang.version }));
    expect(setuju).toMatchObject({ status: 'DISETUJUI', alasanPersetujuan: null });
  });
});
