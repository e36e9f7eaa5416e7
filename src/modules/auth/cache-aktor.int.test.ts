import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { laluBatalkan } from '../../../test/db.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, cabutPeranAdminOpd, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';

// ADR 0032: a read takes the session's actor from its node's cache, a write from the database, and
// every node forgets what the database reports changed. Two nodes (apps) on one database.
let a: Harness;
let b: Harness;
let org: Org;

beforeAll(async () => {
  a = await createHarness();
  b = await createHarness({ database: a.database });
  org = await buildOrg(a.db);
  await vi.waitFor(() => expect(a.app.cacheAktor.mendengar && b.app.cacheAktor.mendengar).toBe(true));
});
afterAll(async () => {
  await b.close();
  await a.close();
});

/** The same session's requests through node b. */
function diB(cookie: string, csrfToken: string) {
  const kirim = (method: 'GET' | 'POST', url: string, payload?: object) =>
    b.app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': csrfToken },
      ...(payload ? { payload } : {}),
    });
  return {
    get: (url: string) => kirim('GET', url),
    post: (url: string, payload?: object) => kirim('POST', url, payload),
  };
}

/** Until node h has applied a notification after the `sebelum`-th. */
async function diberitahu(h: Harness, sebelum: number) {
  await vi.waitFor(() => expect(h.app.cacheAktor.diberitahu).toBeGreaterThan(sebelum));
}

/** A change nobody is told of: triggers off for one transaction (superuser, both engines). */
async function diamDiam(perintah: ReturnType<typeof sql>) {
  await a.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(perintah);
  });
}

