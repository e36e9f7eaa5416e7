/**
 * Load on one route with autocannon, and the two references every HTTP figure is read against in the
 * same run: the bare Fastify route doing one indexed select (bare-server.ts) and pgbench on that select.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startProcess, stop, waitFor } from './proses.js';

export interface LoadOptions {
  connections: number;
  seconds: number;
}

export interface Figure {
  name: string;
  /** Answered with 2xx, per second of the run. */
  rps: number;
  /** Latency of the 2xx answers, ms. */
  p50: number;
  p99: number;
  ok: number;
  /** 503 answers (back-pressure), and how many of them carried Retry-After. */
  refused: number;
  refusedWithRetryAfter: number;
  /** Every other non-2xx answer and every socket error or timeout. */
  errors: number;
}

export interface Request {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export function pick<T>(list: T[], i: number): T {
  return list[i % list.length]!;
}

export function percentile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** `options.connections` connections for `options.seconds`; request i is `make(i)`. */
export function load(
  name: string,
  base: string,
  options: LoadOptions,
  make: (i: number) => Request,
): Promise<Figure> {
  let counter = 0;
  const latencies: number[] = [];
  let refused = 0;
  let refusedWithRetryAfter = 0;
  let otherStatus = 0;
  return new Promise((resolve, reject) => {
    const tracker = autocannon(
      {
        url: base,
        connections: options.connections,
        duration: options.seconds,
        requests: [
          {
            setupRequest: (req) => {
              const r = make(counter++);
              return {
                ...req,
                method: (r.method ?? 'GET') as 'GET',
                path: r.path,
                headers: { ...req.headers, ...r.headers },
                body: r.body,
              } as typeof req;
            },
            onResponse: (status, _body, _context, headers) => {
              if (status === 503) {
                refused++;
                if (headers?.['retry-after']) refusedWithRetryAfter++;
              }
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        resolve({
          name,
          rps: latencies.length / options.seconds,
          p50: percentile(latencies, 0.5),
          p99: percentile(latencies, 0.99),
          ok: latencies.length,
          refused,
          refusedWithRetryAfter,
          errors: otherStatus + result.errors + result.timeouts,
        });
      },
    );
    tracker.on('response', (_client, status: number, _bytes, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else if (status !== 503) otherStatus++;
    });
  });
}

/** The bare Fastify route: one indexed select per request, nothing else. */
export async function bare(url: string, port: string, nips: string[], options: LoadOptions) {
  const server = startProcess('bench/bare-server.ts', { DATABASE_URL: url, PORT: port });
  try {
    await waitFor(`http://127.0.0.1:${port}/pegawai/x`, server);
    return await load('bare Fastify, one indexed select', `http://127.0.0.1:${port}`, options, (i) => ({
      path: `/pegawai/${pick(nips, i)}`,
    }));
  } finally {
    await stop(server);
  }
}

/** pgbench on the bare route's select, same clients and duration: transactions per second. */
export function pgbenchSelect(url: string, employees: number, options: LoadOptions): number {
  const script = path.join(tmpdir(), 'ekinerja-pgbench.sql');
  writeFileSync(script, `\\set id random(1, ${employees})\nSELECT id, nama FROM pegawai WHERE id = :id;\n`);
  const out = execFileSync(
    'pgbench',
    ['-n', '-c', String(options.connections), '-j', '2', '-T', String(options.seconds), '-f', script, url],
    { encoding: 'utf8' },
  );
  return Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
}
