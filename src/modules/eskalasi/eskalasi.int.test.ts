import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { isiDanAjukan, realisasiOf, siklus, wita } from '../../../test/siklus.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let rhk: Awaited<ReturnType<typeof siklus>>['rhk'];

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  ({ rhk } = await siklus(h, org));
  // The admin of the other OPD, to show the list stays inside one's own OPD.
  await h.db.execute(
    sql`INSERT INTO peran_pegawai (pegawai_id, peran, opd_id) VALUES (${org.orangLain.id}, 'ADMIN_OPD', ${org.unor.opd2.id})`,
  );
  h.clock.set(wita('2026-08-03'));
  await isiDanAjukan(await h.login(org.pelaksana.nip), rhk.staf, '2026-07');
  await isiDanAjukan(await h.login(org.pelaksana2.nip), rhk.staf2, '2026-07');
});
afterAll(() => h.close());

async function pada(tanggal: string, jam = 10) {
  h.clock.set(wita(tanggal, jam));
  return {
    kasi: await h.login(org.pengawas.nip),
    kabid: await h.login(org.administrator.nip),
    staf: await h.login(org.pelaksana.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    adminOpd2: await h.login(org.orangLain.nip),
    adminBkd: await h.login(org.adminBkd.nip),
  };
}

const bulan = (id: number) => `/api/realisasi/pegawai/${id}?periode=2026-07`;

describe('eskalasi: items the pejabat penilai missed go to the atasan pejabat penilai', () => {
  it('before the window ends the atasan reads but may not assess; after it he may, and the admins see who missed', async () => {
    // 15 August 23:00 WITA: the assessment window is still open.
    let c = await pada('2026-08-15', 23);
    const dibaca = await c.kabid.get(bulan(org.pelaksana.id));
    expect(dibaca.statusCode, dibaca.body).toBe(200);
    expect(dibaca.json()).toMatchObject({ dapatMenilai: false, menilaiSebagai: null });
    const r1 = realisasiOf(dibaca.json(), rhk.staf[0]!);
    const dini = await c.kabid.post(`/api/realisasi/${r1.id}/nilai`, {
      version: r1.version,
      keputusan: 'TERIMA',
      capaian: 'SESUAI',
    });
    expect(dini.statusCode).toBe(403);
    expect(dini.json().error.message).toMatch(/eskalasi/);
    expect((await c.adminOpd.get('/api/realisasi/eskalasi?periode=2026-07')).json().items).toEqual([]);

    // 16 August: closed. The BKD keeps staf2 with the kasi by opening the window for him until the 18th.
    c = await pada('2026-08-16');
    const bukaan = await c.adminBkd.post('/api/jadwal/bukaan', {
      jenis: 'PENILAIAN',
      periodeKode: '2026-07',
      pegawaiId: org.pelaksana2.id,
      alasan: 'Pejabat penilai baru kembali dari dinas luar',
      berakhir: wita('2026-08-18', 0),
    });
    expect(bukaan.statusCode, bukaan.body).toBe(200);

    const daftar = await c.adminOpd.get('/api/realisasi/eskalasi?periode=2026-07');
    expect(daftar.statusCode, daftar.body).toBe(200);
    expect(daftar.json()).toMatchObject({
      periode: { kode: '2026-07', label: 'Juli 2026' },
      batasPenilaian: '2026-08-15T15:59:59.999Z',
      nextCursor: null,
      items: [
        {
          penilai: { id: org.pengawas.id, jabatanNama: 'Kepala Seksi Kurikulum' },
          atasan: { id: org.administrator.id },
          jumlahPegawai: 1,
          jumlahRealisasi: 2,
          diajukanTerlama: wita('2026-08-03'),
        },
      ],
    });
    expect((await c.adminBkd.get('/api/realisasi/eskalasi?periode=2026-07')).json().items).toHaveLength(1);
    expect((await c.adminOpd2.get('/api/realisasi/eskalasi?periode=2026-07')).json().items).toEqual([]);
    expect((await c.staf.get('/api/realisasi/eskalasi?periode=2026-07')).statusCode).toBe(403);
    expect((await c.kabid.get('/api/realisasi/eskalasi?periode=2026-07')).statusCode).toBe(403);
    expect((await c.adminOpd.get('/api/realisasi/eskalasi?periode=2026-13')).statusCode).toBe(400);
    expect((await c.adminOpd.get('/api/realisasi/eskalasi?periode=2026-07&cursor=x')).statusCode).toBe(400);

    // The atasan sees the escalated employee (and only him) in his inbox and his assessment list.
    const kotak = (await c.kabid.get('/api/kotak-masuk')).json();
    expect(kotak.items.filter((i: { jenis: string }) => i.jenis === 'NILAI')).toMatchObject([
      {
        pegawai: { id: org.pelaksana.id },
        peran: 'ESKALASI',
        atasNama: { id: org.pengawas.id },
        menunggu: 2,
        tenggat: { status: 'TERLAMBAT', label: 'terlambat 1 hari' },
        tautan: `/realisasi/bawahan/${org.pelaksana.id}?periode=2026-07`,
      },
    ]);
    const bawahan = (await c.kabid.get('/api/realisasi/bawahan?periode=2026-07')).json();
    expect(bawahan.items.map((i: { pegawaiId: number; peran: string }) => [i.pegawaiId, i.peran])).toEqual(
      expect.arrayContaining([[org.pelaksana.id, 'ESKALASI']]),
    );
    expect(bawahan.items.map((i: { pegawaiId: number }) => i.pegawaiId)).not.toContain(org.pelaksana2.id);

    // He assesses in the assessor's name; the kasi, past his window, no longer can.
    const eskalasi = (await c.kabid.get(bulan(org.pelaksana.id))).json();
    expect(eskalasi).toMatchObject({
      dapatMenilai: true,
      menilaiSebagai: 'ESKALASI',
      pejabatPenilai: { id: org.pengawas.id },
    });
    const [a, b] = rhk.staf.map((id) => realisasiOf(eskalasi, id));
    const lewat = await c.kasi.post(`/api/realisasi/${a!.id}/nilai`, {
      version: a!.version,
      keputusan: 'TERIMA',
      capaian: 'SESUAI',
    });
    expect(lewat.statusCode).toBe(409);
    expect(lewat.json().error.code).toBe('WINDOW_CLOSED');
    const terima = await c.kabid.post(`/api/realisasi/${a!.id}/nilai`, {
      version: a!.version,
      keputusan: 'TERIMA',
      capaian: 'DI_ATAS',
    });
    expect(terima.statusCode, terima.body).toBe(200);
    expect(terima.json().riwayat.at(-1)).toMatchObject({
      aksi: 'TERIMA',
      oleh: { id: org.administrator.id },
    });
    // The atasan who took the period over sets its ratings.
    const rating = await c.kabid.put(`/api/realisasi/pegawai/${org.pelaksana.id}/penilaian`, {
      periode: '2026-07',
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
    });
    expect(rating.statusCode, rating.body).toBe(200);
    expect(rating.json().penilaian).toMatchObject({
      predikat: 'BAIK',
      penilai: { id: org.administrator.id },
    });
    const kembali = await c.kabid.post(`/api/realisasi/${b!.id}/nilai`, {
      version: b!.version,
      keputusan: 'PERLU_PERBAIKAN',
      arahan: 'Lampirkan daftar hadir kegiatan.',
    });
    expect(kembali.statusCode, kembali.body).toBe(200);
    // Once an item is sent back, the predikat waits for the correction round (issue 13).
    const menunggu = await c.kabid.put(`/api/realisasi/pegawai/${org.pelaksana.id}/penilaian`, {
      periode: '2026-07',
      ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
      version: 1,
    });
    expect(menunggu.statusCode).toBe(409);
    expect(menunggu.json().error.code).toBe('PREDIKAT_MENUNGGU_PERBAIKAN');

    // staf2's items stay with the kasi while the exception lasts.
    const staf2 = (await c.kabid.get(bulan(org.pelaksana2.id))).json();
    expect(staf2).toMatchObject({ dapatMenilai: false });
    const s2 = realisasiOf(staf2, rhk.staf2[0]!);
    expect(
      (
        await c.kabid.post(`/api/realisasi/${s2.id}/nilai`, {
          version: s2.version,
          keputusan: 'TERIMA',
          capaian: 'SESUAI',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await c.kabid.put(`/api/realisasi/pegawai/${org.pelaksana2.id}/penilaian`, {
          periode: '2026-07',
          ratingHasilKerja: 'SESUAI_EKSPEKTASI',
          ratingPerilaku: 'SESUAI_EKSPEKTASI',
        })
      ).statusCode,
    ).toBe(403);
    expect((await c.kasi.get(bulan(org.pelaksana2.id))).json().dapatMenilai).toBe(true);

    // 18 August: the exception has ended; staf2's items escalate too, and the list shows only them.
    c = await pada('2026-08-18');
    expect((await c.adminOpd.get('/api/realisasi/eskalasi?periode=2026-07')).json().items).toMatchObject([
      { penilai: { id: org.pengawas.id }, jumlahPegawai: 1, jumlahRealisasi: 2 },
    ]);
    expect((await c.kabid.get(bulan(org.pelaksana2.id))).json().menilaiSebagai).toBe('ESKALASI');

    const audit = await rows<{ action: string; actor_id: number }>(
      h.db,
      sql`SELECT action, actor_id FROM audit_log WHERE entity IN ('realisasi', 'penilaian') AND actor_id = ${org.administrator.id} ORDER BY id`,
    );
    expect(audit.map((x) => x.action)).toEqual([
      'realisasi.accept',
      'penilaian.buat',
      'realisasi.requestCorrection',
    ]);
  });
});
