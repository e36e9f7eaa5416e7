import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditHmacKey } from './audit-key.js';
import { loadConfig } from './config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ekinerja-kunci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit checkpoint key', () => {
  it('production refuses to start without AUDIT_HMAC_KEY, or with a short one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUDIT_HMAC_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUDIT_HMAC_KEY: 'pendek' })).toThrow(/AUDIT_HMAC_KEY/);
    const key = 'a'.repeat(32);
    expect(
      auditHmacKey(
        loadConfig({
          NODE_ENV: 'production',
          AUDIT_HMAC_KEY: key,
          MFA_KEY: key,
          PUBLIC_URL: 'https://x.go.id',
        }),
      ),
    ).toBe(key);
  });

  it('elsewhere one random key is generated per data folder, private, and kept', () => {
    const dataDir = path.join(dir, 'data');
    const key = auditHmacKey(loadConfig({ DATA_DIR: dataDir }));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHmacKey(loadConfig({ DATA_DIR: dataDir }))).toBe(key);
    const file = path.join(dataDir, '.audit-hmac.key');
    expect(readFileSync(file, 'utf8')).toBe(key);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(auditHmacKey(loadConfig({ DATA_DIR: path.join(dir, 'lain') }))).not.toBe(key);
  });
});
