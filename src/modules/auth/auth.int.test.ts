import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_PASSWORD } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

const login = (nip: string, password: string) =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { nip, password } });

describe('login', () => {
  it('answers 200 with user and csrfToken and sets an HttpOnly SameSite session cookie', async () => {
    const res = await login(org.pelaksana.nip, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      id: org.pelaksana.id,
      nip: org.pelaksana.nip,
      namaLengkap: 'Pelaksana Satu',
    });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'ekinerja_sesi');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('accepts the NIP printed with spaces', async () => {
    const n = org.pelaksana.nip;
    const printed = `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
    expect((await login(printed, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('gives the same generic error for a wrong password and an unknown NIP', async () => {
    const wrong = await login(org.pelaksana2.nip, 'salah-sekali');
    const unknown = await login('199912312025121999', TEST_PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'NIP atau kata sandi salah.' },
    });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('rejects an empty body with an Indonesian validation error', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { nip: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toMatch(/tidak valid/);
  });
});

describe('session and CSRF', () => {
  it('401 without a session', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' });
  });

  it('refuses a state-changing request without or with a wrong CSRF token, and changes nothing', async () => {
    const c = await h.login(org.pengawas.nip);
    const none = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: c.cookie },
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('CSRF_INVALID');
    const wrong = await c.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'palsu' });
    expect(wrong.statusCode).toBe(403);
    expect((await c.get('/api/me')).statusCode).toBe(200);
  });

  it('returns the CSRF token of the session after a reload, and logout ends the session', async () => {
    const c = await h.login(org.pengawas.nip);
    expect((await c.get('/api/auth/csrf')).json()).toEqual({ csrfToken: c.csrfToken });
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('rate-limits the login route per IP', async () => {
    const limited = await createHarness({ env: { LOGIN_RATE_LIMIT: '2' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { nip: '1', password: 'x' },
        });
        codes.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(res.json().error.code).toBe('RATE_LIMITED');
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(codes).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('passwords', () => {
  it('changes the own password: the old one stops working and other sessions end', async () => {
    const other = await h.login(org.administrator.nip);
    const c = await h.login(org.administrator.nip);
    const wrongOld = await c.post('/api/auth/password', {
      passwordLama: 'bukan',
      passwordBaru: 'BaruSekali2026',
    });
    expect(wrongOld.statusCode).toBe(400);
    expect(wrongOld.json().error.code).toBe('WRONG_PASSWORD');
    const weak = await c.post('/api/auth/password', { passwordLama: TEST_PASSWORD, passwordBaru: 'pendek' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/minimal 10 karakter/);
    const ok = await c.post('/api/auth/password', {
      passwordLama: TEST_PASSWORD,
      passwordBaru: 'BaruSekali2026',
    });
    expect(ok.statusCode).toBe(200);
    expect((await other.get('/api/me')).statusCode).toBe(401);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await login(org.administrator.nip, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(org.administrator.nip, 'BaruSekali2026')).statusCode).toBe(200);
  });

  it('refuses short and easily guessed passwords, Indonesian words and the own name included (item 8)', async () => {
    const c = await h.login(org.orangLain.nip);
    const coba = (passwordBaru: string) =>
      c.post('/api/auth/password', { passwordLama: TEST_PASSWORD, passwordBaru });
    for (const lemah of [
      'aaaaaaa1',
      'aaaaaaa1aa',
      'password123',
      'bismillah123',
      'Gorontalo2026',
      'Staf Dinas Kesehatan 1',
    ]) {
      const res = await coba(lemah);
      expect(res.statusCode, lemah).toBe(400);
      expect(JSON.stringify(res.json().error.details), lemah).toContain('passwordBaru');
    }
    expect((await coba('aaaaaaa1aa')).json().error.message).toMatch(/berulang/);
    expect((await login(org.orangLain.nip, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await coba('kopi-senja-lumba-lumba-7')).statusCode).toBe(200);
  });

  it('admin reset gives a temporary password that must be changed before anything else', async () => {
    const admin = await h.login(org.adminOpd.nip);
    const reset = await admin.post(`/api/pegawai/${org.pelaksana2.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const temp = reset.json().passwordSementara as string;
    expect(temp).toMatch(/^[A-Za-z]{7}\d{3}$/);
    const res = await login(org.pelaksana2.nip, temp);
    expect(res.json().user.mustChangePassword).toBe(true);
    const c = await h.login(org.pelaksana2.nip, temp);
    const blocked = await c.get(`/api/pegawai/${org.pelaksana2.id}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (await c.post('/api/auth/password', { passwordLama: temp, passwordBaru: 'PunyaSaya2026' })).statusCode,
    ).toBe(200);
    expect((await c.get(`/api/pegawai/${org.pelaksana2.id}`)).statusCode).toBe(200);
  });

  it('only admins of the employee may reset a password', async () => {
    for (const nip of [org.pelaksana.nip, org.pengawas.nip, org.timPenilai.nip]) {
      const c = await h.login(nip);
      expect((await c.post(`/api/pegawai/${org.fungsional.id}/reset-password`)).statusCode).toBe(403);
    }
    const adminOpd = await h.login(org.adminOpd.nip);
    expect((await adminOpd.post(`/api/pegawai/${org.orangLain.id}/reset-password`)).statusCode).toBe(403);
  });
});

describe('safe defaults behind HTTPS (item 8)', () => {
  it('sets a Secure session cookie when PUBLIC_URL is https, and can hide the API documentation', async () => {
    const https = await createHarness({
      env: { PUBLIC_URL: 'https://kinerja.example.go.id', API_DOCS: 'false' },
    });
    try {
      const o = await buildOrg(https.db);
      const res = await https.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { nip: o.pelaksana.nip, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'ekinerja_sesi')).toMatchObject({
        secure: true,
        httpOnly: true,
      });
      expect((await https.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(404);
      expect((await https.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(404);
    } finally {
      await https.close();
    }
  });
});
