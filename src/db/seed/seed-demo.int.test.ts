import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { openTestDatabase } from '../../../test/db.js';
import { buildApp } from '../../app.js';
import type { CakupanInstansiResponse, CakupanResponse } from '../../contracts/skp.js';
import {
  type CapaianRhk,
  MATRIKS_PREDIKAT,
  type PredikatPegawai,
  type Rating,
  sarankanRatingHasilKerja,
} from '../../domain/predikat.js';
import type { JenisRhk } from '../../domain/skp.js';
import { dateInZone, fixedClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { type Database, rows } from '../client.js';
import { DEMO_EMPLOYEES, demoAccounts, demoSkpStates } from './demo-gorontalo.js';
import { akunDemoDenganKataSandi, seedDemoIfEmpty } from './seed-demo.js';

const PASSWORD = 'Kinerja#2026';
// Mid-March: the January deadline has passed, so approved-late plans are late; February is in its
// assessment window (8–15 March), November 2025 to January 2026 are complete.
const NOW = new Date('2026-03-10T02:00:00Z');
const SELESAI = ['2025-11', '2025-12', '2026-01'];
const LALU = '2026-02';
const TAHUN = 2026;
const TANGGAL = dateInZone(NOW, 'Asia/Makassar');

let database: Database;
const nip = Object.fromEntries(demoAccounts(PASSWORD).map((a) => [a.role, a.nip]));

beforeAll(async () => {
  database = await openTestDatabase();
  expect(await seedDemoIfEmpty(database.db, PASSWORD, NOW)).toBe(true);
});
afterAll(() => database.close());

/** The employee's latest plan of a year, with its UTAMA RHK count. */
async function planOf(n: string, tahun = TAHUN) {
  const [row] = await rows<{ id: number; status: string; catatan: string | null; utama: number } | undefined>(
    database.db,
    sql`SELECT s.id, s.status, s.catatan_pengembalian AS catatan,
               (SELECT count(*)::int FROM rhk r WHERE r.skp_id = s.id AND r.jenis = 'UTAMA') AS utama
          FROM skp s JOIN pegawai p ON p.id = s.pegawai_id
         WHERE p.nip = ${n} AND s.tahun = ${tahun} ORDER BY s.versi DESC LIMIT 1`,
  );
  return row ?? null;
}

describe('demo seed', () => {
  it('is recognised by its published password, which a production start refuses', async () => {
    expect(await akunDemoDenganKataSandi(database.db, PASSWORD)).toBe(true);
    expect(await akunDemoDenganKataSandi(database.db, 'Bukan#Demo2026')).toBe(false);
  });

  it('gives the paruh waktu their latest finished quarter (Q4 2025), whole for all but the last by name', async () => {
    const found = await rows<{ nama: string; bulan: string[] }>(
      database.db,
      sql`SELECT p.nama, array(SELECT DISTINCT pp.periode_kode FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id
                                WHERE s.pegawai_id = p.id AND pp.periode_kode BETWEEN '2025-10' AND '2025-12'
                                ORDER BY 1) AS bulan
            FROM pegawai p WHERE p.jenis_asn = 'PPPK_PW' ORDER BY p.nama, p.id`,
    );
    expect(found).toHaveLength(4);
    expect(found.slice(0, 3).map((f) => f.bulan)).toEqual(Array(3).fill(['2025-10', '2025-11', '2025-12']));
    expect(found[3]!.bulan).toEqual(['2025-11', '2025-12']);
  });

  it('seeds once: a second call on a non-empty database does nothing', async () => {
    expect(await seedDemoIfEmpty(database.db, PASSWORD, NOW)).toBe(false);
    const [row] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM instansi`);
    expect(row!.n).toBe(1);
  });

  it('writes consistent paths, OPD links and position history (an open definitive one for everyone active)', async () => {
    const [bad] = await rows<{ paths: number; opd: number; history: number }>(
      database.db,
      sql`SELECT
            (SELECT count(*)::int FROM unor c JOIN unor p ON p.id = c.parent_id WHERE c.path <> p.path || c.id || '/') AS paths,
            (SELECT count(*)::int FROM pegawai g JOIN unor u ON u.id = g.unor_id WHERE g.opd_id IS DISTINCT FROM u.opd_id) AS opd,
            (SELECT count(*)::int FROM pegawai g WHERE g.is_active AND NOT EXISTS
               (SELECT 1 FROM penugasan t WHERE t.pegawai_id = g.id AND t.jenis = 'DEFINITIF' AND t.tmt_selesai IS NULL)) AS history`,
    );
    expect(bad).toEqual({ paths: 0, opd: 0, history: 0 });
  });

  it('the demo accounts form one chain of superiors', async () => {
    const atasanOf = async (n: string) => {
      const [row] = await rows<{ nip: string | null }>(
        database.db,
        sql`SELECT a.nip FROM pegawai p LEFT JOIN pegawai a ON a.id = atasan_langsung(p.id, current_date) WHERE p.nip = ${n}`,
      );
      return row!.nip;
    };
    expect(await atasanOf(nip.pelaksana!)).toBe(nip.pengawas);
    expect(await atasanOf(nip.fungsional!)).toBe(nip.pengawas);
    expect(await atasanOf(nip.pengawas!)).toBe(nip.administrator);
    expect(await atasanOf(nip.administrator!)).toBe(nip.kepala_opd);
    const [gov] = await rows<{ nip: string }>(
      database.db,
      sql`SELECT p.nip FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id WHERE j.jenis = 'JPT_UTAMA'`,
    );
    expect(await atasanOf(nip.kepala_opd!)).toBe(gov!.nip);
    const [roles] = await rows<{ admin: number; opd: number }>(
      database.db,
      sql`SELECT count(*) FILTER (WHERE peran = 'ADMIN_INSTANSI')::int AS admin, count(*) FILTER (WHERE peran = 'ADMIN_OPD')::int AS opd FROM peran_pegawai`,
    );
    expect(roles!.admin).toBe(1);
    expect(roles!.opd).toBeGreaterThanOrEqual(25);
  });
});

describe('demo SKPs', () => {
  it('give the demo accounts the states the browser journeys start from', async () => {
    // Idris writes this year's plan himself; last year's approved one is there to copy.
    expect(await planOf(nip.pelaksana!)).toBeNull();
    expect((await planOf(nip.pelaksana!, TAHUN - 1))?.status).toBe('DISETUJUI');
    const yamin = await planOf(nip.pengawas!);
    expect(yamin?.status).toBe('DISETUJUI');
    expect(yamin!.utama).toBeGreaterThanOrEqual(2);
    const rosmini = await planOf(nip.fungsional!);
    expect(rosmini?.status).toBe('DIKEMBALIKAN');
    expect(rosmini!.catatan).toMatch(/\w{10}/);
    expect((await planOf(nip.administrator!))?.status).toBe('DISETUJUI');
    expect((await planOf(nip.kepala_opd!))?.status).toBe('DISETUJUI');
  });

  it('show every state on the listed employees; everyone else with a position is approved, last year everyone', async () => {
    const states = demoSkpStates();
    const found = await rows<{ nip: string; status: string | null; late: boolean }>(
      database.db,
      sql`SELECT p.nip, s.status, s.disetujui_at > ${`${TAHUN}-02-01T00:00:00+08:00`}::timestamptz AS late
            FROM json_array_elements_text(${JSON.stringify(states.map((s) => s.pegawai))}::json) AS n(nip)
            JOIN pegawai p ON p.nip = n.nip LEFT JOIN skp s ON s.pegawai_id = p.id AND s.tahun = ${TAHUN}`,
    );
    const byNip = new Map(found.map((f) => [f.nip, f]));
    const expected = { TANPA_SKP: null, TERLAMBAT: 'DISETUJUI' } as Record<string, string | null>;
    for (const s of states) {
      const got = byNip.get(s.pegawai as string);
      expect(got?.status, `${s.pegawai} ${s.state}`).toBe(s.state in expected ? expected[s.state] : s.state);
      if (s.state === 'TERLAMBAT') expect(got!.late).toBe(true);
    }
    expect(new Set(states.map((s) => s.state))).toEqual(
      new Set(['TANPA_SKP', 'DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'DISETUJUI', 'TERLAMBAT']),
    );
    const [others] = await rows<{
      pegawai: number;
      approved: number;
      approvedLastYear: number;
      opds: number;
    }>(
      database.db,
      sql`SELECT count(*)::int AS pegawai,
                 count(*) FILTER (WHERE EXISTS (SELECT 1 FROM skp s WHERE s.pegawai_id = p.id AND s.tahun = ${TAHUN} AND s.status = 'DISETUJUI'))::int AS approved,
                 count(*) FILTER (WHERE EXISTS (SELECT 1 FROM skp s WHERE s.pegawai_id = p.id AND s.tahun = ${TAHUN - 1} AND s.status = 'DISETUJUI'))::int AS "approvedLastYear",
                 (SELECT count(DISTINCT q.opd_id)::int FROM pegawai q
                   WHERE q.nip IN (SELECT value FROM json_array_elements_text(${JSON.stringify(states.map((s) => s.pegawai))}::json))) AS opds
            FROM pegawai p
           WHERE p.jabatan_id IS NOT NULL
             AND p.nip NOT IN (SELECT value FROM json_array_elements_text(${JSON.stringify(states.filter((s) => s.state !== 'DISETUJUI').map((s) => s.pegawai))}::json))`,
    );
    const unlisted = DEMO_EMPLOYEES - states.filter((s) => s.state !== 'DISETUJUI').length;
    expect(others).toEqual({
      pegawai: unlisted,
      approved: unlisted,
      approvedLastYear: unlisted,
      opds: others!.opds,
    });
    expect(others!.opds).toBeGreaterThanOrEqual(8);
    const [lastYear] = await rows<{ n: number; approved: number }>(
      database.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'DISETUJUI')::int AS approved FROM skp WHERE tahun = ${TAHUN - 1}`,
    );
    expect(lastYear).toEqual({ n: DEMO_EMPLOYEES, approved: DEMO_EMPLOYEES });
  });

  it('link every non-JPT UTAMA RHK of an approved plan for a current position to an RHK of the plan its superior leads it by', async () => {
    // rencana_atasan(): the superior's own plan, or under a Plt the plan written for the position.
    // The plans of a position left (the mutation's, the retired head's) are checked in seed-demo-peristiwa.
    const [row] = await rows<{ utama: number; unlinked: number }>(
      database.db,
      sql`WITH s AS (
            SELECT s.*, ra.pemilik_id, ra.jabatan_id AS jabatan_atasan_id
              FROM skp s JOIN pegawai p ON p.id = s.pegawai_id AND p.is_active AND p.jabatan_id = s.jabatan_id
             CROSS JOIN LATERAL rencana_atasan(s.pegawai_id, atasan_langsung(s.pegawai_id, ${TANGGAL}::date),
                                               s.tahun, ${TANGGAL}::date) ra
             WHERE s.status = 'DISETUJUI' AND NOT s.is_jpt)
          SELECT count(*)::int AS utama,
                 count(*) FILTER (WHERE NOT EXISTS (
                   SELECT 1 FROM rhk_intervensi v JOIN rhk y ON y.id = v.atasan_rhk_id JOIN skp sa ON sa.id = y.skp_id
                    WHERE v.rhk_id = r.id AND sa.tahun = s.tahun
                      AND sa.pegawai_id = s.pemilik_id AND sa.jabatan_id = s.jabatan_atasan_id
                      AND sa.status IN ('DIAJUKAN', 'DISETUJUI')))::int AS unlinked
            FROM s JOIN rhk r ON r.skp_id = s.id
           WHERE r.jenis = 'UTAMA'`,
    );
    expect(row!.utama).toBeGreaterThan(2 * (DEMO_EMPLOYEES - 100) * 2);
    expect(row!.unlinked).toBe(0);
  });

  it('derive JPT plans from their unit’s Perjanjian Kinerja, and give the others one IKI per aspek (WAKTU: the months left from the plan’s start)', async () => {
    const [row] = await rows<{
      jptRhk: number;
      jptBad: number;
      rhk: number;
      aspekBad: number;
      satuanBad: number;
    }>(
      database.db,
      sql`SELECT
            (SELECT count(*)::int FROM skp s JOIN rhk r ON r.skp_id = s.id WHERE s.is_jpt) AS "jptRhk",
            (SELECT count(*)::int FROM skp s JOIN rhk r ON r.skp_id = s.id JOIN jabatan j ON j.id = s.jabatan_id
              WHERE s.is_jpt AND (NOT EXISTS (SELECT 1 FROM pk_sasaran ps JOIN perjanjian_kinerja pk ON pk.id = ps.pk_id
                                              WHERE ps.id = r.pk_sasaran_id AND pk.unor_id = j.unor_id AND pk.tahun = s.tahun)
                                  OR EXISTS (SELECT 1 FROM iki k WHERE k.rhk_id = r.id AND (k.perspektif IS NULL OR k.aspek IS NOT NULL)))) AS "jptBad",
            (SELECT count(*)::int FROM skp s JOIN rhk r ON r.skp_id = s.id WHERE NOT s.is_jpt) AS rhk,
            (SELECT count(*)::int FROM skp s JOIN rhk r ON r.skp_id = s.id
              WHERE NOT s.is_jpt AND (SELECT array_agg(k.aspek ORDER BY k.urutan) FROM iki k WHERE k.rhk_id = r.id)
                                     <> ARRAY['KUANTITAS', 'KUALITAS', 'WAKTU']) AS "aspekBad",
            (SELECT count(*)::int FROM iki k JOIN rhk r ON r.id = k.rhk_id JOIN skp s ON s.id = r.skp_id
              WHERE NOT s.is_jpt AND ((k.aspek = 'KUALITAS' AND (k.target_nilai <> 100 OR k.target_satuan <> '%'))
                                   OR (k.aspek = 'WAKTU' AND (k.target_nilai <> 13 - extract(month FROM s.periode_mulai)
                                                              OR k.target_satuan <> 'bulan'))
                                   OR (k.aspek = 'KUANTITAS' AND (k.target_nilai < 1 OR k.indikator NOT LIKE 'Jumlah %')))) AS "satuanBad"`,
    );
    expect(row!.jptRhk).toBeGreaterThanOrEqual(2 * 30);
    expect(row!.rhk).toBeGreaterThan(3000);
    expect(row).toMatchObject({ jptBad: 0, aspekBad: 0, satuanBad: 0 });
    const [phrasing] = await rows<{ nominal: number; all: number }>(
      database.db,
      sql`SELECT count(*) FILTER (WHERE rencana ~ '^(Ter|Me|Di)[a-z]+nya ')::int AS nominal, count(*)::int AS "all" FROM rhk`,
    );
    expect(phrasing!.nominal).toBe(phrasing!.all);
  });

  it('fill the assessor’s part once a plan reached the assessor, and freeze the identity of approved ones', async () => {
    const [row] = await rows<{
      bad: number;
      identitas: { pegawai: { nip: string }; pejabatPenilai: { nama: string } };
    }>(
      database.db,
      sql`SELECT
            (SELECT count(*)::int FROM skp s
              WHERE (SELECT count(*) FROM skp_perilaku b WHERE b.skp_id = s.id) <> CASE WHEN s.status = 'DRAFT' THEN 0 ELSE 7 END
                 OR (SELECT count(DISTINCT l.jenis) FROM skp_lampiran l WHERE l.skp_id = s.id) <> CASE WHEN s.status = 'DRAFT' THEN 0 ELSE 3 END
                 OR (s.status = 'DISETUJUI') <> (s.identitas IS NOT NULL AND s.disetujui_at IS NOT NULL)
                 OR (s.status <> 'DRAFT' AND s.diajukan_at IS NULL)
                 OR s.updated_at > ${NOW.toISOString()}::timestamptz) AS bad,
            (SELECT s.identitas FROM skp s JOIN pegawai p ON p.id = s.pegawai_id WHERE p.nip = ${nip.pengawas!} AND s.tahun = ${TAHUN}) AS identitas`,
    );
    expect(row!.bad).toBe(0);
    expect(row!.identitas.pegawai.nip).toMatch(/^\d{8} \d{6} \d \d{3}$/);
    expect(row!.identitas.pejabatPenilai.nama).toMatch(/^Hasna/);
    const [setting] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pengaturan`);
    expect(setting!.n).toBe(1);
  });
});

/**
 * The app over the seeded demo on the demo clock, for one describe block: GET as a demo account
 * (logged in per call), expecting 200.
 */
function demoApi() {
  let app: FastifyInstance;
  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: './tmp/no-web', LOGIN_RATE_LIMIT: '100000' });
    app = await buildApp({ config, database, clock: fixedClock(NOW) });
    await app.ready();
  });
  afterAll(() => app.close());

  return async function get<T>(who: string, url: string): Promise<T> {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nip: who, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
}

describe('demo SKPs through the API', () => {
  const get = demoApi();

  it('the approved plans of the account chain pass every submission check', async () => {
    for (const role of ['pengawas', 'administrator', 'kepala_opd'] as const) {
      const plan = await planOf(nip[role]!);
      const detail = await get<{ temuan: unknown[]; status: string }>(nip[role]!, `/api/skp/${plan!.id}`);
      expect(detail.status).toBe('DISETUJUI');
      expect(detail.temuan, role).toEqual([]);
    }
  });

  it('dibagi habis is mostly complete across the instansi, with a few gaps of every kind', async () => {
    const report = await get<CakupanInstansiResponse>(nip.admin_instansi!, `/api/cakupan?tahun=${TAHUN}`);
    const r = report.ringkasan;
    expect(r.iki).toBeGreaterThan(1000);
    expect(r.lengkap / r.iki).toBeGreaterThan(0.9);
    expect(r.kurang).toBeGreaterThan(0);
    expect(r.lebih).toBeGreaterThan(0);
    expect(r.bedaSatuan).toBeGreaterThan(0);
    expect(r.tanpaBawahan).toBeGreaterThan(0);
    expect(r.rhkTanpaInduk).toBe(0);
    // 26 OPD, the Sekretariat Daerah and the head of region's own unit.
    expect(report.unit.length).toBeGreaterThanOrEqual(28);
  });

  it('Yamin’s plan shows who has not planned yet; his RHKs are otherwise carried by his staff', async () => {
    const plan = await planOf(nip.pengawas!);
    const cakupan = await get<z.infer<typeof CakupanResponse>>(nip.pengawas!, `/api/skp/${plan!.id}/cakupan`);
    expect(cakupan.iki.every((k) => k.status !== 'TANPA_BAWAHAN' && k.status !== 'BEDA_SATUAN')).toBe(true);
    expect(cakupan.tanpaInduk).toEqual([]);
    const waiting = new Map(cakupan.belumDisetujui.map((b) => [b.status, b.namaLengkap]));
    expect(waiting.get(null)).toMatch(/^Idris/);
    expect(waiting.get('DIKEMBALIKAN')).toMatch(/^Rosmini/);
    expect(waiting.has('DIAJUKAN')).toBe(true);
  });
});

/**
 * Who assesses a plan's period on a day: the plan's pejabat penilai, or once he has left his position
 * the Plt acting for it, from the Plt's TMT.
 */
const penilaiPada = (skp: 'k' | 's', hari: SQL) =>
  sql`coalesce((SELECT t.pegawai_id FROM penugasan d JOIN penugasan t ON t.jabatan_id = d.jabatan_id AND t.jenis = 'PLT'
                 WHERE d.pegawai_id = ${sql.raw(skp)}.pejabat_penilai_id AND d.jenis = 'DEFINITIF'
                   AND d.tmt_selesai < t.tmt_mulai AND t.tmt_mulai <= ${hari}),
               ${sql.raw(skp)}.pejabat_penilai_id)`;

describe('demo realisasi', () => {
  it('completes the three months before the previous one for every active employee’s approved plan covering them', async () => {
    const found = await rows<{
      kode: string;
      plans: number;
      reported: number;
      missing: number;
      bad: number;
      rated: number;
    }>(
      database.db,
      sql`WITH m AS (SELECT kode, left(kode, 4)::int AS tahun FROM unnest(${`{${SELESAI.join(',')}}`}::text[]) AS m(kode)),
               s AS (SELECT m.kode, s.* FROM m JOIN skp s ON s.tahun = m.tahun AND s.status = 'DISETUJUI' AND s.pejabat_penilai_id IS NOT NULL
                       AND s.periode_mulai <= (to_date(m.kode, 'YYYY-MM') + interval '1 month - 1 day')::date
                       AND s.periode_akhir >= to_date(m.kode, 'YYYY-MM')
                       AND EXISTS (SELECT 1 FROM pegawai p WHERE p.id = s.pegawai_id AND p.is_active))
          SELECT m.kode,
                 (SELECT count(*)::int FROM s WHERE s.kode = m.kode) AS plans,
                 (SELECT count(DISTINCT r.skp_id)::int FROM realisasi r WHERE r.periode_kode = m.kode) AS reported,
                 (SELECT count(*)::int FROM s JOIN rhk x ON x.skp_id = s.id WHERE s.kode = m.kode
                     AND NOT EXISTS (SELECT 1 FROM realisasi r WHERE r.rhk_id = x.id AND r.periode_kode = m.kode)) AS missing,
                 (SELECT count(*)::int FROM realisasi r JOIN skp k ON k.id = r.skp_id WHERE r.periode_kode = m.kode
                     AND (r.status <> 'DITERIMA' OR r.capaian IS NULL OR r.arahan IS NOT NULL OR k.tahun <> m.tahun
                          OR r.pejabat_penilai_id IS DISTINCT FROM ${penilaiPada('k', sql`(r.diajukan_at AT TIME ZONE 'Asia/Makassar')::date`)}
                          OR r.nilai IS NULL OR r.rencana_aksi IS NULL
                          OR NOT EXISTS (SELECT 1 FROM bukti_dukung b WHERE b.realisasi_id = r.id AND b.url LIKE 'https://%'))) AS bad,
                 (SELECT count(*)::int FROM penilaian_periodik p WHERE p.periode_kode = m.kode) AS rated
            FROM m ORDER BY m.kode`,
    );
    for (const f of found) {
      // Last year's plans cover the months of 2025, this year's January.
      expect(f.plans, f.kode).toBeGreaterThan(DEMO_EMPLOYEES - 20);
      expect(f, f.kode).toEqual({
        kode: f.kode,
        plans: f.plans,
        reported: f.plans,
        missing: 0,
        bad: 0,
        rated: f.plans,
      });
    }
  });

  it('dates every step inside its window, by the employee or their pejabat penilai, never after now', async () => {
    const [row] = await rows<{ steps: number; bad: number; threads: Record<string, number> }>(
      database.db,
      sql`WITH h AS (
            SELECT h.*, r.pegawai_id, ${penilaiPada('s', sql`(h.at AT TIME ZONE 'Asia/Makassar')::date`)} AS penilai, r.periode_kode,
                   extract(day FROM h.at AT TIME ZONE 'Asia/Makassar')::int AS hari,
                   to_char(h.at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM') AS bulan,
                   to_char(to_date(r.periode_kode, 'YYYY-MM') + interval '1 month', 'YYYY-MM') AS berikut
              FROM realisasi_riwayat h JOIN realisasi r ON r.id = h.realisasi_id JOIN skp s ON s.id = r.skp_id
          ), t AS (
            SELECT string_agg(aksi, ',' ORDER BY id) AS alur FROM realisasi_riwayat
             WHERE realisasi_id IN (SELECT id FROM realisasi WHERE periode_kode IN (SELECT unnest(${`{${SELESAI.join(',')}}`}::text[])))
             GROUP BY realisasi_id
          )
          SELECT count(*)::int AS steps,
                 count(*) FILTER (WHERE NOT (bulan = berikut AND at <= ${NOW.toISOString()}::timestamptz AND CASE aksi
                   -- A few completed-month reports came late, early in the assessment window (the monitoring's late list).
                   WHEN 'AJUKAN' THEN putaran = 1 AND oleh_id = pegawai_id AND hari BETWEEN 1 AND 8 AND catatan IS NULL
                   WHEN 'PERLU_PERBAIKAN' THEN putaran = 1 AND oleh_id = penilai AND hari BETWEEN 8 AND 15 AND length(catatan) > 20
                   WHEN 'PERBAIKI' THEN putaran = 2 AND oleh_id = pegawai_id AND hari BETWEEN 19 AND 25
                   WHEN 'TERIMA' THEN oleh_id = penilai AND ((putaran = 1 AND hari BETWEEN 8 AND 15) OR (putaran = 2 AND hari BETWEEN 19 AND 25))
                 END))::int AS bad,
                 (SELECT json_object_agg(alur, n) FROM (SELECT alur, count(*)::int AS n FROM t GROUP BY alur) x) AS threads
            FROM h`,
    );
    expect(row!.bad).toBe(0);
    expect(row!.steps).toBeGreaterThan(30_000);
    // Completed months: accepted at once, or sent back, corrected and accepted; the direction stays in the thread.
    expect(Object.keys(row!.threads).sort()).toEqual([
      'AJUKAN,PERLU_PERBAIKAN,PERBAIKI,TERIMA',
      'AJUKAN,TERIMA',
    ]);
    const returned = row!.threads['AJUKAN,PERLU_PERBAIKAN,PERBAIKI,TERIMA']!;
    const total = returned + row!.threads['AJUKAN,TERIMA']!;
    expect(returned / total).toBeGreaterThan(0.05);
    expect(returned / total).toBeLessThan(0.25);
  });

  it('rates the completed months by the §6.2 matrix on the suggested rating: mostly Baik, some Sangat Baik, a few below', async () => {
    const found = await rows<{
      hasil: Rating;
      perilaku: Rating;
      predikat: PredikatPegawai;
      verdicts: { jenis: JenisRhk; capaian: CapaianRhk }[];
      perilakuUmpan: number;
    }>(
      database.db,
      sql`WITH v AS (SELECT r.skp_id, r.periode_kode, json_agg(json_build_object('jenis', x.jenis, 'capaian', r.capaian)) AS verdicts
                       FROM realisasi r JOIN rhk x ON x.id = r.rhk_id GROUP BY 1, 2),
               u AS (SELECT skp_id, periode_kode, count(*)::int AS n FROM umpan_balik WHERE kode IS NOT NULL GROUP BY 1, 2)
          SELECT p.rating_hasil_kerja AS hasil, p.rating_perilaku AS perilaku, p.predikat, v.verdicts,
                 coalesce(u.n, 0) AS "perilakuUmpan"
            FROM penilaian_periodik p
            JOIN v ON v.skp_id = p.skp_id AND v.periode_kode = p.periode_kode
            LEFT JOIN u ON u.skp_id = p.skp_id AND u.periode_kode = p.periode_kode
           WHERE p.periode_kode IN (SELECT unnest(${`{${SELESAI.join(',')}}`}::text[]))`,
    );
    const count: Partial<Record<PredikatPegawai, number>> = {};
    for (const f of found) {
      expect(f.predikat).toBe(MATRIKS_PREDIKAT[f.hasil][f.perilaku]);
      expect(f.hasil).toBe(sarankanRatingHasilKerja(f.verdicts)!.rating);
      count[f.predikat] = (count[f.predikat] ?? 0) + 1;
    }
    const n = found.length;
    expect(count.BAIK! / n).toBeGreaterThan(0.7);
    expect(count.SANGAT_BAIK! / n).toBeGreaterThan(0.02);
    expect((count.BUTUH_PERBAIKAN! + count.KURANG!) / n).toBeGreaterThan(0.03);
    expect((count.BUTUH_PERBAIKAN! + count.KURANG!) / n).toBeLessThan(0.2);
    // Feedback on behaviour for some, always when behaviour is below expectation.
    const perilakuUmpan = found.filter((f) => f.perilakuUmpan > 0);
    expect(perilakuUmpan.length / n).toBeGreaterThan(0.1);
    expect(found.filter((f) => f.perilaku === 'DI_BAWAH_EKSPEKTASI').every((f) => f.perilakuUmpan > 0)).toBe(
      true,
    );
    const [umpan] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM umpan_balik WHERE realisasi_id IS NOT NULL`,
    );
    expect(umpan!.n).toBeGreaterThan(1000);
  });

  it('leaves the previous month in progress: submitted, accepted, sent back with a direction, drafts, not reported', async () => {
    const [row] = await rows<{
      status: Record<string, number>;
      plans: number;
      reported: number;
      arahanBad: number;
      later: number;
      current: number;
    }>(
      database.db,
      sql`SELECT (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM realisasi
                    WHERE periode_kode = ${LALU} GROUP BY status) x) AS status,
                 (SELECT count(*)::int FROM skp WHERE tahun = ${TAHUN} AND status = 'DISETUJUI' AND pejabat_penilai_id IS NOT NULL) AS plans,
                 (SELECT count(DISTINCT skp_id)::int FROM realisasi WHERE periode_kode = ${LALU}) AS reported,
                 (SELECT count(*)::int FROM realisasi r WHERE r.periode_kode = ${LALU} AND r.status = 'PERLU_PERBAIKAN'
                     AND r.arahan IS DISTINCT FROM (SELECT catatan FROM realisasi_riwayat h WHERE h.realisasi_id = r.id ORDER BY id DESC LIMIT 1)) AS "arahanBad",
                 (SELECT count(*)::int FROM realisasi_riwayat WHERE at > ${NOW.toISOString()}::timestamptz)
                   + (SELECT count(*)::int FROM realisasi WHERE updated_at > ${NOW.toISOString()}::timestamptz)
                   + (SELECT count(*)::int FROM penilaian_periodik WHERE at > ${NOW.toISOString()}::timestamptz) AS later,
                 (SELECT count(*)::int FROM realisasi WHERE periode_kode >= '2026-03') AS current`,
    );
    const st = row!.status;
    expect(st.DIAJUKAN).toBeGreaterThan(100);
    expect(st.DITERIMA).toBeGreaterThan(100);
    expect(st.PERLU_PERBAIKAN).toBeGreaterThan(10);
    expect(st.DRAFT).toBeGreaterThan(50);
    // 10 March: corrections open on the 19th.
    expect(st.DIPERBAIKI).toBeUndefined();
    expect(row!.reported).toBeLessThan(row!.plans * 0.97);
    expect(row!.reported).toBeGreaterThan(row!.plans * 0.85);
    expect(row).toMatchObject({ arahanBad: 0, later: 0, current: 0 });
  });

  it('gives staf (Salim) nothing in the previous month and complete months before it', async () => {
    const found = await rows<{ kode: string; rhk: number; diterima: number }>(
      database.db,
      sql`SELECT m.kode, (SELECT count(*)::int FROM rhk x WHERE x.skp_id = s.id) AS rhk,
                 (SELECT count(*)::int FROM realisasi r WHERE r.pegawai_id = p.id AND r.periode_kode = m.kode AND r.status = 'DITERIMA') AS diterima
            FROM unnest(${`{${[...SELESAI, LALU].join(',')}}`}::text[]) AS m(kode)
            JOIN pegawai p ON p.nip = ${nip.staf!}
            JOIN skp s ON s.pegawai_id = p.id AND s.tahun = left(m.kode, 4)::int AND s.status = 'DISETUJUI'
           ORDER BY m.kode`,
    );
    expect(found.map((f) => f.kode)).toEqual([...SELESAI, LALU]);
    for (const f of found.slice(0, -1)) expect(f.diterima, f.kode).toBe(f.rhk);
    const [lalu] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM realisasi r JOIN pegawai p ON p.id = r.pegawai_id WHERE p.nip = ${nip.staf!} AND r.periode_kode = ${LALU}`,
    );
    expect(lalu!.n).toBe(0);
  });
});

describe('demo realisasi through the API', () => {
  const get = demoApi();

  it('Yamin has several subordinates waiting for his assessment of the previous month', async () => {
    const list = await get<{ items: { nip: string; menunggu: number; jumlah: Record<string, number> }[] }>(
      nip.pengawas!,
      `/api/realisasi/bawahan?periode=${LALU}`,
    );
    const waiting = list.items.filter((i) => i.menunggu > 0);
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    // Waiting first; Salim reports the month himself in the browser journey.
    expect(list.items.slice(0, waiting.length)).toEqual(waiting);
    const salim = list.items.find((i) => i.nip === nip.staf);
    expect(Object.values(salim!.jumlah).every((n) => n === 0)).toBe(true);
    expect(list.items.some((i) => i.jumlah.DITERIMA! > 0)).toBe(true);
    expect(list.items.some((i) => i.jumlah.PERLU_PERBAIKAN! > 0)).toBe(true);
  });

  it('staf sees an empty previous month and a completed, rated month before it with its thread', async () => {
    type Bulan = {
      items: { realisasi: { status: string; buktiDukung: unknown[]; riwayat: { aksi: string }[] } | null }[];
      jumlah: Record<string, number>;
      penilaian: { predikat: string } | null;
    };
    const lalu = await get<Bulan>(nip.staf!, `/api/realisasi?periode=${LALU}`);
    expect(lalu.items.length).toBeGreaterThanOrEqual(2);
    expect(lalu.items.every((i) => i.realisasi === null)).toBe(true);
    expect(lalu.jumlah.BELUM_DIISI).toBe(lalu.items.length);
    const januari = await get<Bulan>(nip.staf!, `/api/realisasi?periode=${SELESAI.at(-1)}`);
    expect(januari.items.every((i) => i.realisasi?.status === 'DITERIMA')).toBe(true);
    expect(januari.items.every((i) => i.realisasi!.buktiDukung.length > 0)).toBe(true);
    expect(januari.items[0]!.realisasi!.riwayat[0]!.aksi).toBe('AJUKAN');
    expect(januari.penilaian?.predikat).toMatch(/^[A-Z_]+$/);
  });
});

describe('demo penilaian of last year', () => {
  const LALU_TAHUN = TAHUN - 1;

  it('evaluates every employee’s approved plan of last year, FINAL, by the §6.2 matrix, signed in January–February', async () => {
    const found = await rows<{
      pegawai_id: number;
      pejabat_penilai_id: number;
      skp_penilai: number;
      rating_hasil_kerja: Rating;
      rating_perilaku: Rating;
      predikat: PredikatPegawai;
      status: string;
      tp: string;
      tg: string;
    }>(
      database.db,
      sql`SELECT e.pegawai_id, e.pejabat_penilai_id, s.pejabat_penilai_id AS skp_penilai, e.rating_hasil_kerja,
                 e.rating_perilaku, e.predikat, e.status,
                 to_char(e.ditandatangani_penilai_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM-DD') AS tp,
                 to_char(e.ditandatangani_pegawai_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM-DD') AS tg
            FROM evaluasi_tahunan e JOIN skp s ON s.id = e.skp_id WHERE e.tahun = ${LALU_TAHUN}`,
    );
    const [plans] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(DISTINCT pegawai_id)::int AS n FROM skp
           WHERE tahun = ${LALU_TAHUN} AND status = 'DISETUJUI' AND pejabat_penilai_id IS NOT NULL`,
    );
    expect(found.length).toBe(plans!.n);
    for (const e of found) {
      expect(e.status).toBe('FINAL');
      expect(e.predikat).toBe(MATRIKS_PREDIKAT[e.rating_hasil_kerja][e.rating_perilaku]);
      expect(e.pejabat_penilai_id).toBe(e.skp_penilai);
      expect(e.tp >= `${TAHUN}-01-01` && e.tp <= e.tg && e.tg < `${TAHUN}-03-01`).toBe(true);
    }
    const per = (p: PredikatPegawai) => found.filter((e) => e.predikat === p).length;
    expect(per('BAIK')).toBeGreaterThan(per('SANGAT_BAIK'));
    expect(per('BUTUH_PERBAIKAN')).toBeGreaterThan(0);
    const [salim] = await rows<{ status: string }>(
      database.db,
      sql`SELECT e.status FROM evaluasi_tahunan e JOIN pegawai p ON p.id = e.pegawai_id
           WHERE p.nip = ${nip.staf} AND e.tahun = ${LALU_TAHUN}`,
    );
    expect(salim?.status).toBe('FINAL');
  });

  it('sets every OPD’s and bidang’s predikat; one bidang breaches its curve with a justification, the others pass', async () => {
    const [po] = await rows<{ n: number; units: number; dasar: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM predikat_organisasi WHERE periode_kode = ${String(LALU_TAHUN)}) AS n,
                 (SELECT count(*)::int FROM unor WHERE jenis IN ('OPD', 'BIDANG')) AS units,
                 (SELECT count(*)::int FROM predikat_organisasi WHERE periode_kode = ${String(LALU_TAHUN)}
                     AND (dasar->>'keterangan') IS NOT NULL AND dasar ? 'capaianPk') AS dasar`,
    );
    expect(po!.n).toBe(po!.units);
    expect(po!.dasar).toBe(po!.n);
    const penetapan = await rows<{ pelanggaran: string[]; justifikasi: string | null; n: number }>(
      database.db,
      sql`SELECT pelanggaran, justifikasi, (distribusi->>'n')::int AS n FROM penetapan_predikat
           WHERE periode_kode = ${String(LALU_TAHUN)}`,
    );
    const melanggar = penetapan.filter((p) => p.pelanggaran.length > 0);
    expect(melanggar).toHaveLength(1);
    expect(melanggar[0]!.justifikasi!.length).toBeGreaterThan(20);
    expect(melanggar[0]!.n).toBeGreaterThanOrEqual(10);
    expect(penetapan.length).toBeGreaterThan(po!.n / 2);
    expect(penetapan.filter((p) => p.justifikasi !== null)).toHaveLength(1);
  });

  it('has one open and one decided objection outside the demo accounts, decided by the atasan pejabat penilai', async () => {
    const found = await rows<{
      status: string;
      pemutus_id: number;
      atasan: number;
      nip: string;
      dasar: unknown;
      dijawab: number[];
    }>(
      database.db,
      sql`SELECT k.status, k.pemutus_id, e.atasan_penilai_id AS atasan, p.nip, k.dasar_putusan AS dasar,
                 ARRAY(SELECT kk.id FROM keberatan_keterangan kk
                        WHERE kk.keberatan_id = k.id AND kk.jawaban IS NOT NULL
                          AND kk.pihak_id IN (k.pegawai_id, e.pejabat_penilai_id) ORDER BY kk.pihak_id = k.pegawai_id DESC)
                   AS dijawab
            FROM keberatan k JOIN evaluasi_tahunan e ON e.id = k.evaluasi_id JOIN pegawai p ON p.id = k.pegawai_id
           ORDER BY k.status`,
    );
    expect(found.map((k) => k.status)).toEqual(['DIAJUKAN', 'DIPUTUS']);
    for (const k of found) {
      expect(k.pemutus_id).toBe(k.atasan);
      expect(Object.values(nip)).not.toContain(k.nip);
    }
    const [pegawai, penilai] = found[1]!.dijawab;
    // SPEC §6.6: decided after both sides' statements, and naming them.
    expect(found[1]!.dasar).toEqual({
      PEGAWAI: { keadaan: 'DIJAWAB', keteranganId: pegawai },
      PENILAI: { keadaan: 'DIJAWAB', keteranganId: penilai },
    });
  });
});
