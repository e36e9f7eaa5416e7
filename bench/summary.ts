/**
 * The one result list of `npm run bench`: every scenario adds its figures here, each with its aim
 * (issue 16's table, or the scenario's own) and the references it is read against; at the end one
 * table is printed and the same rows are written to tmp/bench-<timestamp>.json for `--compare`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';

/** The references measured in the same run: the bare Fastify select route, pgbench on that select, pgbench on one submission's SQL. */
export type Ref = 'bare' | 'pgbench' | 'pgbenchAjukan';

const REF_LABEL: Record<Ref, string> = { bare: '×bare', pgbench: '×pgbench', pgbenchAjukan: '×pgbench' };

export interface Aim {
  op: '<' | '≤' | '≥';
  value: number;
  /** The aim is on the figure divided by this reference (a share, e.g. ≥ 0.6 of bare). */
  of?: Ref;
}

export interface Row {
  scenario: string;
  figure: string;
  value: number;
  unit: string;
  /** None: reported only (seed times, a reference, a share refused). */
  aim?: Aim;
  /** The references the figure is printed as a ratio of. */
  ratio?: Ref[];
  /** This row is the value of a reference. */
  ref?: Ref;
}

export interface Judged extends Row {
  /** null when the row has no aim, or its reference was not measured. */
  yes: boolean | null;
  ratios: Partial<Record<Ref, number>>;
}

export interface Run {
  at: string;
  params: Record<string, string | number>;
  rows: Judged[];
}

const rows: Row[] = [];

export function add(...r: Row[]) {
  rows.push(...r);
}

export function meets(value: number, aim: Aim) {
  if (!Number.isFinite(value)) return false;
  if (aim.op === '<') return value < aim.value;
  if (aim.op === '≤') return value <= aim.value;
  return value >= aim.value;
}

export function judge(list: Row[]): Judged[] {
  const refs = new Map<Ref, number>();
  for (const r of list) if (r.ref) refs.set(r.ref, r.value);
  return list.map((r) => {
    const ratios: Partial<Record<Ref, number>> = {};
    for (const ref of new Set([...(r.ratio ?? []), ...(r.aim?.of ? [r.aim.of] : [])])) {
      const v = refs.get(ref);
      if (v) ratios[ref] = r.value / v;
    }
    let yes: boolean | null = null;
    if (r.aim) {
      const v = r.aim.of ? ratios[r.aim.of] : r.value;
      yes = v === undefined ? null : meets(v, r.aim);
    }
    return { ...r, yes, ratios };
  });
}

function number(value: number, unit: string) {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

export function aimText(aim: Aim | undefined, unit: string) {
  if (!aim) return '—';
  if (aim.of) return `${aim.op} ${Math.round(aim.value * 100)} % ${REF_LABEL[aim.of]}`;
  return `${aim.op} ${number(aim.value, unit)}`;
}

function ratioText(r: Judged) {
  return (Object.keys(REF_LABEL) as Ref[])
    .filter((ref) => r.ratios[ref] !== undefined)
    .map((ref) => [ref, r.ratios[ref]!] as const)
    .map(([ref, v]) => `${v.toFixed(v < 0.1 ? 3 : 2)} ${REF_LABEL[ref]}`)
    .join(', ');
}

export function yesText(yes: boolean | null) {
  return yes === null ? '—' : yes ? 'yes' : 'NO';
}

/** A line formatter padding each cell to its column's widest, over the head and every row. */
export function columns(head: string[], table: string[][], separator: string) {
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  return (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(separator)
      .trimEnd();
}

export function printTable(run: Run) {
  // The references first: every ratio below is read against them.
  const ordered = [
    ...run.rows.filter((r) => r.scenario === 'reference'),
    ...run.rows.filter((r) => r.scenario !== 'reference'),
  ];
  const table = ordered.map((r) => [
    r.scenario,
    `${r.figure} ${number(r.value, r.unit)}`,
    aimText(r.aim, r.unit),
    yesText(r.yes),
    ratioText(r),
  ]);
  const head = ['scenario', 'figure', 'aim', 'yes/NO', 'ratio to reference'];
  const line = columns(head, table, ' | ');
  console.log(
    `\nsummary (${Object.entries(run.params)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
  );
  console.log(line(head));
  console.log('-'.repeat(line(head).length));
  for (const t of table) console.log(line(t));
  const judged = run.rows.filter((r) => r.yes !== null);
  const missed = judged.filter((r) => !r.yes);
  console.log(`aims met: ${judged.length - missed.length} of ${judged.length}`);
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Judges the collected rows, prints the table and writes the run to tmp/bench-<timestamp>.json. */
export function finish(params: Record<string, string | number>) {
  const at = new Date().toISOString();
  const run: Run = {
    at,
    params: {
      ...params,
      commit: commit(),
      node: process.version,
      cpus: availableParallelism(),
      'load avg 1 min at end': Number(loadavg()[0]!.toFixed(2)),
    },
    rows: judge(rows),
  };
  printTable(run);
  const file = path.resolve('tmp', `bench-${at.replaceAll(':', '-').replace(/\..*/, '')}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  console.log(`written to ${file}; compare runs with: npm run bench -- --compare`);
  return run;
}
