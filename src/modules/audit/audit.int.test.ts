import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_AUDIT_KEY } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { formatNip } from '../../domain/nip.js';
import { verifyAuditChains } from './audit.verify.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await buildOrg(h.db);
  // Changes in two OPDs, so the OPD-scoped listing has something to leave out.
  const bkd = await h.login(org.adminBkd.nip);
  for (const p of [org.pelaksana, org.orangLain]) {
    const { version } = (await bkd.get(`/api/pegawai/${p.id}`)).json();
    const res = await bkd.put(`/api/pegawai/${p.id}/atasan`, {
      atasanId: org.kepala.id,
      alasan: 'Uji audit',
      version,
    });
    expect(res.statusCode).toBe(200);
  }
  const staf = await h.login(org.pelaksana.nip);
  expect((await staf.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' })).statusCode).toBe(200);
});
afterAll(() => h.close());

describe('audit log', () => {
  it('records who, what, before/after and why', async () => {
    const c = await h.login(org.adminBkd.nip);
    const page = (
      await c.get(`/api/audit?entity=pegawai&entityId=${org.pelaksana.id}&action=pegawai.atasan.override`)
    ).json();
    expect(page.items).toEqual([
      expect.objectContaining({
        actorId: org.adminBkd.id,
        actorNama: 'Admin BKD',
        before: { atasanOverrideId: null, atasanOverrideJenis: null },
        after: { atasanOverrideId: org.kepala.id, atasanOverrideJenis: 'KOREKSI' },
        reason: 'Uji audit',
      }),
    ]);
  });

  it('names the data of each entry: the employee with the NIP, an SKP with its year and owner', async () => {
    const c = await h.login(org.adminBkd.nip);
    const orang = `Pelaksana Satu (NIP ${formatNip(org.pelaksana.nip)})`;
    const tentang = (await c.get(`/api/audit?entity=pegawai&entityId=${org.pelaksana.id}`)).json();
    expect(tentang.items.map((e: { action: string; sasaran: string }) => [e.action, e.sasaran])).toEqual([
      ['auth.login', orang],
      ['pegawai.atasan.override', orang],
    ]);
    const rencana = (await c.get('/api/audit?action=skp.buat')).json();
    expect(rencana.items[0]).toMatchObject({ entity: 'skp', sasaran: `SKP 2026 · ${orang}` });
    // Data the log does not name by itself keeps its kind and number.
    const masuk = (await c.get('/api/audit?limit=100')).json();
    for (const e of masuk.items) expect(e.sasaran).not.toMatch(/^(pegawai|skp) #/);
  });

  it('an OPD admin reads only the entries of their OPD; a pelaksana reads none', async () => {
    const c = await h.login(org.adminOpd.nip);
    const ids = (await c.get('/api/audit?action=pegawai.atasan.override'))
      .json()
      .items.map((e: { entityId: string }) => e.entityId);
    expect(ids).toEqual([String(org.pelaksana.id)]);
    expect((await (await h.login(org.pelaksana.nip)).get('/api/audit')).statusCode).toBe(403);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(h.db.execute(sql`UPDATE audit_log SET reason = 'diubah'`)).rejects.toThrow();
    await expect(h.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  });

  it('the hash chain verifies, and a change made behind the trigger is detected', async () => {
    await h.app.penautAudit.rantai();
    const intact = await verifyAuditChains(h.db, TEST_AUDIT_KEY, 2);
    const mine = intact.find((r) => r.instansiId === org.instansiId)!;
    expect(mine.broken).toBeNull();
    expect(mine.checked).toBeGreaterThanOrEqual(4);

    await h.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await h.db.execute(
      sql`UPDATE audit_log SET reason = 'dipalsukan' WHERE id = (SELECT max(id) FROM audit_log WHERE action = 'pegawai.atasan.override' AND instansi_id = ${org.instansiId})`,
    );
    await h.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const tampered = (await verifyAuditChains(h.db, TEST_AUDIT_KEY)).find(
      (r) => r.instansiId === org.instansiId,
    )!;
    expect(tampered.broken?.reason).toBe('hash');
  });
});
