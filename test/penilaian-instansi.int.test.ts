/**
 * Periodic ratings carry their plan's instansi (migration 0045, docs/deploy.md): with several instansi
 * rated in the same period, the reports of one instansi read only its ratings, through the index led
 * by instansi_id (EXPLAIN ANALYZE of their own SQL), and the migration fills the column of existing
 * rows from their plan.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, type DbOrTx, rows } from '../src/db/client.js';
import { distribusiUnit } from '../src/modules/dokumen/dokumen.queries.js';
import { pageDiBawahEkspektasi } from '../src/modules/evaluasi/evaluasi.queries.js';
import {
  anggotaDinilai,
  distribusiUnor,
  findUnor,
  laporan,
  leniensi,
  periodeBerdata,
} from '../src/modules/kurva/kurva.queries.js';
import { ringkasanBulan } from '../src/modules/tpp/tpp-ringkasan.queries.js';
import { openTestDatabase } from './db.js';
import { bacaanTabel, tangkap } from './explain.js';
import { basisDataSebelum } from './migrasi-sebagian.js';
import { buildOrg, type Org } from './org.js';

const PERIODE = '2026-07';
const INDEKS = 'penilaian_periodik_instansi_periode_idx';

/**
 * `n` approved 2026 plans of the org's seksi staff, each rated in the period: every tenth below
 * expectation. `instansi_id` is given only when the table has it (the migration test's older schema).
 */
async function dinilai(db: Db, org: Org, periode: string, n: number, { berkolom = true } = {}) {
  const kolom = berkolom ? sql`instansi_id, ` : sql``;
  const nilai = berkolom ? sql`${org.instansiId}, ` : sql``;
  await rows(
    db,
    sql`WITH s AS (
          INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status)
          SELECT ${org.instansiId}, (ARRAY[${org.pelaksana.id}, ${org.pelaksana2.id}, ${org.fungsional.id}]::int[])[1 + i % 3],
                 ${org.jabatan.jStaf}, 2026, '2026-01-01', '2026-12-31', 'KUANTITATIF', false, 'DISETUJUI'
            FROM generate_series(1, ${n}) i
          RETURNING id)
        INSERT INTO penilaian_periodik (${kolom}skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat,
                                        penilai_id, at)
        SELECT ${nilai}s.id, ${periode}, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI',
               CASE WHEN s.id % 10 = 0 THEN 'KURANG' ELSE 'BAIK' END, ${org.pengawas.id}, now()
          FROM s`,
  );
}

