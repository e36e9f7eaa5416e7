/**
 * Partitioned history (ADR 0025, 0027, 0028): attendance and progres harian are partitioned by
 * year of their date, realisasi and its assessment thread by the year of the period, the TPP lines
 * by the year of their month. The queries the modules run
 * read only the years they ask for (EXPLAIN of their own SQL), the migration moves existing rows
 * into their years, and rows of a year without a partition wait in the DEFAULT one until the job
 * gives that year its own.
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, type DbOrTx, rows } from '../src/db/client.js';
import { periodeOf } from '../src/domain/jadwal.js';
import { PARAMETER_TPP_BAKU, type RingkasanTpp } from '../src/domain/tpp.js';
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
import {
  barisBatch,
  barisPage,
  barisPegawai,
  barisSaya,
  deleteBaris,
  insertBaris,
  insertBulan,
  jumlahBaris,
  perOpd,
} from '../src/modules/tpp/tpp.queries.js';
import { openTestDatabase } from './db.js';
import { tabelDibaca as dibaca, tangkap } from './explain.js';
import { basisDataSebelum } from './migrasi-sebagian.js';
import { buildOrg } from './org.js';

/** The partitions of the history tables. */
const SEJARAH = /^(kehadiran|log_harian|realisasi|realisasi_riwayat|tpp_baris)_(\d{4}|lain)$/;

/**
 * The history partitions (or those `pola` names) the plan of `query` reads. With `jalankan`
 * (EXPLAIN ANALYZE) only those actually scanned: a join on a realisasi's whole key (id, tahun), or
 * on a month's year, prunes per row while running, where plain EXPLAIN lists every year.
 */
const tabelDibaca = (
  db: Db,
  query: SQL | { getSQL(): SQL },
  { jalankan = false, pola = SEJARAH }: { jalankan?: boolean; pola?: RegExp } = {},
) => dibaca(db, query, pola, { jalankan });

