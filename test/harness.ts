/** buildApp over a test database with a fixed clock, plus a logged-in HTTP client per user. */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/client.js';
import { fixedClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { openTestDatabase, type ReplikaTest } from './db.js';

export const TEST_PASSWORD = 'Rahasia#123';
/** Signs the audit checkpoints of the test app (no key file is written). */
export const TEST_AUDIT_KEY = 'kunci-uji-titik-periksa-audit-0123456789';

export async function createHarness(
  options: {
    now?: string;
    env?: Record<string, string>;
    replika?: ReplikaTest;
    /** Another app over this harness's database (e.g. other STORAGE); its owner closes it. */
    database?: Database;
  } = {},
) {
  const database: Database = options.database ?? (await openTestDatabase({ replika: options.replika }));
  const clock = fixedClock(options.now ?? '2026-03-03T02:00:00Z');
  // Tests log in often; the rate-limit test sets its own low limit.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    WEB_DIST: './tmp/no-web',
    LOGIN_RATE_LIMIT: '100000',
    AUDIT_HMAC_KEY: TEST_AUDIT_KEY,
    ...options.env,
  });
  const app = await buildApp({ config, database, clock });
  await app.ready();

  type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  interface Client {
    csrfToken: string;
    cookie: string;
    request(
      method: Method,
      url: string,
      payload?: unknown,
      headers?: Record<string, string>,
    ): Promise<LightMyRequestResponse>;
    get(url: string): Promise<LightMyRequestResponse>;
    post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
    put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  }

  /** A client over the session a login response opened (the password step, or the code step). */
  function clientOf(res: LightMyRequestResponse): Client {
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrfToken = res.json().csrfToken as string;
    const request = (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    return {
      csrfToken,
      cookie,
      request,
      get: (url) => request('GET', url),
      post: (url, payload) => request('POST', url, payload ?? {}),
      put: (url, payload) => request('PUT', url, payload ?? {}),
    };
  }

  async function login(nip: string, password = TEST_PASSWORD): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { nip, password } });
    if (res.statusCode !== 200 || !res.json().csrfToken) {
      throw new Error(`login ${nip} failed: ${res.statusCode} ${res.body}`);
    }
    return clientOf(res);
  }

  return {
    app,
    db: database.db,
    database,
    clock,
    login,
    clientOf,
    async close() {
      await app.close();
      // A job a test started (or the route fuzzer did) ends before its database closes.
      await app.pekerjaan.tunggu();
      if (!options.database) await database.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