describe("one instansi's periodic ratings", () => {
  let database: Database;
  let db: Db;
  let a: Org;
  let b: Org;
  /** Instansi a's ratings: in the period, of them below expectation, and in any period. */
  let milikA: { periode: number; diBawah: number; semua: number };

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    a = await buildOrg(db);
    b = await buildOrg(db);
    // Instansi b rates ten times as many in the same period; both rate another period too.
    await dinilai(db, a, PERIODE, 200);
    await dinilai(db, a, '2026-06', 200);
    await dinilai(db, b, PERIODE, 2000);
    await dinilai(db, b, '2026-06', 2000);
    await db.execute(sql`ANALYZE skp, penilaian_periodik`);
    const [x] = await rows<typeof milikA>(
      db,
      sql`SELECT count(*) FILTER (WHERE periode_kode = ${PERIODE})::int AS periode,
                 count(*) FILTER (WHERE periode_kode = ${PERIODE} AND predikat = 'KURANG')::int AS "diBawah",
                 count(*)::int AS semua
            FROM penilaian_periodik WHERE instansi_id = ${a.instansiId}`,
    );
    milikA = x!;
  });
  afterAll(() => database.close());

  /** How the one statement `fn` sends reads penilaian_periodik. */
  const bacaan = async (fn: Parameters<typeof tangkap>[0]) => {
    const [q] = await tangkap(fn);
    return bacaanTabel(db, q!, 'penilaian_periodik');
  };

  it("the curve report, unit curve, calibration board and leniency read only the instansi's period", async () => {
    const opd = (await findUnor(db, a.unor.opd.id))!;
    const dibaca = [
      await bacaan((d) => laporan(d, a.instansiId, PERIODE, false, null)),
      await bacaan((d) => distribusiUnor(d, opd, PERIODE, false)),
      await bacaan((d) => anggotaDinilai(d, opd, PERIODE, 50)),
      await bacaan((d) => leniensi(d, opd, PERIODE, false)),
    ];
    for (const x of dibaca) expect(x).toEqual({ jalur: [INDEKS], baris: milikA.periode });
    // The answer is instansi a's alone: its three staff, once each by their latest rating.
    const unit = (await laporan(db, a.instansiId, PERIODE, false, null)).find((u) => u.id === opd.id)!;
    expect(unit.b + unit.k).toBe(3);
  });

  it("the unit's periods with data and the document's distribution read only the instansi's ratings", async () => {
    // Narrowed by the unit's path too, they may start from the unit's plans and read each one's
    // ratings by the unique key, or read the instansi's ratings through its index: never the period's.
    const opd = (await findUnor(db, a.unor.opd.id))!;
    const [root] = await rows<{ path: string }>(db, sql`SELECT path FROM unor WHERE id = ${a.unor.root.id}`);
    for (const fn of [
      (d: DbOrTx) => periodeBerdata(d, opd, 24),
      (d: DbOrTx) => distribusiUnit(d, a.instansiId, root!.path, PERIODE),
    ])
      expect([INDEKS, 'penilaian_periodik_uq']).toEqual(expect.arrayContaining((await bacaan(fn)).jalur));
    expect(await periodeBerdata(db, opd, 24)).toEqual(['2026-07', '2026-06']);
    expect(await distribusiUnit(db, a.instansiId, root!.path, PERIODE)).toEqual(
      expect.arrayContaining([{ predikat: 'KURANG', n: milikA.diBawah }]),
    );
  });

  it("the tim penilai's list and the TPP month read only the instansi's period", async () => {
    expect(
      await bacaan((d) =>
        pageDiBawahEkspektasi(d, {
          instansiId: a.instansiId,
          tahun: 2026,
          periode: PERIODE,
          opdIds: null,
          afterId: null,
          limit: 20,
        }),
      ),
    ).toEqual({ jalur: [INDEKS], baris: milikA.diBawah });
    expect(
      await bacaan((d) =>
        ringkasanBulan(d, {
          instansiId: a.instansiId,
          tahun: 2026,
          periodeKode: PERIODE,
          hariKerja: [{ tanggal: '2026-07-01', masuk: 450, pulang: 960 }],
          tepiTerlambat: [1, 31],
          tepiPulangCepat: [1, 31],
          realisasi: null,
        }),
      ),
    ).toEqual({ jalur: [INDEKS], baris: milikA.periode });
  });
});

// Migrates a fresh database in two steps: over a minute on PGlite on a loaded machine.
describe('the migration carrying instansi_id', { timeout: 240_000 }, () => {
  it("fills existing ratings from their plan's instansi, then requires it or takes the plan's", async () => {
    const m = await basisDataSebelum('0045_penilaian_periodik_instansi');
    try {
      const a = await buildOrg(m.db);
      const b = await buildOrg(m.db);
      await dinilai(m.db, a, PERIODE, 3, { berkolom: false });
      await dinilai(m.db, b, PERIODE, 2, { berkolom: false });
      await m.lanjut();
      // The previous release, still writing while the nodes are rolled, leaves it out: the plan's is taken.
      await dinilai(m.db, b, '2026-08', 1, { berkolom: false });
      expect(
        await rows(
          m.db,
          sql`SELECT pp.instansi_id, count(*)::int AS n FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id
               WHERE pp.instansi_id = s.instansi_id GROUP BY pp.instansi_id ORDER BY pp.instansi_id`,
        ),
      ).toEqual([
        { instansi_id: a.instansiId, n: 3 },
        { instansi_id: b.instansiId, n: 3 },
      ]);
      expect(
        await rows(
          m.db,
          sql`SELECT attnotnull AS wajib FROM pg_attribute
               WHERE attrelid = 'penilaian_periodik'::regclass AND attname = 'instansi_id'`,
        ),
      ).toEqual([{ wajib: true }]);
      expect(
        await rows(
          m.db,
          sql`SELECT indexname FROM pg_indexes WHERE tablename = 'penilaian_periodik' AND indexname LIKE '%periode_idx'`,
        ),
      ).toEqual([{ indexname: INDEKS }]);
    } finally {
      await m.tutup();
    }
  });
});
