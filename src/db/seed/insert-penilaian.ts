/**
 * Seeds last year's penilaian (SPEC §6): a FINAL annual evaluation for every employee's approved plan
 * of the year, signed by the assessor and the employee in January–February (never after `now`); the
 * organisation predikat of every OPD and bidang; the unit heads' penetapan with the distribution as
 * the curve service computes it — one bidang deliberately breaching its curve, with a justification;
 * one open objection and one decided after both sides' statements. Deterministic; one read, JSON recordsets, a few statements.
 */
import { sql } from 'drizzle-orm';
import { ATURAN_KURVA_BAWAAN, type Distribusi, nilaiKurva } from '../../domain/kurva.js';
import { type PredikatOrganisasi, predikatKinerja, type Rating } from '../../domain/predikat.js';
import { laporan } from '../../modules/kurva/kurva.queries.js';
import { type DbOrTx, rows } from '../client.js';
import { rng } from './province.js';

export interface PenilaianSeedOptions {
  instansiId: number;
  /** The year evaluated (the demo's previous year). */
  tahun: number;
  now: Date;
  seed: number;
  /** NIPs whose OPDs the objections stay out of. */
  tanpaKeberatanDi: readonly string[];
}

export interface PenilaianSeedCounts {
  evaluasi: number;
  predikatOrganisasi: number;
  penetapan: number;
  /** The unit whose penetapan breaches its curve. */
  melanggarUnorId: number | null;
  keberatanEvaluasiId: number | null;
  keberatanDiputusId: number | null;
}

const HARI = 86_400_000;
const CHUNK = 5_000;
const A: Rating = 'DI_ATAS_EKSPEKTASI';
const S: Rating = 'SESUAI_EKSPEKTASI';
const B: Rating = 'DI_BAWAH_EKSPEKTASI';

/**
 * Ratings (hasil kerja, perilaku) dealt in this cycle along the employees sorted by unit path. A
 * unit's subtree is a contiguous run of that order, so every unit of 10 or more gets about one cycle
 * per 10 people: Baik the largest group, at most 70 %, some below — the curve of an organisation
 * predikat Baik (SPEC §6.4), as a well-run province would show it.
 */
const SIKLUS: readonly (readonly [Rating, Rating])[] = [
  [S, S],
  [A, A],
  [S, A],
  [B, S],
  [S, S],
  [A, A],
  [A, S],
  [S, S],
  [A, A],
  [B, S],
  [S, S],
  [A, A],
  [S, S],
  [B, A],
  [S, A],
  [A, A],
  [S, S],
  [A, S],
  [A, A],
  [S, B],
];

const JUSTIFIKASI =
  'Seluruh pegawai bidang ini menuntaskan program prioritas daerah di atas target dan menerima penghargaan ' +
  'tingkat provinsi; sebaran predikat yang menyimpang dari kurva telah dibahas dengan tim penilai kinerja.';

