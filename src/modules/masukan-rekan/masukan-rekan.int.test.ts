import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { siklus, wita } from '../../../test/siklus.js';
import type { Client } from '../../../test/skp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  // staf and staf2 under the kasi, with approved 2026 plans.
  await siklus(h, org);
});
afterAll(() => h.close());

const login = (who: keyof Org) => h.login((org[who] as { nip: string }).nip);

const tulis = (c: Client, body: Record<string, unknown>) =>
  c.post('/api/masukan-rekan', { periode: '2026-01', kode: 'KOLABORATIF', teks: 'Masukan uji.', ...body });

const hapus = (c: Client, id: number, version: number) =>
  c.request('DELETE', `/api/masukan-rekan/${id}?version=${version}`);

async function auditMasukan() {
  return rows<{ action: string; actorId: number }>(
    h.db,
    sql`SELECT action, actor_id AS "actorId" FROM audit_log
         WHERE instansi_id = ${org.instansiId} AND entity = 'masukan_rekan' ORDER BY id`,
  );
}

describe('masukan rekan kerja on behaviour (SPEC §5.3)', () => {
  it('a colleague writes on one BerAKHLAK value; nobody else may', async () => {
    h.clock.set(wita('2026-01-20'));
    const staf2 = await login('pelaksana2');
    const halaman = (await staf2.get('/api/masukan-rekan?periode=2026-01')).json();
    expect(halaman).toMatchObject({ periode: { kode: '2026-01', label: 'Januari 2026' }, terbuka: true });
    const rekan = halaman.rekan.map((r: { id: number }) => r.id);
    expect(rekan).toEqual(expect.arrayContaining([org.pelaksana.id, org.fungsional.id]));
    expect(rekan).not.toContain(org.pelaksana2.id);
    expect(rekan).not.toContain(org.pengawas.id);

    const res = await tulis(staf2, {
      pegawaiId: org.pelaksana.id,
      teks: '  Selalu membantu rekan menyusun data kurikulum.  ',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toMatchObject([
      {
        pegawai: { id: org.pelaksana.id, namaLengkap: 'Pelaksana Satu' },
        kode: 'KOLABORATIF',
        teks: 'Selalu membantu rekan menyusun data kurikulum.',
        version: 1,
      },
    ]);

    const lagi = await tulis(staf2, { pegawaiId: org.pelaksana.id });
    expect(lagi.statusCode).toBe(409);
    expect(lagi.json().error).toMatchObject({ code: 'MASUKAN_SUDAH_ADA' });

    const diri = await tulis(staf2, { pegawaiId: org.pelaksana2.id });
    expect(diri.statusCode).toBe(403);
    expect(diri.json().error.message).toBe('Anda tidak dapat memberi masukan tentang diri sendiri.');
    // His superior and an employee of another OPD are no colleagues.
    for (const bukan of [org.pengawas.id, org.orangLain.id]) {
      const r = await tulis(staf2, { pegawaiId: bukan });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.message).toMatch(/pejabat penilai yang sama/);
    }
    const panjang = await tulis(staf2, {
      pegawaiId: org.pelaksana.id,
      kode: 'LOYAL',
      teks: 'x'.repeat(1001),
    });
    expect(panjang.statusCode).toBe(400);
    expect(panjang.body).toMatch(/paling banyak 1000 karakter/);
    const kode = await tulis(staf2, { pegawaiId: org.pelaksana.id, kode: 'RAJIN' });
    expect(kode.statusCode).toBe(400);
    expect(kode.body).toMatch(/nilai BerAKHLAK/);

    const fung = await login('fungsional');
    const kedua = await tulis(fung, {
      pegawaiId: org.pelaksana.id,
      kode: 'ADAPTIF',
      teks: 'Cepat belajar aplikasi baru.',
    });
    expect(kedua.statusCode, kedua.body).toBe(201);
    expect((await auditMasukan()).map((a) => a.action)).toEqual([
      'masukan_rekan.tulis',
      'masukan_rekan.tulis',
    ]);
  });

  it('the assessor sees the authors; the employee sees the input without them; others see none', async () => {
    h.clock.set(wita('2026-02-10'));
    const kasi = await login('pengawas');
    const dinilai = await kasi.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-01`);
    expect(dinilai.statusCode, dinilai.body).toBe(200);
    expect(dinilai.json().masukanRekan).toEqual([
      {
        kode: 'ADAPTIF',
        teks: 'Cepat belajar aplikasi baru.',
        penulis: { id: org.fungsional.id, namaLengkap: 'Fungsional Satu' },
      },
      {
        kode: 'KOLABORATIF',
        teks: 'Selalu membantu rekan menyusun data kurikulum.',
        penulis: { id: org.pelaksana2.id, namaLengkap: 'Pelaksana Dua' },
      },
    ]);

    const staf = await login('pelaksana');
    const sendiri = await staf.get('/api/realisasi?periode=2026-01');
    expect(sendiri.statusCode, sendiri.body).toBe(200);
    expect(sendiri.json().masukanRekan).toEqual([
      { kode: 'ADAPTIF', teks: 'Cepat belajar aplikasi baru.', penulis: null },
      { kode: 'KOLABORATIF', teks: 'Selalu membantu rekan menyusun data kurikulum.', penulis: null },
    ]);
    // Nothing in his answer names or numbers an author.
    expect(sendiri.body).not.toMatch(/Pelaksana Dua|Fungsional Satu/);
    expect(sendiri.body).not.toContain(org.pelaksana2.nip);
    expect(sendiri.body).not.toContain(org.fungsional.nip);

    // An admin reading the month is not the assessor.
    const bkd = await login('adminBkd');
    const admin = await bkd.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-01`);
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.json().masukanRekan).toEqual([]);

    // Optional: the assessor rates the period without any input being required.
    const staf2Bulan = await kasi.get(`/api/realisasi/pegawai/${org.pelaksana2.id}?periode=2026-01`);
    expect(staf2Bulan.json().masukanRekan).toEqual([]);
    const rating = await kasi.put(`/api/realisasi/pegawai/${org.pelaksana2.id}/penilaian`, {
      periode: '2026-01',
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
    });
    expect(rating.statusCode, rating.body).toBe(200);
  });

  it('only the author withdraws, at the version he read, while the period is open', async () => {
    const staf2 = await login('pelaksana2');
    const fung = await login('fungsional');
    const milik = (await staf2.get('/api/masukan-rekan?periode=2026-01')).json().items[0];
    expect((await hapus(fung, milik.id, milik.version)).statusCode).toBe(404);
    expect((await hapus(staf2, milik.id, milik.version + 1)).statusCode).toBe(409);
    const dihapus = await hapus(staf2, milik.id, milik.version);
    expect(dihapus.statusCode, dihapus.body).toBe(200);
    expect(dihapus.json().items).toEqual([]);
    const audit = await auditMasukan();
    expect(audit.at(-1)).toEqual({ action: 'masukan_rekan.hapus', actorId: org.pelaksana2.id });

    // Input on March cannot be written before March; January's closes with February.
    const awal = await tulis(staf2, { pegawaiId: org.pelaksana.id, periode: '2026-03' });
    expect(awal.statusCode).toBe(409);
    expect(awal.json().error).toMatchObject({ code: 'WINDOW_CLOSED' });
    h.clock.set(wita('2026-03-01'));
    const fungMaret = await login('fungsional');
    const staf2Maret = await login('pelaksana2');
    const sisa = (await fungMaret.get('/api/masukan-rekan?periode=2026-01')).json();
    expect(sisa).toMatchObject({ terbuka: false, pesan: expect.stringMatching(/Januari 2026/) });
    expect((await hapus(fungMaret, sisa.items[0].id, sisa.items[0].version)).statusCode).toBe(409);
    expect((await tulis(staf2Maret, { pegawaiId: org.pelaksana.id })).statusCode).toBe(409);
    expect(await auditMasukan()).toHaveLength(3);
  });
});
