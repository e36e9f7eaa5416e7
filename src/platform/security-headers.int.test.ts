import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';
import { buildOrg, type Org } from '../../test/org.js';

/** A built UI in miniature: the page and one hashed asset, as vite writes them. */
const web = mkdtempSync(path.join(tmpdir(), 'ekinerja-web-'));
mkdirSync(path.join(web, 'assets'));
writeFileSync(
  path.join(web, 'index.html'),
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-abc.js"></script></body></html>',
);
writeFileSync(path.join(web, 'assets', 'index-abc.js'), 'console.log(1);');

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness({ env: { WEB_DIST: web } });
  org = await buildOrg(h.db);
});
afterAll(async () => {
  await h.close();
  rmSync(web, { recursive: true, force: true });
});

/** The CSP as a map of directive → sources. */
function csp(header: unknown): Map<string, string[]> {
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('security headers', () => {
  it.each(['/', '/pegawai/1'])(
    'a page (%s): CSP without inline scripts, not frameable, nosniff, no referrer, no HSTS over http',
    async (url) => {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      const policy = csp(res.headers['content-security-policy']);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('script-src-attr')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers).toMatchObject({
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      expect(res.headers['strict-transport-security']).toBeUndefined();
    },
  );

  it('static assets keep their caching', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/assets/index-abc.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('API answers are not stored: session and token routes, and refusals', async () => {
    const bkd = await h.login(org.adminBkd.nip);
    const me = await bkd.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.headers['x-content-type-options']).toBe('nosniff');

    const { token } = (
      await bkd.post('/api/token-api', { nama: 'SIMPEG', cakupan: ['BACA_PEGAWAI'] })
    ).json();
    const v1 = await h.app.inject({
      method: 'GET',
      url: '/api/v1/pegawai',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(v1.statusCode).toBe(200);
    expect(v1.headers['cache-control']).toBe('no-store');

    const refused = await h.app.inject({ method: 'GET', url: '/api/me' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('the API documentation is served under the same frame and sniffing rules', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(csp(res.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('security headers behind an https PUBLIC_URL', () => {
  let https: Harness;
  beforeAll(async () => {
    https = await createHarness({
      env: { WEB_DIST: web, PUBLIC_URL: 'https://ekinerja.gorontaloprov.go.id' },
    });
  });
  afterAll(() => https.close());

  it('adds HSTS and upgrades insecure requests', async () => {
    const res = await https.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(csp(res.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
  });
});
