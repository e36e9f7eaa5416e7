/**
 * Issue 12, authenticator codes (TOTP, RFC 6238): enrolment, password → code → session, ±1 step,
 * no replay, single-use recovery codes, bounded challenges, the BKD's policy per role group, the
 * restricted session until enrolment, active sessions, an admin's reset of a lost device.
 */
import { sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_PASSWORD } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';

let h: Harness;
/** The real default: codes required of admins and assessors. */
let wajib: Org;
/** Like the demo: optional for everyone. */
let opsional: Org;

beforeAll(async () => {
  h = await createHarness({ now: '2026-03-03T02:00:00Z' });
  wajib = await buildOrg(h.db, { kebijakanMfa: 'bawaan' });
  opsional = await buildOrg(h.db);
});
afterAll(() => h.close());

type Client = Awaited<ReturnType<Harness['login']>>;

/** Time only moves forward here: every accepted code raises the employee's last used step. */
function maju(detik: number) {
  h.clock.set(new Date(h.clock.now().getTime() + detik * 1000));
}

function kodeDi(rahasia: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(rahasia), timestamp: at.getTime() });
}

const passwordStep = (nip: string, userAgent = 'Peramban Uji') =>
  h.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { nip, password: TEST_PASSWORD },
    headers: { 'user-agent': userAgent },
  });
const codeStep = (tantangan: string, kode: string) =>
  h.app.inject({ method: 'POST', url: '/api/auth/login/kode', payload: { tantangan, kode } });

async function tantanganOf(nip: string): Promise<string> {
  const res = await passwordStep(nip);
  expect(res.statusCode).toBe(200);
  expect(res.cookies).toEqual([]);
  return res.json().mfa.tantangan as string;
}

/** Enrols the client's account now; returns the secret (without spaces) and the recovery codes. */
async function daftar(c: Client) {
  const mulai = await c.post('/api/auth/mfa/daftar');
  expect(mulai.statusCode).toBe(200);
  const rahasia = (mulai.json().rahasia as string).replace(/\s/g, '');
  const konfirmasi = await c.post('/api/auth/mfa/konfirmasi', { kode: kodeDi(rahasia, h.clock.now()) });
  expect(konfirmasi.statusCode).toBe(200);
  return { rahasia, kodePemulihan: konfirmasi.json().kodePemulihan as string[], mulai: mulai.json() };
}

/** Logs in through both steps with a code of the next time step. */
async function masukDenganKode(nip: string, rahasia: string): Promise<Client> {
  const tantangan = await tantanganOf(nip);
  maju(30);
  const res = await codeStep(tantangan, kodeDi(rahasia, h.clock.now()));
  expect(res.statusCode, res.body).toBe(200);
  return h.clientOf(res);
}

async function auditOf(pegawaiId: number, action: string) {
  return rows<{ actorId: number; reason: string | null; before: unknown; after: unknown }>(
    h.db,
    sql`SELECT actor_id AS "actorId", reason, before, after FROM audit_log
         WHERE entity = 'pegawai' AND entity_id = ${String(pegawaiId)} AND action = ${action} ORDER BY id`,
  );
}

