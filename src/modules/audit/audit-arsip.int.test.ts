/**
 * The audit log partitioned by year and its archive (ADR 0029), on both engines: the chaining update
 * and the archive read only the years they name (EXPLAIN), every partition is append-only, a place
 * given twice is reported, and archiving a year keeps the chain verifiable live and offline.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/db.js';
import { tabelDibaca, tangkap } from '../../../test/explain.js';
import { TEST_AUDIT_KEY } from '../../../test/harness.js';
import { basisDataSebelum } from '../../../test/migrasi-sebagian.js';
import { type Database, type Db, rows } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { fixedClock } from '../../platform/clock.js';
import { createPartisiService } from '../partisi/partisi.service.js';
import { insertCheckpoints, setChained } from './audit.queries.js';
import { createAuditService } from './audit.service.js';
import { verifyAuditChains } from './audit.verify.js';
import type { BerkasJangkar } from './audit-arsip.js';
import { segmentEnds } from './audit-arsip.queries.js';
import {
  ArsipDitolak,
  createAuditArsipService,
  lepasPartisiAudit,
  periksaArsip,
} from './audit-arsip.service.js';
import { chainHash, GENESIS_HASH, storedContent } from './audit-chain.js';
import { signCheckpoint } from './audit-checkpoint.js';
import { createAuditCheckpointService } from './audit-checkpoint.service.js';
import { rantaiAudit } from './audit-rantai.js';

/** The audit_log partitions the plan of `query` reads (pruned ones do not appear). */
const partisiDibaca = (db: Db, query: SQL | { getSQL(): SQL }) => tabelDibaca(db, query, /^audit_log_/);

const ada = async (db: Db, tabel: string) =>
  (await rows<{ t: string | null }>(db, sql`SELECT to_regclass(${tabel})::text AS t`))[0]!.t !== null;

