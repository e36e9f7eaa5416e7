import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { isiDanAjukan, realisasiOf, siklus, wita } from '../../../test/siklus.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let c: Awaited<ReturnType<typeof logins>>;
let rhk: Awaited<ReturnType<typeof siklus>>['rhk'];

type Client = Awaited<ReturnType<Harness['login']>>;

async function nilai(
  penilai: Client,
  pegawaiId: number,
  keputusan: 'TERIMA' | 'PERLU_PERBAIKAN',
  rhkIds?: number[],
) {
  const bulan = (await penilai.get(`/api/realisasi/pegawai/${pegawaiId}?periode=2026-07`)).json();
  for (const item of bulan.items as { rhk: { id: number } }[]) {
    if (rhkIds && !rhkIds.includes(item.rhk.id)) continue;
    const r = realisasiOf(bulan, item.rhk.id);
    const body =
      keputusan === 'TERIMA'
        ? { keputusan, capaian: 'SESUAI' }
        : { keputusan, arahan: 'Lengkapi bukti dukung.' };
    const res = await penilai.post(`/api/realisasi/${r.id}/nilai`, { version: r.version, ...body });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/**
 * July 2026 in the Dinas Pendidikan: the staf reports on time and is accepted; the staf2 reports late
 * through an exception and waits; the kabid reports on time, is sent back and corrects; the kasi
 * reports on time, is sent back and does not correct; the kadis reports nothing.
 */
beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  ({ rhk } = await siklus(h, org));
  await pada('2026-08-03');
  await isiDanAjukan(c.staf, rhk.staf, '2026-07');
  await isiDanAjukan(c.kasi, rhk.kasi, '2026-07');
  const kabidBulan = (await c.kabid.get('/api/realisasi?periode=2026-07')).json();
  await isiDanAjukan(
    c.kabid,
    (kabidBulan.items as { rhk: { id: number } }[]).map((i) => i.rhk.id),
    '2026-07',
  );
  await pada('2026-08-09');
  const bukaan = await c.adminBkd.post('/api/jadwal/bukaan', {
    jenis: 'INPUT',
    periodeKode: '2026-07',
    pegawaiId: org.pelaksana2.id,
    alasan: 'Gangguan jaringan',
    berakhir: '2026-08-11T00:00:00+08:00',
  });
  expect(bukaan.statusCode, bukaan.body).toBe(200);
  await isiDanAjukan(c.staf2, rhk.staf2, '2026-07');
  await pada('2026-08-10');
  await nilai(c.kasi, org.pelaksana.id, 'TERIMA');
  await nilai(c.kadis, org.administrator.id, 'PERLU_PERBAIKAN');
  await nilai(c.kabid, org.pengawas.id, 'PERLU_PERBAIKAN', [rhk.kasi[0]!]);
  await pada('2026-08-20');
  const perbaikan = await c.kabid.post('/api/realisasi/ajukan', { periode: '2026-07' });
  expect(perbaikan.statusCode, perbaikan.body).toBe(200);
  await pada('2026-08-27');
});
afterAll(() => h.close());

/** Sets the clock and signs everyone in again (sessions last 12 hours). */
async function pada(tanggal: string) {
  h.clock.set(wita(tanggal));
  c = await logins();
}

async function logins() {
  return {
    gub: await h.login(org.gubernur.nip),
    kadis: await h.login(org.kepala.nip),
    kabid: await h.login(org.administrator.nip),
    kasi: await h.login(org.pengawas.nip),
    staf: await h.login(org.pelaksana.nip),
    staf2: await h.login(org.pelaksana2.nip),
    fung: await h.login(org.fungsional.nip),
    adminBkd: await h.login(org.adminBkd.nip),
    adminOpd: await h.login(org.adminOpd.nip),
  };
}

