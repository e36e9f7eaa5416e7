/**
 * The month-end scenario of issue 16: 1,000 simulated employees (distinct, spread over the instansi,
 * none of whom the burst submitted), `concurrency` at a time, each doing what the real client does at
 * the end of a month: log in (password, argon2id; a 503 is retried after its Retry-After, as a person
 * would), open the inbox, open the month, save one draft (with CSRF token and idempotency key), submit
 * the month, and read last month's feedback. Per step p50/p99 and the answers that were not 2xx, by
 * status. The app runs on the burst's clock, inside the input window of its month. Not a timed test:
 * the figures go to the summary next to the bare route and pgbench of the same run.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { RealisasiBulanOut } from '../src/contracts/realisasi.js';
import { openDatabase, rows } from '../src/db/client.js';
import { percentile } from './load.js';
import { MasukError, masukAntre, startOnClock, stop, waitFor } from './proses.js';
import type { BurstData } from './realisasi.js';
import type { Row } from './summary.js';

const STEPS = ['login', 'inbox', 'own month', 'save draft', 'submit', 'read feedback'] as const;
type Step = (typeof STEPS)[number];

export interface AkhirBulanDeps {
  url: string;
  port: string;
  burst: Pick<BurstData, 'p1' | 'p0' | 'now'>;
  password: string;
  users: number;
  concurrency: number;
}

interface StepStats {
  ms: number[];
  /** Non-2xx answers (0: no answer at all) by status. */
  errors: Map<number, number>;
}

export interface AkhirBulanResult {
  users: number;
  completed: number;
  seconds: number;
  requests: number;
  /** 503 answers to a login, each retried after its Retry-After. */
  loginRefused: number;
  steps: Map<Step, StepStats>;
}

class StepError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** Employees whose month the burst left untouched: every realisasi of it still a draft. */
async function pilihPegawai(url: string, periode: string, n: number) {
  const database = await openDatabase({ databaseUrl: url });
  try {
    return await rows<{ nip: string }>(
      database.db,
      sql`SELECT p.nip FROM pegawai p
           WHERE EXISTS (SELECT 1 FROM realisasi r WHERE r.pegawai_id = p.id AND r.periode_kode = ${periode})
             AND NOT EXISTS (SELECT 1 FROM realisasi r WHERE r.pegawai_id = p.id AND r.periode_kode = ${periode}
                               AND r.status <> 'DRAFT')
           ORDER BY hashtext(p.id::text), p.id LIMIT ${n}`,
    );
  } finally {
    await database.close();
  }
}

