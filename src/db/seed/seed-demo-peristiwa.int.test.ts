import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_PASSWORD } from '../../../test/harness.js';
import type { KotakMasukOut } from '../../contracts/kotak-masuk.js';
import type { TppBulanOut } from '../../contracts/tpp.js';
import { rows } from '../client.js';
import { demoAccounts } from './demo-gorontalo.js';
import { seedDemo } from './seed-demo.js';

// 12 October: June to August complete, September in its assessment window. The Plt acts from
// 1 February; the mutation takes effect on 1 August (two months before the current one).
const NOW = '2026-10-12T02:00:00Z';
const TANGGAL = '2026-10-12';
const TAHUN = 2026;
const LALU = '2026-09';

let h: Harness;
const nip = Object.fromEntries(demoAccounts(TEST_PASSWORD).map((a) => [a.role, a.nip]));

beforeAll(async () => {
  h = await createHarness({ now: NOW });
  await seedDemo(h.db, TEST_PASSWORD, new Date(NOW));
});
afterAll(() => h.close());

async function idOf(n: string) {
  const [row] = await rows<{ id: number }>(h.db, sql`SELECT id FROM pegawai WHERE nip = ${n}`);
  return row!.id;
}

async function ok<T>(nipPengguna: string, url: string, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const c = await h.login(nipPengguna);
  const res = await c.request(method, url, method === 'POST' ? {} : undefined);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describe('demo Plt (SPEC §4.1)', () => {
  it('acts for the retired Kepala Bidang Kebudayaan from 1 February; the retired head’s plan ends the day before', async () => {
    const plt = await rows<{ nip: string; jabatan: string; mulai: string; selesai: string | null }>(
      h.db,
      sql`SELECT p.nip, j.nama AS jabatan, t.tmt_mulai::text AS mulai, t.tmt_selesai::text AS selesai
            FROM penugasan t JOIN pegawai p ON p.id = t.pegawai_id JOIN jabatan j ON j.id = t.jabatan_id
           WHERE t.jenis = 'PLT'`,
    );
    expect(plt).toEqual([
      { nip: nip.plt, jabatan: 'Kepala Bidang Kebudayaan', mulai: '2026-02-01', selesai: null },
    ]);
    const [pensiun] = await rows<{ aktif: boolean; selesai: string; akhir: string; pemangku: number }>(
      h.db,
      sql`SELECT p.is_active AS aktif, t.tmt_selesai::text AS selesai, s.periode_akhir::text AS akhir,
                 (SELECT count(*)::int FROM pegawai x WHERE x.jabatan_id = j.id AND x.is_active) AS pemangku
            FROM jabatan j JOIN pegawai p ON p.jabatan_id = j.id
            JOIN penugasan t ON t.pegawai_id = p.id AND t.jabatan_id = j.id AND t.jenis = 'DEFINITIF'
            JOIN skp s ON s.pegawai_id = p.id AND s.jabatan_id = j.id AND s.tahun = ${TAHUN}
           WHERE j.nama = 'Kepala Bidang Kebudayaan'`,
    );
    expect(pensiun).toEqual({ aktif: false, selesai: '2026-01-31', akhir: '2026-01-31', pemangku: 0 });
  });

  it('the vacant position’s kasi intervene the plan written for it, which the Plt now leads', async () => {
    const pltId = await idOf(nip.plt!);
    const kasi = await rows<{
      id: number;
      jabatanRencana: string;
      pemilikAktif: boolean;
      utama: number;
      keRencana: number;
      dinilaiPlt: number;
      realisasi: number;
    }>(
      h.db,
      sql`SELECT b.id, j.nama AS "jabatanRencana", o.is_active AS "pemilikAktif",
                 (SELECT count(*)::int FROM skp s JOIN rhk r ON r.skp_id = s.id
                   WHERE s.pegawai_id = b.id AND s.tahun = ${TAHUN} AND r.jenis = 'UTAMA') AS utama,
                 (SELECT count(*)::int FROM skp s JOIN rhk r ON r.skp_id = s.id
                   WHERE s.pegawai_id = b.id AND s.tahun = ${TAHUN} AND r.jenis = 'UTAMA'
                     AND EXISTS (SELECT 1 FROM rhk_intervensi v JOIN rhk y ON y.id = v.atasan_rhk_id
                                   JOIN skp sa ON sa.id = y.skp_id
                                  WHERE v.rhk_id = r.id AND sa.pegawai_id = ra.pemilik_id
                                    AND sa.jabatan_id = ra.jabatan_id AND sa.tahun = ${TAHUN})) AS "keRencana",
                 (SELECT count(*)::int FROM realisasi x WHERE x.pegawai_id = b.id AND x.pejabat_penilai_id = ${pltId}) AS "dinilaiPlt",
                 (SELECT count(*)::int FROM realisasi x WHERE x.pegawai_id = b.id AND x.diajukan_at IS NOT NULL) AS realisasi
            FROM bawahan_langsung(${pltId}, ${TANGGAL}::date) AS b(id)
            JOIN pegawai p ON p.id = b.id JOIN jabatan jp ON jp.id = p.jabatan_id
            JOIN jabatan j ON j.id = jp.atasan_jabatan_id
            CROSS JOIN LATERAL rencana_atasan(b.id, ${pltId}, ${TAHUN}, ${TANGGAL}::date) ra
            JOIN pegawai o ON o.id = ra.pemilik_id
           WHERE j.nama = 'Kepala Bidang Kebudayaan'`,
    );
    expect(kasi).toHaveLength(2);
    for (const k of kasi) {
      // The plan of the position (its retired holder's), not the Plt's own from Bidang Pembinaan SMK.
      expect(k).toMatchObject({ jabatanRencana: 'Kepala Bidang Kebudayaan', pemilikAktif: false });
      expect(k.utama).toBeGreaterThanOrEqual(2);
      expect(k.keRencana).toBe(k.utama);
      // Every month since February is submitted to and assessed by the Plt.
      expect(k.dinilaiPlt).toBe(k.realisasi);
      expect(k.realisasi).toBeGreaterThan(0);
    }
    const ids = kasi.map((k) => k.id);

    const bawahan = await ok<{ items: { pegawaiId: number; status: string | null }[] }>(
      nip.plt!,
      `/api/skp-bawahan?tahun=${TAHUN}`,
    );
    expect(bawahan.items.filter((i) => ids.includes(i.pegawaiId)).map((i) => i.status)).toEqual([
      'DISETUJUI',
      'DISETUJUI',
    ]);
    const inbox = await ok<KotakMasukOut>(nip.plt!, '/api/kotak-masuk');
    const menunggu = inbox.items.flatMap((i) =>
      i.jenis === 'NILAI' && i.periode.kode === LALU ? [i.pegawai.id] : [],
    );
    expect(menunggu.filter((id) => ids.includes(id)).length).toBeGreaterThan(0);
  });
});

describe('demo month without attendance (SPEC §7.1)', () => {
  it('Dinas Perhubungan has no record last month, and the TPP guard counts its days as not imported', async () => {
    const per = await rows<{ opd: string; lalu: number; sebelum: number }>(
      h.db,
      sql`SELECT u.nama AS opd,
                 count(*) FILTER (WHERE to_char(k.tanggal, 'YYYY-MM') = ${LALU})::int AS lalu,
                 count(*) FILTER (WHERE to_char(k.tanggal, 'YYYY-MM') < ${LALU})::int AS sebelum
            FROM unor u LEFT JOIN pegawai p ON p.opd_id = u.id LEFT JOIN kehadiran k ON k.pegawai_id = p.id
           WHERE u.jenis = 'OPD' GROUP BY u.nama`,
    );
    expect(per.filter((o) => o.lalu === 0).map((o) => o.opd)).toEqual(['Dinas Perhubungan']);
    expect(per.every((o) => o.sebelum > 0)).toBe(true);

    const tpp = await ok<TppBulanOut>(nip.admin_instansi!, `/api/tpp/${LALU}/hitung`, 'POST');
    expect(tpp.kekurangan.belumDiimpor).toHaveLength(1);
    expect(tpp.kekurangan.belumDiimpor[0]).toMatchObject({ opdNama: 'Dinas Perhubungan' });
    expect(tpp.kekurangan.belumDiimpor[0]!.tanggal).toHaveLength(tpp.hariKerja);
    expect(tpp.kekurangan.hariBelumDiimpor).toBe(tpp.hariKerja);
    expect(tpp.kekurangan.pegawaiBelumDiimpor).toBeGreaterThan(10);
  });
});

describe('demo mid-year mutation (SPEC §4.1)', () => {
  it('moves a Perencana to Bappeda on 1 August: two approved plans, one after the other, each assessed by its superior', async () => {
    const mutasiId = await idOf(nip.mutasi!);
    const skp = await rows<{
      id: number;
      mulai: string;
      akhir: string;
      status: string;
      jabatan: string;
      opd: string;
      penilai: number;
      waktu: number;
      tanpaInduk: number;
    }>(
      h.db,
      sql`SELECT s.id, s.periode_mulai::text AS mulai, s.periode_akhir::text AS akhir, s.status, j.nama AS jabatan,
                 o.nama AS opd, s.pejabat_penilai_id AS penilai,
                 (SELECT max(k.target_nilai)::int FROM rhk r JOIN iki k ON k.rhk_id = r.id
                   WHERE r.skp_id = s.id AND k.aspek = 'WAKTU') AS waktu,
                 -- Each plan's UTAMA RHKs intervene the plan of the superior who approved it.
                 (SELECT count(*)::int FROM rhk r WHERE r.skp_id = s.id AND r.jenis = 'UTAMA'
                     AND NOT EXISTS (SELECT 1 FROM rhk_intervensi v JOIN rhk y ON y.id = v.atasan_rhk_id
                                       JOIN skp sa ON sa.id = y.skp_id
                                      WHERE v.rhk_id = r.id AND sa.pegawai_id = s.pejabat_penilai_id AND sa.tahun = s.tahun))
                   AS "tanpaInduk"
            FROM skp s JOIN jabatan j ON j.id = s.jabatan_id JOIN unor u ON u.id = j.unor_id JOIN unor o ON o.id = u.opd_id
           WHERE s.pegawai_id = ${mutasiId} AND s.tahun = ${TAHUN} ORDER BY s.periode_mulai`,
    );
    expect(skp.map(({ id, jabatan, penilai, ...rest }) => rest)).toEqual([
      {
        mulai: '2026-01-01',
        akhir: '2026-07-31',
        status: 'DISETUJUI',
        opd: 'Badan Pendapatan Daerah',
        waktu: 12,
        tanpaInduk: 0,
      },
      {
        mulai: '2026-08-01',
        akhir: '2026-12-31',
        status: 'DISETUJUI',
        opd: 'Badan Perencanaan Pembangunan Daerah',
        waktu: 5,
        tanpaInduk: 0,
      },
    ]);
    const [lama, baru] = skp as [(typeof skp)[0], (typeof skp)[0]];
    expect(lama.jabatan).toBe(baru.jabatan);

    const [now] = await rows<{ jabatan: boolean; atasan: number; riwayat: string[] }>(
      h.db,
      sql`SELECT p.jabatan_id = s.jabatan_id AND p.opd_id = u.opd_id AS jabatan,
                 atasan_langsung(p.id, ${TANGGAL}::date) AS atasan,
                 ARRAY(SELECT t.tmt_mulai || '..' || coalesce(t.tmt_selesai::text, '') FROM penugasan t
                        WHERE t.pegawai_id = p.id AND t.jenis = 'DEFINITIF' ORDER BY t.tmt_mulai) AS riwayat
            FROM pegawai p JOIN skp s ON s.id = ${baru.id} JOIN jabatan j ON j.id = s.jabatan_id JOIN unor u ON u.id = j.unor_id
           WHERE p.id = ${mutasiId}`,
    );
    expect(now!.jabatan).toBe(true);
    expect(now!.atasan).toBe(baru.penilai);
    expect(lama.penilai).not.toBe(baru.penilai);
    expect(now!.riwayat.at(-2)).toMatch(/\.\.2026-07-31$/);
    expect(now!.riwayat.at(-1)).toBe('2026-08-01..');

    // Each completed month on the plan in force on its first day, assessed by that plan's superior.
    const bulan = await rows<{ kode: string; skp: number; penilai: number; dinilai: boolean }>(
      h.db,
      sql`SELECT r.periode_kode AS kode, min(r.skp_id) AS skp, min(r.pejabat_penilai_id) AS penilai,
                 bool_and(r.status = 'DITERIMA') AS dinilai
            FROM realisasi r WHERE r.pegawai_id = ${mutasiId} AND r.periode_kode < ${LALU}
           GROUP BY r.periode_kode ORDER BY r.periode_kode`,
    );
    expect(bulan).toEqual([
      { kode: '2026-06', skp: lama.id, penilai: lama.penilai, dinilai: true },
      { kode: '2026-07', skp: lama.id, penilai: lama.penilai, dinilai: true },
      { kode: '2026-08', skp: baru.id, penilai: baru.penilai, dinilai: true },
    ]);

    const ak = await ok<{ periodik: { skpId: number }[] }>(
      nip.mutasi!,
      `/api/angka-kredit/pegawai/${mutasiId}?tahun=${TAHUN}`,
    );
    expect([...new Set(ak.periodik.map((p) => p.skpId))]).toEqual([lama.id, baru.id]);
  });
});
