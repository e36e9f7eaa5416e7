import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { stafDenganRencana } from '../../../test/siklus.js';
import type { Client } from '../../../test/skp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let rhkStaf: number[];

/** 10:00 WITA on the given day of August 2026: days 1–7 are July's input window. */
const agustus = (hari: number) => `2026-08-${String(hari).padStart(2, '0')}T02:00:00Z`;

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  ({ rhkStaf } = await stafDenganRencana(h, org));
});
afterAll(() => h.close());

async function pada(now: string) {
  h.clock.set(now);
  return {
    staf: await h.login(org.pelaksana.nip),
    staf2: await h.login(org.pelaksana2.nip),
    kasi: await h.login(org.pengawas.nip),
    asing: await h.login(org.orangLain.nip),
    adminOpd: await h.login(org.adminOpd.nip),
  };
}

const entri = (over: Record<string, unknown> = {}) => ({
  tanggal: '2026-07-14',
  jamMulai: '08:00',
  jamSelesai: '11:30',
  kegiatan: 'Menghimpun data kurikulum SMA 1',
  kuantitas: 2,
  satuan: 'data',
  buktiDukung: 'https://drive.contoh.go.id/sma1',
  ...over,
});

/** What is stored, straight from the tables: entries, the realisasi's value and version, log audits. */
async function tersimpan(rhkId: number) {
  const [row] = await rows<{ entri: number; nilai: string | null; version: number | null; audit: number }>(
    h.db,
    sql`SELECT (SELECT count(*)::int FROM log_harian l JOIN realisasi r ON r.id = l.realisasi_id
                 WHERE r.rhk_id = ${rhkId}) AS entri,
               (SELECT nilai FROM realisasi WHERE rhk_id = ${rhkId} AND periode_kode = '2026-07') AS nilai,
               (SELECT version FROM realisasi WHERE rhk_id = ${rhkId} AND periode_kode = '2026-07') AS version,
               (SELECT count(*)::int FROM audit_log
                 WHERE instansi_id = ${org.instansiId} AND action LIKE 'realisasi.log_%') AS audit`,
  );
  return { ...row!, nilai: row!.nilai === null ? null : Number(row!.nilai) };
}

const tambah = (c: Client, rhkId: number, body: unknown) =>
  c.post(`/api/realisasi/${rhkId}/2026-07/log`, body);

