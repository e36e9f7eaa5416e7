/**
 * Partitioned history (ADR 0025, 0028): attendance and progres harian are partitioned by year of
 * their date, realisasi and its assessment thread by the year of the period. The queries the modules run
 * read only the years they ask for (EXPLAIN of their own SQL), the migration moves existing rows
 * into their years, and rows of a year without a partition wait in the DEFAULT one until the job
 * gives that year its own.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, type DbOrTx, openDatabase, rows } from '../src/db/client.js';
import { periodeOf } from '../src/domain/jadwal.js';
import { kehadiranRentang, upsertKehadiran } from '../src/modules/kehadiran/kehadiran.queries.js';
import { faktaPegawai } from '../src/modules/kepatuhan-harian/kepatuhan-harian.queries.js';
import { perbaruiRekap } from '../src/modules/monitoring/monitoring.queries.js';
import { siapkanPartisi } from '../src/modules/partisi/partisi.queries.js';
import { insertLog } from '../src/modules/realisasi/log-harian.queries.js';
import { entriPegawai, waktuEntri } from '../src/modules/realisasi/progres-harian.queries.js';
import {
  bawahanRealisasi,
  bulanSkp,
  insertBerkas,
  insertRealisasi,
  insertRiwayat,
  insertUmpanBalik,
  replaceTautan,
  riwayatOf,
} from '../src/modules/realisasi/realisasi.queries.js';
import { jumlahTim, realisasiTahun } from '../src/modules/riwayat/riwayat.queries.js';
import { openTestDatabase } from './db.js';
import { buildOrg } from './org.js';
import { adminUrl, withAdmin } from './pg-admin.js';

/** The statements a raw-SQL query function sends, caught instead of run. */
async function tangkap(fn: (db: DbOrTx) => Promise<unknown>): Promise<SQL[]> {
  const caught: SQL[] = [];
  const penangkap = {
    execute: async (q: SQL) => {
      caught.push(q);
      return { rows: [] };
    },
  };
  // A function that reads its own answer (a count) fails on the empty one; its statement is caught.
  await fn(penangkap as unknown as DbOrTx).catch((e) => {
    if (!caught.length) throw e;
  });
  return caught;
}

/**
 * Every partitioned history table the plan of `query` reads (partitions pruned away do not appear).
 * `pola` narrows the tables looked at: a join on a realisasi's whole key (id, tahun) from its
 * entries prunes per row while running, so plain EXPLAIN lists every year of realisasi there.
 */
