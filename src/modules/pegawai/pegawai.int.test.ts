import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness({ now: '2026-03-03T02:00:00Z' });
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

const names = (list: { namaLengkap: string }[]) => list.map((p) => p.namaLengkap);

describe('GET /api/me', () => {
  it('shows the pelaksana their chain of superiors: pejabat penilai first', async () => {
    const c = await h.login(org.pelaksana.nip);
    const me = (await c.get('/api/me')).json();
    expect(me.nipFormatted).toBe(
      `${org.pelaksana.nip.slice(0, 8)} ${org.pelaksana.nip.slice(8, 14)} ${org.pelaksana.nip.slice(14, 15)} ${org.pelaksana.nip.slice(15)}`,
    );
    expect(me.pangkatGolongan).toBe('Penata Muda, III/a');
    expect(me.jabatan).toMatchObject({
      nama: 'Pengolah Data Kurikulum',
      jenis: 'PELAKSANA',
      unorNama: 'Seksi Kurikulum',
    });
    expect(me.opd).toMatchObject({ nama: 'Dinas Pendidikan' });
    expect(names(me.rantaiAtasan)).toEqual(['Kepala Seksi', 'Kepala Bidang', 'Kepala Dinas', 'Gubernur Uji']);
    expect(me.isPejabatPenilai).toBe(false);
    expect(me.riwayatJabatan).toHaveLength(1);
  });

  it('derives pejabat penilai and atasan pejabat penilai from the hierarchy', async () => {
    const pengawas = (await (await h.login(org.pengawas.nip)).get('/api/me')).json();
    expect(names(pengawas.bawahanLangsung).sort()).toEqual(
      ['Admin Dinas Pendidikan', 'Fungsional Satu', 'Pelaksana Dua', 'Pelaksana Satu'].sort(),
    );
    expect(pengawas.isPejabatPenilai).toBe(true);
    expect(pengawas.isAtasanPejabatPenilai).toBe(false);
    const admin = (await (await h.login(org.administrator.nip)).get('/api/me')).json();
    expect(admin.isAtasanPejabatPenilai).toBe(true);
    const gub = (await (await h.login(org.gubernur.nip)).get('/api/me')).json();
    expect(names(gub.bawahanLangsung).sort()).toEqual([
      'Kepala BKD',
      'Kepala Dinas',
      'Kepala Dinas Kesehatan',
    ]);
    expect(gub.rantaiAtasan).toEqual([]);
  });
});

describe('GET /api/pegawai/:id authorization', () => {
  const cases: [string, keyof Org, keyof Org, number][] = [
    ['self', 'pelaksana', 'pelaksana', 200],
    ['a peer', 'pelaksana', 'pelaksana2', 403],
    ['own superior', 'pelaksana', 'pengawas', 403],
    ['someone in another OPD', 'pelaksana', 'orangLain', 403],
    ['direct superior', 'pengawas', 'pelaksana', 200],
    ['indirect superior', 'administrator', 'pelaksana', 200],
    ['head of another OPD', 'kepala2', 'pelaksana', 403],
    ['OPD admin, own OPD', 'adminOpd', 'pelaksana', 200],
    ['OPD admin, other OPD', 'adminOpd', 'orangLain', 403],
    ['BKD admin', 'adminBkd', 'orangLain', 200],
    ['tim penilai', 'timPenilai', 'orangLain', 200],
  ];
  it.each(cases)('%s: %s → %s = %i', async (_name, actor, target, status) => {
    const c = await h.login((org[actor] as { nip: string }).nip);
    expect((await c.get(`/api/pegawai/${(org[target] as { id: number }).id}`)).statusCode).toBe(status);
  });

  it('a missing id is 403 for a pelaksana (no probing) and 404 for an admin', async () => {
    expect((await (await h.login(org.pelaksana.nip)).get('/api/pegawai/999999')).statusCode).toBe(403);
    const res = await (await h.login(org.adminBkd.nip)).get('/api/pegawai/999999');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Data tidak ditemukan.');
  });

  it('can.manage is true only for admins of the employee', async () => {
    expect(
      (await (await h.login(org.adminOpd.nip)).get(`/api/pegawai/${org.pelaksana.id}`)).json().can.manage,
    ).toBe(true);
    expect(
      (await (await h.login(org.pengawas.nip)).get(`/api/pegawai/${org.pelaksana.id}`)).json().can.manage,
    ).toBe(false);
  });
});

