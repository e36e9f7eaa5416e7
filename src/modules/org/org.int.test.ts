import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

describe('unor tree', () => {
  it('the BKD admin browses from the root down, in official order, with subtree counts', async () => {
    const c = await h.login(org.adminBkd.nip);
    const roots = (await c.get('/api/unor')).json().items;
    expect(roots).toEqual([
      expect.objectContaining({
        nama: 'Pemerintah Provinsi Uji',
        jenis: 'INSTANSI',
        jumlahSubUnor: 3,
        jumlahPegawai: 13,
      }),
    ]);
    const opds = (await c.get(`/api/unor?parentId=${org.unor.root.id}`)).json().items;
    expect(opds.map((u: { nama: string; jumlahPegawai: number }) => [u.nama, u.jumlahPegawai])).toEqual([
      ['Dinas Pendidikan', 7],
      ['Dinas Kesehatan', 2],
      ['Badan Kepegawaian Daerah', 3],
    ]);
  });

  it('a unit shows its path and positions with their holders', async () => {
    const c = await h.login(org.adminBkd.nip);
    const res = (await c.get(`/api/unor/${org.unor.seksi.id}`)).json();
    expect(res.jalur.map((u: { nama: string }) => u.nama)).toEqual([
      'Pemerintah Provinsi Uji',
      'Dinas Pendidikan',
      'Bidang Pembinaan SMA',
      'Seksi Kurikulum',
    ]);
    const kasi = res.jabatan.find((j: { nama: string }) => j.nama === 'Kepala Seksi Kurikulum');
    expect(kasi.pemangku.map((p: { id: number }) => p.id)).toEqual([org.pengawas.id]);
    const staf = res.jabatan.find((j: { nama: string }) => j.nama === 'Pengolah Data Kurikulum');
    expect(staf.pemangku).toHaveLength(3);
  });

  it('an OPD admin sees their OPD as the root and nothing outside it', async () => {
    const c = await h.login(org.adminOpd.nip);
    expect((await c.get('/api/unor')).json().items.map((u: { nama: string }) => u.nama)).toEqual([
      'Dinas Pendidikan',
    ]);
    expect((await c.get(`/api/unor/${org.unor.opd2.id}`)).statusCode).toBe(403);
    expect((await c.get(`/api/unor?parentId=${org.unor.root.id}`)).statusCode).toBe(403);
    const jabatan = (await c.get('/api/jabatan?q=kepala&limit=50')).json().items;
    expect(jabatan.map((j: { nama: string }) => j.nama).sort()).toEqual([
      'Kepala Bidang Pembinaan SMA',
      'Kepala Dinas Pendidikan',
      'Kepala Seksi Kurikulum',
    ]);
  });

  it('a pelaksana may not browse the organisation', async () => {
    const c = await h.login(org.pelaksana.nip);
    expect((await c.get('/api/unor')).statusCode).toBe(403);
    expect((await c.get('/api/jabatan')).statusCode).toBe(403);
  });
});

describe('service basics', () => {
  it('health, OpenAPI with declared error statuses, and a 404 body in Indonesian', async () => {
    expect((await h.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
    const spec = (await h.app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    const mutasi = spec.paths['/api/pegawai/{id}/mutasi'].post;
    expect(Object.keys(mutasi.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409']);
    const docs = await h.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    const missing = await h.app.inject({ url: '/api/tidak-ada' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    expect(missing.headers['x-request-id']).toBeTruthy();
  });
});
