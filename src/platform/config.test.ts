import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, 192.168.1.10 ,fd00::/8', ['10.0.0.0/8', '192.168.1.10', 'fd00::/8']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
  ])('%j → %j', (value, trust) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toEqual(trust);
  });

  it.each([
    ['true', 'true'],
    ['10.0.0.0/33', '10.0.0.0/33'],
    ['10.0.0.1,proxy.local', 'proxy.local'],
    ['10.0.0.1,', '(kosong)'],
    ['::1/129', '::1/129'],
  ])('refuses %j', (value, named) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(named);
  });
});

describe('login settings', () => {
  it('draws a device secret and uses the CPU count when left empty', () => {
    const a = loadConfig({ LOGIN_DEVICE_SECRET: '', LOGIN_CONCURRENCY: '' });
    const b = loadConfig({});
    expect(a.LOGIN_DEVICE_SECRET).toHaveLength(43);
    expect(a.LOGIN_DEVICE_SECRET).not.toBe(b.LOGIN_DEVICE_SECRET);
    expect(a.LOGIN_CONCURRENCY).toBeGreaterThan(0);
  });

  it('refuses a short device secret', () => {
    expect(() => loadConfig({ LOGIN_DEVICE_SECRET: 'pendek' })).toThrow('LOGIN_DEVICE_SECRET');
  });
});

describe('PUBLIC_URL (issue 14)', () => {
  it.each([
    [{}, 'http://localhost:3000'],
    [{ PORT: '8080' }, 'http://localhost:8080'],
    [{ HOST: '::', PORT: '8080' }, 'http://localhost:8080'],
    [{ HOST: '127.0.0.1', PORT: '4000' }, 'http://localhost:4000'],
    [{ HOST: '10.1.2.3', PORT: '8080' }, 'http://10.1.2.3:8080'],
    [{ HOST: 'kinerja.lan' }, 'http://kinerja.lan:3000'],
    [{ HOST: 'fd00::5', PORT: '8080' }, 'http://[fd00::5]:8080'],
    [{ PUBLIC_URL: 'https://kinerja.example.go.id/', PORT: '8080' }, 'https://kinerja.example.go.id'],
    [{ PUBLIC_URL: '', PORT: '8080' }, 'http://localhost:8080'],
  ])('%j → %s: defaults to the address the server listens on', (env, url) => {
    expect(loadConfig(env).PUBLIC_URL).toBe(url);
  });

  it('is required in production, with a message saying what it is', () => {
    const KUNCI = 'k'.repeat(32);
    const produksi = { NODE_ENV: 'production', AUDIT_HMAC_KEY: KUNCI, MFA_KEY: KUNCI };
    expect(() => loadConfig(produksi)).toThrow(/PUBLIC_URL: wajib diisi di produksi/);
    expect(loadConfig({ ...produksi, PUBLIC_URL: 'https://kinerja.example.go.id' }).PUBLIC_URL).toBe(
      'https://kinerja.example.go.id',
    );
  });
});

