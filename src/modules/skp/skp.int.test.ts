import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { iki, plan, tiga } from '../../../test/skp.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

describe('perencanaan: the chain plans, is returned, fixes and is approved', () => {
  it('runs head of OPD → administrator → pengawas → pelaksana', async () => {
    const gub = await h.login(org.gubernur.nip);
    const kadis = await h.login(org.kepala.nip);
    const kabid = await h.login(org.administrator.nip);
    const kasi = await h.login(org.pengawas.nip);
    const staf = await h.login(org.pelaksana.nip);

    // Head of OPD: JPT layout, no intervensi, a perspektif per IKI; approved by the head of region.
    let skpKadis = await plan(kadis, [
      {
        jenis: 'UTAMA',
        rencana: 'Meningkatnya mutu pendidikan menengah',
        iki: [iki(null, 'Jumlah SMA terakreditasi A', 40, 'sekolah', 'PENERIMA_LAYANAN')],
      },
    ]);
    expect(skpKadis.isJpt).toBe(true);
    expect(skpKadis.temuan).toEqual([]);
    skpKadis = (await kadis.post(`/api/skp/${skpKadis.id}/ajukan`, { version: skpKadis.version })).json();
    expect(skpKadis.status).toBe('DIAJUKAN');
    expect(
      (await kabid.post(`/api/skp/${skpKadis.id}/setujui`, { version: skpKadis.version })).statusCode,
    ).toBe(403);
    skpKadis = (await gub.post(`/api/skp/${skpKadis.id}/setujui`, { version: skpKadis.version })).json();
    expect(skpKadis.status).toBe('DISETUJUI');
    const rhkKadis = skpKadis.rhk[0].id;

    // Administrator: intervenes the head's RHK; returned once with a note, fixes, approved.
    let skpKabid = await plan(kabid, [
      { jenis: 'UTAMA', rencana: 'Tersusunnya kurikulum SMA', iki: tiga(40, 'dokumen'), intervensi: [] },
    ]);
    expect(skpKabid.skpAtasan.rhk.map((r: { id: number }) => r.id)).toEqual([rhkKadis]);
    const refused = await kabid.post(`/api/skp/${skpKabid.id}/ajukan`, { version: skpKabid.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.temuan[0].message).toMatch(
      /harus mengintervensi minimal satu RHK atasan langsung/,
    );
    skpKabid = (
      await kabid.put(`/api/skp/${skpKabid.id}/isi`, {
        version: skpKabid.version,
        rhk: [
          {
            id: skpKabid.rhk[0].id,
            jenis: 'UTAMA',
            rencana: 'Tersusunnya kurikulum SMA',
            iki: tiga(40, 'dokumen'),
            intervensi: [rhkKadis],
          },
        ],
      })
    ).json();
    skpKabid = (await kabid.post(`/api/skp/${skpKabid.id}/ajukan`, { version: skpKabid.version })).json();
    const returned = await kadis.post(`/api/skp/${skpKabid.id}/kembalikan`, {
      version: skpKabid.version,
      catatan: 'Tambahkan target waktu per semester.',
    });
    expect(returned.json()).toMatchObject({
      status: 'DIKEMBALIKAN',
      catatanPengembalian: 'Tambahkan target waktu per semester.',
    });
    skpKabid = returned.json();
    skpKabid = (
      await kabid.put(`/api/skp/${skpKabid.id}/isi`, {
        version: skpKabid.version,
        rhk: [
          {
            id: skpKabid.rhk[0].id,
            jenis: 'UTAMA',
            rencana: 'Tersusunnya kurikulum SMA',
            iki: [...tiga(40, 'dokumen'), iki('WAKTU', 'Per semester', 2, 'semester')],
            intervensi: [rhkKadis],
          },
        ],
      })
    ).json();
    expect(skpKabid.status).toBe('DRAFT');
    skpKabid = (await kabid.post(`/api/skp/${skpKabid.id}/ajukan`, { version: skpKabid.version })).json();
    skpKabid = (await kadis.post(`/api/skp/${skpKabid.id}/setujui`, { version: skpKabid.version })).json();
    expect(skpKabid.status).toBe('DISETUJUI');

    // Pengawas and pelaksana, each approved by their own superior.
    let skpKasi = await plan(kasi, [
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya dokumen kurikulum per sekolah',
        iki: tiga(20, 'dokumen'),
        intervensi: [skpKabid.rhk[0].id],
      },
    ]);
    skpKasi = (await kasi.post(`/api/skp/${skpKasi.id}/ajukan`, { version: skpKasi.version })).json();
    skpKasi = (await kabid.post(`/api/skp/${skpKasi.id}/setujui`, { version: skpKasi.version })).json();
    expect(skpKasi.status).toBe('DISETUJUI');

    let skpStaf = await plan(staf, [
      {
        jenis: 'UTAMA',
        rencana: 'Terhimpunnya data kurikulum',
        iki: tiga(10, 'dokumen'),
        intervensi: [skpKasi.rhk[0].id],
      },
      { jenis: 'TAMBAHAN', rencana: 'Terselenggaranya rapat koordinasi', iki: tiga(2, 'kegiatan') },
    ]);
    expect((await staf.post(`/api/skp/${skpStaf.id}/setujui`, { version: skpStaf.version })).statusCode).toBe(
      403,
    );
    skpStaf = (await staf.post(`/api/skp/${skpStaf.id}/ajukan`, { version: skpStaf.version })).json();
    expect(
      (await kabid.post(`/api/skp/${skpStaf.id}/setujui`, { version: skpStaf.version })).statusCode,
    ).toBe(403);
    skpStaf = (await kasi.post(`/api/skp/${skpStaf.id}/setujui`, { version: skpStaf.version })).json();
    expect(skpStaf.status).toBe('DISETUJUI');
    expect(
      (await staf.put(`/api/skp/${skpStaf.id}/isi`, { version: skpStaf.version, rhk: [] })).statusCode,
    ).toBe(409);
  });
});