export async function akhirBulan(deps: AkhirBulanDeps): Promise<AkhirBulanResult> {
  const people = await pilihPegawai(deps.url, deps.burst.p1, deps.users);
  const server = startOnClock(deps.url, deps.port, deps.burst.now);
  const base = `http://127.0.0.1:${deps.port}`;
  const steps = new Map<Step, StepStats>(STEPS.map((s) => [s, { ms: [], errors: new Map() }]));
  let requests = 0;
  let loginRefused = 0;
  let completed = 0;

  /** One request of a step: its latency when 2xx, else its status counted and the user's visit ended. */
  const timed = async <T>(step: Step, send: () => Promise<Response>, read: (res: Response) => Promise<T>) => {
    const stats = steps.get(step)!;
    const started = performance.now();
    requests++;
    let res: Response;
    try {
      res = await send();
    } catch {
      stats.errors.set(0, (stats.errors.get(0) ?? 0) + 1);
      throw new StepError(0);
    }
    const value = await read(res);
    if (!res.ok) {
      stats.errors.set(res.status, (stats.errors.get(res.status) ?? 0) + 1);
      throw new StepError(res.status);
    }
    stats.ms.push(performance.now() - started);
    return value;
  };

  const login = async (nip: string) => {
    const stats = steps.get('login')!;
    let started = performance.now();
    requests++;
    try {
      const session = await masukAntre(base, nip, deps.password, () => {
        loginRefused++;
        requests++;
        started = performance.now();
      });
      stats.ms.push(performance.now() - started);
      return session;
    } catch (e) {
      const status = e instanceof MasukError ? e.status : 0;
      stats.errors.set(status, (stats.errors.get(status) ?? 0) + 1);
      throw new StepError(status);
    }
  };

  const visit = async (nip: string) => {
    const { cookie, csrfToken } = await login(nip);
    const get = (path: string) => () => fetch(`${base}${path}`, { headers: { cookie } });
    const json = (res: Response) => res.json();
    await timed('inbox', get('/api/kotak-masuk'), json);
    const bulan = (await timed(
      'own month',
      get(`/api/realisasi?periode=${deps.burst.p1}`),
      json,
    )) as RealisasiBulanOut;
    const item = bulan.items.find((i) => i.realisasi?.status === 'DRAFT' && i.realisasi.dapatDiubah);
    const write =
      (method: string, path: string, body: unknown, extra: Record<string, string> = {}) =>
      () =>
        fetch(`${base}${path}`, {
          method,
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', ...extra },
          body: JSON.stringify(body),
        });
    if (item?.realisasi) {
      const r = item.realisasi;
      await timed(
        'save draft',
        write(
          'PUT',
          `/api/realisasi/${item.rhk.id}/${deps.burst.p1}`,
          {
            version: r.version,
            rencanaAksi: r.rencanaAksi ?? 'Menyelesaikan target bulan ini',
            targetAksi: r.targetAksi,
            nilai: r.nilai,
            satuan: r.satuan,
            teks: r.teks ?? 'Realisasi akhir bulan (uji beban).',
            buktiDukung: r.buktiDukung
              .filter((b) => b.jenis === 'TAUTAN' && b.url)
              .map((b) => ({ url: b.url, deskripsi: b.deskripsi })),
          },
          { 'idempotency-key': randomUUID() },
        ),
        json,
      );
    }
    await timed('submit', write('POST', '/api/realisasi/ajukan', { periode: deps.burst.p1 }), json);
    await timed('read feedback', get(`/api/realisasi?periode=${deps.burst.p0}`), json);
    completed++;
  };

  try {
    await waitFor(`${base}/api/health`, server);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: deps.concurrency }, async () => {
        while (next < people.length) {
          const { nip } = people[next++]!;
          try {
            await visit(nip);
          } catch (e) {
            if (!(e instanceof StepError)) throw e;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    for (const s of steps.values()) s.ms.sort((a, b) => a - b);
    return { users: people.length, completed, seconds, requests, loginRefused, steps };
  } finally {
    await stop(server);
  }
}

function errorText(errors: Map<number, number>) {
  return [...errors].map(([status, n]) => `${n}× ${status || 'no answer'}`).join(', ') || '0';
}

export function printAkhirBulan(r: AkhirBulanResult, deps: { concurrency: number; employees: number }) {
  console.log(
    `\nmonth-end: ${r.users.toLocaleString('id-ID')} employees of ${deps.employees.toLocaleString('id-ID')}, ` +
      `${deps.concurrency} at a time; ${r.completed} completed every step in ${r.seconds.toFixed(1)} s ` +
      `(${(r.requests / r.seconds).toFixed(0)} requests/s); ${r.loginRefused} login attempts refused with 503 and retried`,
  );
  console.log('step                n     p50 ms    p99 ms  errors');
  for (const [step, s] of r.steps) {
    console.log(
      `${step.padEnd(15)} ${String(s.ms.length).padStart(5)} ${percentile(s.ms, 0.5).toFixed(1).padStart(10)} ` +
        `${percentile(s.ms, 0.99).toFixed(1).padStart(9)}  ${errorText(s.errors)}`,
    );
  }
}

export function akhirBulanRows(r: AkhirBulanResult, concurrency: number): Row[] {
  const scenario = `month-end, ${r.users.toLocaleString('en-US')} users, ${concurrency} at a time`;
  const errors = [...r.steps.values()].reduce(
    (n, s) => n + [...s.errors.values()].reduce((a, b) => a + b, 0),
    0,
  );
  return [
    { scenario, figure: 'requests/s', value: r.requests / r.seconds, unit: '/s', ratio: ['bare', 'pgbench'] },
    { scenario, figure: 'users completed', value: r.completed, unit: '', aim: { op: '≥', value: r.users } },
    {
      scenario,
      figure: 'errors (non-2xx after retries)',
      value: errors,
      unit: '',
      aim: { op: '≤', value: 0 },
    },
    { scenario, figure: 'login attempts refused (503, retried)', value: r.loginRefused, unit: '' },
    ...[...r.steps].flatMap(([step, s]): Row[] => [
      { scenario, figure: `${step} p50`, value: percentile(s.ms, 0.5), unit: 'ms' },
      { scenario, figure: `${step} p99`, value: percentile(s.ms, 0.99), unit: 'ms' },
    ]),
  ];
}
