import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_PASSWORD } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';

// Sliding sessions (ADR 0018): here a session ends after 2 hours unused, and 24 hours after login.
let h: Harness;
let org: Org;
const T0 = Date.parse('2026-08-03T00:00:00Z');
const pada = (menit: number) => h.clock.set(new Date(T0 + menit * 60_000).toISOString());

beforeAll(async () => {
  h = await createHarness({
    now: new Date(T0).toISOString(),
    env: { SESSION_TTL_HOURS: '2', SESSION_MAX_HOURS: '24' },
  });
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

const berakhir = async () =>
  (
    await rows<{ idle: string; mutlak: string }>(
      h.db,
      sql`SELECT expires_at AS idle, berakhir_mutlak_at AS mutlak FROM sesi WHERE pegawai_id = ${org.pelaksana.id}`,
    )
  ).map((r) => ({ idle: new Date(r.idle).toISOString(), mutlak: new Date(r.mutlak).toISOString() }));

describe('sliding sessions', () => {
  it('use moves the idle end forward, at most one write per five minutes; unused for 2 hours, it ends', async () => {
    pada(0);
    const c = await h.login(org.pelaksana.nip);
    expect(await berakhir()).toEqual([
      { idle: '2026-08-03T02:00:00.000Z', mutlak: '2026-08-04T00:00:00.000Z' },
    ]);

    pada(110);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await berakhir())[0]!.idle).toBe('2026-08-03T03:50:00.000Z');
    // Within the step: no write.
    pada(113);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await berakhir())[0]!.idle).toBe('2026-08-03T03:50:00.000Z');
    // Past the login's first end, still in.
    pada(220);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await berakhir())[0]!.idle).toBe('2026-08-03T05:40:00.000Z');
    // Two hours and a minute unused: out.
    pada(341);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('however much it is used, a session ends 24 hours after login', async () => {
    pada(24 * 60);
    const c = await h.login(org.pelaksana2.nip);
    for (let menit = 24 * 60 + 90; menit < 48 * 60; menit += 90) {
      pada(menit);
      expect((await c.get('/api/me')).statusCode, `at minute ${menit}`).toBe(200);
    }
    pada(48 * 60 + 1);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('in its last idle span it is moved to the absolute end once, then used without writes', async () => {
    const mulai = 4 * 24 * 60;
    pada(mulai);
    const c = await h.login(org.fungsional.nip);
    // A row version per write: an update that changes no value still shows.
    const versi = async () =>
      (
        await rows<{ v: string; idle: string }>(
          h.db,
          sql`SELECT xmin::text AS v, expires_at AS idle FROM sesi WHERE pegawai_id = ${org.fungsional.id}`,
        )
      )[0]!;
    // Used every 90 minutes, so its idle end keeps moving, up to its last idle span.
    for (let menit = 90; menit <= 22 * 60 + 30; menit += 90) {
      pada(mulai + menit);
      expect((await c.get('/api/me')).statusCode).toBe(200);
    }
    const sekali = await versi();
    expect(new Date(sekali.idle).toISOString()).toBe(new Date(T0 + (mulai + 24 * 60) * 60_000).toISOString());
    for (const menit of [40, 55, 70, 85]) {
      pada(mulai + 22 * 60 + menit);
      expect((await c.get('/api/me')).statusCode).toBe(200);
      expect((await c.post('/api/notifikasi/baca', {})).statusCode).toBe(200);
    }
    expect((await versi()).v).toBe(sekali.v);
    pada(mulai + 24 * 60 + 1);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('the cookie lives to the absolute end', async () => {
    pada(3 * 24 * 60);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { nip: org.pengawas.nip, password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.cookies.find((k) => k.name === 'ekinerja_sesi')).toMatchObject({ maxAge: 24 * 3600 });
  });
});
