/**
 * Issue 12, items 1 and 2: every admin power has a ceiling (SPEC §11), through the real routes.
 * The table of every power × actor kind × target kind is src/domain/kewenangan.test.ts; this file
 * proves each route asks that policy, with the facts read from the hierarchy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_PASSWORD } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';

let h: Harness;
let org: Org;
type Client = Awaited<ReturnType<Harness['login']>>;
let adminOpd: Client;
let adminBkd: Client;

beforeAll(async () => {
  h = await createHarness();
  org = await buildOrg(h.db);
  adminOpd = await h.login(org.adminOpd.nip);
  adminBkd = await h.login(org.adminBkd.nip);
});
afterAll(() => h.close());

const versi = async (c: Client, id: number) => (await c.get(`/api/pegawai/${id}`)).json().version as number;

async function resetTercatat(id: number): Promise<number> {
  const res = await adminBkd.get(`/api/audit?entity=pegawai&entityId=${id}`);
  return (res.json().items as { action: string }[]).filter((i) => i.action === 'auth.reset_kata_sandi')
    .length;
}

async function bisaMasuk(nip: string, password = TEST_PASSWORD) {
  return (await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { nip, password } }))
    .statusCode;
}

async function jadikanPeran(id: number, peran: { peran: string; opdId: number | null }[]) {
  const res = await adminBkd.put(`/api/pegawai/${id}/peran`, {
    peran,
    alasan: 'Penunjukan pengelola kinerja',
    version: await versi(adminBkd, id),
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('password reset has a ceiling', () => {
  it('an OPD admin cannot take over the head of his office (item 1)', async () => {
    const res = await adminOpd.post(`/api/pegawai/${org.kepala.id}/reset-password`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Anda tidak dapat mereset kata sandi atasan Anda sendiri.');
    expect(await bisaMasuk(org.kepala.nip)).toBe(200);
    expect(await resetTercatat(org.kepala.id)).toBe(0);
  });

  it('an OPD admin cannot reset himself, his superiors, or the head of a unit above him', async () => {
    for (const p of [org.adminOpd, org.pengawas, org.administrator, org.gubernur]) {
      const res = await adminOpd.post(`/api/pegawai/${p.id}/reset-password`, {});
      expect(res.statusCode, `${p.id}`).toBe(403);
    }
  });

  it('an OPD admin still resets an ordinary employee of his OPD, and no one outside it', async () => {
    const ok = await adminOpd.post(`/api/pegawai/${org.fungsional.id}/reset-password`, {});
    expect(ok.statusCode).toBe(200);
    expect(await bisaMasuk(org.fungsional.nip, ok.json().passwordSementara)).toBe(200);
    expect((await adminOpd.post(`/api/pegawai/${org.orangLain.id}/reset-password`, {})).statusCode).toBe(403);
  });

  it("the BKD's own OPD admin cannot reset the BKD admin (item 1)", async () => {
    // The tim penilai member sits in the BKD; make him the BKD's OPD admin.
    await jadikanPeran(org.timPenilai.id, [
      { peran: 'TIM_PENILAI', opdId: null },
      { peran: 'ADMIN_OPD', opdId: org.unor.bkd.id },
    ]);
    const c = await h.login(org.timPenilai.nip);
    const res = await c.post(`/api/pegawai/${org.adminBkd.id}/reset-password`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toMatchObject({ kuasa: 'RESET_KATA_SANDI', alasan: 'SASARAN_ADMIN' });
    expect(await bisaMasuk(org.adminBkd.nip)).toBe(200);
    // Nor the head of the BKD, his own superior.
    expect((await c.post(`/api/pegawai/${org.kaban.id}/reset-password`, {})).statusCode).toBe(403);
  });

  it('the BKD admin resets another BKD admin only with a reason, which is audited', async () => {
    await jadikanPeran(org.kepala2.id, [{ peran: 'ADMIN_INSTANSI', opdId: null }]);
    const tanpa = await adminBkd.post(`/api/pegawai/${org.kepala2.id}/reset-password`, {});
    expect(tanpa.statusCode).toBe(400);
    expect(tanpa.json().error.details).toEqual({ field: 'alasan' });
    const dengan = await adminBkd.post(`/api/pegawai/${org.kepala2.id}/reset-password`, {
      alasan: 'Lupa kata sandi, dikonfirmasi lewat telepon dinas',
    });
    expect(dengan.statusCode).toBe(200);
    const log = await adminBkd.get(`/api/audit?entity=pegawai&entityId=${org.kepala2.id}`);
    expect(log.json().items[0]).toMatchObject({
      action: 'auth.reset_kata_sandi',
      reason: 'Lupa kata sandi, dikonfirmasi lewat telepon dinas',
    });
    // Himself and his own superior, never.
    expect((await adminBkd.post(`/api/pegawai/${org.adminBkd.id}/reset-password`, {})).statusCode).toBe(403);
    expect((await adminBkd.post(`/api/pegawai/${org.kaban.id}/reset-password`, {})).statusCode).toBe(403);
  });
});

describe('superior override has a ceiling (item 2)', () => {
  const override = async (c: Client, id: number, atasanId: number | null) =>
    c.put(`/api/pegawai/${id}/atasan`, {
      atasanId,
      alasan: 'Penyesuaian struktur',
      version: await versi(adminBkd, id),
    });

  it('an OPD admin cannot make himself the assessor of a kabid, nor rewrite his own superior', async () => {
    const kabid = await override(adminOpd, org.administrator.id, org.adminOpd.id);
    expect(kabid.statusCode).toBe(403);
    const diri = await override(adminOpd, org.adminOpd.id, org.pelaksana.id);
    expect(diri.statusCode).toBe(403);
    expect(diri.json().error.details.alasan).toBe('DIRI_SENDIRI');
    const detail = (await adminBkd.get(`/api/pegawai/${org.administrator.id}`)).json();
    expect(detail.atasanOverride).toBeNull();
  });

  it('nor name himself the superior of an ordinary employee', async () => {
    const res = await override(adminOpd, org.pelaksana2.id, org.adminOpd.id);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.alasan).toBe('MENJADI_ATASAN');
    // Naming someone else is his job.
    const ok = await override(adminOpd, org.pelaksana2.id, org.pengawas.id);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('the BKD admin cannot name himself either', async () => {
    const res = await override(adminBkd, org.pelaksana2.id, org.adminBkd.id);
    expect(res.statusCode).toBe(403);
  });
});

describe('mutation, Plt/Plh and roles have the same ceiling', () => {
  it('an OPD admin cannot give a JPT position, nor move the head of his office', async () => {
    const plt = await adminOpd.post(`/api/pegawai/${org.fungsional.id}/plt`, {
      jabatanId: org.jabatan.jKadis,
      jenis: 'PLH',
      tmtMulai: '2026-03-04',
      tmtSelesai: '2026-03-10',
      alasan: 'Kepala dinas cuti',
    });
    expect(plt.statusCode).toBe(403);
    expect(plt.json().error.details.alasan).toBe('JABATAN_JPT');
    const mutasi = await adminOpd.post(`/api/pegawai/${org.kepala.id}/mutasi`, {
      jabatanId: org.jabatan.jStaf,
      tmtMulai: '2026-03-04',
      alasan: 'Mutasi',
      version: await versi(adminBkd, org.kepala.id),
    });
    expect(mutasi.statusCode).toBe(403);
  });

  it('an admin cannot place an employee under himself', async () => {
    await jadikanPeran(org.pengawas.id, [{ peran: 'ADMIN_OPD', opdId: org.unor.opd.id }]);
    const kasi = await h.login(org.pengawas.nip);
    const res = await kasi.post(`/api/pegawai/${org.orangLain.id}/mutasi`, {
      jabatanId: org.jabatan.jFung,
      tmtMulai: '2026-03-04',
      alasan: 'Mutasi',
      version: await versi(adminBkd, org.orangLain.id),
    });
    // Outside his OPD first; moved by the BKD into his seksi it would be under him.
    expect(res.statusCode).toBe(403);
    const bawahan = await kasi.post(`/api/pegawai/${org.pelaksana.id}/mutasi`, {
      jabatanId: org.jabatan.jFung,
      tmtMulai: '2026-03-04',
      alasan: 'Mutasi',
      version: await versi(adminBkd, org.pelaksana.id),
    });
    expect(bawahan.statusCode).toBe(403);
    expect(bawahan.json().error.details.alasan).toBe('MENJADI_ATASAN');
  });

  it('only the BKD grants roles, never to himself, always with a reason', async () => {
    const opd = await adminOpd.put(`/api/pegawai/${org.pelaksana2.id}/peran`, {
      peran: [{ peran: 'ADMIN_OPD', opdId: org.unor.opd.id }],
      alasan: 'Rekan kerja',
      version: await versi(adminBkd, org.pelaksana2.id),
    });
    expect(opd.statusCode).toBe(403);
    const diri = await adminBkd.put(`/api/pegawai/${org.adminBkd.id}/peran`, {
      peran: [],
      alasan: 'Coba',
      version: await versi(adminBkd, org.adminBkd.id),
    });
    expect(diri.statusCode).toBe(403);
    const salah = await adminBkd.put(`/api/pegawai/${org.pelaksana2.id}/peran`, {
      peran: [{ peran: 'ADMIN_OPD', opdId: null }],
      alasan: 'Pengelola kinerja',
      version: await versi(adminBkd, org.pelaksana2.id),
    });
    expect(salah.statusCode).toBe(400);
  });

  it('the employee page lists the powers the viewer holds', async () => {
    const kepala = (await adminOpd.get(`/api/pegawai/${org.kepala.id}`)).json();
    expect(kepala.can).toEqual({ manage: false, kuasa: [] });
    const fungsional = (await adminOpd.get(`/api/pegawai/${org.fungsional.id}`)).json();
    expect(fungsional.can.kuasa).toEqual(['RESET_KATA_SANDI', 'RESET_MFA', 'ATASAN', 'MUTASI', 'PLT']);
  });
});