describe('production defaults (issue 12, item 8)', () => {
  const KUNCI = 'k'.repeat(32);
  const URL_PUBLIK = 'https://kinerja.example.go.id';

  it('seeds the demo only outside production and without a database server, unless asked', () => {
    expect(loadConfig({}).SEED_DEMO).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'production', AUDIT_HMAC_KEY: KUNCI, MFA_KEY: KUNCI, PUBLIC_URL: URL_PUBLIK })
        .SEED_DEMO,
    ).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/kinerja' }).SEED_DEMO).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/kinerja', SEED_DEMO: 'true' }).SEED_DEMO).toBe(
      true,
    );
  });

  it('takes a read replica only beside DATABASE_URL, with a 5 s lag bound by default', () => {
    const replika = 'postgres://replika.example/kinerja';
    expect(() => loadConfig({ DATABASE_REPLICA_URL: replika })).toThrow(/DATABASE_REPLICA_URL.*bukan PGlite/);
    const c = loadConfig({ DATABASE_URL: 'postgres://db.example/kinerja', DATABASE_REPLICA_URL: replika });
    expect(c.DATABASE_REPLICA_URL).toBe(replika);
    expect(c.DATABASE_REPLICA_MAX_LAG_MS).toBe(5000);
    expect(loadConfig({ DATABASE_REPLICA_URL: '' }).DATABASE_REPLICA_URL).toBeUndefined();
  });

  it('refuses the published demo password in production', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        AUDIT_HMAC_KEY: KUNCI,
        MFA_KEY: KUNCI,
        PUBLIC_URL: URL_PUBLIK,
        SEED_DEMO: 'true',
      }),
    ).toThrow(/DEMO_PASSWORD/);
    const lain = {
      NODE_ENV: 'production',
      PUBLIC_URL: URL_PUBLIK,
      AUDIT_HMAC_KEY: KUNCI,
      MFA_KEY: KUNCI,
      SEED_DEMO: 'true',
      DEMO_PASSWORD: 'Lain#Sekali2026',
    };
    expect(loadConfig(lain).SEED_DEMO).toBe(true);
  });

  it('sets Secure cookies when PUBLIC_URL is https, unless told otherwise', () => {
    expect(loadConfig({}).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://kinerja.gorontaloprov.go.id' }).COOKIE_SECURE).toBe(true);
    expect(
      loadConfig({ PUBLIC_URL: 'https://kinerja.gorontaloprov.go.id', COOKIE_SECURE: 'false' }).COOKIE_SECURE,
    ).toBe(false);
  });

  it('serves the API documentation unless turned off', () => {
    expect(loadConfig({}).API_DOCS).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }).API_DOCS).toBe(false);
  });
});

describe('PENGINGAT_POLA', () => {
  it('is hourly by default, takes a croner pattern with seconds, and refuses what croner cannot read', () => {
    expect(loadConfig({}).PENGINGAT_POLA).toBe('7 * * * *');
    expect(loadConfig({ PENGINGAT_POLA: '*/5 * * * * *' }).PENGINGAT_POLA).toBe('*/5 * * * * *');
    expect(() => loadConfig({ PENGINGAT_POLA: 'tiap jam' })).toThrow(/PENGINGAT_POLA bukan pola cron/);
  });
});

describe('STORAGE (issue 17, ADR 0023)', () => {
  it('stays local by default, as npm start always had it', () => {
    expect(loadConfig({})).toMatchObject({
      STORAGE: 'local',
      STORAGE_DIR: './berkas',
      S3_REGION: 'us-east-1',
    });
    expect(loadConfig({ STORAGE: 'postgres' }).STORAGE).toBe('postgres');
  });

  it('reads the S3 settings', () => {
    const c = loadConfig({
      STORAGE: 's3',
      S3_BUCKET: 'bukti',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_REGION: 'id-gto-1',
      S3_ACCESS_KEY_ID: 'kunci',
      S3_SECRET_ACCESS_KEY: 'rahasia',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(c).toMatchObject({ S3_BUCKET: 'bukti', S3_REGION: 'id-gto-1', S3_FORCE_PATH_STYLE: true });
  });

  it.each([
    [{ STORAGE: 'nfs' }, 'STORAGE: harus salah satu dari local, postgres, s3'],
    [{ STORAGE: 's3' }, 'S3_BUCKET: wajib diisi bila STORAGE=s3'],
    [{ STORAGE: 's3', S3_BUCKET: '' }, 'S3_BUCKET: wajib diisi bila STORAGE=s3'],
    [{ STORAGE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT: harus berupa URL http(s)'],
    [
      { S3_ACCESS_KEY_ID: 'kunci' },
      'S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY diisi berdua',
    ],
  ])('refuses %j at start-up, saying why in Indonesian', (env, pesan) => {
    expect(() => loadConfig(env)).toThrow(pesan);
  });
});

describe('LOGIN_QUEUE', () => {
  it('is LOGIN_CONCURRENCY unless set, so a waiting login waits at most one round of checks', () => {
    expect(loadConfig({ LOGIN_CONCURRENCY: '3' }).LOGIN_QUEUE).toBe(3);
    expect(loadConfig({ LOGIN_CONCURRENCY: '3', LOGIN_QUEUE: '' }).LOGIN_QUEUE).toBe(3);
    expect(loadConfig({ LOGIN_CONCURRENCY: '3', LOGIN_QUEUE: '0' }).LOGIN_QUEUE).toBe(0);
    expect(loadConfig({ LOGIN_QUEUE: '20' }).LOGIN_QUEUE).toBe(20);
  });
});
