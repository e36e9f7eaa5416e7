/**
 * `npm run bench -- --compare [file …]`: the runs written by `npm run bench` (the last three in tmp/
 * when no file is named) side by side, one line per figure, each value with its yes/NO.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { aimText, columns, type Run, yesText } from './summary.js';

export function compare(files: string[]) {
  const chosen = files.length
    ? files
    : readdirSync('tmp')
        .filter((f) => /^bench-.*\.json$/.test(f))
        .sort()
        .slice(-3)
        .map((f) => path.join('tmp', f));
  if (!chosen.length) {
    console.log('no runs in tmp/ yet: run `npm run bench` first');
    return;
  }
  const runs = chosen.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Run);
  const keys: string[] = [];
  const aims = new Map<string, string>();
  for (const run of runs)
    for (const r of run.rows) {
      const key = `${r.scenario} | ${r.figure}`;
      if (!aims.has(key)) keys.push(key);
      aims.set(key, aimText(r.aim, r.unit));
    }
  const cell = (run: Run, key: string) => {
    const r = run.rows.find((x) => `${x.scenario} | ${x.figure}` === key);
    if (!r) return '';
    const v = Number.isFinite(r.value) ? Number(r.value.toPrecision(4)).toLocaleString('en-US') : 'n/a';
    return `${v} ${r.unit}${r.yes === null ? '' : ` ${yesText(r.yes)}`}`;
  };
  const table = keys.map((k) => [k, aims.get(k)!, ...runs.map((run) => cell(run, k))]);
  const head = [
    'scenario | figure',
    'aim',
    ...runs.map((r) => `${r.at.slice(0, 16)} (${r.params.employees ?? '?'} pegawai)`),
  ];
  const line = columns(head, table, '  ');
  for (const [i, f] of chosen.entries()) console.log(`run ${i + 1}: ${f}`);
  console.log(line(head));
  for (const t of table) console.log(line(t));
}
