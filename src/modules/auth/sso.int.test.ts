/**
 * Issue 15 part 4, single sign-on against a real OpenID provider (oidc-provider on a random local
 * port, test/oidc-penyedia.ts): the BKD's settings with a secret never answered back, a login that
 * opens the same session as the password, the refusals (unknown NIP, NIP claim missing, a token for
 * another client, an expired token, another browser's answer, a spent code), our authenticator code
 * beside the provider's `amr`, the password login turned off per role group, and the logout that
 * hands the provider's end-session URL back.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_PASSWORD } from '../../../test/harness.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  masukDiPenyedia,
  mulaiPenyedia,
  type PenyediaUji,
} from '../../../test/oidc-penyedia.js';
import { buildOrg, nextNip, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let orgLain: Org;
let penyedia: PenyediaUji;
type Client = Awaited<ReturnType<Harness['login']>>;
let bkd: Client;

/** The application's default PUBLIC_URL in tests (no server listens there; the test plays the browser). */
const APLIKASI = 'http://localhost:3000';

beforeAll(async () => {
  // The provider signs with the real time; the application judges tokens by its clock, so both start equal.
  h = await createHarness({ now: new Date().toISOString() });
  [org, orgLain] = [await buildOrg(h.db), await buildOrg(h.db)];
  penyedia = await mulaiPenyedia({
    aplikasi: APLIKASI,
    akun: {
      pelaksana: { name: 'Pelaksana Satu', nip: org.pelaksana.nip },
      pelaksana2: { name: 'Pelaksana Dua', nip: org.pelaksana2.nip },
      admin: { name: 'Admin BKD', nip: org.adminBkd.nip },
      asing: { name: 'Orang Asing', nip: nextNip() },
      instansiLain: { name: 'Pegawai Instansi Lain', nip: orgLain.pelaksana.nip },
      tanpaNip: { name: 'Tanpa NIP' },
    },
    ttlIdToken: 60,
  });
  bkd = await h.login(org.adminBkd.nip);
});
afterAll(async () => {
  await penyedia?.tutup();
  await h.close();
});

const pengaturanSso = (isi: Record<string, unknown> = {}) => ({
  aktif: true,
  penerbit: penyedia.issuer,
  clientId: CLIENT_ID,
  klaimNip: 'nip',
  kataSandiNonaktif: { admin: false, penilai: false, lainnya: false },
  ...isi,
});

async function simpanSso(isi: Record<string, unknown> = {}) {
  const version = (await bkd.get('/api/pengaturan/sso')).json().version as number;
  return bkd.put('/api/pengaturan/sso', { ...pengaturanSso(isi), version });
}

/** The browser's steps: start at the application, log in at the provider; answers the cookie and the provider's answer. */
async function keProvider(login: string, opsi: { otp?: boolean } = {}) {
  const mulai = await h.app.inject({
    method: 'POST',
    url: '/api/auth/sso/mulai',
    payload: { instansiId: org.instansiId },
  });
  expect(mulai.statusCode, mulai.body).toBe(200);
  const c = mulai.cookies.find((x) => x.name === 'ekinerja_sso')!;
  expect(c.httpOnly).toBe(true);
  const parameter = await masukDiPenyedia(mulai.json().url as string, login, opsi);
  return { cookie: `ekinerja_sso=${c.value}`, parameter };
}

const selesai = (cookie: string | null, parameter: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/auth/sso/selesai',
    payload: { parameter },
    headers: cookie ? { cookie } : {},
  });

async function masukSso(login: string, opsi: { otp?: boolean } = {}) {
  const { cookie, parameter } = await keProvider(login, opsi);
  return selesai(cookie, parameter);
}

async function jumlahSesi() {
  const [r] = await rows<{ n: number }>(h.db, sql`SELECT count(*)::int AS n FROM sesi`);
  return r!.n;
}

function ditolak(res: LightMyRequestResponse, code: string) {
  expect(res.statusCode, res.body).toBe(401);
  expect(res.json().error.code).toBe(code);
  expect(res.cookies.filter((c) => c.name === 'ekinerja_sesi' && c.value)).toEqual([]);
}

