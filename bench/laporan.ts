/**
 * The dibagi-habis reports and the instansi's curves over HTTP as the BKD admin: one cold request on
 * a fresh server, then warm ones one at a time.
 */
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
