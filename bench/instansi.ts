/**
 * `npm run bench -- --instansi N --employees E` with N > 1: many instansi on one installation (issue
 * 17). Seeds instansi 1 alone into a fresh database and measures its reports (laporan.ts) and
 * dashboards (monitoring.ts) as its BKD admin: the single-instansi reference of the same run. Then
 * seeds the other N-1 the same way (distinct codes and NIPs, synthetic.ts) and measures the same
 * reports and dashboards as each instansi's own BKD admin, every instansi on one server. One table:
 * per figure its aim (the single-instansi bench's, from the rows laporan.ts and monitoring.ts build),
 * the reference, the median and the worst over the instansi, yes/NO of the worst, and the worst as a
 * ratio of the reference.
 *
 * Only these per-instansi reads run in this mode: the burst, the month-end visits, the exports, TPP,
 * the import, the assessor query and the embedded default are the single-instansi bench's (they
 * write or stream one instansi's rows, and repeating them per instansi would take hours). Each report
 * and dashboard: one cold request, then BENCH_REPORT_RUNS warm ones (3 in this mode). Both servers'
 * reads start once the server's start-up recap refresh of every instansi is done (the single
 * bench's reports run under it): otherwise the refresh of N instansi would weigh on the figures of
 * the many and not on the reference.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { insertRealisasiDraf } from '../src/db/seed/insert-realisasi.js';
import { laporan, laporanRows } from './laporan.js';
import { dasbor, jamDasbor, monitoringRows, rekapLengkap } from './monitoring.js';
import { masuk, startOnClock, startServer, stop, waitFor } from './proses.js';
import { periodeBurst } from './realisasi.js';
import { createDatabase, type Seeded, seedInstansi } from './seed.js';
import { aimText, columns, meets, type Row, yesText } from './summary.js';

export interface InstansiDeps {
  server: string;
  name: string;
  instansi: number;
  employees: number;
  password: string;
  runs: number;
  /** The reports' server and the dashboards' (on a fixed clock). */
  ports: [string, string];
}

/** One instansi seeded as the single bench seeds it, plus October's drafts (the realisasi the dashboards' recap counts, as the burst leaves them). */
async function seedSatu(url: string, deps: InstansiDeps, nomor: number) {
  const data = await seedInstansi(url, deps.employees, deps.password, { nomor, dari: deps.instansi });
  const { p1, now } = periodeBurst(data.tahun, data.zona);
  const started = performance.now();
  const database = await openDatabase({ databaseUrl: url });
  const draf = await database.db.transaction((tx) =>
    insertRealisasiDraf(tx, { instansiId: data.instansiId, periodeKode: p1, now, seed: 9100 + nomor }),
  );
  await database.db.execute(sql`ANALYZE`);
  await database.close();
  const drafSeconds = (performance.now() - started) / 1000;
  const total = data.seconds + data.skpSeconds + data.kurva.seconds + drafSeconds;
  console.log(
    `seed instansi ${nomor} of ${deps.instansi} (id ${data.instansiId}): ${deps.employees.toLocaleString('id-ID')} pegawai ` +
      `${data.seconds.toFixed(1)} s, SKP ${data.skpSeconds.toFixed(1)} s (${data.skp.skp} SKP), penilaian + predikat ` +
      `${data.kurva.seconds.toFixed(1)} s, ${draf.realisasi.toLocaleString('id-ID')} realisasi drafts of ${p1} ` +
      `${drafSeconds.toFixed(1)} s: ${total.toFixed(1)} s`,
  );
  return { data, seconds: total };
}

/** Each instansi's report and dashboard rows, as its own BKD admin, all on one server of each kind. */
async function ukur(url: string, list: Seeded[], deps: InstansiDeps): Promise<Row[][]> {
  const perInstansi: Row[][] = list.map(() => []);
  const [portLaporan, portDasbor] = deps.ports;
  let base = `http://127.0.0.1:${portLaporan}`;
  const startedAt = new Date();
  const app = startServer({
    DATABASE_URL: url,
    PORT: portLaporan,
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '100000000',
  });
  try {
    await waitFor(`${base}/api/health`, app);
    // Unlike the single bench's cold reports: the start-up refresh of N instansi would run under them.
    const awal = await rekapLengkap(url, list[0]!.tahun, { since: startedAt });
    console.log(
      `start-up recap refresh of ${list.length} instansi (reports' server): ${(awal.ms / 1000).toFixed(1)} s`,
    );
    for (const [i, data] of list.entries()) {
      const { cookie } = await masuk(base, data.admin, deps.password);
      perInstansi[i]!.push(...laporanRows(await laporan(base, cookie, data, deps.runs)));
    }
  } finally {
    await stop(app);
  }

  // Every synthetic instansi has the same zone, so one clock serves them all.
  const { tahun, zona } = list[0]!;
  const { p1 } = periodeBurst(tahun, zona);
  const now = jamDasbor(p1, zona);
  base = `http://127.0.0.1:${portDasbor}`;
  const server = startOnClock(url, portDasbor, now);
  try {
    await waitFor(`${base}/api/health`, server);
    const awal = await rekapLengkap(url, tahun, { fixed: now });
    console.log(
      `start-up recap refresh of ${list.length} instansi (dashboards' server): ${(awal.ms / 1000).toFixed(1)} s (background, from /api/health)`,
    );
    for (const [i, data] of list.entries()) {
      const sesi = await masuk(base, data.admin, deps.password);
      const r = await dasbor(base, sesi, { tahun, periode: p1, opd: data.opd, runs: deps.runs });
      perInstansi[i]!.push(...monitoringRows({ now, awal, ...r }));
    }
  } finally {
    await stop(server);
  }
  return perInstansi;
}

