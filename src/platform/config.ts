/** The environment, parsed once at start-up; nothing else reads process.env. */
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PGlite data folder, used when DATABASE_URL is not set. */
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: bool.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Requests per minute per IP on the login route. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  /** Requests per minute per API token on the /api/v1 routes. */
  API_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  /** Spreadsheet imports of one instansi running at once; more are refused with 429. */
  IMPOR_SERENTAK: z.coerce.number().int().positive().default(2),
  /** Seed the demo province when the database is empty. */
  SEED_DEMO: bool.default(true),
  DEMO_PASSWORD: z.string().min(8).default('Kinerja#2026'),
  WEB_DIST: z.string().default('./dist/web'),
  /**
   * Folder of uploaded files (bukti dukung); the database keeps their keys and SHA-256. Not inside
   * DATA_DIR: that folder is PGlite's own PostgreSQL data directory.
   */
  STORAGE_DIR: z.string().default('./berkas'),
  /**
   * The address people reach the application at: printed documents carry `<PUBLIC_URL>/verifikasi/<kode>`
   * (text and QR code) for anyone to check them.
   */
  PUBLIC_URL: z
    .string()
    .url()
    .default('http://localhost:3000')
    .transform((u) => u.replace(/\/+$/, '')),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