describe('audit log partitioned by year, and archived by segment', () => {
  let database: Database;
  let db: Db;
  let folder: string;
  const clock = fixedClock('2024-03-01T03:00:00Z');
  let audit: ReturnType<typeof createAuditService>;
  let a: number;
  let b: number;
  /** An instansi of its own for the tests that break its chain. */
  const c = 990_001;

  /** Writes one entry of instansi `instansiId` at the clock's time. */
  const tulis = (instansiId: number, entityId: string) =>
    db.transaction((tx) =>
      audit.record(tx, {
        instansiId,
        actorId: null,
        action: 'pengaturan.ubah',
        entity: 'pengaturan',
        entityId,
      }),
    );
  /** The dump `nama` in the archive folder checks clean offline; `sebelumnya`: its previous anchor's check. */
  const utuh = async (nama: string, sebelumnyaSah: boolean | null) =>
    expect(await periksaArsip(TEST_AUDIT_KEY, path.join(folder, `${nama}.arsip.json`))).toEqual({
      arsipSah: true,
      sebelumnyaSah,
      urutanCocok: true,
      sha256Cocok: true,
      ujungCocok: true,
      walk: expect.objectContaining({ broken: null }),
    });
  const laporan = async (instansiId: number) =>
    (await verifyAuditChains(db, TEST_AUDIT_KEY, 2)).find((r) => r.instansiId === instansiId)!;

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    folder = await mkdtemp(path.join(os.tmpdir(), 'arsip-audit-'));
    audit = createAuditService({ db, clock, penaut: { bangunkan() {} } });
    await rows(db, sql`SELECT partisi_tahunan('audit_log', y) FROM generate_series(2023, 2025) y`);
    const dibuat = await rows<{ id: number }>(
      db,
      sql`INSERT INTO instansi (kode, nama, jenis) VALUES ('ARSIP-A', 'Arsip A', 'PEMDA'), ('ARSIP-B', 'Arsip B', 'PEMDA')
          RETURNING id`,
    );
    [a, b] = dibuat.map((r) => r.id) as [number, number];
  });
  afterAll(async () => {
    await database.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('the chaining update reads only the years of its rows; segment ends only the years archived', async () => {
    const [update] = await tangkap((d) =>
      setChained(d, [{ id: 1, tahun: 2024, urutan: 1, prevHash: 'p', hash: 'h' }]),
    );
    expect(await partisiDibaca(db, update!)).toEqual(['audit_log_2024']);
    const [dua] = await tangkap((d) =>
      setChained(d, [
        { id: 1, tahun: 2024, urutan: 1, prevHash: 'p', hash: 'h' },
        { id: 2, tahun: 2025, urutan: 2, prevHash: 'h', hash: 'i' },
      ]),
    );
    expect(await partisiDibaca(db, dua!)).toEqual(['audit_log_2024', 'audit_log_2025']);
    const [ujung] = await tangkap((d) => segmentEnds(d, 2024));
    expect(await partisiDibaca(db, ujung!)).toEqual(['audit_log_2023', 'audit_log_2024', 'audit_log_lain']);
  });

  it('every partition is append-only, one the job creates later and the DEFAULT one included', async () => {
    clock.set('2031-06-01T00:00:00Z');
    await tulis(c, 'lain');
    const tempat = () =>
      rows(db, sql`SELECT tableoid::regclass::text AS t FROM audit_log WHERE instansi_id = ${c} ORDER BY id`);
    expect(await tempat()).toEqual([{ t: 'audit_log_lain' }]);
    // The job moves the row out of DEFAULT into its year's new partition, unchanged.
    expect(await createPartisiService(db).siapkan()).toContain('audit_log_2031');
    expect(await tempat()).toEqual([{ t: 'audit_log_2031' }]);
    // A year without a partition waits in DEFAULT.
    clock.set('2040-06-01T00:00:00Z');
    await tulis(c, 'lain');
    expect(await tempat()).toEqual([{ t: 'audit_log_2031' }, { t: 'audit_log_lain' }]);
    // Drizzle wraps the database's error; the refusal is its cause.
    const ditolak = (q: SQL, t: string) =>
      expect(db.execute(q), t).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/append-only/) },
      });
    for (const t of ['audit_log_2031', 'audit_log_lain']) {
      await ditolak(sql`DELETE FROM ${sql.identifier(t)}`, t);
      await ditolak(sql`UPDATE ${sql.identifier(t)} SET reason = 'x'`, t);
    }
    for (const t of ['audit_log_2024', 'audit_log_2031', 'audit_log_lain'])
      await ditolak(sql`TRUNCATE ${sql.identifier(t)}`, t);
    await rantaiAudit(db);
    // Not even the chaining step's update may change a row's year.
    await ditolak(sql`UPDATE audit_log SET tahun = 2030 WHERE instansi_id = ${c}`, 'tahun');
    expect(await laporan(c)).toMatchObject({ broken: null, checked: 2 });
  });

  it('a place given twice (unique only within a year) is reported', async () => {
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.instansiId, c), eq(auditLog.urutan, 1)));
    // A copy of place 1 in another year whose links hold: only its place is wrong.
    await rows(db, sql`SELECT partisi_tahunan('audit_log', 2032)`);
    const { id: _i, ...copy } = {
      ...row!,
      tahun: 2032,
      prevHash: row!.hash,
      hash: chainHash(row!.hash!, storedContent(row!)),
    };
    await db.insert(auditLog).values(copy);
    expect((await laporan(c)).broken).toEqual({ id: expect.any(Number), reason: 'urutan' });
  });

  it('archives a year by place: dumps and signed anchors, the partitions dropped, the chain still verified', async () => {
    const pada = async (at: string, instansiId: number, n: number) => {
      clock.set(at);
      for (let i = 0; i < n; i++) await tulis(instansiId, `${at}#${i}`);
      await rantaiAudit(db);
    };
    const checkpoints = createAuditCheckpointService({
      db,
      clock,
      hmacKey: TEST_AUDIT_KEY,
      log: { info() {} },
    });
    await pada('2024-06-01T03:00:00Z', b, 2);
    await pada('2024-12-31T10:00:00Z', a, 3);
    await pada('2025-01-02T03:00:00Z', a, 2);
    await checkpoints.checkpoint();
    // 23:30 on New Year's Eve in Jakarta, committed after January's rows were chained: place 6.
    await pada('2024-12-31T16:30:00Z', a, 1);
    await pada('2025-01-03T03:00:00Z', a, 1);
    await checkpoints.checkpoint();

    const arsip = createAuditArsipService({ db, clock, hmacKey: TEST_AUDIT_KEY });
    const { segmen, dilepas } = await arsip.arsipkan(2024, folder);
    expect(segmen.map((s) => [s.instansiId, s.sampaiUrutan, s.jumlah])).toEqual([
      [a, 6, 6],
      [b, 2, 2],
    ]);
    expect(dilepas).toEqual(['audit_log_2023', 'audit_log_2024']);
    expect(await ada(db, 'audit_log_2024')).toBe(false);
    // January's rows placed before the late December one stay live, and are in the dump too.
    expect(
      await rows(db, sql`SELECT urutan::int AS u FROM audit_log WHERE instansi_id = ${a} ORDER BY urutan`),
    ).toEqual([{ u: 4 }, { u: 5 }, { u: 7 }]);
    expect(await laporan(a)).toMatchObject({
      arsip: 6,
      checked: 1,
      broken: null,
      anchor: null,
      arsipForged: [],
    });
    expect(await laporan(b)).toMatchObject({ arsip: 2, checked: 0, broken: null, anchor: null });
    const dump = await readFile(path.join(folder, `audit-${a}-1-6.jsonl`), 'utf8');
    expect(
      dump
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).urutan),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    for (const nama of [`audit-${a}-1-6`, `audit-${b}-1-2`]) await utuh(nama, null);

    // A chain whose every row was archived goes on from its anchor.
    await pada('2026-02-01T03:00:00Z', b, 1);
    expect(
      await rows(db, sql`SELECT urutan::int AS u, prev_hash AS p FROM audit_log WHERE instansi_id = ${b}`),
    ).toEqual([{ u: 3, p: segmen[1]!.hash }]);
    const { reports } = await checkpoints.verify();
    for (const r of reports.filter((r) => r.instansiId === a || r.instansiId === b))
      expect(r).toMatchObject({ broken: null, anchor: null, forged: [], arsipForged: [] });
  });

  it('a changed dump, a changed anchor file and a changed anchor row are reported', async () => {
    const lain = await mkdtemp(path.join(os.tmpdir(), 'arsip-ubah-'));
    try {
      const jangkar = JSON.parse(
        await readFile(path.join(folder, `audit-${a}-1-6.arsip.json`), 'utf8'),
      ) as BerkasJangkar;
      const baris = (await readFile(path.join(folder, jangkar.berkas), 'utf8')).split('\n');
      baris[2] = JSON.stringify({ ...JSON.parse(baris[2]!), reason: 'dipalsukan' });
      await writeFile(path.join(lain, jangkar.berkas), baris.join('\n'));
      await writeFile(path.join(lain, 'ubah.arsip.json'), JSON.stringify(jangkar));
      expect(await periksaArsip(TEST_AUDIT_KEY, path.join(lain, 'ubah.arsip.json'))).toMatchObject({
        arsipSah: true,
        sha256Cocok: false,
        walk: { broken: { reason: 'hash' } },
      });
      await writeFile(path.join(lain, jangkar.berkas), await readFile(path.join(folder, jangkar.berkas)));
      await writeFile(
        path.join(lain, 'ubah.arsip.json'),
        JSON.stringify({ ...jangkar, arsip: { ...jangkar.arsip, jumlah: 5 } }),
      );
      expect(await periksaArsip(TEST_AUDIT_KEY, path.join(lain, 'ubah.arsip.json'))).toMatchObject({
        arsipSah: false,
        sha256Cocok: true,
      });
    } finally {
      await rm(lain, { recursive: true, force: true });
    }

    const ubahJangkar = async (hash: string) => {
      await db.execute(sql`ALTER TABLE audit_arsip DISABLE TRIGGER audit_arsip_no_update`);
      await db.execute(sql`UPDATE audit_arsip SET hash = ${hash} WHERE instansi_id = ${a}`);
      await db.execute(sql`ALTER TABLE audit_arsip ENABLE TRIGGER audit_arsip_no_update`);
    };
    const [asli] = await rows<{ id: number; hash: string }>(
      db,
      sql`SELECT id::int AS id, hash FROM audit_arsip WHERE instansi_id = ${a}`,
    );
    await ubahJangkar('0'.repeat(64));
    // Not trusted: the check starts from the first entry, whose rows left with their year.
    expect(await laporan(a)).toMatchObject({
      arsip: 0,
      arsipForged: [asli!.id],
      broken: { reason: 'prev_hash' },
    });
    await ubahJangkar(asli!.hash);
    expect(await laporan(a)).toMatchObject({ arsip: 6, arsipForged: [], broken: null });
  });

  it('refuses a segment its signed heads disagree with, and to drop a year while a partition holds a row outside the segments', async () => {
    const arsip = createAuditArsipService({ db, clock, hmacKey: TEST_AUDIT_KEY });
    clock.set('2025-06-01T03:00:00Z');
    await tulis(a, 'juni');
    // A signed head inside the segment that the chain does not match (rewritten since): refused.
    const [tujuh] = await rows<{ id: number }>(
      db,
      sql`SELECT id::int AS id FROM audit_log WHERE instansi_id = ${a} AND urutan = 7`,
    );
    const palsu = { instansiId: a, lastId: tujuh!.id, lastHash: 'f'.repeat(64), entryCount: 7 };
    const pada = '2025-06-02T00:00:00.000Z';
    const [cp] = await insertCheckpoints(db, [
      { ...palsu, at: new Date(pada), signature: signCheckpoint(TEST_AUDIT_KEY, palsu, pada) },
    ]);
    await expect(arsip.simpanSegmen(2025, folder)).rejects.toThrow(
      `tidak cocok dengan titik periksa #${cp!.id}`,
    );
    await db.execute(sql`ALTER TABLE audit_checkpoint DISABLE TRIGGER audit_checkpoint_no_update`);
    await db.execute(sql`DELETE FROM audit_checkpoint WHERE id = ${cp!.id}`);
    await db.execute(sql`ALTER TABLE audit_checkpoint ENABLE TRIGGER audit_checkpoint_no_update`);
    expect(
      (await arsip.simpanSegmen(2025, folder)).map((s) => [s.instansiId, s.sampaiUrutan, s.jumlah]),
    ).toEqual([[a, 8, 2]]);
    // A transaction of December that commits after the segment was cut.
    clock.set('2025-12-31T03:00:00Z');
    await tulis(a, 'telat');
    await expect(lepasPartisiAudit(db, 2025)).rejects.toThrow(ArsipDitolak);
    await expect(lepasPartisiAudit(db, 2025)).rejects.toThrow(/audit_log_2025 memuat 1 entri di luar segmen/);
    expect(
      await rows(db, sql`SELECT count(*)::int AS n FROM audit_log WHERE instansi_id = ${a} AND tahun = 2025`),
    ).toEqual([{ n: 5 }]);

    const { segmen, dilepas } = await arsip.arsipkan(2025, folder);
    expect(segmen.map((s) => [s.instansiId, s.sampaiUrutan, s.jumlah])).toEqual([[a, 9, 1]]);
    expect(dilepas).toEqual(['audit_log_2025']);
    expect(await laporan(a)).toMatchObject({ arsip: 9, checked: 0, broken: null });
    for (const nama of [`audit-${a}-7-8`, `audit-${a}-9-9`]) await utuh(nama, true);
  });
});