describe('log harian: entries sum into the realisasi', () => {
  it('adds, edits and deletes entries; the value follows the log and the version moves', async () => {
    const c = await pada(agustus(3));
    const rhk = rhkStaf[0]!;

    // The first entry of an RHK without a realisasi creates its draft.
    const pertama = await tambah(c.staf, rhk, entri());
    expect(pertama.statusCode, pertama.body).toBe(201);
    const log1 = pertama.json();
    expect(log1).toMatchObject({
      version: 1,
      nilai: 2,
      satuan: 'data',
      entri: [
        {
          tanggal: '2026-07-14',
          jamMulai: '08:00',
          kuantitas: 2,
          buktiDukung: 'https://drive.contoh.go.id/sma1',
        },
      ],
      ringkasan: { jumlahEntri: 1, perSatuan: [{ satuan: 'data', kuantitas: 2, dihitung: true }] },
    });
    const realisasiId = log1.realisasiId as number;
    const bulan = (await c.staf.get('/api/realisasi?periode=2026-07')).json();
    expect(bulan.items.find((i: { rhk: { id: number } }) => i.rhk.id === rhk).realisasi).toMatchObject({
      id: realisasiId,
      status: 'DRAFT',
      nilai: 2,
      log: { jumlahEntri: 1 },
    });
    const lainnya = bulan.items.find((i: { rhk: { id: number } }) => i.rhk.id === rhkStaf[1]);
    expect(lainnya.realisasi).toBeNull();

    // Once the realisasi exists, the version read is required.
    expect((await tambah(c.staf, rhk, entri({ tanggal: '2026-07-15' }))).statusCode).toBe(409);
    const kedua = await tambah(
      c.staf,
      rhk,
      entri({ tanggal: '2026-07-02', kuantitas: 3, buktiDukung: '', version: 1 }),
    );
    expect(kedua.statusCode, kedua.body).toBe(201);
    expect(kedua.json()).toMatchObject({ version: 2, nilai: 5 });
    // By date, then start time.
    expect(kedua.json().entri.map((e: { tanggal: string }) => e.tanggal)).toEqual([
      '2026-07-02',
      '2026-07-14',
    ]);
    expect(kedua.json().entri[0].buktiDukung).toBeNull();

    // Another unit is kept as a record but not added to the value.
    const rapat = await tambah(
      c.staf,
      rhk,
      entri({
        tanggal: '2026-07-20',
        kuantitas: 1,
        satuan: 'rapat',
        kegiatan: 'Rapat koordinasi',
        version: 2,
      }),
    );
    expect(rapat.statusCode, rapat.body).toBe(201);
    expect(rapat.json()).toMatchObject({
      version: 3,
      nilai: 5,
      satuan: 'data',
      ringkasan: {
        jumlahEntri: 3,
        perSatuan: [
          { satuan: 'data', kuantitas: 5, dihitung: true },
          { satuan: 'rapat', kuantitas: 1, dihitung: false },
        ],
      },
    });

    // Editing an entry changes the sum.
    const idJuli14 = rapat.json().entri.find((e: { tanggal: string }) => e.tanggal === '2026-07-14').id;
    const ubah = await c.staf.put(
      `/api/realisasi/${realisasiId}/log/${idJuli14}`,
      entri({ kuantitas: 10, version: 3 }),
    );
    expect(ubah.statusCode, ubah.body).toBe(200);
    expect(ubah.json()).toMatchObject({ version: 4, nilai: 13 });
    expect(
      (await c.staf.put(`/api/realisasi/${realisasiId}/log/${idJuli14}`, entri({ kuantitas: 9, version: 3 })))
        .statusCode,
    ).toBe(409);
    expect(
      (await c.staf.put(`/api/realisasi/${realisasiId}/log/999999`, entri({ version: 4 }))).statusCode,
    ).toBe(404);

    // The draft save cannot put another number over the log's sum; its unit chooses which one counts.
    const simpan = await c.staf.put(`/api/realisasi/${rhk}/2026-07`, {
      version: 4,
      rencanaAksi: 'Menghimpun data kurikulum',
      nilai: 99,
      satuan: 'Rapat',
    });
    expect(simpan.statusCode, simpan.body).toBe(200);
    expect(simpan.json()).toMatchObject({ version: 5, nilai: 1, satuan: 'Rapat', log: { jumlahEntri: 3 } });

    // Deleting.
    const idRapat = ubah.json().entri.find((e: { satuan: string }) => e.satuan === 'rapat').id;
    const hapus = await c.staf.request('DELETE', `/api/realisasi/${realisasiId}/log/${idRapat}?version=5`);
    expect(hapus.statusCode, hapus.body).toBe(200);
    // The realisasi's unit is no longer logged: the first entry's unit counts again.
    expect(hapus.json()).toMatchObject({
      version: 6,
      nilai: 13,
      satuan: 'data',
      ringkasan: { jumlahEntri: 2 },
    });
    expect(await tersimpan(rhk)).toMatchObject({ entri: 2, nilai: 13, version: 6, audit: 5 });

    // Readers of the month read the log; nobody else.
    expect((await c.kasi.get(`/api/realisasi/${realisasiId}/log`)).json()).toMatchObject({ nilai: 13 });
    expect((await c.adminOpd.get(`/api/realisasi/${realisasiId}/log`)).statusCode).toBe(200);
    expect((await c.asing.get(`/api/realisasi/${realisasiId}/log`)).statusCode).toBe(403);
    expect((await c.staf2.get(`/api/realisasi/${realisasiId}/log`)).statusCode).toBe(403);
  });

  it('refuses bad entries and strangers, storing nothing', async () => {
    const c = await pada(agustus(4));
    const rhk = rhkStaf[0]!;
    const {
      realisasiId,
      version,
      entri: ada,
    } = (await c.staf.get(`/api/realisasi/${await tersimpanId(rhk)}/log`)).json();
    const before = await tersimpan(rhk);

    const luar = await tambah(c.staf, rhk, entri({ tanggal: '2026-08-01', version }));
    expect(luar.statusCode).toBe(400);
    expect(luar.json().error.message).toBe('Tanggal 1 Agustus 2026 berada di luar periode Juli 2026.');
    const jam = await tambah(
      c.staf,
      rhk,
      entri({ jamMulai: '13:00', jamSelesai: '09:00', kuantitas: 1.5, version }),
    );
    expect(jam.statusCode).toBe(400);
    expect(jam.json().error.details.masalah).toEqual([
      'Jam selesai harus setelah jam mulai.',
      'Kuantitas harus bilangan bulat, nol atau lebih.',
    ]);
    const tautan = await c.staf.put(
      `/api/realisasi/${realisasiId}/log/${ada[0].id}`,
      entri({ buktiDukung: 'javascript:alert(1)', kuantitas: -1, version }),
    );
    expect(tautan.statusCode).toBe(400);
    expect(tautan.json().error.message).toMatch(/bilangan bulat.*http atau https/);
    expect((await tambah(c.staf, rhk, { version })).statusCode).toBe(400);

    // Someone else's realisasi: 403; someone else's RHK: not found (as for the draft save).
    expect(
      (await c.staf2.put(`/api/realisasi/${realisasiId}/log/${ada[0].id}`, entri({ version }))).statusCode,
    ).toBe(403);
    expect(
      (await c.kasi.request('DELETE', `/api/realisasi/${realisasiId}/log/${ada[0].id}?version=${version}`))
        .statusCode,
    ).toBe(403);
    expect((await tambah(c.asing, rhk, entri())).statusCode).toBe(404);

    expect(await tersimpan(rhk)).toEqual(before);
  });

  it('outside the window, and once submitted, the log cannot change', async () => {
    let c = await pada(agustus(9));
    const rhk = rhkStaf[0]!;
    const realisasiId = await tersimpanId(rhk);
    const { version, entri: ada } = (await c.staf.get(`/api/realisasi/${realisasiId}/log`)).json();
    const before = await tersimpan(rhk);

    const tutup = await tambah(c.staf, rhk, entri({ version }));
    expect(tutup.statusCode).toBe(409);
    expect(tutup.json().error.code).toBe('WINDOW_CLOSED');
    expect(tutup.json().error.message).toMatch(/dibuka 1–7 Agustus 2026/);
    // The first entry of another RHK is refused as well, creating nothing.
    expect((await tambah(c.staf, rhkStaf[1]!, entri())).json().error.code).toBe('WINDOW_CLOSED');
    expect(
      (await c.staf.put(`/api/realisasi/${realisasiId}/log/${ada[0].id}`, entri({ version }))).json().error
        .code,
    ).toBe('WINDOW_CLOSED');
    expect(
      (
        await c.staf.request('DELETE', `/api/realisasi/${realisasiId}/log/${ada[0].id}?version=${version}`)
      ).json().error.code,
    ).toBe('WINDOW_CLOSED');
    expect(await tersimpan(rhk)).toEqual(before);
    expect((await tersimpan(rhkStaf[1]!)).version).toBeNull();

    c = await pada(agustus(5));
    const ajukan = await c.staf.post('/api/realisasi/ajukan', { periode: '2026-07' });
    expect(ajukan.statusCode, ajukan.body).toBe(200);
    const diajukan = await tambah(c.staf, rhk, entri({ version: version + 1 }));
    expect(diajukan.statusCode).toBe(409);
    expect(diajukan.json().error.code).toBe('REALISASI_NOT_EDITABLE');
    expect((await tersimpan(rhk)).entri).toBe(before.entri);
  });

  it('deleting the last entry leaves the realisasi without a value', async () => {
    const c = await pada(agustus(6));
    const rhk = rhkStaf[1]!;
    const satu = await tambah(
      c.staf,
      rhk,
      entri({ satuan: 'laporan', kuantitas: 4, jamMulai: '13:00', jamSelesai: '14:00' }),
    );
    expect(satu.statusCode, satu.body).toBe(201);
    const { realisasiId, version, entri: ada } = satu.json();
    const kosong = await c.staf.request(
      'DELETE',
      `/api/realisasi/${realisasiId}/log/${ada[0].id}?version=${version}`,
    );
    expect(kosong.statusCode, kosong.body).toBe(200);
    expect(kosong.json()).toMatchObject({ version: 2, nilai: null, satuan: 'laporan', entri: [] });
  });
});

async function tersimpanId(rhkId: number) {
  const [row] = await rows<{ id: number }>(
    h.db,
    sql`SELECT id FROM realisasi WHERE rhk_id = ${rhkId} AND periode_kode = '2026-07'`,
  );
  return row!.id;
}
