import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_AUDIT_KEY } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
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