export interface Sebaran {
  /** The reference's row: its scenario and figure name every line. */
  alone: Row;
  median: number;
  worst: { value: number; nomor: number };
}

/** Per figure (same position in every instansi's rows), the median and the worst against the aim's direction. */
export function sebaran(alone: Row[], perInstansi: Row[][]): Sebaran[] {
  return alone.map((ref, k) => {
    const values = perInstansi.map((rows, i) => ({ value: rows[k]!.value, nomor: i + 1 }));
    const higherIsBetter = ref.aim?.op === '≥';
    const sorted = [...values].sort((a, b) => a.value - b.value);
    const worst = higherIsBetter ? sorted[0]! : sorted[sorted.length - 1]!;
    return { alone: ref, median: sorted[Math.floor(sorted.length / 2)]!.value, worst };
  });
}

function judged(row: Row, value: number) {
  return yesText(row.aim ? meets(value, row.aim) : null);
}

export function printSebaran(list: Sebaran[], deps: InstansiDeps) {
  const n = deps.instansi;
  const table = list.map((s) => {
    const ms = (v: number) => `${v.toFixed(0)} ${s.alone.unit}`;
    return [
      `${s.alone.scenario}: ${s.alone.figure}`,
      aimText(s.alone.aim, s.alone.unit),
      `${ms(s.alone.value)} ${judged(s.alone, s.alone.value)}`,
      ms(s.median),
      `${ms(s.worst.value)} (#${s.worst.nomor})`,
      judged(s.alone, s.worst.value),
      `${(s.worst.value / s.alone.value).toFixed(2)}`,
    ];
  });
  const head = [
    'figure',
    'aim',
    'instansi 1 alone',
    `median of ${n}`,
    `worst of ${n}`,
    'worst yes/NO',
    'worst ÷ alone',
  ];
  const line = columns(head, table, ' | ');
  console.log(
    `\n${n} instansi × ${deps.employees.toLocaleString('id-ID')} pegawai on one installation: each as its own BKD admin ` +
      `(one cold request, then ${deps.runs} warm), against instansi 1 measured alone before the others were seeded`,
  );
  console.log(line(head));
  console.log('-'.repeat(line(head).length));
  for (const t of table) console.log(line(t));
}

/** The summary's rows: per figure the reference, the median and the worst, each against the same aim. */
export function sebaranRows(list: Sebaran[], n: number): Row[] {
  return list.flatMap(({ alone, median, worst }) => {
    const scenario = `${n} instansi: ${alone.scenario}`;
    const base = { scenario, unit: alone.unit, ...(alone.aim ? { aim: alone.aim } : {}) };
    return [
      { ...base, figure: `${alone.figure}, instansi 1 alone`, value: alone.value },
      { ...base, figure: `${alone.figure}, median`, value: median },
      { ...base, figure: `${alone.figure}, worst (instansi ${worst.nomor})`, value: worst.value },
    ];
  });
}

export async function banyakInstansi(deps: InstansiDeps): Promise<Row[]> {
  const url = await createDatabase(deps.server, deps.name);
  const seeded = [await seedSatu(url, deps, 1)];
  const [alone] = await ukur(url, [seeded[0]!.data], deps);
  // Printed at once: a run stopped while seeding the others still has its reference.
  console.log('\ninstansi 1 alone:');
  for (const r of alone!)
    console.log(
      `  ${r.scenario}: ${r.figure} ${r.value.toFixed(0)} ${r.unit} (aim ${aimText(r.aim, r.unit)})`,
    );
  for (let nomor = 2; nomor <= deps.instansi; nomor++) seeded.push(await seedSatu(url, deps, nomor));
  const perInstansi = await ukur(
    url,
    seeded.map((s) => s.data),
    deps,
  );
  const list = sebaran(alone!, perInstansi);
  printSebaran(list, deps);
  return [
    ...seeded.map((s, i) => ({
      scenario: 'seed',
      figure: `instansi ${i + 1} of ${deps.instansi}`,
      value: s.seconds,
      unit: 's',
    })),
    ...sebaranRows(list, deps.instansi),
  ];
}
