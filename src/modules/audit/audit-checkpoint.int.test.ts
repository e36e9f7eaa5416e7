import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ubahAtasan } from '../../../test/audit.js';
import { createHarness, type Harness, TEST_AUDIT_KEY } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';
import { chainHash } from './audit-chain.js';
import { createAuditCheckpointService } from './audit-checkpoint.service.js';

let h: Harness;
let org: Org;
const logged: object[] = [];
let service: ReturnType<typeof createAuditCheckpointService>;

/** The report of the test org's instansi. */
async function laporan() {
  const { reports } = await service.verify();
  return reports.find((r) => r.instansiId === org.instansiId)!;
}

/** Runs SQL the audit triggers refuse, as someone with direct access to the database would. */
async function diBelakangTrigger(query: ReturnType<typeof sql>) {
  await h.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
  await h.db.execute(query);
  await h.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
}

const kepala = () =>
  rows<{ id: number; hash: string; n: number }>(
    h.db,
    sql`SELECT max(id)::int AS id, (array_agg(hash ORDER BY id DESC))[1] AS hash, count(*)::int AS n
          FROM audit_log WHERE instansi_id = ${org.instansiId}`,
  ).then((r) => r[0]!);

beforeAll(async () => {
  h = await createHarness();
  org = await buildOrg(h.db);
  service = createAuditCheckpointService({
    db: h.db,
    clock: h.clock,
    hmacKey: TEST_AUDIT_KEY,
    log: { info: (obj) => logged.push(obj) },
  });
  for (const p of [org.pelaksana, org.orangLain, org.pelaksana2]) await ubahAtasan(h, org, p);
});
afterAll(() => h.close());

describe('audit checkpoints', () => {
  it('an intact chain verifies clean against its checkpoints, also with rows written after them', async () => {
    expect(await laporan()).toMatchObject({ broken: null, forged: [], anchor: null, checkpoints: 0 });
    // Verifying checkpointed the head, signed, stored and logged.
    const head = await kepala();
    const cp = { instansiId: org.instansiId, lastId: head.id, lastHash: head.hash, entryCount: head.n };
    expect(logged).toContainEqual({ auditCheckpoint: expect.objectContaining(cp) });
    await ubahAtasan(h, org, org.kepala2);
    expect(await laporan()).toMatchObject({ broken: null, forged: [], anchor: null, checkpoints: 1 });
  });

  it('the hourly job writes a signed checkpoint of the head', async () => {
    const head = await kepala();
    const before = await rows<{ n: number }>(h.db, sql`SELECT count(*)::int AS n FROM audit_checkpoint`);
    expect(await h.app.pengingat.jalankan()).toMatchObject({ dijalankan: true });
    const [latest] = await rows<{ lastId: number; lastHash: string; entryCount: number; n: number }>(
      h.db,
      sql`SELECT last_id::int AS "lastId", last_hash AS "lastHash", entry_count::int AS "entryCount",
                 (SELECT count(*)::int FROM audit_checkpoint) AS n
            FROM audit_checkpoint WHERE instansi_id = ${org.instansiId} ORDER BY id DESC LIMIT 1`,
    );
    expect(latest).toEqual({ lastId: head.id, lastHash: head.hash, entryCount: head.n, n: before[0]!.n + 1 });
    expect(await laporan()).toMatchObject({ broken: null, forged: [], anchor: null });
  });

  it('a checkpoint with a wrong signature is reported and not trusted', async () => {
    const head = await kepala();
    const [forged] = await rows<{ id: number }>(
      h.db,
      sql`INSERT INTO audit_checkpoint (instansi_id, at, last_id, last_hash, entry_count, signature)
          VALUES (${org.instansiId}, now(), ${head.id + 50}, 'palsu', ${head.n + 50}, ${'0'.repeat(64)})
          RETURNING id::int AS id`,
    );
    expect(await laporan()).toMatchObject({ broken: null, forged: [forged!.id], anchor: null });
  });

  it('removing the last rows after a checkpoint is reported, also once new rows follow', async () => {
    await service.checkpoint();
    const head = await kepala();
    await diBelakangTrigger(
      sql`DELETE FROM audit_log WHERE id IN
            (SELECT id FROM audit_log WHERE instansi_id = ${org.instansiId} ORDER BY id DESC LIMIT 2)`,
    );
    const removed = { lastId: head.id, entryCount: head.n, found: head.n - 2, reason: 'removed' };
    expect(await laporan()).toMatchObject({ broken: null, anchor: removed });
    // Later writes chain on from the shortened tail: the chain is intact, the head is still missing
    // (the chain now holds one entry more before the head's place).
    await ubahAtasan(h, org, org.pelaksana);
    expect(await laporan()).toMatchObject({ broken: null, anchor: { ...removed, found: head.n - 1 } });
  });

  it('a newest row rewritten with its hash recomputed is reported', async () => {
    await service.checkpoint();
    const [last] = await rows<Record<string, unknown> & { id: number; prevHash: string }>(
      h.db,
      sql`SELECT id::int AS id, instansi_id AS "instansiId", opd_id AS "opdId", at, actor_id AS "actorId",
                 action, entity, entity_id AS "entityId", before, after, reason, request_id AS "requestId",
                 prev_hash AS "prevHash"
            FROM audit_log WHERE instansi_id = ${org.instansiId} ORDER BY id DESC LIMIT 1`,
    );
    const { id, prevHash, ...content } = last!;
    const forgedContent = { ...content, at: new Date(content.at as string).toISOString(), reason: 'diubah' };
    const hash = chainHash(prevHash, forgedContent as never);
    await diBelakangTrigger(sql`UPDATE audit_log SET reason = 'diubah', hash = ${hash} WHERE id = ${id}`);
    expect(await laporan()).toMatchObject({ broken: null, anchor: { lastId: id, reason: 'hash' } });
  });
});
