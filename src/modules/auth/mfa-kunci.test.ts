import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { createMfaKunci } from './mfa-kunci.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ekinerja-mfa-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MFA_KEY = 'k'.repeat(32);

describe('the MFA key', () => {
  it('is required in production, and at least 32 characters', () => {
    const produksi = {
      NODE_ENV: 'production',
      AUDIT_HMAC_KEY: 'a'.repeat(32),
      PUBLIC_URL: 'https://kinerja.example.go.id',
    };
    expect(() => loadConfig(produksi)).toThrow(/MFA_KEY/);
    expect(() => loadConfig({ ...produksi, MFA_KEY: 'pendek' })).toThrow(/MFA_KEY/);
    expect(loadConfig({ ...produksi, MFA_KEY }).MFA_KEY).toBe(MFA_KEY);
  });

  it('seals a secret so that only the same key opens it, for the same employee', () => {
    const kunci = createMfaKunci({ MFA_KEY, DATA_DIR: dir });
    const tersegel = kunci.segel('JBSWY3DPEHPK3PXP', 7);
    expect(tersegel).not.toContain('JBSWY3DPEHPK3PXP');
    expect(kunci.segel('JBSWY3DPEHPK3PXP', 7)).not.toBe(tersegel);
    expect(kunci.buka(tersegel, 7)).toBe('JBSWY3DPEHPK3PXP');
    // Copied onto another employee's row, or read with another key, it does not open.
    expect(() => kunci.buka(tersegel, 8)).toThrow();
    expect(() => createMfaKunci({ MFA_KEY: 'x'.repeat(32), DATA_DIR: dir }).buka(tersegel, 7)).toThrow();
  });

  it('hashes recovery codes with the key', () => {
    const a = createMfaKunci({ MFA_KEY, DATA_DIR: dir });
    const b = createMfaKunci({ MFA_KEY: 'x'.repeat(32), DATA_DIR: dir });
    expect(a.hashPemulihan('ABCDEFGHJK23')).toBe(a.hashPemulihan('ABCDEFGHJK23'));
    expect(a.hashPemulihan('ABCDEFGHJK23')).not.toBe(b.hashPemulihan('ABCDEFGHJK23'));
  });

  it('without MFA_KEY comes from a key of the data folder, kept across starts', () => {
    const dataDir = path.join(dir, 'data');
    const tersegel = createMfaKunci({ MFA_KEY: undefined, DATA_DIR: dataDir }).segel('RAHASIA', 1);
    expect(readFileSync(path.join(dataDir, '.mfa.key'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(createMfaKunci({ MFA_KEY: undefined, DATA_DIR: dataDir }).buka(tersegel, 1)).toBe('RAHASIA');
    expect(() =>
      createMfaKunci({ MFA_KEY: undefined, DATA_DIR: path.join(dir, 'lain') }).buka(tersegel, 1),
    ).toThrow();
  });
});