// Migrates a fresh database in two steps: over a minute on PGlite on a loaded machine.
describe('the migration partitioning the audit log', { timeout: 240_000 }, () => {
  it('moves rows of two years into their partitions, ids, places and hashes kept', async () => {
    const m = await basisDataSebelum('0042_audit_partisi');
    try {
      const isi = {
        instansiId: 7,
        opdId: null,
        actorId: null,
        action: 'pengaturan.ubah',
        entity: 'pengaturan',
        before: null,
        after: { a: 1 },
        reason: null,
        requestId: null,
      };
      // A row chained before, and one written just after midnight of New Year in Jakarta, not yet chained.
      const pertama = { ...isi, at: '2023-07-01T01:00:00.000Z', entityId: '1' };
      const hash = chainHash(GENESIS_HASH, pertama);
      await rows(
        m.db,
        sql`INSERT INTO audit_log (instansi_id, at, action, entity, entity_id, after, urutan, prev_hash, hash)
            VALUES (7, ${pertama.at}, 'pengaturan.ubah', 'pengaturan', '1', '{"a": 1}', 1, ${GENESIS_HASH}, ${hash}),
                   (7, '2024-12-31T17:30:00Z', 'pengaturan.ubah', 'pengaturan', '2', '{"a": 1}', NULL, NULL, NULL)`,
      );
      await m.lanjut();
      expect(
        await rows(
          m.db,
          sql`SELECT tableoid::regclass::text AS t, id::int AS id, tahun, urutan::int AS urutan FROM audit_log ORDER BY id`,
        ),
      ).toEqual([
        { t: 'audit_log_2023', id: 1, tahun: 2023, urutan: 1 },
        { t: 'audit_log_2025', id: 2, tahun: 2025, urutan: null },
      ]);
      await rantaiAudit(m.db);
      const [r] = await verifyAuditChains(m.db, TEST_AUDIT_KEY);
      expect(r).toMatchObject({ instansiId: 7, checked: 2, broken: null });
      const audit = createAuditService({
        db: m.db,
        clock: fixedClock('2024-05-01T00:00:00Z'),
        penaut: { bangunkan() {} },
      });
      await m.db.transaction((tx) =>
        audit.record(tx, {
          instansiId: 7,
          actorId: null,
          action: 'pengaturan.ubah',
          entity: 'x',
          entityId: 3,
        }),
      );
      expect(
        await rows(
          m.db,
          sql`SELECT tableoid::regclass::text AS t, id::int AS id FROM audit_log WHERE entity = 'x'`,
        ),
      ).toEqual([{ t: 'audit_log_2024', id: 3 }]);
      await expect(m.db.execute(sql`TRUNCATE audit_log_2023`)).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/append-only/) },
      });
    } finally {
      await m.tutup();
    }
  });
});
