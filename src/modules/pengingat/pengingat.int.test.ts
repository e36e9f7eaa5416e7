import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { isiDanAjukan, realisasiOf, siklus, wita } from '../../../test/siklus.js';
import { rows } from '../../db/client.js';
import { KUNCI_PENGINGAT } from './pengingat.service.js';

let h: Harness;
let org: Org;
let rhk: Awaited<ReturnType<typeof siklus>>['rhk'];

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  ({ rhk } = await siklus(h, org));
  h.clock.set(wita('2026-08-03'));
  await isiDanAjukan(await h.login(org.pelaksana.nip), rhk.staf, '2026-07');
});
afterAll(() => h.close());

type Notif = { pegawaiId: number; jenis: string; pesan: string; tautan: string; kunci: string };
const notifikasi = (jenis: string) =>
  rows<Notif>(
    h.db,
    sql`SELECT pegawai_id AS "pegawaiId", jenis, pesan, tautan, kunci FROM notifikasi
         WHERE jenis = ${jenis} ORDER BY pegawai_id, id`,
  );
const jalankan = (tanggal: string) => {
  h.clock.set(wita(tanggal));
  return h.app.pengingat.jalankan();
};

describe('pengingat tenggat: once, to those with work left', () => {
  it('reminds of closing windows once, tells the atasan of escalations, and runs on one instance at a time', async () => {
    // 4 August: input closes in more than three days; nothing yet.
    expect(await jalankan('2026-08-04')).toEqual({ dijalankan: true, dikirim: 0 });

    // 5 August: everyone with a plan and RHKs not submitted, not the staf who submitted.
    expect(await jalankan('2026-08-05')).toEqual({ dijalankan: true, dikirim: 4 });
    const lapor = await notifikasi('TENGGAT_REALISASI');
    expect(lapor.map((n) => n.pegawaiId).sort()).toEqual(
      [org.kepala.id, org.administrator.id, org.pengawas.id, org.pelaksana2.id].sort(),
    );
    expect(lapor.find((n) => n.pegawaiId === org.pengawas.id)).toMatchObject({
      pesan: 'Pengisian realisasi periode Juli 2026 berakhir 7 Agustus 2026 (WITA); 2 RHK belum diajukan.',
      tautan: '/realisasi?periode=2026-07',
      kunci: 'tenggat:INPUT:2026-07',
    });
    // Running again sends nothing new.
    expect(await jalankan('2026-08-06')).toEqual({ dijalankan: true, dikirim: 0 });
    expect(await notifikasi('TENGGAT_REALISASI')).toHaveLength(4);

    // 13 August: assessment closes; the kasi and, while it is in force, his delegate.
    h.clock.set(wita('2026-08-13'));
    const kasi = await h.login(org.pengawas.nip);
    const delegasi = await kasi.post('/api/delegasi', {
      penerimaId: org.kepala2.id,
      mulai: '2026-08-13',
      selesai: '2026-08-14',
      alasan: 'Dinas luar',
    });
    expect(delegasi.statusCode, delegasi.body).toBe(201);
    // Also, input having closed on 7 August, the OPD admin learns who has not reported (once).
    expect(await jalankan('2026-08-13')).toEqual({ dijalankan: true, dikirim: 3 });
    expect(await notifikasi('TUNGGAKAN_OPD')).toMatchObject([
      {
        pegawaiId: org.adminOpd.id,
        pesan:
          'Pengisian realisasi periode Juli 2026 berakhir 7 Agustus 2026 (WITA); 4 pegawai Dinas Pendidikan belum melaporkan realisasi.',
        tautan: `/monitoring/opd/${org.unor.opd.id}?periode=2026-07`,
        kunci: `tunggakan:INPUT:2026-07:${org.unor.opd.id}`,
      },
    ]);
    const nilai = await notifikasi('TENGGAT_PENILAIAN');
    expect(nilai.map((n) => n.pegawaiId).sort()).toEqual([org.pengawas.id, org.kepala2.id].sort());
    expect(nilai[0]).toMatchObject({
      pesan:
        'Penilaian dan umpan balik periode Juli 2026 berakhir 15 Agustus 2026 (WITA); realisasi 1 pegawai menunggu penilaian Anda.',
      tautan: '/realisasi/bawahan?periode=2026-07',
      kunci: 'nilai:PENILAIAN:2026-07',
    });

    // 16 August: the kasi missed it; the kabid is told once, and the OPD admin of the waiting item.
    expect(await jalankan('2026-08-16')).toEqual({ dijalankan: true, dikirim: 2 });
    expect(await jalankan('2026-08-16')).toEqual({ dijalankan: true, dikirim: 0 });
    expect(await notifikasi('ESKALASI_PENILAIAN')).toMatchObject([
      {
        pegawaiId: org.administrator.id,
        pesan: expect.stringMatching(
          /^Realisasi 1 pegawai \(2 RHK\) periode Juli 2026 belum dinilai Kepala Seksi/,
        ),
        kunci: `eskalasi:2026-07:${org.pengawas.id}`,
      },
    ]);

    // The kabid sends one item back and accepts the other.
    const kabid = await h.login(org.administrator.nip);
    const bulan = (await kabid.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-07`)).json();
    const [a, b] = rhk.staf.map((id) => realisasiOf(bulan, id));
    for (const [r, body] of [
      [a!, { keputusan: 'PERLU_PERBAIKAN', arahan: 'Lengkapi bukti dukung.' }],
      [b!, { keputusan: 'TERIMA', capaian: 'SESUAI' }],
    ] as const) {
      const res = await kabid.post(`/api/realisasi/${r.id}/nilai`, { version: r.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
    }

    // 23 August: corrections close. Two runs at once: one does the work, the staf is told once.
    h.clock.set(wita('2026-08-23'));
    const [x, y] = await Promise.all([h.app.pengingat.jalankan(), h.app.pengingat.jalankan()]);
    expect([x, y].map((r) => r.dikirim).sort()).toEqual([0, 1]);
    // 27 August: corrections closed; the OPD admin learns of the item not corrected.
    expect(await jalankan('2026-08-27')).toEqual({ dijalankan: true, dikirim: 1 });
    expect((await notifikasi('TUNGGAKAN_OPD')).map((n) => n.pesan)).toEqual([
      expect.stringContaining('4 pegawai Dinas Pendidikan belum melaporkan realisasi.'),
      'Penilaian dan umpan balik periode Juli 2026 berakhir 15 Agustus 2026 (WITA); 1 pegawai Dinas Pendidikan menunggu penilaian pejabat penilai.',
      'Perbaikan realisasi periode Juli 2026 berakhir 25 Agustus 2026 (WITA); 1 pegawai Dinas Pendidikan belum memperbaiki realisasi yang dikembalikan.',
    ]);
    // The run also refreshed the monitoring recap of the periods still changing, and filled this
    // year's earlier months and last year's once.
    const rekap = await rows<{ periode_kode: string; melapor: number }>(
      h.db,
      sql`SELECT periode_kode, melapor FROM rekap_opd_periode WHERE opd_id = ${org.unor.opd.id} ORDER BY periode_kode`,
    );
    expect(rekap.map((r) => r.periode_kode)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((m) => `2026-0${m}`),
    ]);
    expect(rekap.slice(17)).toEqual([
      { periode_kode: '2026-06', melapor: 0 },
      { periode_kode: '2026-07', melapor: 1 },
      { periode_kode: '2026-08', melapor: 0 },
    ]);
    expect(await notifikasi('TENGGAT_PERBAIKAN')).toMatchObject([
      {
        pegawaiId: org.pelaksana.id,
        pesan:
          'Perbaikan realisasi periode Juli 2026 berakhir 25 Agustus 2026 (WITA); 1 realisasi perlu Anda perbaiki.',
      },
    ]);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('skips the run while another instance holds the lock', async () => {
    h.clock.set(wita('2026-08-23'));
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${KUNCI_PENGINGAT}::bigint)`);
      expect(await h.app.pengingat.jalankan()).toEqual({ dijalankan: false, dikirim: 0 });
    });
    expect((await h.app.pengingat.jalankan()).dijalankan).toBe(true);
  });
});

describe('the hourly run also sweeps storage', () => {
  it('removes the chunks an upload cut off over a day ago left, with STORAGE=postgres', async () => {
    const p = await createHarness({ now: '2026-08-20T02:00:00Z', env: { STORAGE: 'postgres' } });
    try {
      await p.db.execute(
        sql`INSERT INTO berkas_potongan (unggahan, urutan, data, dibuat) VALUES
              ('0b7e6a10-2222-4c3d-8e9f-000000000001', 0, '\\x01', '2026-08-18T00:00:00Z'),
              ('0b7e6a10-2222-4c3d-8e9f-000000000002', 0, '\\x02', '2026-08-19T12:00:00Z')`,
      );
      expect((await p.app.pengingat.jalankan()).dijalankan).toBe(true);
      const sisa = await rows<{ u: string }>(p.db, sql`SELECT unggahan::text AS u FROM berkas_potongan`);
      expect(sisa).toEqual([{ u: '0b7e6a10-2222-4c3d-8e9f-000000000002' }]);
    } finally {
      await p.close();
    }
  });
});
