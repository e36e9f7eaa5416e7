/**
 * The dibagi-habis reports and the instansi's curves over HTTP as the BKD admin: one cold request on
 * a fresh server, then warm ones one at a time.
 */
import type { Seeded } from './seed.js';
import type { Row } from './summary.js';

/** The response-time aim of the dibagi-habis reports. */
export const REPORT_AIM_MS = 2000;
/** The aim of the instansi-wide curve report (every unit of the instansi). */
export const KURVA_AIM_MS = 5000;

export interface ReportFigure {
  name: string;
  cold: number;
  warm: number[];
  bytes: number;
}

/** One report: the first request (cold), then `runs` warm ones, one at a time. */
export async function report(
  name: string,
  base: string,
  urlPath: string,
  cookie: string,
  runs: number,
): Promise<ReportFigure> {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`${base}${urlPath}`, { headers: { cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${urlPath}: ${res.status} ${body.slice(0, 300)}`);
    return { ms: performance.now() - started, bytes: body.length };
  };
  const cold = await once();
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push((await once()).ms);
  return { name, cold: cold.ms, warm: warm.sort((a, b) => a - b), bytes: cold.bytes };
}

/** The dibagi-habis reports of the instansi, of its biggest OPD and of that OPD head's plan, then its curves. */
export async function laporan(base: string, cookie: string, data: Seeded, runs: number) {
  const { tahun, opd } = data;
  const reports = [
    await report('GET /api/cakupan (instansi, per OPD)', base, `/api/cakupan?tahun=${tahun}`, cookie, runs),
    await report(
      `GET /api/cakupan?unorId= (OPD, ${opd.pegawai} pegawai)`,
      base,
      `/api/cakupan?tahun=${tahun}&unorId=${opd.id}`,
      cookie,
      runs,
    ),
    await report(
      'GET /api/skp/:id/cakupan (kepala OPD)',
      base,
      `/api/skp/${opd.skpId}/cakupan`,
      cookie,
      runs,
    ),
  ];
  const kurva = await report(
    `GET /api/kurva/laporan (${data.kurva.unor} units)`,
    base,
    `/api/kurva/laporan?periode=${data.kurva.periode}`,
    cookie,
    runs,
  );
  return { reports, kurva };
}

/** Every report's rows against its aim: the dibagi-habis ones against REPORT_AIM_MS, the curves against KURVA_AIM_MS. */
export function laporanRows({ reports, kurva }: Awaited<ReturnType<typeof laporan>>): Row[] {
  return [
    ...reports.flatMap((r) => reportRows(`dibagi habis ${r.name}`, r, REPORT_AIM_MS)),
    ...reportRows(`kurva ${kurva.name}`, kurva, KURVA_AIM_MS),
  ];
}

export function median(r: ReportFigure) {
  return r.warm[Math.floor(r.warm.length / 2)] ?? r.cold;
}

/** The warm median and the slowest request (cold included), each against the aim. */
export function reportRows(scenario: string, r: ReportFigure, aimMs: number): Row[] {
  const aim = { op: '<', value: aimMs } as const;
  return [
    { scenario, figure: 'warm median', value: median(r), unit: 'ms', aim },
    { scenario, figure: 'max (cold incl.)', value: Math.max(r.cold, ...r.warm), unit: 'ms', aim },
  ];
}

export function printReports(reports: ReportFigure[], heading: string) {
  console.log(`\n${heading}`);
  console.log(
    `report                                      cold ms   min ms  median ms   max ms      KB  under ${REPORT_AIM_MS / 1000} s`,
  );
  const ms = (n: number) => n.toFixed(0).padStart(8);
  for (const r of reports) {
    const max = Math.max(r.cold, ...r.warm);
    console.log(
      `${r.name.padEnd(42)} ${ms(r.cold)} ${ms(r.warm[0] ?? r.cold)} ${ms(median(r)).padStart(10)} ${ms(max)} ` +
        `${(r.bytes / 1024).toFixed(0).padStart(7)}  ${median(r) < REPORT_AIM_MS ? 'yes' : 'NO'} (warm median)` +
        `${max < REPORT_AIM_MS ? ', every request' : ''}`,
    );
  }
}
