/** Server processes the benches start, wait for, log into and stop. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

/** Runs a TypeScript entry point (tsx) in a child process with extra environment. */
export function startProcess(script: string, env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

let dibangun = false;

/**
 * The server as `npm start` runs it in production: the compiled JavaScript of scripts/build.mjs
 * (brought up to date once per bench run), not tsx, which alone holds some 50 MB more.
 */
export function startServer(env: Record<string, string>) {
  if (!dibangun) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    dibangun = true;
  }
  return spawn(process.execPath, ['dist/server/server.js'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** The application (clock-server.ts) on the database at `url`, its clock fixed at `now`. */
export function startOnClock(url: string, port: string, now: Date) {
  return startProcess('bench/clock-server.ts', {
    DATABASE_URL: url,
    PORT: port,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '100000000',
    BENCH_NOW: now.toISOString(),
  });
}

export async function waitFor(healthUrl: string, child: ChildProcess, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(healthUrl)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${healthUrl} did not come up`);
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A refused login: its status and, for back-pressure (503), the seconds of its Retry-After. */
export class MasukError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfter: number | null,
  ) {
    super(message);
  }
}

/** Logs in over HTTP: the session cookie and the CSRF token for writes. */
export async function masuk(base: string, nip: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nip, password }),
  });
  if (!res.ok) {
    const retryAfter = res.headers.get('retry-after');
    throw new MasukError(
      `login ${nip}: ${res.status} ${await res.text()}`,
      res.status,
      retryAfter === null ? null : Number(retryAfter),
    );
  }
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrfToken };
}

/** Logs in as a person would under back-pressure: a 503 is tried again after its Retry-After. */
export async function masukAntre(
  base: string,
  nip: string,
  password: string,
  /** Called when a refused attempt is about to be tried again, after the wait. */
  onRetry: () => void = () => {},
  attempts = 10,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await masuk(base, nip, password);
    } catch (e) {
      if (!(e instanceof MasukError) || e.status !== 503 || attempt === attempts) throw e;
      await new Promise((r) => setTimeout(r, (e.retryAfter ?? 1) * 1000));
      onRetry();
    }
  }
}