describe('monitoring pengisian (SPEC §8)', () => {
  it('says the figures are not computed yet rather than computing or inventing zeros', async () => {
    const res = await c.adminBkd.get('/api/monitoring/ringkasan?periode=2026-07');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dihitungAt: null, total: null, statusSkp: null, opd: [] });
    const kepatuhan = (await c.gub.get('/api/monitoring/kepatuhan?tahun=2026')).json();
    expect(kepatuhan.lengkap).toBe(false);
    expect(kepatuhan.periode.every((p: { dihitungAt: string | null }) => p.dihitungAt === null)).toBe(true);
    const tren = (await c.adminBkd.get('/api/monitoring/tren?tahun=2026')).json();
    expect(tren.items.every((i: { angka: unknown }) => i.angka === null)).toBe(true);
    const [n] = await rows<{ n: number }>(h.db, sql`SELECT count(*)::int AS n FROM rekap_opd_periode`);
    expect(n!.n).toBe(0);
  });

  it('sums the period per OPD from the recap the scheduled job keeps', async () => {
    await h.app.monitoring.perbaruiBerjalan(org.instansiId);
    const res = await c.adminBkd.get('/api/monitoring/ringkasan?periode=2026-07');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.periode).toEqual({ kode: '2026-07', label: 'Juli 2026' });
    expect(body.inputDitutup).toBe(true);
    expect(body.opd.map((o: { nama: string }) => o.nama)).toEqual([
      'Badan Kepegawaian Daerah',
      'Dinas Kesehatan',
      'Dinas Pendidikan',
    ]);
    const dinas = body.opd.find((o: { id: number }) => o.id === org.unor.opd.id);
    expect(dinas.angka).toMatchObject({
      jumlahPegawai: 7,
      skpDisetujui: 5,
      melapor: 4,
      tepatWaktu: 3,
      dinilai: 1,
      perluPerbaikan: 2,
      diperbaiki: 1,
      terlambat: 2,
      persenMelapor: 80,
      kepatuhan: 60,
    });
    expect(dinas.statusSkp).toMatchObject({ DISETUJUI: 5, BELUM_ADA: 2 });
    expect(dinas.unitMelanggar).toBe(0);
    expect(body.total).toMatchObject({ skpDisetujui: 5, melapor: 4, tepatWaktu: 3 });
    expect(body.statusSkp.DISETUJUI).toBe(5);
    expect(body.dihitungAt).toBe(h.clock.now().toISOString());
  });

  it('after the job every read of the year only reads recaps: what the recap rows hold is what is shown', async () => {
    // Figures no computation over the plans and realisasi could give: read back, they can only come
    // from the recap rows (a read that computed would show 5 approved plans, 3 on time, 0 breaches).
    await h.db.execute(
      sql`UPDATE rekap_opd_periode SET skp_disetujui = 40, tepat_waktu = 10, unit_melanggar = 7
           WHERE opd_id = ${org.unor.opd.id} AND periode_kode = '2026-07'`,
    );
    await h.db.execute(
      sql`UPDATE rekap_skp_tahun SET draft = 99 WHERE opd_id = ${org.unor.opd.id} AND tahun = 2026`,
    );
    const ringkasan = (await c.adminBkd.get('/api/monitoring/ringkasan?periode=2026-07')).json();
    const dinas = ringkasan.opd.find((o: { id: number }) => o.id === org.unor.opd.id);
    expect(dinas.angka).toMatchObject({ skpDisetujui: 40, tepatWaktu: 10, kepatuhan: 25 });
    expect(dinas.unitMelanggar).toBe(7);
    expect(dinas.statusSkp.DRAFT).toBe(99);
    const kepatuhan = (await c.gub.get('/api/monitoring/kepatuhan?tahun=2026')).json();
    expect(kepatuhan.lengkap).toBe(true);
    expect(kepatuhan.periode.every((p: { dihitungAt: string | null }) => p.dihitungAt !== null)).toBe(true);
    const baris = kepatuhan.opd.find((o: { id: number }) => o.id === org.unor.opd.id);
    expect(baris.perPeriode.find((p: { kode: string }) => p.kode === '2026-07').kepatuhan).toBe(25);
    const tren = (await c.adminBkd.get(`/api/monitoring/tren?tahun=2026&opdId=${org.unor.opd.id}`)).json();
    expect(tren.items.find((i: { kode: string }) => i.kode === '2026-07').angka.skpDisetujui).toBe(40);
    // The next run of the job puts the computed figures back.
    await h.app.monitoring.perbaruiBerjalan(org.instansiId);
    const lagi = (await c.adminBkd.get('/api/monitoring/ringkasan?periode=2026-07')).json();
    expect(lagi.opd.find((o: { id: number }) => o.id === org.unor.opd.id)).toMatchObject({
      angka: { skpDisetujui: 5, tepatWaktu: 3 },
      unitMelanggar: 0,
      statusSkp: { DRAFT: 0 },
    });
  });

  it('lists who is late with the reason, by name, a page at a time', async () => {
    const url = `/api/monitoring/opd/${org.unor.opd.id}/terlambat?periode=2026-07&limit=2`;
    const first = await c.adminOpd.get(url);
    expect(first.statusCode, first.body).toBe(200);
    const p1 = first.json();
    expect(
      p1.items.map((i: { pegawai: { namaLengkap: string }; status: string[] }) => [
        i.pegawai.namaLengkap,
        i.status,
      ]),
    ).toEqual([
      // The kabid's correction is not late: it may be re-assessed until July closes (31 August).
      ['Kepala Dinas', ['BELUM_MELAPOR']],
      ['Kepala Seksi', ['BELUM_DINILAI', 'BELUM_DIPERBAIKI']],
    ]);
    expect(p1.items[1].penilai).toMatchObject({ id: org.administrator.id, namaLengkap: 'Kepala Bidang' });
    expect(p1.nextCursor).toEqual(expect.any(String));
    const p2 = (await c.adminOpd.get(`${url}&cursor=${p1.nextCursor}`)).json();
    expect(p2.items).toMatchObject([
      {
        pegawai: { id: org.pelaksana2.id, nip: org.pelaksana2.nip, jabatanNama: 'Pengolah Data Kurikulum' },
        penilai: { id: org.pengawas.id },
        status: ['MELAPOR_TERLAMBAT', 'BELUM_DINILAI'],
        rhk: 2,
        diajukan: 2,
        menunggu: 2,
      },
    ]);
    expect(p2.nextCursor).toBeNull();
    expect((await c.adminOpd.get(`${url}&cursor=rusak`)).statusCode).toBe(400);
  });

  it('shows one OPD per unit, live', async () => {
    const res = await c.adminOpd.get(`/api/monitoring/opd/${org.unor.opd.id}?periode=2026-07`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toMatchObject({ skpDisetujui: 5, melapor: 4, tepatWaktu: 3, terlambat: 2 });
    const seksi = body.units.find((u: { unor: { id: number } }) => u.unor.id === org.unor.seksi.id);
    expect(seksi.angka).toMatchObject({ jumlahPegawai: 5, skpDisetujui: 3, melapor: 3, tepatWaktu: 2 });
  });

  it('ranks OPDs by compliance over the year and gives the trend', async () => {
    const res = await c.gub.get('/api/monitoring/kepatuhan?tahun=2026');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.periode.map((p: { kode: string }) => p.kode)).toEqual(
      Array.from({ length: 8 }, (_, i) => `2026-0${i + 1}`),
    );
    expect(body.periode.find((p: { kode: string }) => p.kode === '2026-07').ditutup).toBe(true);
    expect(body.periode.find((p: { kode: string }) => p.kode === '2026-08').ditutup).toBe(false);
    expect(body.opd[0]).toMatchObject({ id: org.unor.opd.id, peringkat: 1 });
    expect(body.opd[0].perPeriode.find((p: { kode: string }) => p.kode === '2026-07').kepatuhan).toBe(60);
    expect(body.opd.slice(1).map((o: { peringkat: number | null }) => o.peringkat)).toEqual([null, null]);

    const tren = (await c.adminOpd.get(`/api/monitoring/tren?tahun=2026&opdId=${org.unor.opd.id}`)).json();
    expect(tren.opd).toEqual({ id: org.unor.opd.id, nama: 'Dinas Pendidikan' });
    expect(tren.items.find((i: { kode: string }) => i.kode === '2026-07').angka.persenMelapor).toBe(80);
  });

  it('refreshes on demand, idempotently, and shows the new figures', async () => {
    const before = (await c.adminBkd.get('/api/monitoring/ringkasan?periode=2026-07')).json();
    h.clock.set(wita('2026-08-27', 11));
    const a = await c.adminOpd.post('/api/monitoring/perbarui', { periode: '2026-07' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toEqual({ periode: '2026-07', dihitungAt: h.clock.now().toISOString(), opd: 3 });
    expect((await c.adminBkd.post('/api/monitoring/perbarui', { periode: '2026-07' })).statusCode).toBe(200);
    const [n] = await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM rekap_opd_periode WHERE periode_kode = '2026-07' AND instansi_id = ${org.instansiId}`,
    );
    expect(n!.n).toBe(3);
    const after = (await c.adminBkd.get('/api/monitoring/ringkasan?periode=2026-07')).json();
    expect(after.dihitungAt).toBe(h.clock.now().toISOString());
    expect(after.total).toEqual(before.total);
    const [audit] = await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'rekap_monitoring.perbarui'`,
    );
    expect(audit!.n).toBe(2);
    expect((await c.adminBkd.post('/api/monitoring/perbarui', { periode: '2026-13' })).statusCode).toBe(400);
  });

  it('shows a change of the data only after the job has run, with the time of its recap', async () => {
    const sebelum = (await c.adminBkd.get('/api/monitoring/ringkasan?periode=2026-07')).json();
    const dinas = (b: { opd: { id: number; angka: { dinilai: number } }[] }) =>
      b.opd.find((o) => o.id === org.unor.opd.id)!;
    expect(dinas(sebelum).angka.dinilai).toBe(1);
    // The kadis accepts the kabid's corrected items (re-assessment stays open until July closes).
    h.clock.set(wita('2026-08-28', 9));
    c = await logins();
    await nilai(c.kadis, org.administrator.id, 'TERIMA');
    const belum = (await c.adminBkd.get('/api/monitoring/ringkasan?periode=2026-07')).json();
    expect(dinas(belum).angka.dinilai).toBe(1);
    expect(belum.dihitungAt).toBe(sebelum.dihitungAt);
    await h.app.pengingat.jalankan();
    const sesudah = (await c.adminBkd.get('/api/monitoring/ringkasan?periode=2026-07')).json();
    expect(dinas(sesudah).angka.dinilai).toBe(2);
    expect(sesudah.dihitungAt).toBe(h.clock.now().toISOString());
  });

  it('lets in the BKD, the OPD admin for his OPD and the head of region; nobody else', async () => {
    const staf = await c.staf.get('/api/monitoring/ringkasan?periode=2026-07');
    expect(staf.statusCode).toBe(403);
    expect((await c.kadis.get('/api/monitoring/kepatuhan')).statusCode).toBe(403);
    expect((await c.staf.get(`/api/monitoring/opd/${org.unor.opd.id}/terlambat`)).statusCode).toBe(403);
    expect((await c.staf.post('/api/monitoring/perbarui', { periode: '2026-07' })).statusCode).toBe(403);
    expect((await c.gub.post('/api/monitoring/perbarui', { periode: '2026-07' })).statusCode).toBe(403);
    expect((await c.adminOpd.get(`/api/monitoring/opd/${org.unor.opd2.id}?periode=2026-07`)).statusCode).toBe(
      403,
    );
    expect((await c.adminOpd.get(`/api/monitoring/tren?opdId=${org.unor.opd2.id}`)).statusCode).toBe(403);
    expect((await c.adminBkd.get('/api/monitoring/opd/999999')).statusCode).toBe(404);

    const opd = (await c.adminOpd.get('/api/monitoring/ringkasan?periode=2026-07')).json();
    expect(opd.opd.map((o: { id: number }) => o.id)).toEqual([org.unor.opd.id]);
    const gub = await c.gub.get(`/api/monitoring/opd/${org.unor.opd2.id}/terlambat?periode=2026-07`);
    expect(gub.statusCode, gub.body).toBe(200);
    // The head of region holds no role: the whole instansi through the hierarchy.
    const gubRingkasan = await c.gub.get('/api/monitoring/ringkasan?periode=2026-07');
    expect(gubRingkasan.statusCode, gubRingkasan.body).toBe(200);
    expect(gubRingkasan.json().opd).toHaveLength(3);

    expect((await c.gub.get('/api/monitoring/akses')).json()).toMatchObject({
      instansi: true,
      periodeBawaan: '2026-07',
      tahunBawaan: 2026,
    });
    expect((await c.adminOpd.get('/api/monitoring/akses')).json()).toMatchObject({
      instansi: false,
      opd: [{ id: org.unor.opd.id, nama: 'Dinas Pendidikan' }],
    });
    expect((await c.staf.get('/api/monitoring/akses')).json()).toMatchObject({ instansi: false, opd: [] });
  });
});