describe('GET /api/pegawai (search)', () => {
  it('is for admins and tim penilai only', async () => {
    const res = await (await h.login(org.pelaksana.nip)).get('/api/pegawai');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('finds by NIP prefix and by part of the name, case-insensitively', async () => {
    const c = await h.login(org.adminBkd.nip);
    const byNip = (await c.get(`/api/pegawai?q=${org.orangLain.nip}`)).json();
    expect(byNip.items.map((p: { id: number }) => p.id)).toEqual([org.orangLain.id]);
    const byName = (await c.get('/api/pegawai?q=LAKSANA')).json();
    expect(names(byName.items)).toEqual(['Pelaksana Dua', 'Pelaksana Satu']);
  });

  it('an OPD admin sees only their OPD', async () => {
    const c = await h.login(org.adminOpd.nip);
    expect((await c.get('/api/pegawai?q=Dinas Kesehatan')).json().items).toEqual([]);
    const all = (await c.get('/api/pegawai?limit=100')).json().items;
    expect(all.every((p: { opdNama: string }) => p.opdNama === 'Dinas Pendidikan')).toBe(true);
    expect(all).toHaveLength(7);
  });

  it('counts the filtered list on the first page: by OPD, by name, and within an OPD admin scope', async () => {
    const bkd = await h.login(org.adminBkd.nip);
    const first = (await bkd.get('/api/pegawai?limit=4')).json();
    expect(first.total).toBe(13);
    expect((await bkd.get(`/api/pegawai?limit=4&cursor=${first.nextCursor}`)).json().total).toBeNull();
    expect((await bkd.get(`/api/pegawai?limit=1&opdId=${org.unor.opd.id}`)).json().total).toBe(7);
    expect((await bkd.get(`/api/pegawai?limit=1&opdId=${org.unor.opd2.id}`)).json().total).toBe(2);
    expect((await bkd.get('/api/pegawai?limit=1&q=dinas')).json().total).toBe(4);
    expect((await bkd.get(`/api/pegawai?q=${org.orangLain.nip}`)).json().total).toBe(1);
    const opd = await h.login(org.adminOpd.nip);
    expect((await opd.get('/api/pegawai?limit=1')).json().total).toBe(7);
    expect((await opd.get(`/api/pegawai?limit=1&opdId=${org.unor.opd2.id}`)).json().total).toBe(0);
  });

  it('pages with a cursor without gaps or repeats, and refuses a tampered cursor', async () => {
    const c = await h.login(org.adminBkd.nip);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await c.get(`/api/pegawai?limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    expect((await c.get('/api/pegawai?cursor=%%%rusak')).statusCode).toBe(400);
  });

  it('pages a name search in name order', async () => {
    const c = await h.login(org.adminBkd.nip);
    const first = (await c.get('/api/pegawai?q=dinas&limit=3')).json();
    expect(names(first.items)).toEqual(['Admin Dinas Pendidikan', 'Kepala Dinas', 'Kepala Dinas Kesehatan']);
    const second = (await c.get(`/api/pegawai?q=dinas&limit=3&cursor=${first.nextCursor}`)).json();
    expect(names(second.items)).toEqual(['Staf Dinas Kesehatan']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('manage routes are refused to everyone but the employee’s admins', () => {
  const routes: [string, 'POST' | 'PUT', (o: Org) => unknown][] = [
    [
      'mutasi',
      'POST',
      (o) => ({ jabatanId: o.jabatan.jStaf, tmtMulai: '2026-03-01', alasan: 'Coba', version: 1 }),
    ],
    ['atasan', 'PUT', (o) => ({ atasanId: o.kepala.id, alasan: 'Coba', version: 1 })],
    [
      'plt',
      'POST',
      (o) => ({
        jabatanId: o.jabatan.jKasi,
        jenis: 'PLT',
        tmtMulai: '2026-03-01',
        tmtSelesai: null,
        alasan: 'Coba',
      }),
    ],
    ['reset-password', 'POST', () => ({})],
  ];
  const actors: (keyof Org)[] = ['fungsional', 'pengawas', 'kepala', 'timPenilai', 'kepala2'];
  it.each(
    routes.flatMap(([route, method, body]) => actors.map((actor) => [route, actor, method, body] as const)),
  )('%s by %s → 403, nothing changes', async (route, actor, method, body) => {
    const target = org.fungsional;
    const before = (await (await h.login(org.adminBkd.nip)).get(`/api/pegawai/${target.id}`)).json();
    const c = await h.login((org[actor] as { nip: string }).nip);
    const res = await c.request(method, `/api/pegawai/${target.id}/${route}`, body(org));
    expect(res.statusCode).toBe(403);
    const after = (await (await h.login(org.adminBkd.nip)).get(`/api/pegawai/${target.id}`)).json();
    expect(after.version).toBe(before.version);
  });
});

describe('mutation, superior override and Plt', () => {
  it('moves an employee to another OPD: history closed and opened, superior follows, audited', async () => {
    const c = await h.login(org.adminBkd.nip);
    const before = (await c.get(`/api/pegawai/${org.pelaksana2.id}`)).json();
    const res = await c.post(`/api/pegawai/${org.pelaksana2.id}/mutasi`, {
      jabatanId: org.jabatan.jStaf2,
      tmtMulai: '2026-03-01',
      alasan: 'Mutasi antar-OPD',
      version: before.version,
    });
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.opd.nama).toBe('Dinas Kesehatan');
    expect(names(after.rantaiAtasan)).toEqual(['Kepala Dinas Kesehatan', 'Gubernur Uji']);
    expect(
      after.riwayatJabatan.map((r: { tmtMulai: string; tmtSelesai: string | null }) => [
        r.tmtMulai,
        r.tmtSelesai,
      ]),
    ).toEqual([
      ['2026-03-01', null],
      ['2020-01-01', '2026-02-28'],
    ]);
    expect(after.version).toBe(before.version + 1);
    const [audit] = await rows<{ action: string; reason: string }>(
      h.db,
      sql`SELECT action, reason FROM audit_log WHERE entity = 'pegawai' AND entity_id = ${String(org.pelaksana2.id)} ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ action: 'pegawai.mutasi', reason: 'Mutasi antar-OPD' });
  });

  it('detects a concurrent edit (stale version → 409) and changes nothing', async () => {
    const c = await h.login(org.adminBkd.nip);
    const res = await c.post(`/api/pegawai/${org.pelaksana2.id}/mutasi`, {
      jabatanId: org.jabatan.jStaf,
      tmtMulai: '2026-03-02',
      alasan: 'Versi lama',
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');
    expect((await c.get(`/api/pegawai/${org.pelaksana2.id}`)).json().opd.nama).toBe('Dinas Kesehatan');
  });

  it('refuses an occupied structural position and bad input, with Indonesian messages', async () => {
    const c = await h.login(org.adminBkd.nip);
    const p = (await c.get(`/api/pegawai/${org.fungsional.id}`)).json();
    const occupied = await c.post(`/api/pegawai/${org.fungsional.id}/mutasi`, {
      jabatanId: org.jabatan.jKasi,
      tmtMulai: '2026-03-01',
      alasan: 'Promosi',
      version: p.version,
    });
    expect(occupied.statusCode).toBe(409);
    expect(occupied.json().error.code).toBe('POSITION_OCCUPIED');
    const bad = await c.post(`/api/pegawai/${org.fungsional.id}/mutasi`, {
      jabatanId: org.jabatan.jStaf,
      tmtMulai: '03/01/2026',
      alasan: '',
      version: p.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.alasan', 'body.tmtMulai']);
    expect(
      bad.json().error.details.find((d: { field: string }) => d.field === 'body.alasan').message,
    ).toMatch(/Alasan wajib diisi/);
  });

  it('an OPD admin cannot move people into another OPD, and a pelaksana cannot move anyone', async () => {
    const adminOpd = await h.login(org.adminOpd.nip);
    const p = (await adminOpd.get(`/api/pegawai/${org.fungsional.id}`)).json();
    const res = await adminOpd.post(`/api/pegawai/${org.fungsional.id}/mutasi`, {
      jabatanId: org.jabatan.jStaf2,
      tmtMulai: '2026-03-01',
      alasan: 'Pindah',
      version: p.version,
    });
    expect(res.statusCode).toBe(403);
    const pelaksana = await h.login(org.pelaksana.nip);
    const own = await pelaksana.post(`/api/pegawai/${org.pelaksana.id}/mutasi`, {
      jabatanId: org.jabatan.jFung,
      tmtMulai: '2026-03-01',
      alasan: 'Pindah sendiri',
      version: 1,
    });
    expect(own.statusCode).toBe(403);
  });

  it('overrides a superior, refuses a cycle, and removes the override', async () => {
    const c = await h.login(org.adminOpd.nip);
    let p = (await c.get(`/api/pegawai/${org.pelaksana.id}`)).json();
    const set = await c.put(`/api/pegawai/${org.pelaksana.id}/atasan`, {
      atasanId: org.administrator.id,
      alasan: 'Ditugaskan langsung ke kepala bidang',
      version: p.version,
    });
    expect(set.statusCode).toBe(200);
    expect(names(set.json().rantaiAtasan)[0]).toBe('Kepala Bidang');
    expect(set.json().atasanOverride.alasan).toBe('Ditugaskan langsung ke kepala bidang');
    expect(
      names((await (await h.login(org.administrator.nip)).get('/api/me')).json().bawahanLangsung),
    ).toContain('Pelaksana Satu');

    // The kasi is the OPD admin's own superior: the BKD admin tries the cycle.
    const bkd = await h.login(org.adminBkd.nip);
    const peng = (await bkd.get(`/api/pegawai/${org.pengawas.id}`)).json();
    const cycle = await bkd.put(`/api/pegawai/${org.pengawas.id}/atasan`, {
      atasanId: org.fungsional.id,
      alasan: 'Salah pilih',
      version: peng.version,
    });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.code).toBe('SUPERIOR_CYCLE');

    p = set.json();
    const removed = await c.put(`/api/pegawai/${org.pelaksana.id}/atasan`, {
      atasanId: null,
      alasan: 'Kembali ke struktur',
      version: p.version,
    });
    expect(names(removed.json().rantaiAtasan)[0]).toBe('Kepala Seksi');
    expect(removed.json().atasanOverride).toBeNull();
  });

  it('a vacant position is skipped upward, and a Plt acts for it', async () => {
    // The head of the BKD is the admin's own superior: another head acts.
    const c = await h.login(org.adminBkd.nip);
    const kepala = (await c.get(`/api/pegawai/${org.kepala.id}`)).json();
    await c.post(`/api/pegawai/${org.kepala.id}/mutasi`, {
      jabatanId: org.jabatan.jAnalis,
      tmtMulai: '2026-03-01',
      alasan: 'Dibebastugaskan',
      version: kepala.version,
    });
    const kabid = (await c.get(`/api/pegawai/${org.administrator.id}`)).json();
    expect(names(kabid.rantaiAtasan)).toEqual(['Gubernur Uji']);

    const notStructural = await c.post(`/api/pegawai/${org.kepala2.id}/plt`, {
      jabatanId: org.jabatan.jStaf,
      jenis: 'PLT',
      tmtMulai: '2026-03-01',
      tmtSelesai: null,
      alasan: 'Keliru',
    });
    expect(notStructural.statusCode).toBe(400);

    const plt = await c.post(`/api/pegawai/${org.kepala2.id}/plt`, {
      jabatanId: org.jabatan.jKadis,
      jenis: 'PLT',
      tmtMulai: '2026-03-01',
      tmtSelesai: '2026-06-30',
      alasan: 'Kepala dinas kosong',
    });
    expect(plt.statusCode).toBe(200);
    expect(
      plt
        .json()
        .penugasanAktif.map((t: { jenis: string }) => t.jenis)
        .sort(),
    ).toEqual(['DEFINITIF', 'PLT']);
    expect(names((await c.get(`/api/pegawai/${org.administrator.id}`)).json().rantaiAtasan)).toEqual([
      'Kepala Dinas Kesehatan',
      'Gubernur Uji',
    ]);
    // The Plt may read the unit's people as their superior.
    expect((await (await h.login(org.kepala2.nip)).get(`/api/pegawai/${org.pelaksana.id}`)).statusCode).toBe(
      200,
    );

    // After the Plt ends, the position is vacant again (the old session has expired by then).
    h.clock.set('2026-07-01T02:00:00Z');
    expect((await c.get(`/api/pegawai/${org.administrator.id}`)).statusCode).toBe(401);
    const later = await h.login(org.adminBkd.nip);
    expect(names((await later.get(`/api/pegawai/${org.administrator.id}`)).json().rantaiAtasan)).toEqual([
      'Gubernur Uji',
    ]);
    h.clock.set('2026-03-03T02:00:00Z');
  });
});
