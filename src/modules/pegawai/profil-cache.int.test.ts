import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, cabutPeranAdminOpd, type Org } from '../../../test/org.js';

// GET /api/me comes from the node's short profile cache (ADR 0021): every change this node commits
// is seen on the very next request, by the employee and by everyone whose profile shows him.
let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

const ids = (list: { id: number }[]) => list.map((p) => p.id);

describe('profile cache', () => {
  it('a mutation shows at once in the employee’s and the former superior’s /api/me', async () => {
    const pegawai = await h.login(org.pelaksana2.nip);
    const sebelum = (await pegawai.get('/api/me')).json();
    const atasanId = sebelum.rantaiAtasan[0].id as number;
    const atasanNip = sebelum.rantaiAtasan[0].nip as string;
    const atasan = await h.login(atasanNip);
    expect(ids((await atasan.get('/api/me')).json().bawahanLangsung)).toContain(org.pelaksana2.id);
    // Read twice: the second answer is the cached one.
    expect((await pegawai.get('/api/me')).json().jabatan.id).toBe(sebelum.jabatan.id);

    const admin = await h.login(org.adminBkd.nip);
    const detail = (await admin.get(`/api/pegawai/${org.pelaksana2.id}`)).json();
    const res = await admin.post(`/api/pegawai/${org.pelaksana2.id}/mutasi`, {
      jabatanId: org.jabatan.jStaf2,
      tmtMulai: '2026-03-01',
      alasan: 'Mutasi antar-OPD',
      version: detail.version,
    });
    expect(res.statusCode).toBe(200);

    const sesudah = (await pegawai.get('/api/me')).json();
    expect(sesudah.jabatan.id).toBe(org.jabatan.jStaf2);
    expect(sesudah.opd.nama).toBe('Dinas Kesehatan');
    expect(sesudah.rantaiAtasan[0].id).not.toBe(atasanId);
    expect(ids((await atasan.get('/api/me')).json().bawahanLangsung)).not.toContain(org.pelaksana2.id);
  });

  it('a removed role refuses the next request, and /api/me no longer lists it', async () => {
    const adminOpd = await h.login(org.adminOpd.nip);
    expect((await adminOpd.get('/api/pegawai?q=Pelaksana')).statusCode).toBe(200);
    expect((await adminOpd.get('/api/me')).json().roles).toEqual([
      { peran: 'ADMIN_OPD', opdId: expect.any(Number) },
    ]);

    const res = await cabutPeranAdminOpd(await h.login(org.adminBkd.nip), org);
    expect(res.statusCode).toBe(200);

    expect((await adminOpd.get('/api/pegawai?q=Pelaksana')).statusCode).toBe(403);
    expect((await adminOpd.get('/api/me')).json().roles).toEqual([]);
  });

  it('after logout the same cookie gets 401 on /api/me', async () => {
    const c = await h.login(org.pelaksana.nip);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });
});
