/**
 * The bench's database: a fresh PostgreSQL database with an instansi of `employees` employees (or
 * several, each seeded the same way, for the multi-instansi run), their cascaded SKPs of the current year, January's ratings of every approved plan and an organisation
 * predikat for every unit (for the curves); returns what the scenarios need from it.
 */
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../src/db/client.js';
import { insertOrgPlan } from '../src/db/seed/insert-org.js';
import { insertSkpPlans, SYNTHETIC_MIX } from '../src/db/seed/insert-skp.js';
import { type SyntheticInstansi, syntheticPlan } from '../src/db/seed/synthetic.js';
import { dateInZone } from '../src/platform/clock.js';
import { adminUrl, withAdmin } from '../test/pg-admin.js';
import type { Row } from './summary.js';

export type Seeded = Awaited<ReturnType<typeof seedInstansi>>;

/** A fresh, migrated database `name` on the server; returns its URL. */
export async function createDatabase(server: string, name: string) {
  const url = adminUrl(server, name);
  await withAdmin(server, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const database = await openDatabase({ databaseUrl: url });
  await database.migrate();
  await database.close();
  return url;
}

/** The single-instansi bench's database. */
export async function seed(server: string, name: string, employees: number, password: string) {
  return seedInstansi(await createDatabase(server, name), employees, password);
}

/** One synthetic instansi (`instansi` of several on the installation) into the database at `url`. */
export async function seedInstansi(
  url: string,
  employees: number,
  password: string,
  instansi?: SyntheticInstansi,
) {
  const database = await openDatabase({ databaseUrl: url });
  const passwordHash = await hash(password);
  const plan = syntheticPlan(employees, instansi);
  let started = performance.now();
  const org = await database.db.transaction((tx) => insertOrgPlan(tx, plan, { passwordHash }));
  const seconds = (performance.now() - started) / 1000;
  const tanggal = dateInZone(new Date(), plan.instansi.zonaWaktu);
  const tahun = Number(tanggal.slice(0, 4));
  started = performance.now();
  const skp = await database.db.transaction((tx) =>
    insertSkpPlans(tx, {
      instansiId: org.instansiId,
      tahun,
      seed: employees * (instansi?.nomor ?? 1),
      tanggal,
      mix: SYNTHETIC_MIX,
    }),
  );
  const skpSeconds = (performance.now() - started) / 1000;
  // January's ratings for every employee's latest approved plan, spread over the five predikat by a hash of the plan
  // id, and an organisation predikat for every unit, so the curve report judges every unit.
  const periodeKurva = `${tahun}-01`;
  started = performance.now();
  const [kurva] = await rows<{ penilaian: number }>(
    database.db,
    sql`WITH ins AS (
          INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat,
                                          penilai_id, at)
          SELECT ${org.instansiId}, s.id, ${periodeKurva}, r.hasil, r.perilaku, r.predikat,
                 coalesce(s.pejabat_penilai_id, s.pegawai_id), now()
            FROM (SELECT DISTINCT ON (pegawai_id) id, pegawai_id, pejabat_penilai_id FROM skp
                   WHERE instansi_id = ${org.instansiId} AND tahun = ${tahun} AND status = 'DISETUJUI'
                   ORDER BY pegawai_id, versi DESC) s
            CROSS JOIN LATERAL (SELECT (hashtext(s.id::text) & 1023) % 20 AS k) h
            CROSS JOIN LATERAL (VALUES
              (CASE WHEN h.k < 3 THEN 'DI_ATAS_EKSPEKTASI' WHEN h.k < 18 THEN 'SESUAI_EKSPEKTASI' ELSE 'DI_BAWAH_EKSPEKTASI' END,
               CASE WHEN h.k < 3 THEN 'DI_ATAS_EKSPEKTASI' WHEN h.k IN (16, 17, 19) THEN 'DI_BAWAH_EKSPEKTASI' ELSE 'SESUAI_EKSPEKTASI' END)
            ) AS v(hasil, perilaku)
            CROSS JOIN LATERAL (SELECT v.hasil, v.perilaku,
              CASE WHEN h.k < 3 THEN 'SANGAT_BAIK' WHEN h.k < 16 THEN 'BAIK' WHEN h.k < 18 THEN 'KURANG'
                   WHEN h.k = 18 THEN 'BUTUH_PERBAIKAN' ELSE 'SANGAT_KURANG' END) AS r(hasil, perilaku, predikat)
          RETURNING 1
        ), po AS (
          INSERT INTO predikat_organisasi (instansi_id, unor_id, periode_kode, predikat, dasar, ditetapkan_oleh_id)
          SELECT u.instansi_id, u.id, ${periodeKurva},
                 (ARRAY['ISTIMEWA', 'BAIK', 'BAIK', 'BAIK', 'BUTUH_PERBAIKAN'])[u.id % 5 + 1],
                 '{"capaianPk": null, "nilaiIkm": null, "progresRencanaAksi": 90, "keterangan": "Progres rencana aksi unit (data bench)"}'::jsonb,
                 (SELECT r.pegawai_id FROM peran_pegawai r JOIN pegawai a ON a.id = r.pegawai_id
                   WHERE r.peran = 'ADMIN_INSTANSI' AND a.instansi_id = u.instansi_id LIMIT 1)
            FROM unor u WHERE u.instansi_id = ${org.instansiId}
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM ins)::int AS penilaian`,
  );
  const kurvaSeconds = (performance.now() - started) / 1000;
  await database.db.execute(sql`ANALYZE`);
  // The biggest OPD and the plan of its head, for the per-unit and per-plan reports.
  const [opd] = await rows<{ id: number; nama: string; pegawai: number; skpId: number }>(
    database.db,
    sql`SELECT u.id, u.nama, count(*)::int AS pegawai,
               (SELECT s.id FROM skp s JOIN pegawai h ON h.id = s.pegawai_id JOIN jabatan j ON j.id = h.jabatan_id
                 WHERE j.unor_id = u.id AND j.is_kepala_unor AND s.tahun = ${tahun} ORDER BY s.versi DESC LIMIT 1) AS "skpId"
          FROM pegawai p JOIN unor u ON u.id = p.opd_id
         WHERE p.instansi_id = ${org.instansiId}
         GROUP BY u.id, u.nama ORDER BY count(*) DESC, u.id LIMIT 1`,
  );
  const users = await rows<{ nip: string; id: number }>(
    database.db,
    // Spread over the whole instansi: the first ids are the top officials, whose pages are the heaviest.
    sql`SELECT nip, id FROM pegawai WHERE instansi_id = ${org.instansiId} AND id % 47 = 0 ORDER BY id LIMIT 2000`,
  );
  const [admin] = await rows<{ nip: string }>(
    database.db,
    sql`SELECT p.nip FROM pegawai p JOIN peran_pegawai r ON r.pegawai_id = p.id WHERE p.instansi_id = ${org.instansiId} AND r.peran = 'ADMIN_INSTANSI' LIMIT 1`,
  );
  const [unit] = await rows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM unor WHERE instansi_id = ${org.instansiId}`,
  );
  const names = await rows<{ term: string }>(
    database.db,
    sql`SELECT lower(substr(split_part(nama, ' ', 1), 1, 4)) AS term FROM pegawai TABLESAMPLE SYSTEM (1)
         WHERE instansi_id = ${org.instansiId} LIMIT 200`,
  );
  await database.close();
  return {
    url,
    instansiId: org.instansiId,
    zona: plan.instansi.zonaWaktu,
    seconds,
    skpSeconds,
    skp,
    tahun,
    kurva: { periode: periodeKurva, penilaian: kurva!.penilaian, unor: unit!.n, seconds: kurvaSeconds },
    opd: opd!,
    users,
    admin: admin!.nip,
    terms: names.map((n) => n.term),
  };
}

/** The seed's own times: reported, no aim. */
export function seedRows(data: Seeded, employees: number): Row[] {
  const s = data.skp;
  console.log(
    `seed: ${employees.toLocaleString('id-ID')} pegawai into PostgreSQL in ${data.seconds.toFixed(1)} s; ` +
      `SKP ${data.tahun} for ${s.pegawai.toLocaleString('id-ID')} pegawai in ${data.skpSeconds.toFixed(1)} s ` +
      `(${s.skp} SKP: ${s.status.DISETUJUI} disetujui of which ${s.terlambat} late, ${s.status.DIAJUKAN} diajukan, ` +
      `${s.status.DRAFT} draf, ${s.status.DIKEMBALIKAN} dikembalikan, ${s.status.TANPA_SKP} without; ` +
      `${s.rhk} RHK, ${s.iki} IKI, ${s.intervensi} intervensi, ${s.perilaku} perilaku, ${s.lampiran} lampiran, ` +
      `${s.perjanjianKinerja} PK with ${s.pkSasaran} sasaran)`,
  );
  console.log(
    `seed: ${data.kurva.penilaian.toLocaleString('id-ID')} penilaian periodik ${data.kurva.periode} and an organisation ` +
      `predikat for each of ${data.kurva.unor} units in ${data.kurva.seconds.toFixed(1)} s`,
  );
  return [
    { scenario: 'seed', figure: 'pegawai', value: data.seconds, unit: 's' },
    { scenario: 'seed', figure: 'SKP', value: data.skpSeconds, unit: 's' },
    { scenario: 'seed', figure: 'penilaian + predikat', value: data.kurva.seconds, unit: 's' },
  ];
}
