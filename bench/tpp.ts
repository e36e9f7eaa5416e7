import { sql } from 'drizzle-orm';
import { type Db, openDatabase, rows } from '../src/db/client.js';
import { prevYearMonth } from '../src/domain/jadwal.js';
import { dateInZone } from '../src/platform/clock.js';
import { EKSPOR_AIM_MB, memoryMb } from './ekspor.js';
import { masuk, startServer, stop, waitFor } from './proses.js';
import type { Row } from './summary.js';

export interface TppDeps {
  /** The database the server reads. */
  url: string;
  port: string;
  admin: { nip: string; password: string };
}

export interface TppFigure {
  name: string;
  seconds: number;
  detail: string;
}

/**
 * The month's attendance of every active employee of the instansi in one statement; per employee and
 * day a hash picks the case (about 85 % on time within 07:00–07:44, 5 % late up to 2.5 h, 8 % excused,
 * 1 % TANPA_KETERANGAN, 1 % no record at all).
 */
async function siapkanKehadiran(db: Db, instansiId: number, bulan: string) {
  const started = performance.now();
  const [found] = await rows<{ n: number }>(
    db,
    sql`WITH ins AS (
          INSERT INTO kehadiran (pegawai_id, tanggal, instansi_id, jam_masuk, jam_pulang, status, sumber)
          SELECT p.id, d.tanggal, p.instansi_id,
                 CASE WHEN k.h < 85 THEN time '07:00' + make_interval(mins => k.m % 45)
                      WHEN k.h < 90 THEN time '07:30' + make_interval(mins => k.m % 150) END,
                 CASE WHEN k.h < 90 THEN time '15:00' + make_interval(mins => 45 + k.m % 120) END,
                 CASE WHEN k.h < 90 THEN 'HADIR' WHEN k.h < 94 THEN 'DINAS_LUAR' WHEN k.h < 96 THEN 'CUTI'
                      WHEN k.h = 96 THEN 'SAKIT' WHEN k.h = 97 THEN 'IZIN' ELSE 'TANPA_KETERANGAN' END,
                 'IMPOR'
            FROM pegawai p
            CROSS JOIN (SELECT g::date AS tanggal FROM generate_series(${`${bulan}-01`}::date,
                          (${`${bulan}-01`}::date + interval '1 month' - interval '1 day'), interval '1 day') g
                         WHERE extract(isodow FROM g) < 6) d
            CROSS JOIN LATERAL (SELECT abs(hashtext(p.id::text || d.tanggal::text)) AS x) hx
            CROSS JOIN LATERAL (SELECT hx.x % 100 AS h, (hx.x / 100) % 1000 AS m) k
           WHERE p.instansi_id = ${instansiId} AND p.is_active AND k.h <> 99
          ON CONFLICT (pegawai_id, tanggal) DO NOTHING
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM ins`,
  );
  await db.execute(sql`ANALYZE kehadiran`);
  return { rows: found!.n, seconds: (performance.now() - started) / 1000 };
}

export interface TppResult {
  bulan: string;
  seed: { rows: number; seconds: number };
  figures: TppFigure[];
  peakMb: number;
  /** The payroll XLSX download's peak on its own fresh server, MB. */
  xlsxPeakMb: number;
}

