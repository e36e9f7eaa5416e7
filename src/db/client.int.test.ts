import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';

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