describe('the policy', () => {
  it('by default requires codes of admins and assessors, not of the others', async () => {
    const terbatas = async (nip: string) => {
      const res = await passwordStep(nip);
      expect(res.statusCode).toBe(200);
      return res.json().user.mustEnrolMfa as boolean;
    };
    expect(await terbatas(wajib.adminBkd.nip)).toBe(true);
    expect(await terbatas(wajib.adminOpd.nip)).toBe(true);
    expect(await terbatas(wajib.pengawas.nip)).toBe(true);
    expect(await terbatas(wajib.kepala2.nip)).toBe(true);
    expect(await terbatas(wajib.pelaksana.nip)).toBe(false);
    expect(await terbatas(wajib.timPenilai.nip)).toBe(false);
    const pelaksana = await h.login(wajib.pelaksana.nip);
    expect((await pelaksana.get('/api/me')).json().mfa).toEqual({
      isEnrolled: false,
      isRequired: false,
      mustEnrol: false,
      kodePemulihanSisa: 0,
    });
    expect((await pelaksana.get('/api/pengaturan')).json().kebijakanMfa).toEqual({
      admin: 'WAJIB',
      penilai: 'WAJIB',
      lainnya: 'OPSIONAL',
    });
    // The demo-like instansi: the password alone, for admins too.
    expect(await terbatas(opsional.adminBkd.nip)).toBe(false);
  });

  it('is set by the BKD admin only, checked, and audited', async () => {
    const org = await buildOrg(h.db);
    const admin = await h.login(org.adminBkd.nip);
    const setting = (await admin.get('/api/pengaturan')).json();
    const lemah = await admin.put('/api/pengaturan', {
      ...setting,
      kebijakanMfa: { admin: 'OPSIONAL', penilai: 'WAJIB', lainnya: 'WAJIB' },
    });
    expect(lemah.statusCode).toBe(400);
    expect(lemah.body).toContain('wajibkan juga bagi admin dan pejabat penilai');
    const semua = { admin: 'WAJIB', penilai: 'WAJIB', lainnya: 'WAJIB' };
    const opd = await h.login(org.adminOpd.nip);
    expect((await opd.put('/api/pengaturan', { ...setting, kebijakanMfa: semua })).statusCode).toBe(403);
    const saved = await admin.put('/api/pengaturan', { ...setting, kebijakanMfa: semua });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().kebijakanMfa).toEqual(semua);
    const [row] = await rows<{ before: { kebijakanMfa: unknown }; after: { kebijakanMfa: unknown } }>(
      h.db,
      sql`SELECT before, after FROM audit_log WHERE instansi_id = ${org.instansiId} AND action = 'pengaturan.ubah'`,
    );
    expect(row!.before.kebijakanMfa).toEqual({ admin: 'OPSIONAL', penilai: 'OPSIONAL', lainnya: 'OPSIONAL' });
    expect(row!.after.kebijakanMfa).toEqual(semua);
    // Now an ordinary employee must enrol too.
    expect((await passwordStep(org.fungsional.nip)).json().user.mustEnrolMfa).toBe(true);
  });
});

describe('a session that must enrol first', () => {
  it('opens only the own-account routes until enrolment is confirmed, then everything', async () => {
    const c = await h.login(wajib.pengawas.nip);
    const me = await c.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().mfa).toMatchObject({ isEnrolled: false, isRequired: true, mustEnrol: true });
    const bawahan = await c.get('/api/pengaturan');
    expect(bawahan.statusCode).toBe(403);
    expect(bawahan.json().error).toMatchObject({ code: 'MFA_WAJIB_DAFTAR' });
    expect(bawahan.json().error.message).toMatch(/Daftarkan aplikasi autentikator/);
    expect((await c.get('/api/auth/sesi')).statusCode).toBe(200);

    const { rahasia } = await daftar(c);
    expect((await c.get('/api/pengaturan')).statusCode).toBe(200);
    expect((await c.get('/api/me')).json().mfa).toMatchObject({ isEnrolled: true, mustEnrol: false });
    // From now on the password alone opens no session.
    await tantanganOf(wajib.pengawas.nip);
    const penuh = await masukDenganKode(wajib.pengawas.nip, rahasia);
    expect((await penuh.get('/api/pengaturan')).statusCode).toBe(200);
  });
});

