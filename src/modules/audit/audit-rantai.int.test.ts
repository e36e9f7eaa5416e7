import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ubahAtasan } from '../../../test/audit.js';
import { createHarness, type Harness, TEST_AUDIT_KEY } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';
import { verifyAuditChains } from './audit.verify.js';
import { createAuditCheckpointService } from './audit-checkpoint.service.js';

// Audit without a global lock (ADR 0019): writers append unchained rows; the chaining step links them.
let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await buildOrg(h.db);
  await h.app.penautAudit.rantai();
});
afterAll(() => h.close());

const belumDirantai = async () =>
  (
    await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE instansi_id = ${org.instansiId} AND urutan IS NULL`,
    )
  )[0]!.n;

const laporan = async () =>
  (await verifyAuditChains(h.db, TEST_AUDIT_KEY)).find((r) => r.instansiId === org.instansiId)!;

describe('audit chaining step', () => {
  it('a write leaves its row unhashed; the chaining step, woken by the write, links it', async () => {
    await ubahAtasan(h, org, org.pelaksana);
    const [row] = await rows<{ hash: string | null }>(
      h.db,
      sql`SELECT hash FROM audit_log WHERE instansi_id = ${org.instansiId} ORDER BY id DESC LIMIT 1`,
    );
    // Either still waiting (no hash yet) or already linked by the wake-up: never half done.
    expect(row!.hash === null || /^[0-9a-f]{64}$/.test(row!.hash)).toBe(true);
    await expect.poll(belumDirantai, { timeout: 10_000 }).toBe(0);
    expect(await laporan()).toMatchObject({ broken: null, unchained: 0 });
  });

  it('places rows in the order they became visible: a transaction that committed late is chained after', async () => {
    const [awal] = await rows<{ id: number; urutan: number }>(
      h.db,
      sql`SELECT max(id)::int AS id, max(urutan)::int AS urutan FROM audit_log WHERE instansi_id = ${org.instansiId}`,
    );
    const masuk = (id: number) =>
      h.db.execute(
        sql`INSERT INTO audit_log (id, tahun, instansi_id, at, action, entity, entity_id) OVERRIDING SYSTEM VALUE
            VALUES (${id}, extract(year FROM now() AT TIME ZONE 'Asia/Jakarta')::int, ${org.instansiId}, now(),
                    'pengaturan.ubah', 'pengaturan', ${String(id)})`,
      );
    // X committed and was chained; Y had taken a lower id but committed after that.
    const [x, y] = [awal!.id + 1000, awal!.id + 500];
    await masuk(x);
    await h.app.penautAudit.rantai();
    await masuk(y);
    await h.app.penautAudit.rantai();
    const urutan = await rows<{ id: number; urutan: number }>(
      h.db,
      sql`SELECT id::int AS id, urutan::int AS urutan FROM audit_log
           WHERE instansi_id = ${org.instansiId} AND urutan > ${awal!.urutan} ORDER BY urutan`,
    );
    expect(urutan).toEqual([
      { id: x, urutan: awal!.urutan + 1 },
      { id: y, urutan: awal!.urutan + 2 },
    ]);
    expect(await laporan()).toMatchObject({ broken: null, checked: awal!.urutan + 2 });
  });

  it('the checkpoint names the last placed row, and removing it is reported', async () => {
    const service = createAuditCheckpointService({
      db: h.db,
      clock: h.clock,
      hmacKey: TEST_AUDIT_KEY,
      log: { info: () => {} },
    });
    const [cp] = (await service.checkpoint()).filter((c) => c.instansiId === org.instansiId);
    const [kepala] = await rows<{ id: number; urutan: number }>(
      h.db,
      sql`SELECT id::int AS id, urutan::int AS urutan FROM audit_log
           WHERE instansi_id = ${org.instansiId} ORDER BY urutan DESC LIMIT 1`,
    );
    expect(cp).toMatchObject({ lastId: kepala!.id, entryCount: kepala!.urutan });
    await h.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await h.db.execute(sql`DELETE FROM audit_log WHERE id = ${kepala!.id}`);
    await h.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    expect((await laporan()).anchor).toMatchObject({ lastId: kepala!.id, reason: 'removed' });
  });

  it("the table still refuses every change but the chaining step's own", async () => {
    const [chained] = await rows<{ id: number }>(
      h.db,
      sql`SELECT id::int AS id FROM audit_log WHERE urutan IS NOT NULL LIMIT 1`,
    );
    await h.app.penautAudit.hentikan();
    await ubahAtasan(h, org, org.orangLain);
    const [waiting] = await rows<{ id: number }>(
      h.db,
      sql`SELECT id::int AS id FROM audit_log WHERE urutan IS NULL LIMIT 1`,
    );
    for (const q of [
      sql`UPDATE audit_log SET reason = 'diubah' WHERE id = ${waiting!.id}`,
      sql`UPDATE audit_log SET reason = 'diubah', urutan = 999999, prev_hash = 'x', hash = 'y' WHERE id = ${waiting!.id}`,
      sql`UPDATE audit_log SET hash = 'lain' WHERE id = ${chained!.id}`,
      sql`UPDATE audit_log SET urutan = NULL, prev_hash = NULL, hash = NULL WHERE id = ${chained!.id}`,
      sql`DELETE FROM audit_log WHERE id = ${waiting!.id}`,
    ])
      await expect(h.db.execute(q)).rejects.toThrow();
    // The login and the change, both refused any other change, are chained as they were written.
    expect(await h.app.penautAudit.rantai()).toBe(2);
    expect(await laporan()).toMatchObject({ broken: null, unchained: 0 });
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'a write does not wait for the chain: it commits while another session holds the chain lock',
    async () => {
      const hasil = await h.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(727001, ${org.instansiId})`);
        // Before ADR 0019 the write below waited for this lock, held until this transaction ends.
        const tulis = ubahAtasan(h, org, org.pelaksana2).then(() => 'tertulis');
        const terkunci = new Promise((resolve) => setTimeout(resolve, 5000, 'terkunci'));
        return Promise.race([tulis, terkunci]);
      });
      expect(hasil).toBe('tertulis');
    },
  );
});