describe('perencanaan: refusals', () => {
  it('a pelaksana cannot read or approve a stranger’s SKP', async () => {
    const other = await h.login(org.orangLain.nip);
    const created = (await other.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' })).json();
    const staf = await h.login(org.pelaksana2.nip);
    expect((await staf.get(`/api/skp/${created.id}`)).statusCode).toBe(403);
    expect((await staf.post(`/api/skp/${created.id}/setujui`, { version: created.version })).statusCode).toBe(
      403,
    );
    expect(
      (await staf.put(`/api/skp/${created.id}/isi`, { version: created.version, rhk: [] })).statusCode,
    ).toBe(403);
    // The second plan of a year is refused on its Tahun field.
    const lagi = await other.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' });
    expect(lagi.statusCode).toBe(409);
    expect(lagi.json().error.details).toEqual({ field: 'tahun' });
  });

  it('two concurrent edits of one draft: one wins, the other gets 409', async () => {
    const c = await h.login(org.fungsional.nip);
    const draft = (await c.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' })).json();
    const body = (rencana: string) => ({
      version: draft.version,
      rhk: [{ jenis: 'TAMBAHAN', rencana, iki: tiga(1, 'modul') }],
    });
    const results = await Promise.all([
      c.put(`/api/skp/${draft.id}/isi`, body('Tersusunnya modul A')),
      c.put(`/api/skp/${draft.id}/isi`, body('Tersusunnya modul B')),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('refuses an intervensi to an RHK that is not the superior’s', async () => {
    const c = await h.login(org.pelaksana2.nip);
    const draft = (await c.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' })).json();
    const res = await c.put(`/api/skp/${draft.id}/isi`, {
      version: draft.version,
      rhk: [{ jenis: 'UTAMA', rencana: 'Tersusunnya data', iki: tiga(1, 'dokumen'), intervensi: [999999] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'Intervensi hanya boleh ke RHK pada SKP atasan langsung tahun yang sama.',
    );
  });
});

describe('perencanaan: the assessor’s view', () => {
  it('SKP bawahan lists direct subordinates, drafts before people without a plan before approved ones', async () => {
    const kasi = await h.login(org.pengawas.nip);
    const res = await kasi.get('/api/skp-bawahan?tahun=2026');
    expect(res.statusCode).toBe(200);
    expect(
      res.json().items.map((i: { namaLengkap: string; status: string | null }) => [i.namaLengkap, i.status]),
    ).toEqual([
      ['Fungsional Satu', 'DRAFT'],
      ['Pelaksana Dua', 'DRAFT'],
      ['Admin Dinas Pendidikan', null],
      ['Pelaksana Satu', 'DISETUJUI'],
    ]);
  });

  it('the pejabat penilai sets ekspektasi khusus per BerAKHLAK value; a peer cannot', async () => {
    const owner = await h.login(org.fungsional.nip);
    const [mine] = (await owner.get('/api/skp?tahun=2026')).json().items;
    const current = (await owner.get(`/api/skp/${mine.id}`)).json();
    const body = {
      version: current.version,
      ekspektasi: [{ kode: 'KOLABORATIF', ekspektasi: 'Berbagi modul dengan seluruh seksi' }],
    };
    const peer = await h.login(org.pelaksana2.nip);
    expect((await peer.put(`/api/skp/${mine.id}/perilaku`, body)).statusCode).toBe(403);
    const kasi = await h.login(org.pengawas.nip);
    const bad = await kasi.put(`/api/skp/${mine.id}/perilaku`, {
      ...body,
      ekspektasi: [{ kode: 'JUJUR', ekspektasi: 'x' }],
    });
    expect(bad.statusCode).toBe(400);
    const ok = await kasi.put(`/api/skp/${mine.id}/perilaku`, body);
    expect(ok.statusCode).toBe(200);
    const perilaku = ok.json().perilaku;
    expect(perilaku).toHaveLength(7);
    expect(perilaku.find((p: { kode: string }) => p.kode === 'KOLABORATIF')).toMatchObject({
      nama: 'Kolaboratif',
      ekspektasi: 'Berbagi modul dengan seluruh seksi',
    });
    expect(perilaku.find((p: { kode: string }) => p.kode === 'AKUNTABEL').panduan).toHaveLength(3);
  });
});

describe('perencanaan: dibagi habis', () => {
  it('reports each leader IKI against the subordinates’ intervening RHKs', async () => {
    const kabid = await h.login(org.administrator.nip);
    const [mine] = (await kabid.get('/api/skp?tahun=2026')).json().items;
    const res = await kabid.get(`/api/skp/${mine.id}/cakupan`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(
      body.iki.map((r: { indikator: string; status: string; jumlah: number | null }) => [
        r.indikator,
        r.status,
        r.jumlah,
      ]),
    ).toEqual([
      ['Jumlah dokumen', 'KURANG', 20],
      ['Persentase sesuai standar', 'LENGKAP', null],
      ['Ketepatan waktu', 'LENGKAP', null],
      ['Per semester', 'BEDA_SATUAN', null],
    ]);
    expect(body).toMatchObject({ tanpaInduk: [], belumDisetujui: [], masalah: 2, persenLengkap: 50 });

    const kadis = await h.login(org.kepala.nip);
    expect((await kadis.get(`/api/skp/${mine.id}/cakupan`)).statusCode).toBe(200);
    const stranger = await h.login(org.pelaksana2.nip);
    expect((await stranger.get(`/api/skp/${mine.id}/cakupan`)).statusCode).toBe(403);
  });

  it('lists subordinates without an approved plan and UTAMA RHKs hanging under nothing', async () => {
    const kasi = await h.login(org.pengawas.nip);
    const [mine] = (await kasi.get('/api/skp?tahun=2026')).json().items;
    const body = (await kasi.get(`/api/skp/${mine.id}/cakupan`)).json();
    expect(
      body.belumDisetujui.map((p: { namaLengkap: string; status: string | null }) => [
        p.namaLengkap,
        p.status,
      ]),
    ).toEqual([
      ['Admin Dinas Pendidikan', null],
      ['Fungsional Satu', 'DRAFT'],
      ['Pelaksana Dua', 'DRAFT'],
    ]);
    expect(body.iki[0]).toMatchObject({ indikator: 'Jumlah dokumen', status: 'KURANG', jumlah: 10 });
  });
});

describe('perencanaan: versions and copies', () => {
  it('a new version of an approved plan keeps the old one, and on approval takes over the subordinates’ links', async () => {
    const kasi = await h.login(org.pengawas.nip);
    const kabid = await h.login(org.administrator.nip);
    const [old] = (await kasi.get('/api/skp?tahun=2026')).json().items;
    const approved = (await kasi.get(`/api/skp/${old.id}`)).json();
    expect(
      (await kasi.put(`/api/skp/${old.id}/isi`, { version: approved.version, rhk: [] })).statusCode,
    ).toBe(409);

    let next = (await kasi.post(`/api/skp/${old.id}/versi-baru`, { version: approved.version })).json();
    expect(next).toMatchObject({ versi: 2, status: 'DRAFT' });
    expect(next.rhk.map((r: { rencana: string }) => r.rencana)).toEqual(
      approved.rhk.map((r: { rencana: string }) => r.rencana),
    );
    expect(next.rhk[0].intervensi).toEqual(approved.rhk[0].intervensi);
    expect((await kasi.post(`/api/skp/${old.id}/versi-baru`, { version: approved.version })).statusCode).toBe(
      409,
    );

    next = (await kasi.post(`/api/skp/${next.id}/ajukan`, { version: next.version })).json();
    next = (await kabid.post(`/api/skp/${next.id}/setujui`, { version: next.version })).json();
    expect(next.status).toBe('DISETUJUI');
    expect((await kasi.get(`/api/skp/${old.id}`)).json()).toMatchObject({ status: 'DISETUJUI', versi: 1 });

    // The pelaksana's RHK now intervenes the copy in version 2, and still passes the checks.
    const staf = await h.login(org.pelaksana.nip);
    const [stafSkp] = (await staf.get('/api/skp?tahun=2026')).json().items;
    const stafDetail = (await staf.get(`/api/skp/${stafSkp.id}`)).json();
    expect(stafDetail.rhk[0].intervensi).toEqual([next.rhk[0].id]);
    expect(stafDetail.skpAtasan.id).toBe(next.id);
    expect(stafDetail.temuan).toEqual([]);
  });

  it('copies last year’s approved plan into a new draft without the superior links', async () => {
    const staf = await h.login(org.pelaksana.nip);
    const copy = await staf.post('/api/skp/salin', { tahun: 2027, pendekatan: 'KUANTITATIF' });
    expect(copy.statusCode).toBe(200);
    const body = copy.json();
    expect(body).toMatchObject({ tahun: 2027, status: 'DRAFT', versi: 1 });
    expect(body.rhk.map((r: { rencana: string }) => r.rencana)).toEqual([
      'Terhimpunnya data kurikulum',
      'Terselenggaranya rapat koordinasi',
    ]);
    expect(body.rhk[0].intervensi).toEqual([]);
    expect(body.rhk[0].iki).toHaveLength(3);
    expect(
      (
        await (
          await h.login(org.orangLain.nip)
        ).post('/api/skp/salin', { tahun: 2027, pendekatan: 'KUANTITATIF' })
      ).statusCode,
    ).toBe(404);
  });
});