describe('enrolment', () => {
  it('shows a QR code and the secret, confirms with a first code, returns ten recovery codes once', async () => {
    const c = await h.login(opsional.fungsional.nip);
    expect((await c.post('/api/auth/mfa/konfirmasi', { kode: '123456' })).json().error.code).toBe(
      'MFA_BELUM_DIMULAI',
    );
    const mulai = await c.post('/api/auth/mfa/daftar');
    const { qr, rahasia, uri } = mulai.json();
    expect(qr).toMatch(/^data:image\/png;base64,/);
    expect(rahasia).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = rahasia.replace(/\s/g, '');
    expect(uri).toBe(
      `otpauth://totp/e-Kinerja:${opsional.fungsional.nip}?issuer=e-Kinerja&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    // Enrolment is not in force until confirmed.
    expect((await passwordStep(opsional.fungsional.nip)).json().user).toBeDefined();

    const salah = await c.post('/api/auth/mfa/konfirmasi', { kode: kodeDi(secret, new Date(0)) });
    expect(salah.statusCode).toBe(400);
    expect(salah.json().error.code).toBe('KODE_MFA_TIDAK_COCOK');
    const ok = await c.post('/api/auth/mfa/konfirmasi', { kode: kodeDi(secret, h.clock.now()) });
    expect(ok.statusCode).toBe(200);
    const kode = ok.json().kodePemulihan as string[];
    expect(kode).toHaveLength(10);
    expect(new Set(kode).size).toBe(10);
    for (const k of kode) expect(k).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect((await c.get('/api/me')).json().mfa).toMatchObject({ isEnrolled: true, kodePemulihanSisa: 10 });

    // Neither the secret nor a recovery code is readable from the database.
    const simpanan = JSON.stringify(
      await rows(
        h.db,
        sql`SELECT m.rahasia, m.rahasia_baru, (SELECT json_agg(hash) FROM mfa_kode_pemulihan k WHERE k.pegawai_id = m.pegawai_id) AS hashes
              FROM mfa_pegawai m WHERE m.pegawai_id = ${opsional.fungsional.id}`,
      ),
    );
    expect(simpanan).not.toContain(secret);
    for (const k of kode) expect(simpanan).not.toContain(k.replace(/-/g, ''));

    expect(await auditOf(opsional.fungsional.id, 'auth.mfa_daftar')).toHaveLength(1);
    expect(await auditOf(opsional.fungsional.id, 'auth.mfa_konfirmasi')).toEqual([
      expect.objectContaining({
        actorId: opsional.fungsional.id,
        before: { terdaftar: false },
        after: { terdaftar: true, kodePemulihanSisa: 10 },
      }),
    ]);
  });

  it('a new enrolment replaces the old secret and recovery codes only once confirmed', async () => {
    const c = await h.login(opsional.pelaksana2.nip);
    const lama = await daftar(c);
    // A pending re-enrolment leaves the old authenticator working.
    maju(30);
    const mulai = await c.post('/api/auth/mfa/daftar');
    const baru = (mulai.json().rahasia as string).replace(/\s/g, '');
    const masih = await masukDenganKode(opsional.pelaksana2.nip, lama.rahasia);
    maju(30);
    expect(
      (await masih.post('/api/auth/mfa/konfirmasi', { kode: kodeDi(baru, h.clock.now()) })).statusCode,
    ).toBe(200);
    maju(30);
    const tantangan = await tantanganOf(opsional.pelaksana2.nip);
    expect((await codeStep(tantangan, kodeDi(lama.rahasia, h.clock.now()))).json().error.code).toBe(
      'KODE_MFA_SALAH',
    );
    expect((await codeStep(tantangan, lama.kodePemulihan[0]!)).json().error.code).toBe('KODE_MFA_SALAH');
    expect((await codeStep(tantangan, kodeDi(baru, h.clock.now()))).statusCode).toBe(200);
  });
});

describe('login with an authenticator', () => {
  let rahasia: string;
  let kodePemulihan: string[];
  beforeAll(async () => {
    ({ rahasia, kodePemulihan } = await daftar(await h.login(opsional.kepala.nip)));
  });
  const nip = () => opsional.kepala.nip;

  it('password → challenge without a session → code → session', async () => {
    const res = await passwordStep(nip());
    expect(res.statusCode).toBe(200);
    expect(res.cookies).toEqual([]);
    expect(Object.keys(res.json())).toEqual(['mfa']);
    maju(30);
    const kode = await codeStep(res.json().mfa.tantangan, kodeDi(rahasia, h.clock.now()));
    expect(kode.statusCode).toBe(200);
    expect(kode.json().user).toMatchObject({ id: opsional.kepala.id, mustEnrolMfa: false });
    expect(kode.cookies.find((c) => c.name === 'ekinerja_sesi')).toMatchObject({ httpOnly: true });
    expect((await h.clientOf(kode).get('/api/me')).statusCode).toBe(200);
  });

  it('accepts a code one step early or late, not two', async () => {
    maju(120);
    const now = h.clock.now().getTime();
    const step = async (detik: number) =>
      codeStep(await tantanganOf(nip()), kodeDi(rahasia, new Date(now + detik * 1000)));
    expect((await step(-30)).statusCode).toBe(200);
    expect((await step(30)).statusCode).toBe(200);
    const jauh = await step(60);
    expect(jauh.statusCode).toBe(401);
    expect(jauh.json().error.code).toBe('KODE_MFA_SALAH');
    // The current step is now older than the last one used.
    expect((await step(0)).json().error.code).toBe('KODE_MFA_SUDAH_DIPAKAI');
  });

  it('refuses a code used once, even with a fresh challenge', async () => {
    maju(60);
    const kode = kodeDi(rahasia, h.clock.now());
    expect((await codeStep(await tantanganOf(nip()), kode)).statusCode).toBe(200);
    const lagi = await codeStep(await tantanganOf(nip()), kode);
    expect(lagi.statusCode).toBe(401);
    expect(lagi.json().error).toMatchObject({
      code: 'KODE_MFA_SUDAH_DIPAKAI',
      message: 'Kode ini sudah dipakai. Tunggu kode berikutnya pada aplikasi autentikator.',
    });
  });

  it('takes a recovery code once, however it is typed', async () => {
    const kode = kodePemulihan[3]!;
    const ditik = kode.toLowerCase().replace(/-/g, ' ');
    const ok = await codeStep(await tantanganOf(nip()), ditik);
    expect(ok.statusCode).toBe(200);
    expect((await h.clientOf(ok).get('/api/me')).json().mfa.kodePemulihanSisa).toBe(9);
    const lagi = await codeStep(await tantanganOf(nip()), kode);
    expect(lagi.statusCode).toBe(401);
    expect(lagi.json().error.code).toBe('KODE_MFA_SALAH');
    expect(await auditOf(opsional.kepala.id, 'auth.mfa_kode_pemulihan')).toEqual([
      expect.objectContaining({ actorId: opsional.kepala.id, after: { kodePemulihanSisa: 9 } }),
    ]);
  });

  it('a challenge is single-use and expires after five minutes', async () => {
    maju(60);
    const tantangan = await tantanganOf(nip());
    expect((await codeStep(tantangan, kodeDi(rahasia, h.clock.now()))).statusCode).toBe(200);
    maju(30);
    const dipakai = await codeStep(tantangan, kodeDi(rahasia, h.clock.now()));
    expect(dipakai.statusCode).toBe(401);
    expect(dipakai.json().error.code).toBe('TANTANGAN_MFA_TIDAK_BERLAKU');

    const basi = await tantanganOf(nip());
    maju(5 * 60 + 1);
    const telat = await codeStep(basi, kodeDi(rahasia, h.clock.now()));
    expect(telat.json().error).toMatchObject({
      code: 'TANTANGAN_MFA_TIDAK_BERLAKU',
      message: 'Langkah masuk ini sudah berakhir. Masukkan NIP dan kata sandi lagi.',
    });
    expect((await codeStep('bukan-tantangan', '123456')).json().error.code).toBe(
      'TANTANGAN_MFA_TIDAK_BERLAKU',
    );
  });
});

describe('wrong codes', () => {
  it('end the challenge after five tries and count as failed logins', async () => {
    const c = await h.login(opsional.orangLain.nip);
    const { rahasia } = await daftar(c);
    maju(30);
    const tantangan = await tantanganOf(opsional.orangLain.nip);
    const benar = kodeDi(rahasia, h.clock.now());
    const salah = String((Number(benar) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      const res = await codeStep(tantangan, i === 4 ? 'ABCD-EFGH-JK23' : salah);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('KODE_MFA_SALAH');
    }
    // The right code no longer helps on this challenge…
    expect((await codeStep(tantangan, benar)).json().error.code).toBe('TANTANGAN_MFA_TIDAK_BERLAKU');
    // …and the five failures slow the NIP down like five wrong passwords.
    const lambat = await passwordStep(opsional.orangLain.nip);
    expect(lambat.statusCode).toBe(429);
    expect(lambat.json().error.code).toBe('LOGIN_THROTTLED');
  });
});

describe('active sessions', () => {
  it('lists the own sessions and ends any of them, audited', async () => {
    const nip = opsional.administrator.nip;
    const ponsel = h.clientOf(await passwordStep(nip, 'Ponsel Android'));
    const laptop = h.clientOf(await passwordStep(nip, 'Laptop Kantor'));
    const daftarSesi = await laptop.get('/api/auth/sesi');
    expect(daftarSesi.statusCode).toBe(200);
    const items = daftarSesi.json().items as { id: string; userAgent: string; isSesiIni: boolean }[];
    expect(items.map((s) => [s.userAgent, s.isSesiIni]).sort()).toEqual([
      ['Laptop Kantor', true],
      ['Ponsel Android', false],
    ]);
    const ponselId = items.find((s) => !s.isSesiIni)!.id;

    // Another employee cannot end it.
    const orangLain = await h.login(opsional.pelaksana.nip);
    expect((await orangLain.request('DELETE', `/api/auth/sesi/${ponselId}`)).statusCode).toBe(404);
    expect((await ponsel.get('/api/me')).statusCode).toBe(200);

    expect((await laptop.request('DELETE', `/api/auth/sesi/${ponselId}`)).statusCode).toBe(200);
    expect((await ponsel.get('/api/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/auth/sesi')).json().items).toHaveLength(1);
    expect((await laptop.request('DELETE', `/api/auth/sesi/${ponselId}`)).statusCode).toBe(404);
    expect((await laptop.request('DELETE', '/api/auth/sesi/bukan-id')).statusCode).toBe(400);
    expect(await auditOf(opsional.administrator.id, 'auth.akhiri_sesi')).toEqual([
      expect.objectContaining({
        actorId: opsional.administrator.id,
        before: expect.objectContaining({ userAgent: 'Ponsel Android' }),
      }),
    ]);

    // Ending this session logs out.
    const sendiri = (await laptop.get('/api/auth/sesi')).json().items[0].id;
    const keluar = await laptop.request('DELETE', `/api/auth/sesi/${sendiri}`);
    expect(keluar.statusCode).toBe(200);
    expect(keluar.cookies.find((c) => c.name === 'ekinerja_sesi')?.value).toBe('');
    expect((await laptop.get('/api/me')).statusCode).toBe(401);
  });
});

describe('reset of a lost device', () => {
  it('by an admin with a reason: secret, recovery codes and sessions go, audited', async () => {
    const c = await h.login(opsional.pelaksana.nip);
    await daftar(c);
    const admin = await h.login(opsional.adminOpd.nip);
    const url = `/api/pegawai/${opsional.pelaksana.id}/reset-mfa`;
    expect((await admin.post(url, {})).statusCode).toBe(400);
    expect(
      (await (await h.login(opsional.timPenilai.nip)).post(url, { alasan: 'Ponsel hilang' })).statusCode,
    ).toBe(403);
    // The OPD admin of Dinas Pendidikan has no say over Dinas Kesehatan.
    expect(
      (await admin.post(`/api/pegawai/${opsional.orangLain.id}/reset-mfa`, { alasan: 'Ponsel hilang' }))
        .statusCode,
    ).toBe(403);

    const reset = await admin.post(url, { alasan: 'Ponsel hilang dicuri' });
    expect(reset.statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    // Optional here: the password alone opens a session again; the old recovery codes are gone.
    const lagi = await h.login(opsional.pelaksana.nip);
    expect((await lagi.get('/api/me')).json().mfa).toMatchObject({ isEnrolled: false, kodePemulihanSisa: 0 });
    const [n] = await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM mfa_kode_pemulihan WHERE pegawai_id = ${opsional.pelaksana.id}`,
    );
    expect(n!.n).toBe(0);
    expect(await auditOf(opsional.pelaksana.id, 'auth.reset_mfa')).toEqual([
      expect.objectContaining({
        actorId: opsional.adminOpd.id,
        reason: 'Ponsel hilang dicuri',
        before: { terdaftar: true },
        after: { terdaftar: false },
      }),
    ]);
  });

  it('stays within the ceiling of admin powers, and a refused reset removes nothing', async () => {
    const kepala = opsional.kepala;
    const admin = await h.login(opsional.adminOpd.nip);
    // The head of his office (his own superior chain) and himself are out of an OPD admin's reach.
    const atasan = await admin.post(`/api/pegawai/${kepala.id}/reset-mfa`, { alasan: 'Ponsel hilang' });
    expect(atasan.statusCode).toBe(403);
    expect(atasan.json().error.details).toMatchObject({ kuasa: 'RESET_MFA', alasan: 'ATASAN_SENDIRI' });
    const sendiri = await admin.post(`/api/pegawai/${opsional.adminOpd.id}/reset-mfa`, {
      alasan: 'Ponsel hilang',
    });
    expect(sendiri.json().error.details).toMatchObject({ kuasa: 'RESET_MFA', alasan: 'DIRI_SENDIRI' });
    // The head enrolled earlier in this file: still enrolled, nothing audited.
    expect(Object.keys((await passwordStep(kepala.nip)).json())).toEqual(['mfa']);
    expect(await auditOf(kepala.id, 'auth.reset_mfa')).toEqual([]);
  });

  it('where codes are required, the next login must enrol again', async () => {
    // The pengawas enrolled in an earlier test; the BKD admin must enrol before he may act.
    const adminTerbatas = await h.login(wajib.adminBkd.nip);
    const { rahasia } = await daftar(adminTerbatas);
    const admin = await masukDenganKode(wajib.adminBkd.nip, rahasia);
    const reset = await admin.post(`/api/pegawai/${wajib.pengawas.id}/reset-mfa`, { alasan: 'Ganti ponsel' });
    expect(reset.statusCode).toBe(200);
    const res = await passwordStep(wajib.pengawas.nip);
    expect(res.json().user.mustEnrolMfa).toBe(true);
    expect((await h.clientOf(res).get('/api/pengaturan')).json().error.code).toBe('MFA_WAJIB_DAFTAR');
  });
});
