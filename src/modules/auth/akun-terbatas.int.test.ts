/**
 * Issue 12, item 6: after an admin reset, the temporary password opens only the own-account routes
 * (`access: 'akun'`) until it is changed — checked over every route of the app's own OpenAPI. The
 * same holds for a password-only session while the policy requires an authenticator not yet enrolled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { stafDenganRencana } from '../../../test/siklus.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness({ now: '2026-03-03T02:00:00Z' });
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

/** The own-account routes a restricted session opens. */
const AKUN = new Set([
  'GET /api/me',
  'GET /api/auth/csrf',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/auth/mfa/daftar',
  'POST /api/auth/mfa/konfirmasi',
  'GET /api/auth/sesi',
  'DELETE /api/auth/sesi/1',
]);

/** A value for each path parameter, valid enough to get past parameter validation. */
function isiParam(nama: string): string {
  if (nama === 'periode') return '2026-02';
  if (nama === 'kode') return 'ABCD2345';
  if (nama === 'tahun') return '2026';
  return '1';
}

interface Rute {
  method: string;
  url: string;
}

async function semuaRute(): Promise<Rute[]> {
  const spec = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({
      method: m.toUpperCase(),
      url: path.replace(/\{(\w+)\}/g, (_, nama: string) => isiParam(nama)),
      key: `${m.toUpperCase()} ${path}`,
    })),
  );
}

async function kataSandiSementara(pegawaiId: number, di: Org = org): Promise<string> {
  const admin = await h.login(di.adminBkd.nip);
  const reset = await admin.post(`/api/pegawai/${pegawaiId}/reset-password`, {});
  expect(reset.statusCode).toBe(200);
  return reset.json().passwordSementara as string;
}

/** The session routes outside AKUN that do not refuse this client with 403 and this code. */
async function ruteTerbuka(c: Awaited<ReturnType<Harness['login']>>, code: string) {
  const rute = await semuaRute();
  expect(rute.length).toBeGreaterThan(100);
  const terbuka: string[] = [];
  let diperiksa = 0;
  for (const r of rute) {
    const tanpaSesi = await h.app.inject({ method: r.method as 'GET', url: r.url, payload: {} });
    // Public routes, and token routes that never read the session, are not the session's to open.
    if (tanpaSesi.statusCode !== 401 || r.url.startsWith('/api/v1/')) continue;
    diperiksa++;
    const key = `${r.method} ${r.url}`;
    // Logging out would end the session the loop uses; the own-account routes are tried apart.
    if (AKUN.has(key)) continue;
    const res = await c.request(r.method as 'GET', r.url, {});
    const ditolak = res.statusCode === 403 && res.json().error.code === code;
    if (!ditolak) terbuka.push(`${key} → ${res.statusCode}`);
  }
  expect(diperiksa, `${diperiksa} of ${rute.length}`).toBeGreaterThan(100);
  return terbuka;
}

describe('a temporary password', () => {
  it('opens no session route but the own-account ones', async () => {
    const temp = await kataSandiSementara(org.pengawas.id);
    const c = await h.login(org.pengawas.nip, temp);
    expect(await ruteTerbuka(c, 'PASSWORD_CHANGE_REQUIRED')).toEqual([]);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await c.get('/api/auth/csrf')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
  });

  it('cannot save realisasi, and the account works fully once the password is changed', async () => {
    // Its own org: the first test left the pengawas with a temporary password.
    const org2 = await buildOrg(h.db);
    const { rhkStaf } = await stafDenganRencana(h, org2);
    const temp = await kataSandiSementara(org2.pelaksana.id, org2);
    const c = await h.login(org2.pelaksana.nip, temp);
    const simpan = await c.put(`/api/realisasi/${rhkStaf[0]}/2026-02`, { nilai: 1, satuan: 'data' });
    expect(simpan.statusCode).toBe(403);
    expect(simpan.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.get('/api/realisasi?periode=2026-02')).json().error.code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect((await c.get('/api/me')).json().mustChangePassword).toBe(true);
    const ganti = await c.post('/api/auth/password', {
      passwordLama: temp,
      passwordBaru: 'Kurikulum#Baru2026',
    });
    expect(ganti.statusCode).toBe(200);
    expect((await c.get('/api/realisasi?periode=2026-02')).statusCode).toBe(200);
  });
});

describe('a session that must enrol an authenticator first', () => {
  it('opens no session route but the own-account ones', async () => {
    // The default policy: codes required of assessors; the pengawas has enrolled none.
    const org3 = await buildOrg(h.db, { kebijakanMfa: 'bawaan' });
    const c = await h.login(org3.pengawas.nip);
    expect(await ruteTerbuka(c, 'MFA_WAJIB_DAFTAR')).toEqual([]);
    expect((await c.get('/api/me')).json().mfa.mustEnrol).toBe(true);
    expect((await c.get('/api/auth/sesi')).statusCode).toBe(200);
    expect((await c.post('/api/auth/mfa/daftar')).statusCode).toBe(200);
  });
});
