/**
 * Who assesses a plan, at scale (ADR 0009). One employee in a hundred moves on 15 July the way a
 * mutation does (old assignment and plan end the day before, new position), then the SQL behind
 * every assessment request is timed call by call on one connection: the plan's assessor
 * (`pejabat_penilai_skp`, `penilai_skp`), the left plans an official still assesses
 * (`skp_ditinggal_dinilai`, run on every inbox and assessor-list load) and the access relation,
 * each against `atasan_langsung`, the lookup every such request already made before, measured in
 * the same run.
 *
 * Run from `npm run bench` on its 100,000-employee instansi (last, as it moves people), or alone:
 * `tsx bench/penilai.ts` seeds its own (BENCH_EMPLOYEES, default 100,000) and drops it afterwards.
 */
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { insertOrgPlan } from '../src/db/seed/insert-org.js';
import { insertSkpPlans, SYNTHETIC_MIX } from '../src/db/seed/insert-skp.js';
import { syntheticPlan } from '../src/db/seed/synthetic.js';
import { dateInZone } from '../src/platform/clock.js';
import { adminUrl, withAdmin } from '../test/pg-admin.js';
import type { Row } from './summary.js';

/** Aim per call of a plan's assessor and of the access relation (ms, mean). */
export const PENILAI_AIM_MS = 2;
/** Aim per call of the left plans an official assesses: it runs on every inbox load. */
export const DITINGGAL_AIM_MS = 5;

export interface PenilaiFigure {
  name: string;
  calls: number;
  mean: number;
  p50: number;
  p99: number;
  aim: number | null;
}