describe('partitioned history', () => {
  let database: Database;
  let db: Db;

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    // Years of their own whatever the clock's year when the template was migrated.
    await rows(
      db,
      sql`SELECT partisi_tahunan(t, y)
            FROM unnest(ARRAY['kehadiran', 'log_harian', 'realisasi', 'realisasi_riwayat', 'tpp_baris']) t,
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
    expect(await tabelDibaca(db, entriPegawai(db, 1, '2025-03-01', '2025-03-31'), { pola: entri })).toEqual([
      'log_harian_2025',
    ]);
    expect(
      await tabelDibaca(db, waktuEntri(db, [1, 2], '2025-03-01', '2025-03-31') as never, { pola: entri }),
    ).toEqual(['log_harian_2025']);
    const fakta = await tangkap((d) => faktaPegawai(d, 1, '2024-03-01', '2024-03-31'));
    expect(fakta).toHaveLength(2);
    const dibaca = await Promise.all(fakta.map((q) => tabelDibaca(db, q, { pola: entri })));
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

  it("the TPP lines of a month, its list, export, employee's line and recomputation read only its year", async () => {
    const m = { id: 1, bulan: '2025-03' };
    const bulanIni = [
      (d: DbOrTx) => perOpd(d, m, [1, 2]),
      (d: DbOrTx) => jumlahBaris(d, m, null),
      (d: DbOrTx) => barisBatch(d, m, null, 0, 100),
      (d: DbOrTx) => barisPegawai(d, m, 1),
      (d: DbOrTx) => deleteBaris(d, m),
      (d: DbOrTx) =>
        barisPage(d, {
          m,
          instansiId: 1,
          opdIds: null,
          catatan: 'MENUNGGU_PENILAIAN',
          cursor: null,
          limit: 20,
        }),
    ];
    for (const fn of bulanIni) {
      const [q] = await tangkap(fn);
      expect(await tabelDibaca(db, q!)).toEqual(['tpp_baris_2025']);
    }
  });

  it("the TPP lines are written to their month's year; an employee's months read each line in its year", async () => {
    const org = await buildOrg(db);
    const bulan = async (kode: string) => {
      const id = await insertBulan(db, org.instansiId, kode, {
        parameter: PARAMETER_TPP_BAKU,
        dasarHukum: null,
        hariKerja: 20,
        jumlahPegawai: 1,
        total: 1000,
        dihitungOlehId: org.adminBkd.id,
        dihitungAt: new Date(),
        belumDiimpor: [],
      });
      const m = { id: id!, bulan: kode };
      await insertBaris(db, m, [
        {
          pegawai_id: org.pelaksana.id,
          opd_id: org.unor.opd.id,
          kelas_jabatan: 9,
          dasar: 1000,
          produktivitas: 0,
          disiplin: 0,
          jumlah: 1000,
          ditahan: null,
          rincian: {
            ringkasan: { tahun: Number(kode.slice(0, 4)) } as RingkasanTpp,
            potonganPersen: 0,
            jabatanNama: null,
          },
        },
      ]);
      return m;
    };
    const desember = await bulan('2024-12');
    const januari = await bulan('2025-01');
    expect(
      await rows(
        db,
        sql`SELECT tableoid::regclass::text AS t, tahun FROM tpp_baris WHERE pegawai_id = ${org.pelaksana.id} ORDER BY tahun`,
      ),
    ).toEqual([
      { t: 'tpp_baris_2024', tahun: 2024 },
      { t: 'tpp_baris_2025', tahun: 2025 },
    ]);
    const [saya] = await tangkap((d) => barisSaya(d, org.instansiId, org.pelaksana.id));
    expect(await tabelDibaca(db, saya!, { jalankan: true })).toEqual(['tpp_baris_2024', 'tpp_baris_2025']);
    expect((await barisSaya(db, org.instansiId, org.pelaksana.id)).map((r) => r.bulan)).toEqual([
      '2025-01',
      '2024-12',
    ]);
    // A recomputation replaces the month's lines in its year only.
    await deleteBaris(db, desember);
    expect(await jumlahBaris(db, desember, null)).toBe(0);
    expect(await jumlahBaris(db, januari, null)).toBe(1);
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

// Migrates a fresh database in two steps: over a minute on PGlite on a loaded machine.
describe('the partitioning migration', { timeout: 240_000 }, () => {
  it('moves existing rows into partitions of their years, ids and the next id kept', async () => {
    const m = await basisDataSebelum('0038_partisi_riwayat');
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
        sql`INSERT INTO tpp_bulan (id, instansi_id, bulan, parameter, hari_kerja, jumlah_pegawai, total, dihitung_oleh_id, dihitung_at)
            OVERRIDING SYSTEM VALUE
            VALUES (1, 1, '2023-12', '{}', 20, 1, 10, 1, now()), (2, 1, '2024-01', '{}', 22, 1, 20, 1, now())`,
      );
      await rows(
        m.db,
        sql`INSERT INTO tpp_baris (tpp_bulan_id, pegawai_id, opd_id, dasar, produktivitas, disiplin, jumlah, rincian)
            VALUES (1, 1, 5, 10, 0, 0, 10, '{"a":1}'), (2, 1, 5, 20, 0, 0, 20, '{"a":2}')`,
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
      expect(
        await rows(
          m.db,
          sql`SELECT tableoid::regclass::text AS t, tpp_bulan_id, tahun, opd_id, jumlah, rincian FROM tpp_baris ORDER BY 2`,
        ),
      ).toEqual([
        { t: 'tpp_baris_2023', tpp_bulan_id: 1, tahun: 2023, opd_id: 5, jumlah: 10, rincian: { a: 1 } },
        { t: 'tpp_baris_2024', tpp_bulan_id: 2, tahun: 2024, opd_id: 5, jumlah: 20, rincian: { a: 2 } },
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
      for (const tabel of ['kehadiran', 'tpp_baris']) {
        const partisi = await rows<{ t: string }>(
          m.db,
          sql`SELECT c.relname AS t FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
               WHERE i.inhparent = ${tabel}::regclass ORDER BY 1`,
        );
        expect(partisi.map((r) => r.t)).toEqual(
          [
            ...Array.from({ length: tahunIni + 2 - 2023 }, (_, i) => `${tabel}_${2023 + i}`),
            `${tabel}_lain`,
          ].sort(),
        );
      }
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
