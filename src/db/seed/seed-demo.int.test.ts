import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { openTestDatabase } from '../../../test/db.js';
import { buildApp } from '../../app.js';
import type { CakupanInstansiResponse, CakupanResponse } from '../../contracts/skp.js';
import { dateInZone, fixedClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { type Database, rows } from '../client.js';
import { DEMO_EMPLOYEES, demoAccounts, demoSkpStates } from './demo-gorontalo.js';
import { seedDemoIfEmpty } from './seed-demo.js';

const PASSWORD = 'Kinerja#2026';
// Mid-March: the January deadline has passed, so approved-late plans are late.
const NOW = new Date('2026-03-10T02:00:00Z');
const TAHUN = 2026;
const TANGGAL = dateInZone(NOW, 'Asia/Makassar');

let database: Database;
let seconds: number;
const nip = Object.fromEntries(demoAccounts(PASSWORD).map((a) => [a.role, a.nip]));

beforeAll(async () => {
  database = await openTestDatabase();
  const started = performance.now();
  expect(await seedDemoIfEmpty(database.db, PASSWORD, NOW)).toBe(true);
  seconds = (performance.now() - started) / 1000;
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
  it('seeds once: a second call on a non-empty database does nothing', async () => {
    expect(await seedDemoIfEmpty(database.db, PASSWORD, NOW)).toBe(false);
    const [row] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM instansi`);
    expect(row!.n).toBe(1);
  });

  it('stays quick: the organisation and two years of plans in a few seconds', () => {
    // About 3 s on PGlite on a laptop; the bound leaves room for a busy CI machine.
    expect(seconds).toBeLessThan(30);
  });

  it('writes consistent paths, OPD links and position history', async () => {
    const [bad] = await rows<{ paths: number; opd: number; history: number }>(
      database.db,
      sql`SELECT
            (SELECT count(*)::int FROM unor c JOIN unor p ON p.id = c.parent_id WHERE c.path <> p.path || c.id || '/') AS paths,
            (SELECT count(*)::int FROM pegawai g JOIN unor u ON u.id = g.unor_id WHERE g.opd_id IS DISTINCT FROM u.opd_id) AS opd,
            (SELECT count(*)::int FROM pegawai g WHERE NOT EXISTS
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

  it('link every non-JPT UTAMA RHK of an approved plan to an RHK of the superior’s plan of the same year', async () => {
    const [row] = await rows<{ utama: number; unlinked: number }>(
      database.db,
      sql`SELECT count(*)::int AS utama,
                 count(*) FILTER (WHERE NOT EXISTS (
                   SELECT 1 FROM rhk_intervensi v JOIN rhk y ON y.id = v.atasan_rhk_id JOIN skp sa ON sa.id = y.skp_id
                    WHERE v.rhk_id = r.id AND sa.tahun = s.tahun
                      AND sa.pegawai_id = atasan_langsung(s.pegawai_id, ${TANGGAL}::date)
                      AND sa.status IN ('DIAJUKAN', 'DISETUJUI')))::int AS unlinked
            FROM skp s JOIN rhk r ON r.skp_id = s.id
           WHERE s.status = 'DISETUJUI' AND NOT s.is_jpt AND r.jenis = 'UTAMA'`,
    );
    expect(row!.utama).toBeGreaterThan(2 * (DEMO_EMPLOYEES - 100) * 2);
    expect(row!.unlinked).toBe(0);
  });

  it('derive JPT plans from their unit’s Perjanjian Kinerja, and give the others one IKI per aspek', async () => {
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
                                   OR (k.aspek = 'WAKTU' AND (k.target_nilai <> 12 OR k.target_satuan <> 'bulan'))
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

describe('demo SKPs through the API', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: './tmp/no-web', LOGIN_RATE_LIMIT: '100000' });
    app = await buildApp({ config, database, clock: fixedClock(NOW) });
    await app.ready();
  });
  afterAll(() => app.close());

  async function get<T>(who: string, url: string): Promise<T> {
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
  }

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
