/** The environment, parsed once at start-up; nothing else reads process.env. */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { Cron } from 'croner';
import { z } from 'zod';

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** Whether croner accepts the pattern (it throws on a bad one). */
function polaCronSah(pola: string): boolean {
  try {
    new Cron(pola, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which peers may tell the client's address in X-Forwarded-For: none (empty or `false`), a hop
 * count, or a list of addresses/CIDRs. `true` (everyone) is refused: it lets any client choose
 * its own address and so escape every per-address limit.
 */
const TrustProxy = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx): false | number | string[] => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const wrong = entries.filter((e) => !isProxyAddress(e));
    if (wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `bukan alamat/CIDR proxy atau jumlah hop: ${wrong.join(', ') || '(kosong)'}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** An empty value means unset, for variables whose default is computed. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema);

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The demo accounts' password as the README publishes it: never valid in production. */
export const DEMO_PASSWORD_TERBIT = 'Kinerja#2026';

const ConfigSchema = z.object({
  /** `production` turns the demo off unless asked, and refuses the published demo password. */
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PGlite data folder, used when DATABASE_URL is not set. */
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /**
   * A streaming replica of DATABASE_URL's server (ADR 0024): exports, dashboards and reports read
   * there; a user's own writes, and everything while it is down or behind, from the primary.
   */
  DATABASE_REPLICA_URL: unsetIfEmpty(z.string().url().optional()),
  /** Behind the primary longer than this, the replica is not read (`tertinggal` in /api/health). */
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().positive().default(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A session unused this long ends; each use moves the end forward (sliding, ADR 0018). */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** However much it is used, a session ends this long after the login. */
  SESSION_MAX_HOURS: z.coerce.number().positive().default(168),
  /** Defaults to true when PUBLIC_URL is https. */
  COOKIE_SECURE: unsetIfEmpty(bool.optional()),
  /** The reverse proxies whose X-Forwarded-For is believed (ADR 0006); default none. */
  TRUST_PROXY: TrustProxy,
  /** Failed logins of one NIP from one address before each further attempt from there waits. */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(0).default(5),
  /** Failed logins of one NIP from all addresses before attempts without a known device wait. */
  LOGIN_FREE_FAILURES_NIP: z.coerce.number().int().min(0).default(20),
  /** The longest wait between attempts; the waits double from 1 s up to it. */
  LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(900),
  /** Failures are forgotten this long after the last one. */
  LOGIN_FORGET_HOURS: z.coerce.number().positive().default(24),
  /**
   * Signs the device cookie that lets a browser which logged into a NIP before past that NIP's
   * slow-down. Every node must share it; unset, each start draws its own and devices are forgotten.
   */
  LOGIN_DEVICE_SECRET: unsetIfEmpty(
    z
      .string()
      .min(32)
      .default(() => randomBytes(32).toString('base64url')),
  ),
  LOGIN_DEVICE_DAYS: z.coerce.number().positive().default(180),
  /** Password verifications (argon2id) running at once in one process, and how many may wait. */
  LOGIN_CONCURRENCY: unsetIfEmpty(z.coerce.number().int().positive().default(availableParallelism())),
  /**
   * Unset: LOGIN_CONCURRENCY, so a login that waits waits at most one round of checks and the
   * rest are refused at once with Retry-After, which the login form honours (web/lib/ulangSibuk.ts).
   */
  LOGIN_QUEUE: unsetIfEmpty(z.coerce.number().int().min(0).optional()),
  /** Requests per minute per IP on the login route. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  /** Requests per minute per API token on the /api/v1 routes. */
  API_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  /**
   * Seals the employees' authenticator secrets (and the instansi's SSO client secrets and the SSO
   * login cookie) and keys the hashes of their recovery codes, so a database dump alone gives no
   * working codes or secrets. Required in production; elsewhere one is generated
   * per data folder (platform/kunci-lokal.ts). Changing it voids every enrolment.
   */
  MFA_KEY: unsetIfEmpty(
    z
      .string()
      .min(32, 'MFA_KEY minimal 32 karakter acak, mis. keluaran `openssl rand -base64 32`.')
      .optional(),
  ),
  /**
   * How long a node keeps an employee's profile (GET /api/me) without reading it again (ADR 0021);
   * a change made through this node is seen at once, one made through another node within this.
   * 0 turns the cache off.
   */
  PROFIL_CACHE_DETIK: z.coerce.number().int().min(0).max(300).default(30),
  /**
   * How long a node keeps a session's actor for reads (ADR 0032). Every node forgets it at once when
   * the database reports a change, so this bounds only what a lost report could leave; writes always
   * read the database. 0 turns the cache off.
   */
  AKTOR_CACHE_DETIK: z.coerce.number().int().min(0).max(60).default(15),
  /** Spreadsheet imports of one instansi running at once; more are refused with 429. */
  IMPOR_SERENTAK: z.coerce.number().int().positive().default(2),
  /**
   * When the reminder job runs (croner pattern, seconds optional). Every instance schedules it and
   * one runs each scheduled time; the cluster test sets seconds to see it run.
   */
  PENGINGAT_POLA: z
    .string()
    .default('7 * * * *')
    .refine(polaCronSah, 'PENGINGAT_POLA bukan pola cron yang sah, mis. "7 * * * *".'),
  /** Seed the demo province when the database is empty. */
  /** Defaults to true only outside production and without DATABASE_URL. */
  SEED_DEMO: unsetIfEmpty(bool.optional()),
  DEMO_PASSWORD: z.string().min(8).default(DEMO_PASSWORD_TERBIT),
  /** Serve the OpenAPI UI (/api/docs) and document (/api/openapi.json). */
  API_DOCS: bool.default(true),
  WEB_DIST: z.string().default('./dist/web'),
  /**
   * Folder of uploaded files (bukti dukung); the database keeps their keys and SHA-256. Not inside
   * DATA_DIR: that folder is PGlite's own PostgreSQL data directory.
   */
  STORAGE_DIR: z.string().default('./berkas'),
  /**
   * Where uploaded files and generated results live (ADR 0023): `local` (STORAGE_DIR, one node),
   * `postgres` (the database itself: several nodes, one backup) or `s3` (an S3-compatible service).
   */
  STORAGE: z
    .enum(['local', 'postgres', 's3'], { error: 'harus salah satu dari local, postgres, s3' })
    .default('local'),
  /** STORAGE=s3: the bucket (required), the service's address (unset: AWS) and its region. */
  S3_BUCKET: unsetIfEmpty(z.string().optional()),
  S3_ENDPOINT: unsetIfEmpty(
    z
      .url({ protocol: /^https?$/, error: 'harus berupa URL http(s), mis. https://s3.example.go.id' })
      .optional(),
  ),
  S3_REGION: unsetIfEmpty(z.string().default('us-east-1')),
  /** Both or neither; neither uses the AWS SDK's own chain (AWS_* variables, an instance role). */
  S3_ACCESS_KEY_ID: unsetIfEmpty(z.string().optional()),
  S3_SECRET_ACCESS_KEY: unsetIfEmpty(z.string().optional()),
  /** `<endpoint>/<bucket>/<key>` addresses, which most self-hosted S3-compatible servers need. */
  S3_FORCE_PATH_STYLE: unsetIfEmpty(bool.default(false)),
  /**
   * The address people reach the application at: printed documents carry `<PUBLIC_URL>/verifikasi/<kode>`
   * (text and QR code) for anyone to check them. Unset, the address the server listens on
   * (alamatDengar); required in production, where that is rarely what people reach.
   */
  PUBLIC_URL: unsetIfEmpty(
    z
      .string()
      .url()
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  ),
  /**
   * Key (at least 32 characters) that signs the audit checkpoints. Required in production; elsewhere
   * one is generated per data folder (platform/audit-key.ts).
   */
  AUDIT_HMAC_KEY: z.string().min(32).optional(),
});

/** Hosts that mean "every interface" or this machine: a browser here reaches them as localhost. */
const HOST_LOKAL = ['0.0.0.0', '::', '127.0.0.1'];

/** The URL of the address the server listens on, so a default PUBLIC_URL points somewhere real. */
export function alamatDengar(host: string, port: number): string {
  if (HOST_LOKAL.includes(host)) return `http://localhost:${port}`;
  return isIP(host) === 6 ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/** Production is NODE_ENV=production, or a DATABASE_URL (a real server, not the embedded demo). */
const WithDefaults = ConfigSchema.superRefine((c, ctx) => {
  if (c.DATABASE_REPLICA_URL && !c.DATABASE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['DATABASE_REPLICA_URL'],
      message: 'replika baca hanya dipakai bersama DATABASE_URL (PostgreSQL), bukan PGlite',
    });
  }
  const wajib = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (c.STORAGE === 's3' && !c.S3_BUCKET) {
    wajib('S3_BUCKET', 'wajib diisi bila STORAGE=s3: nama bucket tempat berkas disimpan');
  }
  if ((c.S3_ACCESS_KEY_ID === undefined) !== (c.S3_SECRET_ACCESS_KEY === undefined)) {
    wajib(
      c.S3_ACCESS_KEY_ID === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY',
      'S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY diisi berdua, atau keduanya dikosongkan',
    );
  }
  if (c.NODE_ENV !== 'production') return;
  if (!c.AUDIT_HMAC_KEY) {
    wajib('AUDIT_HMAC_KEY', 'wajib diisi di produksi (kunci penanda tangan titik periksa log audit)');
  }
  if (!c.MFA_KEY) {
    wajib('MFA_KEY', 'wajib diisi di produksi (kunci rahasia aplikasi autentikator dan kode pemulihan)');
  }
  if (c.PUBLIC_URL === undefined) {
    wajib(
      'PUBLIC_URL',
      'wajib diisi di produksi: alamat yang dibuka pengguna (mis. https://kinerja.gorontaloprov.go.id), dicetak sebagai tautan dan kode QR verifikasi dokumen',
    );
  }
  // In production the demo is seeded only when asked (SEED_DEMO defaults to false there).
  if (c.SEED_DEMO === true && c.DEMO_PASSWORD === DEMO_PASSWORD_TERBIT) {
    wajib(
      'DEMO_PASSWORD',
      'kata sandi demo yang dipublikasikan tidak boleh dipakai di produksi; isi DEMO_PASSWORD lain',
    );
  }
}).transform((c) => {
  const produksi = c.NODE_ENV === 'production' || c.DATABASE_URL !== undefined;
  const PUBLIC_URL = c.PUBLIC_URL ?? alamatDengar(c.HOST, c.PORT);
  return {
    ...c,
    PUBLIC_URL,
    SEED_DEMO: c.SEED_DEMO ?? !produksi,
    LOGIN_QUEUE: c.LOGIN_QUEUE ?? c.LOGIN_CONCURRENCY,
    COOKIE_SECURE: c.COOKIE_SECURE ?? PUBLIC_URL.startsWith('https:'),
  };
});

export type Config = z.infer<typeof WithDefaults>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = WithDefaults.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