export interface PenilaiResult {
  dipindah: number;
  penilaiDitemukan: number;
  figures: PenilaiFigure[];
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function time(
  c: pg.Client,
  name: string,
  text: string,
  args: unknown[][],
  aim: number | null,
): Promise<PenilaiFigure> {
  // One warm-up call plans the statement as the application's per-connection cache would.
  if (args[0]) await c.query({ name, text, values: args[0] });
  const ms: number[] = [];
  for (const values of args) {
    const started = performance.now();
    await c.query({ name, text, values });
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const mean = ms.reduce((s, n) => s + n, 0) / Math.max(1, ms.length);
  return { name, calls: ms.length, mean, p50: pct(ms, 0.5), p99: pct(ms, 0.99), aim };
}

/** Moves every hundredth employee with an approved plan of `tahun` into another's position on 15 July. */
async function mutasi(c: pg.Client, tahun: number) {
  const tmt = `${tahun}-07-15`;
  const res = await c.query(
    `WITH pilih AS (
       SELECT p.id, p.jabatan_id, row_number() OVER (ORDER BY p.id) AS rn, count(*) OVER () AS n
         FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id AND j.jenis IN ('PELAKSANA', 'FUNGSIONAL')
        WHERE p.is_active AND p.id % 100 = 7
          AND EXISTS (SELECT 1 FROM skp s WHERE s.pegawai_id = p.id AND s.tahun = $1 AND s.status = 'DISETUJUI')
     ), pasangan AS (
       SELECT a.id, a.jabatan_id AS lama, b.jabatan_id AS baru FROM pilih a JOIN pilih b ON b.rn = a.rn % a.n + 1
        WHERE a.jabatan_id <> b.jabatan_id
     ), tutup AS (
       UPDATE penugasan t SET tmt_selesai = $2::date - 1 FROM pasangan x
        WHERE t.pegawai_id = x.id AND t.jenis = 'DEFINITIF' AND t.tmt_selesai IS NULL RETURNING 1
     ), buka AS (
       INSERT INTO penugasan (pegawai_id, jabatan_id, jenis, tmt_mulai) SELECT id, baru, 'DEFINITIF', $2::date FROM pasangan
       RETURNING 1
     ), rencana AS (
       UPDATE skp s SET periode_akhir = $2::date - 1 FROM pasangan x
        WHERE s.pegawai_id = x.id AND s.jabatan_id = x.lama AND s.tahun = $1 RETURNING 1
     ), pindah AS (
       UPDATE pegawai p SET jabatan_id = x.baru, unor_id = j.unor_id,
              opd_id = (SELECT q.opd_id FROM pegawai q WHERE q.jabatan_id = x.baru AND q.id <> p.id LIMIT 1)
         FROM pasangan x JOIN jabatan j ON j.id = x.baru
        WHERE p.id = x.id RETURNING 1
     )
     SELECT (SELECT count(*) FROM pindah)::int AS n, (SELECT count(*) FROM tutup)::int AS t,
            (SELECT count(*) FROM buka)::int AS b, (SELECT count(*) FROM rencana)::int AS r`,
    [tahun, tmt],
  );
  await c.query('ANALYZE');
  return res.rows[0].n as number;
}

export async function penilai(url: string, tahun: number): Promise<PenilaiResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const dipindah = await mutasi(c, tahun);
    const tanggal = `${tahun}-12-10`;
    const ditinggal = (
      await c.query(
        `SELECT s.id, s.pegawai_id FROM skp s JOIN pegawai p ON p.id = s.pegawai_id
          WHERE s.tahun = $1 AND s.status = 'DISETUJUI' AND s.jabatan_id IS DISTINCT FROM p.jabatan_id ORDER BY s.id`,
        [tahun],
      )
    ).rows as { id: number; pegawai_id: number }[];
    const kini = (
      await c.query(
        `SELECT s.id, s.pegawai_id FROM skp s JOIN pegawai p ON p.id = s.pegawai_id AND s.jabatan_id = p.jabatan_id
          WHERE s.tahun = $1 AND s.status = 'DISETUJUI' AND NOT s.is_jpt AND s.id % 37 = 0 ORDER BY s.id LIMIT 2000`,
        [tahun],
      )
    ).rows as { id: number; pegawai_id: number }[];
    const penilaiLama = (
      await c.query(
        `SELECT DISTINCT pejabat_penilai_skp(id, $2::date) AS id FROM skp WHERE id = ANY($1::int[])`,
        [ditinggal.map((d) => d.id), tanggal],
      )
    ).rows
      .map((r) => r.id as number | null)
      .filter((id): id is number => id !== null);
    // Officials assessing today with no left plan under them: what every other inbox load pays.
    const lain = (
      await c.query(
        `SELECT DISTINCT atasan_langsung(pegawai_id, $2::date) AS id FROM skp WHERE id = ANY($1::int[])`,
        [kini.map((k) => k.id), tanggal],
      )
    ).rows
      .map((r) => r.id as number | null)
      .filter((id): id is number => id !== null && !penilaiLama.includes(id))
      .slice(0, 500);
    const [puncak] = (
      await c.query(
        `SELECT p.id FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id WHERE j.atasan_jabatan_id IS NULL ORDER BY p.id LIMIT 1`,
      )
    ).rows as { id: number }[];
    const d = (ids: number[]) => ids.map((id) => [id, tanggal]);
    const figures = [
      await time(
        c,
        'atasan_langsung (reference)',
        'SELECT atasan_langsung($1, $2::date)',
        d(kini.map((k) => k.pegawai_id)),
        null,
      ),
      await time(
        c,
        'pejabat_penilai_skp, plan in force',
        'SELECT pejabat_penilai_skp($1, $2::date)',
        d(kini.map((k) => k.id)),
        PENILAI_AIM_MS,
      ),
      await time(
        c,
        'penilai_skp, plan in force (+ atasan)',
        'SELECT * FROM penilai_skp($1, $2::date)',
        d(kini.map((k) => k.id)),
        PENILAI_AIM_MS,
      ),
      await time(
        c,
        'penilai_skp, plan left by a mutation',
        'SELECT * FROM penilai_skp($1, $2::date)',
        d(ditinggal.map((k) => k.id)),
        PENILAI_AIM_MS,
      ),
      await time(
        c,
        'skp_ditinggal_dinilai, old assessor',
        'SELECT count(*) FROM skp_ditinggal_dinilai($1, $2::date)',
        d(penilaiLama),
        DITINGGAL_AIM_MS,
      ),
      await time(
        c,
        'skp_ditinggal_dinilai, other assessor',
        'SELECT count(*) FROM skp_ditinggal_dinilai($1, $2::date)',
        d(lain),
        DITINGGAL_AIM_MS,
      ),
      ...(puncak
        ? [
            await time(
              c,
              'skp_ditinggal_dinilai, head of region',
              'SELECT count(*) FROM skp_ditinggal_dinilai($1, $2::date)',
              d(Array.from({ length: 20 }, () => puncak.id)),
              null,
            ),
          ]
        : []),
    ];
    const [ketemu] = (
      await c.query(
        `SELECT count(*) FILTER (WHERE pejabat_penilai_skp(id, $2::date) IS NOT NULL)::int AS n FROM skp WHERE id = ANY($1::int[])`,
        [ditinggal.map((x) => x.id), tanggal],
      )
    ).rows as { n: number }[];
    return { dipindah, penilaiDitemukan: ketemu!.n, figures };
  } finally {
    await c.end();
  }
}