async function tabelDibaca(
  db: Db,
  query: SQL | { getSQL(): SQL },
  pola = /^(kehadiran|log_harian|realisasi)/,
): Promise<string[]> {
  const [row] = await rows<{ 'QUERY PLAN': unknown }>(db, sql`EXPLAIN (FORMAT JSON) ${query}`);
  const raw = row!['QUERY PLAN'];
  const plan = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const found = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (typeof node['Relation Name'] === 'string') found.add(node['Relation Name']);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((plan as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return [...found].filter((t) => pola.test(t)).sort();
}

describe('partitioned history', () => {
  let database: Database;
  let db: Db;

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    // Years of their own whatever the clock's year when the template was migrated.
    await rows(
      db,
      sql`SELECT partisi_tahunan(t, y) FROM unnest(ARRAY['kehadiran', 'log_harian', 'realisasi', 'realisasi_riwayat']) t,
                (VALUES (2024), (2025)) v(y)`,
    );
  });
  afterAll(() => database.close());

  it('attendance of a month reads only its year', async () => {
    const [q] = await tangkap((d) => kehadiranRentang(d, 1, '2025-03-01', '2025-03-31'));
    expect(await tabelDibaca(db, q!)).toEqual(['kehadiran_2025']);
    const [lintas] = await tangkap((d) => kehadiranRentang(d, 1, '2024-12-01', '2025-01-31'));
    expect(await tabelDibaca(db, lintas!)).toEqual(['kehadiran_2024', 'kehadiran_2025']);
  });

  it('progres harian of a month, the team view and compliance read only its year', async () => {
    const entri = /^(kehadiran|log_harian)/;
    expect(await tabelDibaca(db, entriPegawai(db, 1, '2025-03-01', '2025-03-31'), entri)).toEqual([
      'log_harian_2025',
    ]);
    expect(await tabelDibaca(db, waktuEntri(db, [1, 2], '2025-03-01', '2025-03-31') as never, entri)).toEqual(
      ['log_harian_2025'],
    );
    const fakta = await tangkap((d) => faktaPegawai(d, 1, '2024-03-01', '2024-03-31'));
    expect(fakta).toHaveLength(2);
    const dibaca = await Promise.all(fakta.map((q) => tabelDibaca(db, q, entri)));
    expect(dibaca).toEqual([['log_harian_2024'], ['kehadiran_2024']]);
  });

  it("the assessment thread of a month, a year's history and the monitoring recap read only its year", async () => {
    expect(await tabelDibaca(db, riwayatOf(db, 2025, [1, 2, 3]) as never)).toEqual([
      'realisasi_riwayat_2025',
    ]);
    expect(await tabelDibaca(db, realisasiTahun(db, 1, 2024, ['2024-01', '2024-02']))).toEqual([
      'realisasi_2024',
      'realisasi_riwayat_2024',
    ]);
    const periode = periodeOf('2025-03', { periode: 'BULANAN' });
    const [rekap] = await tangkap((d) =>
      perbaruiRekap(d, { instansiId: 1, periode, batasInput: new Date(), now: new Date() }),
    );
    expect(await tabelDibaca(db, rekap!)).toEqual(['realisasi_2025', 'realisasi_riwayat_2025']);
  });

  it("realisasi of a month, the assessor's queue and the team's counts read only its year", async () => {
    expect(await tabelDibaca(db, bulanSkp(db, { skpId: 1, periodeKode: '2025-03', tahun: 2025 }))).toEqual([
      'realisasi_2025',
    ]);
    const periode = periodeOf('2024-11', { periode: 'TRIWULANAN' });
    const [antrean] = await tangkap((d) =>
      bawahanRealisasi(d, 1, '2024-11-15', periode, { aturan: [], now: new Date() }),
    );
    expect(await tabelDibaca(db, antrean!)).toEqual(['realisasi_2024']);
    expect(await tabelDibaca(db, jumlahTim(db, [1, 2], 2024, ['2024-01', '2024-02']) as never)).toEqual([
      'realisasi_2024',
    ]);
  });

  it('a row of a year without a partition waits in DEFAULT; the job gives that year its own', async () => {
    const org = await buildOrg(db);
    const [p] = await rows<{ id: number }>(db, sql`SELECT id FROM pegawai ORDER BY id LIMIT 1`);
    const hari = (tanggal: string) => ({
      pegawaiId: p!.id,
      tanggal,
      jamMasuk: '07:30',
      jamPulang: '16:00',
      status: 'HADIR' as const,
      keterangan: null,
      apel: null,
    });
    const tempat = () =>
      rows<{ t: string; n: number }>(
        db,
        sql`SELECT tableoid::regclass::text AS t, count(*)::int AS n FROM kehadiran GROUP BY 1 ORDER BY 1`,
      );
    expect(
      await upsertKehadiran(db, org.instansiId, 'IMPOR', [hari('2019-05-02'), hari('2025-05-02')]),
    ).toEqual({
      baru: 2,
      diganti: 0,
    });
    expect(await tempat()).toEqual([
      { t: 'kehadiran_2025', n: 1 },
      { t: 'kehadiran_lain', n: 1 },
    ]);
    // A re-import replaces the day, wherever it lies.
    expect(
      await upsertKehadiran(db, org.instansiId, 'IMPOR', [hari('2019-05-02'), hari('2019-05-03')]),
    ).toEqual({
      baru: 1,
      diganti: 1,
    });
    const dibuat = await db.transaction((tx) => siapkanPartisi(tx));
    expect(dibuat).toContain('kehadiran_2019');
    expect(await tempat()).toEqual([
      { t: 'kehadiran_2019', n: 2 },
      { t: 'kehadiran_2025', n: 1 },
    ]);
    expect(await db.transaction((tx) => siapkanPartisi(tx))).toEqual([]);
  });

  it('a realisasi of a year without a partition waits in DEFAULT; the job moves it with its children kept', async () => {
    const org = await buildOrg(db);
    const p = org.pelaksana.id;
    const [s] = await rows<{ id: number }>(
      db,
      sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status)
          VALUES (${org.instansiId}, ${p}, ${org.jabatan.jStaf}, 2018, '2018-01-01', '2018-12-31', 'KUANTITATIF', false,
                  'DISETUJUI') RETURNING id`,
    );
    const [k] = await rows<{ id: number }>(
      db,
      sql`INSERT INTO rhk (skp_id, jenis, urutan, rencana) VALUES (${s!.id}, 'UTAMA', 1, 'RHK 2018') RETURNING id`,
    );
    const now = new Date();
    const id = (await insertRealisasi(db, {
      instansiId: org.instansiId,
      skpId: s!.id,
      rhkId: k!.id,
      pegawaiId: p,
      periodeKode: '2018-05',
      rencanaAksi: null,
      targetAksi: null,
      nilai: 1,
      satuan: 'dokumen',
      teks: null,
      createdAt: now,
      updatedAt: now,
    }))!;
    await replaceTautan(db, id, 2018, [{ url: 'https://contoh.example/a', deskripsi: 'tautan' }]);
    const berkas = await insertBerkas(db, {
      realisasiId: id,
      tahun: 2018,
      deskripsi: 'berkas',
      berkasKunci: 'ab/cd',
      namaBerkas: 'a.pdf',
      mime: 'application/pdf',
      ukuran: 1,
      sha256: 'ab',
      createdAt: now,
    });
    // The entry points at the file: the evidence is put back before the entries.
    await insertLog(
      db,
      id,
      2018,
      {
        tanggal: '2018-05-02',
        jamMulai: '08:00',
        jamSelesai: '09:00',
        kegiatan: 'rapat',
        kuantitas: 1,
        satuan: 'dokumen',
        buktiDukung: null,
        buktiBerkasId: berkas,
      },
      now,
    );
    await insertRiwayat(db, 2018, [
      { realisasiId: id, putaran: 1, aksi: 'AJUKAN', olehId: p, catatan: null, at: now },
    ]);
    await insertUmpanBalik(db, {
      skpId: s!.id,
      periodeKode: '2018-05',
      realisasiId: id,
      kode: null,
      teks: 'baik',
      olehId: org.pengawas.id,
      at: now,
    });
    const keadaan = async () => ({
      realisasi: await rows(db, sql`SELECT tableoid::regclass::text AS t FROM realisasi WHERE id = ${id}`),
      anak: await rows(
        db,
        sql`SELECT (SELECT count(*)::int FROM bukti_dukung WHERE realisasi_id = ${id}) AS bukti,
                   (SELECT array_agg(bukti_berkas_id) FROM log_harian WHERE realisasi_id = ${id}) AS entri,
                   (SELECT count(*)::int FROM realisasi_riwayat WHERE realisasi_id = ${id}) AS riwayat,
                   (SELECT count(*)::int FROM umpan_balik WHERE realisasi_id = ${id}) AS umpan`,
      ),
    });
    const anak = [{ bukti: 2, entri: [berkas], riwayat: 1, umpan: 1 }];
    expect(await keadaan()).toEqual({ realisasi: [{ t: 'realisasi_lain' }], anak });
    expect(await db.transaction((tx) => siapkanPartisi(tx))).toContain('realisasi_2018');
    expect(await keadaan()).toEqual({ realisasi: [{ t: 'realisasi_2018' }], anak });
  });

  it('the job keeps every table partitioned by year with a DEFAULT partition, found in the catalog', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`CREATE TABLE uji_tahunan (tahun integer NOT NULL) PARTITION BY RANGE (tahun)`);
      await tx.execute(sql`CREATE TABLE uji_tahunan_lain PARTITION OF uji_tahunan DEFAULT`);
      await tx.execute(sql`INSERT INTO uji_tahunan VALUES (2021)`);
    });
    try {
      const [{ tahun }] = (await rows<{ tahun: number }>(
        db,
        sql`SELECT extract(year FROM current_date)::int AS tahun`,
      )) as [{ tahun: number }];
      const dibuat = await db.transaction((tx) => siapkanPartisi(tx));
      expect(dibuat.filter((t) => t.startsWith('uji_tahunan')).sort()).toEqual(
        ['uji_tahunan_2021', `uji_tahunan_${tahun}`, `uji_tahunan_${tahun + 1}`].sort(),
      );
    } finally {
      await db.execute(sql`DROP TABLE uji_tahunan`);
    }
  });
});

/** A fresh database migrated up to the migration before this one; `lanjut` applies the rest. */
async function basisDataSebelumPartisi() {
  const semua = path.resolve('src/db/migrations');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'migrasi-'));
  await cp(semua, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < '0038_partisi_riwayat');
  await writeFile(journalFile, JSON.stringify(journal));
  const url = process.env.TEST_DATABASE_URL;
  const name = `ekinerja_m_${process.pid}_${Date.now() % 100000}`;
  if (url) await withAdmin(url, (c) => c.query(`CREATE DATABASE ${name}`));
  // One connection, so a session setting holds for the migration too.
  const database = await openDatabase(url ? { databaseUrl: adminUrl(url, name), poolSize: 1 } : {});
  const migrasi = (migrationsFolder: string) =>
    url
      ? migratePg(database.db as never, { migrationsFolder })
      : migratePglite(database.db as never, { migrationsFolder });
  await migrasi(folder);
  return {
    db: database.db,
    lanjut: () => migrasi(semua),
    tutup: async () => {
      await database.close();
      if (url) await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

describe('the partitioning migration', () => {
  it('moves existing rows into partitions of their years, ids and the next id kept', async () => {
    const m = await basisDataSebelumPartisi();
    try {
      // Rows as an older installation has them; their employees and realisasi do not matter here.
      await rows(m.db, sql`SET session_replication_role = replica`);
      await rows(
        m.db,
        sql`INSERT INTO kehadiran (pegawai_id, tanggal, instansi_id, status, sumber, apel)
            VALUES (1, '2023-07-03', 1, 'HADIR', 'IMPOR', 'HADIR'), (1, '2024-07-03', 1, 'SAKIT', 'API', NULL)`,
      );
      await rows(
        m.db,
        sql`INSERT INTO log_harian (realisasi_id, tanggal, jam_mulai, jam_selesai, kegiatan, kuantitas, satuan)
            VALUES (1, '2023-07-03', '08:00', '09:00', 'a', 1, 'dok'), (1, '2024-07-03', '08:00', '09:00', 'b', 2, 'dok'),
                   (2, '2024-02-05', '08:00', '09:00', 'c', 1, 'dok')`,
      );
      await rows(
        m.db,
        sql`INSERT INTO realisasi (id, instansi_id, skp_id, rhk_id, pegawai_id, periode_kode) OVERRIDING SYSTEM VALUE
            VALUES (1, 1, 1, 1, 1, '2023-12'), (2, 1, 1, 2, 1, '2024-Q1')`,
      );
      await rows(
        m.db,
        sql`INSERT INTO realisasi_riwayat (realisasi_id, putaran, aksi, oleh_id, at)
            VALUES (1, 1, 'AJUKAN', 1, '2023-12-29T01:00:00Z'), (1, 1, 'TERIMA', 1, '2024-01-04T01:00:00Z'),
                   (2, 1, 'AJUKAN', 1, '2024-03-29T01:00:00Z')`,
      );
      await rows(
        m.db,
        sql`INSERT INTO bukti_dukung (realisasi_id, jenis, deskripsi, url)
            VALUES (1, 'TAUTAN', 'x', 'https://a.example'), (2, 'TAUTAN', 'y', 'https://b.example')`,
      );
      await rows(
        m.db,
        sql`INSERT INTO umpan_balik (skp_id, periode_kode, realisasi_id, kode, teks, oleh_id, at)
            VALUES (1, '2023-12', 1, NULL, 'baik', 1, now()), (1, '2024-Q1', NULL, 'BERORIENTASI_PELAYANAN', 'ramah', 1, now()),
                   (1, '2024-Q1', 2, NULL, 'cukup', 1, now())`,
      );
      await m.lanjut();
      await rows(m.db, sql`SET session_replication_role = DEFAULT`);
      expect(
        await rows(
          m.db,
          sql`SELECT tableoid::regclass::text AS t, tanggal::text, status, sumber, apel FROM kehadiran ORDER BY tanggal`,
        ),
      ).toEqual([
        { t: 'kehadiran_2023', tanggal: '2023-07-03', status: 'HADIR', sumber: 'IMPOR', apel: 'HADIR' },
        { t: 'kehadiran_2024', tanggal: '2024-07-03', status: 'SAKIT', sumber: 'API', apel: null },
      ]);
      expect(
        await rows(m.db, sql`SELECT tableoid::regclass::text AS t, id, kegiatan FROM log_harian ORDER BY id`),
      ).toEqual([
        { t: 'log_harian_2023', id: 1, kegiatan: 'a' },
        { t: 'log_harian_2024', id: 2, kegiatan: 'b' },
        { t: 'log_harian_2024', id: 3, kegiatan: 'c' },
      ]);
      // December assessed in January stays with its period's year.
      expect(
        await rows(
          m.db,
          sql`SELECT tableoid::regclass::text AS t, id, tahun, aksi FROM realisasi_riwayat ORDER BY id`,
        ),
      ).toEqual([
        { t: 'realisasi_riwayat_2023', id: 1, tahun: 2023, aksi: 'AJUKAN' },
        { t: 'realisasi_riwayat_2023', id: 2, tahun: 2023, aksi: 'TERIMA' },
        { t: 'realisasi_riwayat_2024', id: 3, tahun: 2024, aksi: 'AJUKAN' },
      ]);
      // Realisasi of two years in their partitions, ids kept; their children carry the year.
      expect(
        await rows(m.db, sql`SELECT tableoid::regclass::text AS t, id, tahun FROM realisasi ORDER BY id`),
      ).toEqual([
        { t: 'realisasi_2023', id: 1, tahun: 2023 },
        { t: 'realisasi_2024', id: 2, tahun: 2024 },
      ]);
      const anak = () =>
        rows(
          m.db,
          sql`SELECT 'bukti_dukung' AS t, realisasi_id AS r, tahun FROM bukti_dukung
              UNION ALL SELECT 'log_harian', realisasi_id, tahun FROM log_harian
              UNION ALL SELECT 'realisasi_riwayat', realisasi_id, tahun FROM realisasi_riwayat
              UNION ALL SELECT 'umpan_balik', realisasi_id, tahun FROM umpan_balik
              ORDER BY 1, 2, 3`,
        );
      expect(await anak()).toEqual([
        { t: 'bukti_dukung', r: 1, tahun: 2023 },
        { t: 'bukti_dukung', r: 2, tahun: 2024 },
        // An entry dated outside its period (from before the day rules) keeps its realisasi's year.
        { t: 'log_harian', r: 1, tahun: 2023 },
        { t: 'log_harian', r: 1, tahun: 2023 },
        { t: 'log_harian', r: 2, tahun: 2024 },
        { t: 'realisasi_riwayat', r: 1, tahun: 2023 },
        { t: 'realisasi_riwayat', r: 1, tahun: 2023 },
        { t: 'realisasi_riwayat', r: 2, tahun: 2024 },
        { t: 'umpan_balik', r: 1, tahun: 2023 },
        { t: 'umpan_balik', r: 2, tahun: 2024 },
        { t: 'umpan_balik', r: null, tahun: 2024 },
      ]);
      const tahunIni = new Date().getUTCFullYear();
      const partisi = await rows<{ t: string }>(
        m.db,
        sql`SELECT c.relname AS t FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'kehadiran'::regclass ORDER BY 1`,
      );
      expect(partisi.map((r) => r.t)).toEqual(
        [
          ...Array.from({ length: tahunIni + 2 - 2023 }, (_, i) => `kehadiran_${2023 + i}`),
          'kehadiran_lain',
        ].sort(),
      );
      await rows(m.db, sql`SET session_replication_role = replica`);
      const [baru] = await rows<{ id: number }>(
        m.db,
        sql`INSERT INTO log_harian (realisasi_id, tahun, tanggal, jam_mulai, jam_selesai, kegiatan, kuantitas, satuan)
            VALUES (1, 2023, '2024-07-04', '08:00', '09:00', 'd', 1, 'dok') RETURNING id`,
      );
      expect(baru!.id).toBe(4);
      const [r] = await rows<{ id: number }>(
        m.db,
        sql`INSERT INTO realisasi (instansi_id, skp_id, rhk_id, pegawai_id, periode_kode, tahun)
            VALUES (1, 1, 3, 1, '2024-05', 2024) RETURNING id`,
      );
      expect(r!.id).toBe(3);
      // The foreign keys on (realisasi_id, tahun) still cascade: deleting a realisasi takes its children.
      await rows(m.db, sql`SET session_replication_role = DEFAULT`);
      await rows(m.db, sql`DELETE FROM realisasi WHERE id IN (1, 3)`);
      expect(await anak()).toEqual([
        { t: 'bukti_dukung', r: 2, tahun: 2024 },
        { t: 'log_harian', r: 2, tahun: 2024 },
        { t: 'realisasi_riwayat', r: 2, tahun: 2024 },
        { t: 'umpan_balik', r: 2, tahun: 2024 },
        { t: 'umpan_balik', r: null, tahun: 2024 },
      ]);
      // A child naming its realisasi with another year is refused.
      await expect(
        rows(
          m.db,
          sql`INSERT INTO bukti_dukung (realisasi_id, tahun, jenis, deskripsi) VALUES (2, 2023, 'TAUTAN', 'z')`,
        ),
      ).rejects.toThrow();
    } finally {
      await m.tutup();
    }
  });
});
