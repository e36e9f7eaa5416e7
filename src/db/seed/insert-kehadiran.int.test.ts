import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/db.js';
import { menitPulangCepat, menitTerlambat } from '../../domain/kehadiran.js';
import { type Database, rows } from '../client.js';
import { insertKehadiran } from './insert-kehadiran.js';
import { insertOrgPlan } from './insert-org.js';
import { syntheticPlan } from './synthetic.js';

let database: Database;
let instansiId: number;
let pegawai: number;

beforeAll(async () => {
  database = await openTestDatabase();
  instansiId = await database.db.transaction(
    async (tx) => (await insertOrgPlan(tx, syntheticPlan(400), { passwordHash: null })).instansiId,
  );
  const [n] = await rows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM pegawai WHERE instansi_id = ${instansiId} AND is_active`,
  );
  pegawai = n!.n;
});
afterAll(() => database.close());

const seed = () =>
  database.db.transaction((tx) => insertKehadiran(tx, { instansiId, tanggal: '2026-03-10', seed: 7 }));

async function sidik() {
  const [row] = await rows<{ h: string }>(
    database.db,
    sql`SELECT md5(string_agg(concat_ws('|', pegawai_id, tanggal, jam_masuk, jam_pulang, status), ',' ORDER BY pegawai_id, tanggal)) AS h
          FROM kehadiran WHERE instansi_id = ${instansiId}`,
  );
  return row!.h;
}

describe('demo attendance seed', () => {
  it('writes every working day of four months for every active employee, deterministically', async () => {
    const counts = await seed();
    expect(counts.bulan).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    // 2025 and 2026 holidays of the table.
    expect(counts.libur).toBeGreaterThan(40);
    // Working days: Nov 2025 20, Dec 2025 21 (25–26 off), Jan 2026 20 (1, 16 off), Feb 2026 18 (16, 17 off).
    expect(counts.kehadiran).toBe(pegawai * (20 + 21 + 20 + 18));

    const libur = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM kehadiran k
           WHERE k.instansi_id = ${instansiId}
             AND (extract(isodow FROM k.tanggal) > 5
                  OR EXISTS (SELECT 1 FROM hari_libur l WHERE l.instansi_id = k.instansi_id AND l.tanggal = k.tanggal))`,
    );
    expect(libur[0]!.n).toBe(0);

    const first = await sidik();
    await database.db.execute(sql`DELETE FROM kehadiran WHERE instansi_id = ${instansiId}`);
    await seed();
    expect(await sidik()).toBe(first);
  });

  it('mostly on time, with every lateness band, early leave and each absence status', async () => {
    const data = await rows<{ tanggal: string; status: string; masuk: string | null; pulang: string | null }>(
      database.db,
      sql`SELECT tanggal::text AS tanggal, status, jam_masuk::text AS masuk, jam_pulang::text AS pulang
            FROM kehadiran WHERE instansi_id = ${instansiId}`,
    );
    const status = new Map<string, number>();
    for (const d of data) status.set(d.status, (status.get(d.status) ?? 0) + 1);
    expect((status.get('HADIR') ?? 0) / data.length).toBeGreaterThan(0.85);
    for (const s of ['DINAS_LUAR', 'CUTI', 'SAKIT', 'IZIN', 'TANPA_KETERANGAN'])
      expect(status.get(s)).toBeGreaterThan(0);

    const hadir = data.filter((d) => d.status === 'HADIR');
    const jadwal = (t: string) => ({
      masuk: '07:30',
      pulang: new Date(`${t}T00:00:00Z`).getUTCDay() === 5 ? '16:30' : '16:00',
    });
    const band = [0, 0, 0, 0, 0];
    let tanpaMasuk = 0;
    let cepat = 0;
    for (const d of hadir) {
      const m = menitTerlambat(d.masuk, jadwal(d.tanggal));
      if (m === null) tanpaMasuk++;
      else band[m === 0 ? 0 : m <= 30 ? 1 : m <= 60 ? 2 : m <= 90 ? 3 : 4]!++;
      if ((menitPulangCepat(d.pulang, jadwal(d.tanggal)) ?? 0) > 0) cepat++;
    }
    expect(band[0]! / hadir.length).toBeGreaterThan(0.8);
    for (const n of band.slice(1)) expect(n).toBeGreaterThan(0);
    expect(tanpaMasuk).toBeGreaterThan(0);
    expect(cepat / hadir.length).toBeGreaterThan(0.02);
    expect(data.filter((d) => d.status !== 'HADIR').every((d) => d.masuk === null && d.pulang === null)).toBe(
      true,
    );
  });

  it('the Monday apel: recorded only for those at work, mostly attended, now and then missed', async () => {
    const apel = await rows<{ senin: boolean; status: string; apel: string; n: number }>(
      database.db,
      sql`SELECT extract(isodow FROM tanggal) = 1 AS senin, status, apel, count(*)::int AS n
            FROM kehadiran WHERE instansi_id = ${instansiId} AND apel IS NOT NULL GROUP BY 1, 2, 3`,
    );
    expect(apel.every((a) => a.senin && a.status === 'HADIR')).toBe(true);
    const n = (s: string) => apel.find((a) => a.apel === s)?.n ?? 0;
    expect(n('TIDAK_HADIR')).toBeGreaterThan(0);
    expect(n('TIDAK_HADIR') / (n('HADIR') + n('TIDAK_HADIR'))).toBeLessThan(0.1);
  });
});