export function printPenilai(r: PenilaiResult) {
  const ref = r.figures[0]!.mean;
  console.log(
    `\nwho assesses a plan (ADR 0009): ${r.dipindah.toLocaleString('id-ID')} employees moved on 15 July; ` +
      `${r.penilaiDitemukan.toLocaleString('id-ID')} of their old plans have an assessor (the old position's chain)`,
  );
  console.log(
    '                                          calls   mean ms    p50 ms    p99 ms   × reference   aim',
  );
  for (const f of r.figures) {
    const aim =
      f.aim === null
        ? ''
        : `${f.mean <= f.aim ? '≤' : '> '} ${f.aim} ms${f.mean <= f.aim ? '' : ' — ABOVE AIM'}`;
    console.log(
      `${f.name.padEnd(40)}${String(f.calls).padStart(7)}${f.mean.toFixed(3).padStart(10)}${f.p50.toFixed(3).padStart(10)}` +
        `${f.p99.toFixed(3).padStart(10)}${(f.mean / ref).toFixed(1).padStart(12)}   ${aim}`,
    );
  }
}

/** Mean per call against its aim; the reference (atasan_langsung) and the head of region are reported. */
export function penilaiRows(r: PenilaiResult): Row[] {
  return r.figures.map((f) => ({
    scenario: 'who assesses a plan (SQL per call)',
    figure: `${f.name}, mean`,
    value: f.mean,
    unit: 'ms',
    ...(f.aim === null ? {} : { aim: { op: '≤', value: f.aim } as const }),
  }));
}

// Alone: seed an instansi of its own, measure, drop it.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = 'ekinerja_bench_penilai';
  const employees = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
  await withAdmin(server, async (a) => {
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.query(`CREATE DATABASE ${name}`);
  });
  const url = adminUrl(server, name);
  const database = await openDatabase({ databaseUrl: url });
  await database.migrate();
  const plan = syntheticPlan(employees);
  const org = await database.db.transaction(async (tx) =>
    insertOrgPlan(tx, plan, { passwordHash: await hash('Bench#2026') }),
  );
  const tanggal = dateInZone(new Date(), plan.instansi.zonaWaktu);
  const tahun = Number(tanggal.slice(0, 4));
  await database.db.transaction((tx) =>
    insertSkpPlans(tx, { instansiId: org.instansiId, tahun, seed: employees, tanggal, mix: SYNTHETIC_MIX }),
  );
  await database.close();
  console.log(`seed: ${employees.toLocaleString('id-ID')} pegawai with their SKP ${tahun}`);
  printPenilai(await penilai(url, tahun));
  await withAdmin(server, (a) => a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
