import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/db.js';
import { openDatabase, rows } from './client.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ekinerja-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PGlite data folder lock', () => {
  it('refuses a second opener while the folder is in use, and frees it on close', async () => {
    const first = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/sedang dipakai proses lain/);
    await first.close();
    expect(existsSync(path.join(dir, '.ekinerja.lock'))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('takes over the lock of a process that no longer exists', async () => {
    writeFileSync(path.join(dir, '.ekinerja.lock'), '999999999');
    const db = await openDatabase({ dataDir: dir });
    await db.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL pool', () => {
  it('survives the server terminating an idle connection', async () => {
    const errors: Error[] = [];
    const database = await openTestDatabase();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const [me] = await rows<{ db: string }>(database.db, sql`SELECT current_database() AS db`);
    url.pathname = `/${me!.db}`;
    const watched = await openDatabase({
      databaseUrl: url.toString(),
      poolSize: 1,
      onIdleError: (e) => errors.push(e),
    });
    const [backend] = await rows<{ pid: number }>(watched.db, sql`SELECT pg_backend_pid() AS pid`);
    await database.db.execute(sql`SELECT pg_terminate_backend(${backend!.pid})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors).toHaveLength(1);
    const [again] = await rows<{ one: number }>(watched.db, sql`SELECT 1 AS one`);
    expect(again!.one).toBe(1);
    await watched.close();
    await database.close();
  });
});
