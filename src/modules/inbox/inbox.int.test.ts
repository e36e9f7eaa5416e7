import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { isiDanAjukan, realisasiOf, siklus, wita } from '../../../test/siklus.js';
import type { Client } from '../../../test/skp.js';
import type { ItemKotakMasuk, KotakMasukOut } from '../../contracts/kotak-masuk.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let rhk: Awaited<ReturnType<typeof siklus>>['rhk'];

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  ({ rhk } = await siklus(h, org));
});
afterAll(() => h.close());

async function pada(tanggal: string) {
  h.clock.set(wita(tanggal));
  return {
    kasi: await h.login(org.pengawas.nip),
    staf: await h.login(org.pelaksana.nip),
    asing: await h.login(org.orangLain.nip),
  };
}

async function kotak(c: Client): Promise<KotakMasukOut> {
  const res = await c.get('/api/kotak-masuk');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const jenis = (k: KotakMasukOut, j: ItemKotakMasuk['jenis']) => k.items.filter((i) => i.jenis === j);

describe('kotak masuk: what waits, with deadlines counted down in WITA', () => {
  it('shows reporting, assessing, correcting and dialog follow-ups as they come and go', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/kotak-masuk' })).statusCode).toBe(401);

    // 3 August: the input window for July is open until the 7th.
    let c = await pada('2026-08-03');
    let staf = await kotak(c.staf);
    expect(staf).toMatchObject({ sekarang: wita('2026-08-03'), zona: 'WITA' });
    expect(jenis(staf, 'LAPOR')).toEqual([
      {
        jenis: 'LAPOR',
        periode: { kode: '2026-07', label: 'Juli 2026' },
        jumlahRhk: 2,
        belumDiajukan: 2,
        tenggat: {
          akhir: '2026-08-07T15:59:59.999Z',
          tanggalAkhir: '2026-08-07',
          mulai: null,
          status: 'BERJALAN',
          sisaMs: Date.parse('2026-08-07T15:59:59.999Z') - Date.parse(wita('2026-08-03')),
          sisaHari: 4,
          label: '4 hari lagi',
        },
        tautan: '/realisasi?periode=2026-07',
      },
    ]);
    // The window card of Realisasi Saya counts down in the same words, from the same server clock.
    const saya = await c.staf.get('/api/realisasi?periode=2026-07');
    expect(saya.statusCode, saya.body).toBe(200);
    const kartu = (saya.json() as { jendela: { jenis: string; tenggat: unknown }[] }).jendela;
    expect(kartu.find((j) => j.jenis === 'INPUT')?.tenggat).toEqual(jenis(staf, 'LAPOR')[0]!.tenggat);
    expect(kartu.find((j) => j.jenis === 'PENILAIAN')?.tenggat).toMatchObject({
      status: 'BELUM_DIBUKA',
      label: 'dibuka 5 hari lagi',
    });
    // Someone without a plan or subordinates has nothing waiting.
    expect(await kotak(c.asing)).toMatchObject({
      items: [],
      jumlah: { LAPOR: 0, PERBAIKI: 0, NILAI: 0, TINDAK_LANJUT: 0 },
    });

    // A draft is not submitted yet; after submitting, nothing is left to report.
    const draf = await c.staf.put(`/api/realisasi/${rhk.staf[0]}/2026-07`, { nilai: 3, satuan: 'data' });
    expect(draf.statusCode, draf.body).toBe(200);
    expect(jenis(await kotak(c.staf), 'LAPOR')).toMatchObject([{ belumDiajukan: 2 }]);
    await isiDanAjukan(c.staf, rhk.staf.slice(1), '2026-07');
    expect(jenis(await kotak(c.staf), 'LAPOR')).toEqual([]);

    // The kasi: his own July report, and the staf waiting for a window that opens on the 8th.
    let kasi = await kotak(c.kasi);
    expect(jenis(kasi, 'LAPOR')).toMatchObject([{ periode: { kode: '2026-07' }, belumDiajukan: 2 }]);
    expect(jenis(kasi, 'NILAI')).toMatchObject([
      {
        pegawai: { id: org.pelaksana.id },
        periode: { kode: '2026-07' },
        peran: 'LANGSUNG',
        atasNama: null,
        menunggu: 2,
        diajukanTerlama: wita('2026-08-03'),
        tenggat: { status: 'BELUM_DIBUKA', label: 'dibuka 5 hari lagi', tanggalAkhir: '2026-08-15' },
        tautan: `/realisasi/bawahan/${org.pelaksana.id}?periode=2026-07`,
      },
    ]);

    // 10 August: the kasi sends one back; a coaching dialog left the staf two open follow-ups.
    c = await pada('2026-08-10');
    const bulan = (await c.kasi.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-07`)).json();
    const r1 = realisasiOf(bulan, rhk.staf[0]!);
    const kembali = await c.kasi.post(`/api/realisasi/${r1.id}/nilai`, {
      version: r1.version,
      keputusan: 'PERLU_PERBAIKAN',
      arahan: 'Rinci per sekolah.',
    });
    expect(kembali.statusCode, kembali.body).toBe(200);
    const [dialog] = await rows<{ id: number }>(
      h.db,
      sql`INSERT INTO dialog_kinerja (instansi_id, pegawai_id, pimpinan_id, tanggal, jenis, topik)
          VALUES (${org.instansiId}, ${org.pelaksana.id}, ${org.pengawas.id}, '2026-08-05', 'BIMBINGAN', 'Penyusunan laporan')
          RETURNING id`,
    );
    await h.db.execute(
      sql`INSERT INTO dialog_tindak_lanjut (dialog_id, uraian, penanggung_jawab_id, tenggat, selesai_at) VALUES
            (${dialog!.id}, 'Kirim draf laporan', ${org.pelaksana.id}, '2026-08-12', NULL),
            (${dialog!.id}, 'Lengkapi data sekolah', ${org.pelaksana.id}, '2026-08-08', NULL),
            (${dialog!.id}, 'Baca pedoman', ${org.pelaksana.id}, '2026-08-09', ${wita('2026-08-09')}),
            (${dialog!.id}, 'Tinjau draf', ${org.pengawas.id}, '2026-08-13', NULL)`,
    );

    staf = await kotak(c.staf);
    // Most urgent first: the overdue follow-up, the next one, the correction, next month's report.
    expect(staf.items.map((i) => i.jenis)).toEqual(['TINDAK_LANJUT', 'TINDAK_LANJUT', 'PERBAIKI', 'LAPOR']);
    expect(staf.jumlah).toEqual({ LAPOR: 1, PERBAIKI: 1, NILAI: 0, TINDAK_LANJUT: 2 });
    expect(staf.items[0]).toMatchObject({
      uraian: 'Lengkapi data sekolah',
      dialog: {
        id: dialog!.id,
        jenis: 'BIMBINGAN',
        topik: 'Penyusunan laporan',
        pegawai: { id: org.pelaksana.id },
      },
      tenggat: { akhir: '2026-08-08T15:59:59.999Z', status: 'TERLAMBAT', label: 'terlambat 2 hari' },
      tautan: `/dialog?id=${dialog!.id}`,
    });
    expect(staf.items[1]).toMatchObject({ uraian: 'Kirim draf laporan', tenggat: { label: '2 hari lagi' } });
    expect(staf.items[2]).toMatchObject({
      periode: { kode: '2026-07' },
      realisasi: [{ id: r1.id, rhkRencana: 'Terhimpunnya data kurikulum', arahan: 'Rinci per sekolah.' }],
      tenggat: { status: 'BELUM_DIBUKA', label: 'dibuka 9 hari lagi', tanggalAkhir: '2026-08-25' },
      tautan: '/realisasi?periode=2026-07',
    });
    expect(staf.items[3]).toMatchObject({
      periode: { kode: '2026-08' },
      tenggat: { status: 'BELUM_DIBUKA', label: 'dibuka 22 hari lagi' },
    });

    kasi = await kotak(c.kasi);
    expect(jenis(kasi, 'NILAI')).toMatchObject([
      { menunggu: 1, tenggat: { status: 'BERJALAN', label: '5 hari lagi' } },
    ]);
    expect(jenis(kasi, 'TINDAK_LANJUT')).toMatchObject([{ uraian: 'Tinjau draf' }]);
    expect(jenis(kasi, 'LAPOR')).toMatchObject([{ periode: { kode: '2026-08' } }]);

    // 15 August, the last day of the assessment window.
    c = await pada('2026-08-15');
    expect(jenis(await kotak(c.kasi), 'NILAI')).toMatchObject([
      { tenggat: { status: 'HARI_INI', label: 'berakhir hari ini' } },
    ]);

    // 20 August the correction window is open; on the 26th it has passed.
    c = await pada('2026-08-20');
    expect(jenis(await kotak(c.staf), 'PERBAIKI')).toMatchObject([
      { tenggat: { status: 'BERJALAN', label: '5 hari lagi', mulai: null } },
    ]);
    c = await pada('2026-08-26');
    expect(jenis(await kotak(c.staf), 'PERBAIKI')).toMatchObject([
      { tenggat: { status: 'TERLAMBAT', label: 'terlambat 1 hari' } },
    ]);
    // The kasi missed the other item: it stays in his inbox as overdue.
    expect(jenis(await kotak(c.kasi), 'NILAI')).toMatchObject([
      { peran: 'LANGSUNG', tenggat: { status: 'TERLAMBAT', label: 'terlambat 11 hari' } },
    ]);
  });
});