export async function tpp(deps: TppDeps): Promise<TppResult> {
  const database = await openDatabase({ databaseUrl: deps.url });
  const [instansi] = await rows<{ id: number; zona_waktu: string }>(
    database.db,
    sql`SELECT i.id, i.zona_waktu FROM instansi i JOIN pegawai p ON p.instansi_id = i.id WHERE p.nip = ${deps.admin.nip}`,
  );
  const bulan = prevYearMonth(dateInZone(new Date(), instansi!.zona_waktu).slice(0, 7));
  const seed = await siapkanKehadiran(database.db, instansi!.id, bulan);
  await database.close();
  const base = `http://127.0.0.1:${deps.port}`;
  /** A fresh server process, logged in as the BKD admin. */
  const server = async () => {
    const child = startServer({
      DATABASE_URL: deps.url,
      PORT: deps.port,
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '100000000',
    });
    await waitFor(`${base}/api/health`, child);
    const { cookie, csrfToken } = await masuk(base, deps.admin.nip, deps.admin.password);
    return {
      child,
      cookie,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    };
  };
  const figures: TppFigure[] = [];
  const hitung = await server();
  let peakHitungMb: number;
  try {
    const timed = async (name: string, path: string, body: unknown, detail: (out: unknown) => string) => {
      const started = performance.now();
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: hitung.headers,
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      const out = await res.json();
      figures.push({ name, seconds: (performance.now() - started) / 1000, detail: detail(out) });
      return out as { version: number };
    };
    const lines = (out: unknown) => {
      const m = out as { jumlahPegawai: number; total: number; hariKerja: number };
      return `${m.jumlahPegawai.toLocaleString('id-ID')} lines, ${m.hariKerja} working days, Rp ${m.total.toLocaleString('id-ID')}`;
    };
    await timed('compute (cold)', `/api/tpp/${bulan}/hitung`, {}, lines);
    const draf = await timed('recompute (lines replaced)', `/api/tpp/${bulan}/hitung`, {}, lines);
    await timed(
      'approve',
      `/api/tpp/${bulan}/setujui`,
      {
        version: draf.version,
        // The bench month has no predikat; the approval states why it goes ahead (SPEC §7.1).
        alasan: 'Uji beban: penilaian bulan ini belum ada.',
      },
      () => '',
    );
    peakHitungMb = (await memoryMb(hitung.child.pid!)).peak;
  } finally {
    await stop(hitung.child);
  }
  // The export on its own fresh process, so its peak is the export's (SPEC §8's 300 MB aim).
  const ekspor = await server();
  try {
    const started = performance.now();
    const res = await fetch(`${base}/api/tpp/${bulan}/xlsx`, { headers: { cookie: ekspor.cookie } });
    if (!res.ok) throw new Error(`xlsx: ${res.status}`);
    const bytes = (await res.arrayBuffer()).byteLength;
    const peakMb = (await memoryMb(ekspor.child.pid!)).peak;
    figures.push({
      name: 'payroll XLSX download',
      seconds: (performance.now() - started) / 1000,
      detail: `${(bytes / 1024 / 1024).toFixed(1)} MB; fresh server, peak resident ${peakMb.toFixed(0)} MB, under ${EKSPOR_AIM_MB} MB: ${peakMb < EKSPOR_AIM_MB ? 'yes' : 'NO'}`,
    });
    return { bulan, seed, figures, peakMb: peakHitungMb, xlsxPeakMb: peakMb };
  } finally {
    await stop(ekspor.child);
  }
}

export function printTpp({ bulan, seed, figures, peakMb }: TppResult) {
  console.log(
    `\nTPP ${bulan} over HTTP as the BKD admin; attendance seeded: ${seed.rows.toLocaleString('id-ID')} day rows in ` +
      `${seed.seconds.toFixed(1)} s; peak resident memory of the computation (fresh server) ${peakMb.toFixed(0)} MB`,
  );
  console.log('step                           seconds  detail');
  for (const f of figures) {
    console.log(`${f.name.padEnd(30)} ${f.seconds.toFixed(1).padStart(7)}  ${f.detail}`);
  }
}

/** The steps' times are reported; the payroll XLSX (one line per employee) is held to the export aim. */
export function tppRows(r: TppResult): Row[] {
  const scenario = `TPP ${r.bulan}`;
  return [
    ...r.figures.map((f): Row => ({ scenario, figure: f.name, value: f.seconds, unit: 's' })),
    { scenario, figure: 'computation server peak', value: r.peakMb, unit: 'MB' },
    {
      scenario,
      figure: 'payroll XLSX server peak',
      value: r.xlsxPeakMb,
      unit: 'MB',
      aim: { op: '<', value: EKSPOR_AIM_MB },
    },
  ];
}