describe('the BKD configures SSO', () => {
  it('stores the provider, never answers the secret back, and audits every change without it', async () => {
    const awal = await bkd.get('/api/pengaturan/sso');
    expect(awal.json()).toMatchObject({ aktif: false, rahasiaKlienTersimpan: false, klaimNip: 'nip' });
    expect(awal.json().redirectUri).toBe(`${APLIKASI}/masuk/sso`);
    // Turning on without a secret, with an unreachable issuer, or over plain http elsewhere is refused.
    expect((await simpanSso()).json().error.details).toMatchObject({ field: 'rahasiaKlien' });
    const takTerhubung = await simpanSso({ rahasiaKlien: CLIENT_SECRET, penerbit: 'http://127.0.0.1:9' });
    expect(takTerhubung.json().error.code).toBe('SSO_PENERBIT_TIDAK_TERHUBUNG');
    const http = await simpanSso({ rahasiaKlien: CLIENT_SECRET, penerbit: 'http://sso.contoh.go.id' });
    expect(http.statusCode).toBe(400);
    expect(http.body).toContain('https');

    const simpan = await simpanSso({ rahasiaKlien: CLIENT_SECRET });
    expect(simpan.statusCode, simpan.body).toBe(200);
    expect(simpan.json()).toMatchObject({ aktif: true, rahasiaKlienTersimpan: true, clientId: CLIENT_ID });
    const baca = await bkd.get('/api/pengaturan/sso');
    expect(baca.json().rahasiaKlienTersimpan).toBe(true);
    for (const res of [simpan, baca]) expect(res.body).not.toContain(CLIENT_SECRET);
    // A save without a secret keeps the stored one.
    expect((await simpanSso({ klaimNip: 'nip' })).json().rahasiaKlienTersimpan).toBe(true);

    const [row] = await rows<{ s: string }>(
      h.db,
      sql`SELECT rahasia_klien_tersegel AS s FROM sso_instansi WHERE instansi_id = ${org.instansiId}`,
    );
    expect(row!.s).not.toContain(CLIENT_SECRET);
    const audit = await rows<{ actorId: number; before: unknown; after: Record<string, unknown> }>(
      h.db,
      sql`SELECT actor_id AS "actorId", before, after FROM audit_log
           WHERE action = 'pengaturan.sso' AND instansi_id = ${org.instansiId} ORDER BY id`,
    );
    expect(audit.map((a) => [a.actorId, a.after.aktif, a.after.rahasiaKlienDiganti])).toEqual([
      [org.adminBkd.id, true, true],
      [org.adminBkd.id, true, false],
    ]);
    expect(JSON.stringify(audit)).not.toContain(CLIENT_SECRET);

    // Only the BKD reads them; the login page learns only which instansi offer SSO.
    expect((await (await h.login(org.pelaksana.nip)).get('/api/pengaturan/sso')).statusCode).toBe(403);
    const publik = await h.app.inject({ method: 'GET', url: '/api/auth/sso' });
    expect(publik.json().items).toContainEqual({
      instansiId: org.instansiId,
      namaInstansi: expect.any(String),
    });
    expect(publik.body).not.toContain(CLIENT_SECRET);
  });
});