describe('actor cache across nodes', () => {
  it('a read is answered from the cache; a write asks the database', async () => {
    const c = await a.login(org.pelaksana.nip);
    const di = diB(c.cookie, c.csrfToken);
    expect((await di.get('/api/notifikasi')).statusCode).toBe(200);

    await diamDiam(sql`UPDATE pegawai SET must_change_password = true WHERE id = ${org.pelaksana.id}`);
    // b still holds the actor without the duty: proof the read did not ask the database.
    expect((await di.get('/api/notifikasi')).statusCode).toBe(200);
    const tulis = await di.post('/api/notifikasi/baca', {});
    expect(tulis.statusCode).toBe(403);
    expect(tulis.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const n = b.app.cacheAktor.diberitahu;
    await a.db.execute(sql`UPDATE pegawai SET must_change_password = false WHERE id = ${org.pelaksana.id}`);
    await diberitahu(b, n);
    expect((await di.post('/api/notifikasi/baca', {})).statusCode).toBe(200);
  });

  it('a logout through one node: the other refuses the session, writes at once, reads once told', async () => {
    const c = await a.login(org.pelaksana2.nip);
    const di = diB(c.cookie, c.csrfToken);
    expect((await di.get('/api/me')).statusCode).toBe(200);
    const n = b.app.cacheAktor.diberitahu;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await di.post('/api/notifikasi/baca', {})).statusCode).toBe(401);
    await diberitahu(b, n);
    expect((await di.get('/api/me')).statusCode).toBe(401);
    // The node that logged out forgot at once, without waiting for the report.
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('a role removed through one node is gone on the other once told', async () => {
    const adminOpd = await a.login(org.adminOpd.nip);
    const di = diB(adminOpd.cookie, adminOpd.csrfToken);
    expect((await di.get('/api/pegawai?q=Pelaksana')).statusCode).toBe(200);
    const admin = await a.login(org.adminBkd.nip);
    const n = b.app.cacheAktor.diberitahu;
    expect((await cabutPeranAdminOpd(admin, org)).statusCode).toBe(200);
    // Node a, where it was made, refuses on the very next request.
    expect((await adminOpd.get('/api/pegawai?q=Pelaksana')).statusCode).toBe(403);
    await diberitahu(b, n);
    expect((await di.get('/api/pegawai?q=Pelaksana')).statusCode).toBe(403);
    expect((await di.get('/api/me')).json().roles).toEqual([]);
  });

  it('an account deactivated in the database is refused on every node once told', async () => {
    const c = await a.login(org.fungsional.nip);
    const di = diB(c.cookie, c.csrfToken);
    expect((await di.get('/api/me')).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    const [na, nb] = [a.app.cacheAktor.diberitahu, b.app.cacheAktor.diberitahu];
    await a.db.execute(sql`UPDATE pegawai SET is_active = false WHERE id = ${org.fungsional.id}`);
    await diberitahu(a, na);
    await diberitahu(b, nb);
    expect((await di.get('/api/me')).statusCode).toBe(401);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    await a.db.execute(sql`UPDATE pegawai SET is_active = true WHERE id = ${org.fungsional.id}`);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'a node that loses its channel reads every actor from the database until it hears again',
    async () => {
      const c = await a.login(org.pengawas.nip);
      const di = diB(c.cookie, c.csrfToken);
      expect((await di.get('/api/notifikasi')).statusCode).toBe(200);
      await a.db.execute(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = 'dengar:aktor_berubah'`,
      );
      await vi.waitFor(() => expect(b.app.cacheAktor.mendengar).toBe(false));
      await diamDiam(sql`UPDATE pegawai SET must_change_password = true WHERE id = ${org.pengawas.id}`);
      // Not hearing: the read asks the database, so the silent change shows at once.
      expect((await di.get('/api/notifikasi')).statusCode).toBe(403);
      await vi.waitFor(() => expect(b.app.cacheAktor.mendengar && a.app.cacheAktor.mendengar).toBe(true), {
        timeout: 5000,
      });
      await diamDiam(sql`UPDATE pegawai SET must_change_password = false WHERE id = ${org.pengawas.id}`);
      expect((await di.get('/api/notifikasi')).statusCode).toBe(200);
      // Heard again, it caches again: a silent change is not seen by the next read.
      await diamDiam(sql`UPDATE pegawai SET must_change_password = true WHERE id = ${org.pengawas.id}`);
      expect((await di.get('/api/notifikasi')).statusCode).toBe(200);
      await a.db.execute(sql`UPDATE pegawai SET must_change_password = false WHERE id = ${org.pengawas.id}`);
    },
  );

  it('the triggers name the employees whose actor changed, once per statement, and nobody for a renewal', async () => {
    const pesan = await laluBatalkan(a.db, async (tx) => {
      await tx.execute(sql`CREATE TEMP TABLE pesan_aktor (isi text) ON COMMIT DROP`);
      // pg_notify is only delivered at commit: record what the triggers send instead.
      await tx.execute(sql`CREATE OR REPLACE FUNCTION pg_temp.catat(isi text) RETURNS void LANGUAGE sql AS
                             $$ INSERT INTO pesan_aktor VALUES (isi) $$`);
      await tx.execute(sql`CREATE OR REPLACE FUNCTION beri_tahu_aktor(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
              PERFORM pg_temp.catat(array_to_string(ARRAY(SELECT unnest(ids) ORDER BY 1), ',')); END $$`);
      const ids = [org.pelaksana.id, org.pelaksana2.id].sort((x, y) => x - y);
      await tx.execute(sql`UPDATE pegawai SET nama = nama || '.' WHERE id IN (${ids[0]}, ${ids[1]})`);
      await tx.execute(sql`UPDATE pegawai SET version = version + 1 WHERE id = ${ids[0]}`);
      await tx.execute(sql`UPDATE sesi SET expires_at = expires_at + interval '1 minute'`);
      await tx.execute(sql`DELETE FROM peran_pegawai WHERE pegawai_id = ${org.adminBkd.id}`);
      const r = await rows<{ isi: string }>(tx, sql`SELECT isi FROM pesan_aktor`);
      return { isi: r.map((x) => x.isi), ids };
    });
    expect(pesan.isi).toEqual([pesan.ids.join(','), String(org.adminBkd.id)]);
  });
});