export async function insertPenilaianTahunan(
  tx: DbOrTx,
  o: PenilaianSeedOptions,
): Promise<PenilaianSeedCounts> {
  const random = rng(o.seed);
  const [zona] = await rows<{ zona_waktu: string }>(
    tx,
    sql`SELECT zona_waktu FROM instansi WHERE id = ${o.instansiId}`,
  );
  // 1 January and 1 March of the following year in the instansi's zone, capped at now.
  const [w] = await rows<{ mulai: Date; akhir: Date }>(
    tx,
    sql`SELECT make_timestamptz(${o.tahun + 1}, 1, 2, 8, 0, 0, ${zona!.zona_waktu}) AS mulai,
               least(make_timestamptz(${o.tahun + 1}, 3, 1, 0, 0, 0, ${zona!.zona_waktu}), ${o.now}::timestamptz) AS akhir`,
  );
  const mulai = new Date(w!.mulai).getTime();
  const akhir = Math.max(mulai, new Date(w!.akhir).getTime() - HARI);
  const pada = (f: number) => new Date(mulai + Math.floor((akhir - mulai) * f));

  // The latest approved plan of each employee, with the assessor's own assessor as atasan penilai.
  const plans = await rows<{
    skp_id: number;
    pegawai_id: number;
    penilai_id: number;
    atasan_id: number | null;
  }>(
    tx,
    sql`SELECT s.id AS skp_id, s.pegawai_id, s.pejabat_penilai_id AS penilai_id, a.pejabat_penilai_id AS atasan_id
          FROM (SELECT DISTINCT ON (x.pegawai_id) x.id, x.pegawai_id, x.pejabat_penilai_id, x.jabatan_id
                  FROM skp x
                 WHERE x.instansi_id = ${o.instansiId} AND x.tahun = ${o.tahun} AND x.status = 'DISETUJUI'
                 ORDER BY x.pegawai_id, x.versi DESC, x.id DESC) s
          JOIN jabatan j ON j.id = s.jabatan_id JOIN unor u ON u.id = j.unor_id
          LEFT JOIN LATERAL (SELECT y.pejabat_penilai_id FROM skp y
                              WHERE y.pegawai_id = s.pejabat_penilai_id AND y.tahun = ${o.tahun} AND y.status = 'DISETUJUI'
                              ORDER BY y.versi DESC, y.id DESC LIMIT 1) a ON true
         WHERE s.pejabat_penilai_id IS NOT NULL
         ORDER BY u.path, j.is_kepala_unor DESC, s.pegawai_id`,
  );
  const offset = random.int(0, SIKLUS.length - 1);
  const evaluasi = plans.map((p, i) => {
    const [hk, pk] = SIKLUS[(i + offset) % SIKLUS.length]!;
    const ditandatangani = random.next() * 0.7;
    return {
      sk: p.skp_id,
      pg: p.pegawai_id,
      pen: p.penilai_id,
      at: p.atasan_id,
      hk,
      pk,
      pr: predikatKinerja(hk, pk),
      tp: pada(ditandatangani),
      tg: pada(ditandatangani + 0.05 + random.next() * 0.2),
    };
  });
  for (let i = 0; i < evaluasi.length; i += CHUNK) {
    await tx.execute(sql`INSERT INTO evaluasi_tahunan (instansi_id, skp_id, pegawai_id, tahun, pejabat_penilai_id,
             atasan_penilai_id, rating_hasil_kerja, rating_perilaku, predikat, status,
             ditandatangani_penilai_at, ditandatangani_pegawai_at, created_at, updated_at)
      SELECT ${o.instansiId}, sk, pg, ${o.tahun}, pen, at, hk, pk, pr, 'FINAL', tp, tg, tp, tg
        FROM json_to_recordset(${JSON.stringify(evaluasi.slice(i, i + CHUNK))}::json)
          AS t(sk int, pg int, pen int, at int, hk text, pk text, pr text, tp timestamptz, tg timestamptz)`);
  }

  // Every OPD and bidang: the predikat set by the head of the unit above (for an OPD the head of
  // region), else by the BKD admin; the head of the unit itself finalises.
  const units = await rows<{
    id: number;
    jenis: string;
    penetap_id: number | null;
    kepala_id: number | null;
  }>(
    tx,
    sql`SELECT u.id, u.jenis,
               coalesce((SELECT p.id FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id
                          WHERE j.unor_id = u.parent_id AND j.is_kepala_unor AND p.is_active ORDER BY p.id LIMIT 1),
                        (SELECT r.pegawai_id FROM peran_pegawai r JOIN pegawai p ON p.id = r.pegawai_id
                          WHERE p.instansi_id = ${o.instansiId} AND r.peran = 'ADMIN_INSTANSI' ORDER BY r.id LIMIT 1)
               ) AS penetap_id,
               (SELECT p.id FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id
                 WHERE j.unor_id = u.id AND j.is_kepala_unor AND p.is_active ORDER BY p.id LIMIT 1) AS kepala_id
          FROM unor u
         WHERE u.instansi_id = ${o.instansiId} AND u.jenis IN ('OPD', 'BIDANG')
         ORDER BY u.path`,
  );
  const periodeKode = String(o.tahun);
  const distribusi = new Map(
    (await laporan(tx, o.instansiId, periodeKode, true, null)).map((r) => [
      r.id,
      { SANGAT_BAIK: r.sb, BAIK: r.b, BUTUH_PERBAIKAN: r.bp, KURANG: r.k, SANGAT_KURANG: r.sk } as Distribusi,
    ]),
  );
  // The breaching unit: the largest bidang, rated Istimewa while Baik stays its largest group.
  const bidang = units
    .filter((u) => u.jenis === 'BIDANG' && u.kepala_id !== null && distribusi.has(u.id))
    .map((u) => ({ id: u.id, n: Object.values(distribusi.get(u.id)!).reduce((a, b) => a + b, 0) }));
  const melanggarUnorId = bidang.reduce<{ id: number; n: number } | null>(
    (best, u) => (best === null || u.n > best.n ? u : best),
    null,
  )?.id;
  const ditetapkanAt = pada(0.02);
  const predikat = units
    .filter((u) => u.penetap_id !== null)
    .map((u) => {
      const po: PredikatOrganisasi = u.id === melanggarUnorId ? 'ISTIMEWA' : 'BAIK';
      const capaianPk = po === 'ISTIMEWA' ? 112.4 : 92 + random.int(0, 80) / 10;
      return {
        u: u.id,
        p: po,
        by: u.penetap_id,
        d: {
          capaianPk,
          nilaiIkm: 78 + random.int(0, 150) / 10,
          progresRencanaAksi: null,
          keterangan: `Capaian Perjanjian Kinerja ${o.tahun} sebesar ${capaianPk.toLocaleString('id-ID')} % menurut laporan kinerja instansi pemerintah.`,
        },
      };
    });
  await tx.execute(sql`INSERT INTO predikat_organisasi (instansi_id, unor_id, periode_kode, predikat, dasar,
           ditetapkan_oleh_id, created_at, updated_at)
    SELECT ${o.instansiId}, u, ${periodeKode}, p, d, by, ${ditetapkanAt}, ${ditetapkanAt}
      FROM json_to_recordset(${JSON.stringify(predikat)}::json) AS t(u int, p text, by int, d jsonb)`);

  // The penetapan as the curve service stores it; a breach only where intended (with its
  // justification): a unit whose distribution breaches unexpectedly stays open for its head.
  const poOf = new Map(predikat.map((p) => [p.u, p.p]));
  const penetapan = units.flatMap((u) => {
    const po = poOf.get(u.id);
    const d = distribusi.get(u.id);
    if (!po || !d || u.kepala_id === null) return [];
    const hasil = nilaiKurva(d, po, ATURAN_KURVA_BAWAAN);
    const melanggar = u.id === melanggarUnorId;
    if (hasil.pelanggaran.length > 0 !== melanggar) return [];
    return [
      {
        u: u.id,
        p: po,
        d: { ...d, n: hasil.n },
        pl: hasil.pelanggaran,
        j: melanggar ? JUSTIFIKASI : null,
        by: u.kepala_id,
      },
    ];
  });
  const penetapanAt = pada(0.04);
  await tx.execute(sql`INSERT INTO penetapan_predikat (instansi_id, unor_id, periode_kode, predikat_organisasi,
           distribusi, pelanggaran, justifikasi, ditetapkan_oleh_id, ditetapkan_at)
    SELECT ${o.instansiId}, u, ${periodeKode}, p, d, pl, j, by, ${penetapanAt}
      FROM json_to_recordset(${JSON.stringify(penetapan)}::json) AS t(u int, p text, d jsonb, pl jsonb, j text, by int)`);

  const diputus = await keberatanDiputus(tx, o);
  // One open objection: the first employee rated Butuh Perbaikan outside the given employees' OPDs
  // (the demo accounts', so no browser journey sees it) whose assessor has an assessor; decided by that atasan.
  const [keberatan] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO keberatan (instansi_id, evaluasi_id, pegawai_id, pemutus_id, alasan, status, diajukan_at)
        SELECT e.instansi_id, e.id, e.pegawai_id, e.atasan_penilai_id,
               'Rating hasil kerja saya dinilai di bawah ekspektasi, padahal seluruh RHK utama telah saya capai ' ||
               'sesuai target dengan bukti dukung yang lengkap pada setiap bulan.',
               'DIAJUKAN', e.ditandatangani_pegawai_at + interval '2 days'
          FROM evaluasi_tahunan e JOIN pegawai p ON p.id = e.pegawai_id
         WHERE ${bolehKeberatan(o, '2 days')}
           AND NOT EXISTS (SELECT 1 FROM keberatan k WHERE k.evaluasi_id = e.id)
         ORDER BY e.pegawai_id LIMIT 1
        RETURNING evaluasi_id AS id`,
  );
  return {
    evaluasi: evaluasi.length,
    predikatOrganisasi: predikat.length,
    penetapan: penetapan.length,
    melanggarUnorId: melanggarUnorId ?? null,
    keberatanEvaluasiId: keberatan?.id ?? null,
    keberatanDiputusId: diputus,
  };
}

/**
 * Evaluations (`e`, employee `p`) rated Butuh Perbaikan, FINAL at least `sejak` before `now`, outside the
 * given employees' OPDs (the demo accounts', so no browser journey sees them), whose assessor has an assessor.
 */
function bolehKeberatan(o: PenilaianSeedOptions, sejak: string) {
  return sql`e.instansi_id = ${o.instansiId} AND e.tahun = ${o.tahun} AND e.predikat = 'BUTUH_PERBAIKAN'
    AND e.atasan_penilai_id IS NOT NULL
    AND e.ditandatangani_pegawai_at + ${sejak}::interval <= ${o.now}::timestamptz
    AND p.opd_id NOT IN (SELECT p2.opd_id FROM pegawai p2
                          WHERE p2.instansi_id = ${o.instansiId} AND p2.opd_id IS NOT NULL
                            AND p2.nip = ANY(${`{${o.tanpaKeberatanDi.join(',')}}`}::text[]))`;
}

/**
 * One decided objection (SPEC §6.6): filed 2 days after FINAL, both sides asked on day 3 and answering
 * on day 4, confirmed on day 6, naming both statements as its basis. The last such employee, so it
 * never takes the open objection's.
 */
async function keberatanDiputus(tx: DbOrTx, o: PenilaianSeedOptions): Promise<number | null> {
  const [k] = await rows<{ id: number; pegawaiId: number; penilaiId: number }>(
    tx,
    sql`INSERT INTO keberatan (instansi_id, evaluasi_id, pegawai_id, pemutus_id, alasan, status, diajukan_at,
                               keputusan, pertimbangan, diputus_at)
        SELECT e.instansi_id, e.id, e.pegawai_id, e.atasan_penilai_id,
               'Perilaku kerja saya dinilai sesuai ekspektasi, tetapi hasil kerja di bawah ekspektasi tanpa ' ||
               'catatan bulan mana yang kurang.',
               'DIPUTUS', e.ditandatangani_pegawai_at + interval '2 days', 'DIKUATKAN',
               'Keterangan pejabat penilai menunjukkan tiga RHK utama tidak mencapai target pada semester II; ' ||
               'keterangan pegawai tidak membantahnya. Penilaian dikuatkan.',
               e.ditandatangani_pegawai_at + interval '6 days'
          FROM evaluasi_tahunan e JOIN pegawai p ON p.id = e.pegawai_id
         WHERE ${bolehKeberatan(o, '6 days')}
         ORDER BY e.pegawai_id DESC LIMIT 1
        RETURNING id, pegawai_id AS "pegawaiId",
                  (SELECT pejabat_penilai_id FROM evaluasi_tahunan WHERE id = evaluasi_id) AS "penilaiId"`,
  );
  if (!k) return null;
  const keterangan = await rows<{ id: number; pihakId: number }>(
    tx,
    sql`INSERT INTO keberatan_keterangan (keberatan_id, pihak_id, permintaan, diminta_at, jawaban, dijawab_at)
        SELECT k.id, pihak, permintaan, k.diajukan_at + interval '1 day', jawaban, k.diajukan_at + interval '2 days'
          FROM keberatan k, (VALUES
            (${k.pegawaiId}::int, 'Sebutkan RHK dan bulan yang menurut Anda dinilai tidak sesuai.',
             'RHK penyusunan laporan bulan Oktober–Desember; laporannya terlambat karena menunggu data unit lain.'),
            (${k.penilaiId}::int, 'Jelaskan dasar rating hasil kerja di bawah ekspektasi.',
             'Tiga RHK utama tidak mencapai target pada semester II; catatan tiap bulan ada pada penilaian periodik.')
          ) AS t(pihak, permintaan, jawaban)
         WHERE k.id = ${k.id}
        RETURNING id, pihak_id AS "pihakId"`,
  );
  const dijawab = (pihakId: number) => ({
    keadaan: 'DIJAWAB',
    keteranganId: keterangan.find((x) => x.pihakId === pihakId)!.id,
  });
  await tx.execute(
    sql`UPDATE keberatan SET dasar_putusan = ${JSON.stringify({
      PEGAWAI: dijawab(k.pegawaiId),
      PENILAI: dijawab(k.penilaiId),
    })}::jsonb WHERE id = ${k.id}`,
  );
  return k.id;
}
