import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { approvedChain, type Client, iki, plan, submitAndApprove, tiga } from '../../../test/skp.js';

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ now: '2026-03-10T02:00:00Z' });
});
afterAll(() => h.close());

/** The kabid leaves on 1 March; the head of another office, with his own approved plan, acts for the post. */
async function kabidKosongDenganPlt(org: Org) {
  const bkd = await h.login(org.adminBkd.nip);
  const gub = await h.login(org.gubernur.nip);
  const plt = await h.login(org.kepala2.nip);
  const milikPlt = await submitAndApprove(
    plt,
    gub,
    await plan(plt, [
      {
        jenis: 'UTAMA',
        rencana: 'Meningkatnya layanan kesehatan dasar',
        iki: [iki(null, 'Persentase puskesmas terakreditasi', 90, '%', 'PENERIMA_LAYANAN')],
      },
    ]),
  );
  const version = (await bkd.get(`/api/pegawai/${org.administrator.id}`)).json().version;
  const mutasi = await bkd.post(`/api/pegawai/${org.administrator.id}/mutasi`, {
    jabatanId: org.jabatan.jStaf2,
    tmtMulai: '2026-03-01',
    alasan: 'Mutasi antar-OPD',
    version,
  });
  expect(mutasi.statusCode, mutasi.body).toBe(200);
  const penugasan = await bkd.post(`/api/pegawai/${org.kepala2.id}/plt`, {
    jabatanId: org.jabatan.jKabid,
    jenis: 'PLT',
    tmtMulai: '2026-03-02',
    tmtSelesai: null,
    alasan: 'Jabatan kepala bidang kosong',
  });
  expect(penugasan.statusCode, penugasan.body).toBe(200);
  return { bkd, plt, milikPlt };
}

async function draftBaru(c: Client, skp: { id: number; version: number }) {
  const res = await c.post(`/api/skp/${skp.id}/versi-baru`, { version: skp.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('under a Plt, subordinates intervene the plan written for the position (SPEC §4.1)', () => {
  it('the kasi intervenes the kabid position plan, not the Plt own plan from another office', async () => {
    const org = await buildOrg(h.db);
    const { c, plans } = await approvedChain(h, org);
    const { bkd, milikPlt } = await kabidKosongDenganPlt(org);

    const draft = await draftBaru(c.kasi, plans.kasi);
    expect(draft.atasan.pegawaiId).toBe(org.kepala2.id);
    expect(draft.skpAtasan.id).toBe(plans.kabid.id);
    expect(draft.skpAtasan.rhk.map((r: { id: number }) => r.id)).toEqual(
      plans.kabid.rhk.map((r: { id: number }) => r.id),
    );

    const rhk = (intervensi: number[]) => [
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya dokumen kurikulum per sekolah',
        iki: tiga(20, 'dokumen'),
        intervensi,
      },
    ];
    const salah = await c.kasi.put(`/api/skp/${draft.id}/isi`, {
      version: draft.version,
      rhk: rhk([milikPlt.rhk[0].id]),
    });
    expect(salah.statusCode).toBe(400);
    expect(salah.json().error.details.intervensi).toEqual([milikPlt.rhk[0].id]);
    const benar = await c.kasi.put(`/api/skp/${draft.id}/isi`, {
      version: draft.version,
      rhk: rhk([plans.kabid.rhk[0].id]),
    });
    expect(benar.statusCode, benar.body).toBe(200);

    // The matriks and dibagi habis of the kabid position's plan show the kasi; the Plt's own plan does not.
    const matriks = (await bkd.get(`/api/skp/${plans.kabid.id}/matriks`)).json();
    expect(matriks.baris.map((b: { pegawaiId: number }) => b.pegawaiId)).toEqual([org.pengawas.id]);
    expect(matriks.baris[0].sel[0].rhk.map((r: { rencana: string }) => r.rencana)).toEqual([
      'Tersusunnya dokumen kurikulum per sekolah',
    ]);
    const cakupan = (await bkd.get(`/api/skp/${plans.kabid.id}/cakupan`)).json();
    expect(cakupan.belumDisetujui).toEqual([
      { pegawaiId: org.pengawas.id, namaLengkap: 'Kepala Seksi', status: 'DRAFT' },
    ]);
    expect(cakupan.iki.map((i: { status: string }) => i.status)).not.toContain('TANPA_BAWAHAN');
    const milik = (await bkd.get(`/api/skp/${milikPlt.id}/matriks`)).json();
    expect(milik.baris.map((b: { pegawaiId: number }) => b.pegawaiId)).not.toContain(org.pengawas.id);
    const milikCakupan = (await bkd.get(`/api/skp/${milikPlt.id}/cakupan`)).json();
    expect(milikCakupan.belumDisetujui.map((b: { pegawaiId: number }) => b.pegawaiId)).not.toContain(
      org.pengawas.id,
    );

    // Organisation-wide, the kabid position's three IKIs stay with Dinas Pendidikan (with the kasi's
    // six; the kadis leads nobody while a Plt holds the post); Dinas Kesehatan keeps only its head's
    // own IKI, which the kasi does not serve.
    const laporan = (await bkd.get('/api/cakupan?tahun=2026')).json();
    const unit = (id: number) => laporan.unit.find((u: { unorId: number }) => u.unorId === id);
    expect(unit(org.unor.opd.id)).toMatchObject({ iki: 9, menungguAtasan: 0, rhkTanpaInduk: 0 });
    expect(unit(org.unor.opd2.id)).toMatchObject({ iki: 1, tanpaBawahan: 1 });
    const bidang = (await bkd.get(`/api/cakupan?tahun=2026&unorId=${org.unor.opd.id}`)).json();
    expect(bidang.unit.find((u: { unorId: number }) => u.unorId === org.unor.bidang.id)).toMatchObject({
      iki: 9,
    });
  });

  it('with no plan for the position yet, the kasi sees he waits on the Plt, not on the Plt own plan', async () => {
    const org = await buildOrg(h.db);
    await kabidKosongDenganPlt(org);
    const kasi = await h.login(org.pengawas.nip);
    const created = await kasi.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().skpAtasan).toBeNull();
    expect(created.json().atasan).toMatchObject({ pegawaiId: org.kepala2.id, statusSkp: null });
  });
});