describe('login with SSO', () => {
  beforeAll(async () => {
    expect((await simpanSso({ rahasiaKlien: CLIENT_SECRET })).statusCode).toBe(200);
  });

  it('opens the same session as the password login: cookie, CSRF token, /api/me, audit row', async () => {
    const res = await masukSso('pelaksana');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.nip).toBe(org.pelaksana.nip);
    expect(res.cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['ekinerja_sesi']));
    const c = h.clientOf(res);
    const me = await c.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().nip).toBe(org.pelaksana.nip);
    // A write needs the CSRF token the login answered, as after a password login.
    const tanpaCsrf = await c.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'salah' });
    expect(tanpaCsrf.statusCode).toBe(403);
    const audit = await rows<{ after: { metode: string } }>(
      h.db,
      sql`SELECT after FROM audit_log WHERE action = 'auth.login' AND actor_id = ${org.pelaksana.id} ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]!.after.metode).toBe('SSO');
  });

  it('refuses an unknown NIP, a NIP of another instansi and a missing NIP claim; nothing is created', async () => {
    const sebelum = await jumlahSesi();
    const asing = await masukSso('asing');
    ditolak(asing, 'SSO_NIP_TIDAK_DIKENAL');
    expect(asing.json().error.message).toContain('tidak terdaftar');
    ditolak(await masukSso('instansiLain'), 'SSO_NIP_TIDAK_DIKENAL');
    const tanpaNip = await masukSso('tanpaNip');
    ditolak(tanpaNip, 'SSO_NIP_TIDAK_ADA');
    expect(tanpaNip.json().error.message).toContain('tidak memuat NIP');
    expect(await jumlahSesi()).toBe(sebelum);
  });

  it('refuses an ID token meant for another client', async () => {
    penyedia.keadaan.audiensPalsu = 'aplikasi-lain';
    try {
      ditolak(await masukSso('pelaksana'), 'SSO_TOKEN_TIDAK_SAH');
    } finally {
      penyedia.keadaan.audiensPalsu = null;
    }
  });

  it('refuses an expired ID token (the provider issues them for 60 s)', async () => {
    const { cookie, parameter } = await keProvider('pelaksana');
    const sekarang = h.clock.now();
    h.clock.set(new Date(sekarang.getTime() + 5 * 60_000));
    try {
      const res = await selesai(cookie, parameter);
      ditolak(res, 'SSO_TOKEN_TIDAK_SAH');
      expect(res.json().error.message).toContain('masa berlaku');
    } finally {
      h.clock.set(sekarang);
    }
  });

  it("refuses another browser's answer and an answer used twice", async () => {
    const { cookie, parameter } = await keProvider('pelaksana');
    const lain = await keProvider('pelaksana');
    expect((await selesai(null, parameter)).json().error.code).toBe('SSO_PERMINTAAN_TIDAK_BERLAKU');
    expect((await selesai(lain.cookie, parameter)).json().error.code).toBe('SSO_PERMINTAAN_TIDAK_BERLAKU');
    expect((await selesai(cookie, parameter)).statusCode).toBe(200);
    ditolak(await selesai(cookie, parameter), 'SSO_DITOLAK_PENYEDIA');
  });
});

describe('SSO and our authenticator code', () => {
  it('asks our code of an enrolled employee unless the provider checked a second factor', async () => {
    const c = await h.login(org.pelaksana2.nip);
    const mulai = await c.post('/api/auth/mfa/daftar');
    const rahasia = (mulai.json().rahasia as string).replace(/\s/g, '');
    const kode = (at: Date) => TOTP.generate({ secret: Secret.fromBase32(rahasia), timestamp: at.getTime() });
    expect((await c.post('/api/auth/mfa/konfirmasi', { kode: kode(h.clock.now()) })).statusCode).toBe(200);

    const tanpaOtp = await masukSso('pelaksana2');
    expect(tanpaOtp.statusCode, tanpaOtp.body).toBe(200);
    expect(tanpaOtp.cookies.filter((x) => x.name === 'ekinerja_sesi')).toEqual([]);
    const tantangan = tanpaOtp.json().mfa.tantangan as string;
    h.clock.set(new Date(h.clock.now().getTime() + 30_000));
    const langkahKode = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login/kode',
      payload: { tantangan, kode: kode(h.clock.now()) },
    });
    expect(langkahKode.statusCode, langkahKode.body).toBe(200);
    // The session the code step opened is still an SSO session: its logout reaches the provider.
    const keluar = await h.clientOf(langkahKode).post('/api/auth/logout');
    expect(keluar.json().alihkanKe).toContain(penyedia.issuer);

    const denganOtp = await masukSso('pelaksana2', { otp: true });
    expect(denganOtp.statusCode, denganOtp.body).toBe(200);
    expect(denganOtp.json().user.nip).toBe(org.pelaksana2.nip);
  });
});

describe('password login turned off per role group', () => {
  it('refuses the password to those groups only while SSO is active; SSO still works', async () => {
    expect(
      (await simpanSso({ kataSandiNonaktif: { admin: false, penilai: false, lainnya: true } })).statusCode,
    ).toBe(200);
    const login = (nip: string, password = TEST_PASSWORD) =>
      h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { nip, password } });
    const pelaksana = await login(org.pelaksana.nip);
    expect(pelaksana.statusCode).toBe(403);
    expect(pelaksana.json().error).toMatchObject({ code: 'KATA_SANDI_NONAKTIF' });
    expect(pelaksana.json().error.message).toContain('Masuk dengan SSO');
    // A wrong password answers as always: the refusal does not tell who may use a password.
    expect((await login(org.pelaksana.nip, 'salah-sekali')).statusCode).toBe(401);
    expect((await login(org.adminBkd.nip)).statusCode).toBe(200);
    expect((await login(org.pengawas.nip)).statusCode).toBe(200);
    expect((await masukSso('pelaksana')).statusCode).toBe(200);

    // Passwords can be off only while SSO is on; turning SSO off opens them again.
    const tidakSah = await simpanSso({
      aktif: false,
      kataSandiNonaktif: { admin: true, penilai: false, lainnya: false },
    });
    expect(tidakSah.statusCode).toBe(400);
    expect((await simpanSso({ aktif: false })).statusCode).toBe(200);
    expect((await login(org.pelaksana.nip)).statusCode).toBe(200);
    const mulai = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sso/mulai',
      payload: { instansiId: org.instansiId },
    });
    expect(mulai.json().error.code).toBe('SSO_TIDAK_AKTIF');
    expect((await simpanSso()).statusCode).toBe(200);
  });
});

describe('logout', () => {
  it("ends the local session and hands back the provider's end-session URL", async () => {
    const res = await masukSso('pelaksana');
    const c = h.clientOf(res);
    const keluar = await c.post('/api/auth/logout');
    expect(keluar.statusCode).toBe(200);
    const url = new URL(keluar.json().alihkanKe as string);
    expect(url.origin).toBe(penyedia.issuer);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${APLIKASI}/masuk`);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    // The provider accepts the hint (it shows its own sign-out confirmation).
    expect((await fetch(url)).status).toBe(200);

    const sandi = await h.login(org.pengawas.nip);
    expect((await sandi.post('/api/auth/logout')).json()).toEqual({ ok: true });
  });
});
