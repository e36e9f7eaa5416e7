import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { approvedChain, plan, submitAndApprove, tiga } from '../../../test/skp.js';

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
});
afterAll(() => h.close());

const chain = (org: Org) => approvedChain(h, org);

/** The pelaksana's usual UTAMA RHK, intervening one RHK of the pengawas. */
const rhkData = (atasanRhkId: number, jumlah = 10) => ({
  jenis: 'UTAMA',
  rencana: 'Terhimpunnya data kurikulum',
  iki: tiga(jumlah, 'dokumen'),
  intervensi: [atasanRhkId],
});

describe('Matriks Peran Hasil', () => {
  it('the leader writes a role-result into a cell; it becomes a UTAMA RHK of the subordinate’s draft', async () => {
    const org = await buildOrg(h.db);
    const { c, plans } = await chain(org);
    const leaderRhk = plans.kasi.rhk[0].id;

    const before = (await c.kasi.get(`/api/skp/${plans.kasi.id}/matriks`)).json();
    // The leader's own superior reads the matrix but may not write into it.
    const readByKabid = (await c.kabid.get(`/api/skp/${plans.kasi.id}/matriks`)).json();
    expect(readByKabid.baris.every((b: { dapatDiisi: boolean }) => !b.dapatDiisi)).toBe(true);
    expect(before.kolom.map((k: { rhkId: number }) => k.rhkId)).toEqual(
      plans.kasi.rhk.map((r: { id: number }) => r.id),
    );
    const rowStaf = before.baris.find((b: { pegawaiId: number }) => b.pegawaiId === org.pelaksana.id);
    expect(rowStaf).toMatchObject({ skpId: null, status: null, dapatDiisi: true });

    // Only the leader who owns the plan writes into its matrix.
    const foreign = await c.kabid.post(`/api/skp/${plans.kasi.id}/matriks`, {
      pegawaiId: org.pelaksana.id,
      atasanRhkId: leaderRhk,
      rencana: 'Terhimpunnya data kurikulum',
    });
    expect(foreign.statusCode).toBe(403);
    // Not a direct subordinate of the leader.
    const stranger = await c.kasi.post(`/api/skp/${plans.kasi.id}/matriks`, {
      pegawaiId: org.orangLain.id,
      atasanRhkId: leaderRhk,
      rencana: 'Terhimpunnya data kurikulum',
    });
    expect(stranger.statusCode).toBe(403);

    const written = await c.kasi.post(`/api/skp/${plans.kasi.id}/matriks`, {
      pegawaiId: org.pelaksana.id,
      atasanRhkId: leaderRhk,
      rencana: 'Terhimpunnya data kurikulum',
    });
    expect(written.statusCode, written.body).toBe(200);
    const row = written.json().baris.find((b: { pegawaiId: number }) => b.pegawaiId === org.pelaksana.id);
    expect(row.status).toBe('DRAFT');
    expect(row.sel[0].rhk.map((r: { rencana: string }) => r.rencana)).toEqual([
      'Terhimpunnya data kurikulum',
    ]);
    expect(row.sel[1].rhk).toEqual([]);

    const draft = (await c.staf.get(`/api/skp/${row.skpId}`)).json();
    expect(draft.rhk).toMatchObject([
      { jenis: 'UTAMA', rencana: 'Terhimpunnya data kurikulum', intervensi: [leaderRhk] },
    ]);
    const inbox = (await c.staf.get('/api/notifikasi')).json();
    expect(inbox.belumDibaca).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      jenis: 'SKP_HASIL_PERAN',
      tautan: `/skp/${row.skpId}`,
      dibaca: false,
    });
    expect((await c.staf.post('/api/notifikasi/baca', {})).statusCode).toBe(200);
    expect((await c.staf.get('/api/notifikasi')).json().belumDibaca).toBe(0);

    // A second cell for the same person goes into the same draft; a submitted plan is closed to it.
    await c.kasi.post(`/api/skp/${plans.kasi.id}/matriks`, {
      pegawaiId: org.pelaksana.id,
      atasanRhkId: plans.kasi.rhk[1].id,
      rencana: 'Tersusunnya laporan supervisi',
    });
    let own = (await c.staf.get(`/api/skp/${row.skpId}`)).json();
    expect(own.rhk.map((r: { rencana: string }) => r.rencana)).toEqual([
      'Terhimpunnya data kurikulum',
      'Tersusunnya laporan supervisi',
    ]);
    own = (
      await c.staf.put(`/api/skp/${own.id}/isi`, {
        version: own.version,
        rhk: own.rhk.map((r: { id: number; rencana: string; intervensi: number[] }) => ({
          id: r.id,
          jenis: 'UTAMA',
          rencana: r.rencana,
          iki: tiga(10, 'dokumen'),
          intervensi: r.intervensi,
        })),
      })
    ).json();
    expect((await c.staf.post(`/api/skp/${own.id}/ajukan`, { version: own.version })).statusCode).toBe(200);
    const closed = await c.kasi.post(`/api/skp/${plans.kasi.id}/matriks`, {
      pegawaiId: org.pelaksana.id,
      atasanRhkId: leaderRhk,
      rencana: 'Tersusunnya laporan tambahan',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toMatch(/hasil peran tidak dapat ditambahkan/);
  });

  it('lists links left to someone else’s RHK after the superior changes, for the new assessor', async () => {
    const org = await buildOrg(h.db);
    const { c, plans } = await chain(org);
    const stafPlan = await plan(c.staf, [rhkData(plans.kasi.rhk[0].id)]);
    const pegawai = (await c.adminBkd.get(`/api/pegawai/${org.pelaksana.id}`)).json();
    const moved = await c.adminBkd.put(`/api/pegawai/${org.pelaksana.id}/atasan`, {
      atasanId: org.administrator.id,
      alasan: 'Ditarik ke bidang',
      version: pegawai.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const m = (await c.kabid.get(`/api/skp/${plans.kabid.id}/matriks`)).json();
    expect(m.tautanYatim).toEqual([
      expect.objectContaining({
        pegawaiId: org.pelaksana.id,
        rhkId: stafPlan.rhk[0].id,
        atasanRhkId: plans.kasi.rhk[0].id,
        atasanNama: 'Kepala Seksi',
      }),
    ]);
    // The old leader no longer sees them as a subordinate.
    const old = (await c.kasi.get(`/api/skp/${plans.kasi.id}/matriks`)).json();
    expect(old.baris.map((b: { pegawaiId: number }) => b.pegawaiId)).not.toContain(org.pelaksana.id);
  });
});

describe('graph hygiene', () => {
  it('a leader’s edit flags every RHK that intervenes the changed RHK perlu ditinjau and tells its owner', async () => {
    const org = await buildOrg(h.db);
    const { c, plans } = await chain(org);
    // A new version of the kasi's plan changes one RHK; on approval the subordinates' links move and flag.
    const stafPlan = await plan(c.staf, [
      rhkData(plans.kasi.rhk[0].id),
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya jadwal supervisi',
        iki: tiga(12, 'laporan'),
        intervensi: [plans.kasi.rhk[1].id],
      },
    ]);
    let v2 = (
      await c.kasi.post(`/api/skp/${plans.kasi.id}/versi-baru`, { version: plans.kasi.version })
    ).json();
    v2 = (
      await c.kasi.put(`/api/skp/${v2.id}/isi`, {
        version: v2.version,
        rhk: v2.rhk.map((r: { id: number; rencana: string; intervensi: number[] }, i: number) => ({
          id: r.id,
          jenis: 'UTAMA',
          rencana: i === 0 ? 'Tersusunnya dokumen kurikulum merdeka per sekolah' : r.rencana,
          iki: tiga(i === 0 ? 20 : 12, i === 0 ? 'dokumen' : 'laporan'),
          intervensi: r.intervensi,
        })),
      })
    ).json();
    await submitAndApprove(c.kasi, c.kabid, v2);
    const after = (await c.staf.get(`/api/skp/${stafPlan.id}`)).json();
    expect(after.rhk.map((r: { perluDitinjau: boolean }) => r.perluDitinjau)).toEqual([true, false]);
    expect(after.rhk.map((r: { intervensi: number[] }) => r.intervensi)).toEqual([
      [v2.rhk[0].id],
      [v2.rhk[1].id],
    ]);
    expect(after.saran.some((s: { message: string }) => /perlu ditinjau/.test(s.message))).toBe(true);
    const inbox = (await c.staf.get('/api/notifikasi')).json();
    expect(inbox.items.map((n: { jenis: string }) => n.jenis)).toContain('SKP_PERLU_DITINJAU');

    // Removing an RHK from a returned plan flags its intervening RHKs too; saving clears the owner's flags.
    const kasi3 = (
      await c.kasi.post(`/api/skp/${v2.id}/versi-baru`, {
        version: (await c.kasi.get(`/api/skp/${v2.id}`)).json().version,
      })
    ).json();
    const saved = await c.kasi.put(`/api/skp/${kasi3.id}/isi`, {
      version: kasi3.version,
      rhk: [
        {
          id: kasi3.rhk[0].id,
          jenis: 'UTAMA',
          rencana: kasi3.rhk[0].rencana,
          iki: tiga(20, 'dokumen'),
          intervensi: kasi3.rhk[0].intervensi,
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const reviewed = await c.staf.put(`/api/skp/${stafPlan.id}/isi`, {
      version: after.version,
      rhk: after.rhk.map((r: { id: number; rencana: string; intervensi: number[] }) => ({
        id: r.id,
        jenis: 'UTAMA',
        rencana: r.rencana,
        iki: tiga(10, 'dokumen'),
        intervensi: r.intervensi,
      })),
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().rhk.map((r: { perluDitinjau: boolean }) => r.perluDitinjau)).toEqual([
      false,
      false,
    ]);
  });

  it('a leader editing an intervened RHK of a returned plan flags the subordinates’ RHKs', async () => {
    const org = await buildOrg(h.db);
    const { c, plans } = await chain(org);
    // The administrator's plan goes back to draft through a return: submitted → returned → edited.
    let kabid2 = (
      await c.kabid.post(`/api/skp/${plans.kabid.id}/versi-baru`, { version: plans.kabid.version })
    ).json();
    kabid2 = (await c.kabid.post(`/api/skp/${kabid2.id}/ajukan`, { version: kabid2.version })).json();
    // The pengawas plans against the submitted version.
    const kasiNew = await c.kasi.post(`/api/skp/${plans.kasi.id}/versi-baru`, {
      version: plans.kasi.version,
    });
    let kasi2 = kasiNew.json();
    kasi2 = (
      await c.kasi.put(`/api/skp/${kasi2.id}/isi`, {
        version: kasi2.version,
        rhk: [
          {
            id: kasi2.rhk[0].id,
            jenis: 'UTAMA',
            rencana: kasi2.rhk[0].rencana,
            iki: tiga(20, 'dokumen'),
            intervensi: [kabid2.rhk[0].id],
          },
        ],
      })
    ).json();
    kabid2 = (
      await c.kadis.post(`/api/skp/${kabid2.id}/kembalikan`, {
        version: kabid2.version,
        catatan: 'Perjelas hasilnya.',
      })
    ).json();
    const edited = await c.kabid.put(`/api/skp/${kabid2.id}/isi`, {
      version: kabid2.version,
      rhk: [
        {
          id: kabid2.rhk[0].id,
          jenis: 'UTAMA',
          rencana: 'Tersusunnya kurikulum SMA berbasis proyek',
          iki: tiga(40, 'dokumen'),
          intervensi: kabid2.rhk[0].intervensi,
        },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const flagged = (await c.kasi.get(`/api/skp/${kasi2.id}`)).json();
    expect(flagged.rhk[0].perluDitinjau).toBe(true);
    const inbox = (await c.kasi.get('/api/notifikasi')).json();
    expect(inbox.items[0]).toMatchObject({ jenis: 'SKP_PERLU_DITINJAU', tautan: `/skp/${kasi2.id}` });
  });

  it('refuses an intervensi that would close a loop (409) and changes nothing', async () => {
    const org = await buildOrg(h.db);
    const { c, plans } = await chain(org);
    let kabid2 = (
      await c.kabid.post(`/api/skp/${plans.kabid.id}/versi-baru`, { version: plans.kabid.version })
    ).json();
    // A link from the head's RHK down to the administrator's new RHK (as bad legacy data would have).
    await h.db.execute(
      sql`INSERT INTO rhk_intervensi (rhk_id, atasan_rhk_id) VALUES (${plans.kadis.rhk[0].id}, ${kabid2.rhk[0].id})`,
    );
    const refused = await c.kabid.put(`/api/skp/${kabid2.id}/isi`, {
      version: kabid2.version,
      rhk: [
        {
          id: kabid2.rhk[0].id,
          jenis: 'UTAMA',
          rencana: 'Tersusunnya kurikulum SMA (revisi)',
          iki: tiga(40, 'dokumen'),
          intervensi: [plans.kadis.rhk[0].id],
        },
      ],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CASCADE_CYCLE');
    kabid2 = (await c.kabid.get(`/api/skp/${kabid2.id}`)).json();
    expect(kabid2.rhk[0].rencana).toBe('Tersusunnya kurikulum SMA');
  });

  it('shows the path from a pelaksana’s RHK up to the Perjanjian Kinerja', async () => {
    const org = await buildOrg(h.db);
    const { c, plans } = await chain(org);
    const stafPlan = await plan(c.staf, [rhkData(plans.kasi.rhk[0].id)]);
    // The identity printed on an OPD head's plan names the OPD once.
    expect(plans.kadis.identitas.pegawai.unitKerja).toBe('Dinas Pendidikan');
    expect(plans.kasi.identitas.pegawai.unitKerja).toBe('Seksi Kurikulum, Dinas Pendidikan');
    const res = await c.staf.get(`/api/skp/${stafPlan.id}/rhk/${stafPlan.rhk[0].id}/jalur`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().langkah.map((l: { pegawaiNama: string }) => l.pegawaiNama)).toEqual([
      'Pelaksana Satu',
      'Kepala Seksi',
      'Kepala Bidang',
      'Kepala Dinas',
    ]);
    expect(res.json().pk).toEqual({
      sasaran: 'Meningkatnya mutu pendidikan menengah',
      indikator: 'Persentase SMA terakreditasi A',
      unorNama: 'Dinas Pendidikan',
      tahun: 2026,
    });
    // An RHK of another plan through this plan's id is not found; a stranger may not look.
    expect((await c.staf.get(`/api/skp/${stafPlan.id}/rhk/${plans.kasi.rhk[0].id}/jalur`)).statusCode).toBe(
      404,
    );
    const stranger = await h.login(org.orangLain.nip);
    expect((await stranger.get(`/api/skp/${stafPlan.id}/rhk/${stafPlan.rhk[0].id}/jalur`)).statusCode).toBe(
      403,
    );
  });
});

describe('assessor tools: lampiran, deadline, reminders, coverage on approval', () => {
  it('the assessor writes the lampiran; the owner and peers may not', async () => {
    const org = await buildOrg(h.db);
    const { c, plans } = await chain(org);
    const stafPlan = await plan(c.staf, [rhkData(plans.kasi.rhk[0].id)]);
    const body = {
      version: stafPlan.version,
      lampiran: [
        { jenis: 'DUKUNGAN_SUMBER_DAYA', items: ['Laptop dan akses aplikasi Dapodik'] },
        { jenis: 'SKEMA_PERTANGGUNGJAWABAN', items: ['Laporan bulanan kepada Kepala Seksi'] },
        { jenis: 'KONSEKUENSI', items: ['Realisasi di bawah target menjadi bahan pembinaan'] },
      ],
    };
    expect((await c.staf.put(`/api/skp/${stafPlan.id}/lampiran`, body)).statusCode).toBe(403);
    expect((await c.staf2.put(`/api/skp/${stafPlan.id}/lampiran`, body)).statusCode).toBe(403);
    const saved = await c.kasi.put(`/api/skp/${stafPlan.id}/lampiran`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().lampiran).toEqual([
      {
        jenis: 'DUKUNGAN_SUMBER_DAYA',
        label: 'Dukungan Sumber Daya',
        items: ['Laptop dan akses aplikasi Dapodik'],
      },
      {
        jenis: 'SKEMA_PERTANGGUNGJAWABAN',
        label: 'Skema Pertanggungjawaban',
        items: ['Laporan bulanan kepada Kepala Seksi'],
      },
      {
        jenis: 'KONSEKUENSI',
        label: 'Konsekuensi',
        items: ['Realisasi di bawah target menjadi bahan pembinaan'],
      },
    ]);
    expect(saved.json().can).toMatchObject({ ekspektasi: true, edit: false });
    // Stale version: 409, nothing changes.
    const stale = await c.kasi.put(`/api/skp/${stafPlan.id}/lampiran`, { ...body, lampiran: [] });
    expect(stale.statusCode).toBe(409);
    expect((await c.staf.get(`/api/skp/${stafPlan.id}`)).json().lampiran[0].items).toHaveLength(1);
  });

  it('flags plans not approved by the configurable deadline; the BKD moves the deadline', async () => {
    const org = await buildOrg(h.db);
    const c = {
      staf: await h.login(org.pelaksana.nip),
      kasi: await h.login(org.pengawas.nip),
      adminBkd: await h.login(org.adminBkd.nip),
    };
    const draft = (await c.staf.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' })).json();
    expect(draft).toMatchObject({ batasWaktu: '2026-01-31', terlambat: false, keteranganTerlambat: null });
    h.clock.set('2026-02-02T02:00:00Z');
    try {
      // Sessions last hours, not weeks: log in again on the new day.
      c.staf = await h.login(org.pelaksana.nip);
      c.kasi = await h.login(org.pengawas.nip);
      c.adminBkd = await h.login(org.adminBkd.nip);
      expect((await c.staf.get(`/api/skp/${draft.id}`)).json()).toMatchObject({
        terlambat: true,
        keteranganTerlambat: 'Belum disetujui, tenggat 31 Januari 2026',
      });
      const list = (await c.kasi.get('/api/skp-bawahan?tahun=2026&terlambat=true')).json();
      expect(list.batasWaktu).toBe('2026-01-31');
      expect(list.items).toContainEqual(
        expect.objectContaining({
          pegawaiId: org.pelaksana.id,
          keteranganTerlambat: 'Belum disetujui, tenggat 31 Januari 2026',
        }),
      );

      const setting = (await c.adminBkd.get('/api/pengaturan')).json();
      expect(setting).toMatchObject({ batasSkp: '01-31', cakupanMemblokir: false, version: 1 });
      expect((await c.kasi.put('/api/pengaturan', { ...setting, batasSkp: '02-28' })).statusCode).toBe(403);
      expect((await c.adminBkd.put('/api/pengaturan', { ...setting, batasSkp: '13-01' })).statusCode).toBe(
        400,
      );
      const moved = await c.adminBkd.put('/api/pengaturan', { ...setting, batasSkp: '02-28' });
      expect(moved.json()).toMatchObject({ batasSkp: '02-28', cakupanMemblokir: false, version: 2 });
      expect((await c.adminBkd.put('/api/pengaturan', { ...setting, batasSkp: '03-31' })).statusCode).toBe(
        409,
      );
      expect((await c.staf.get(`/api/skp/${draft.id}`)).json()).toMatchObject({
        batasWaktu: '2026-02-28',
        terlambat: false,
        keteranganTerlambat: null,
      });
      const audit = (await c.adminBkd.get('/api/audit?entity=pengaturan')).json();
      expect(audit.items[0]).toMatchObject({ action: 'pengaturan.ubah' });
    } finally {
      h.clock.set('2026-01-10T02:00:00Z');
    }
  });

  it('SKP bawahan filters by status and name; bulk reminders reach only the assessor’s own subordinates', async () => {
    const org = await buildOrg(h.db);
    const c = {
      staf: await h.login(org.pelaksana.nip),
      staf2: await h.login(org.pelaksana2.nip),
      kasi: await h.login(org.pengawas.nip),
    };
    await c.staf.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' });
    const belum = (await c.kasi.get('/api/skp-bawahan?tahun=2026&status=BELUM_ADA')).json();
    expect(belum.items.map((i: { pegawaiId: number }) => i.pegawaiId).sort()).toEqual(
      [org.pelaksana2.id, org.fungsional.id, org.adminOpd.id].sort(),
    );
    const drafts = (await c.kasi.get('/api/skp-bawahan?tahun=2026&status=DRAFT')).json();
    expect(drafts.items.map((i: { pegawaiId: number }) => i.pegawaiId)).toEqual([org.pelaksana.id]);
    const byName = (await c.kasi.get('/api/skp-bawahan?tahun=2026&q=dua')).json();
    expect(byName.items.map((i: { pegawaiId: number }) => i.pegawaiId)).toEqual([org.pelaksana2.id]);

    const stranger = await c.kasi.post('/api/skp-bawahan/pengingat', {
      tahun: 2026,
      pegawaiIds: [org.orangLain.id],
    });
    expect(stranger.statusCode).toBe(403);
    const sent = await c.kasi.post('/api/skp-bawahan/pengingat', {
      tahun: 2026,
      pegawaiIds: [org.pelaksana.id, org.pelaksana2.id],
    });
    expect(sent.json()).toEqual({ terkirim: 2 });
    const inbox = (await c.staf2.get('/api/notifikasi')).json();
    expect(inbox.items[0]).toMatchObject({ jenis: 'SKP_PENGINGAT', tautan: '/skp' });
    expect(inbox.items[0].pesan).toMatch(/belum dibuat/);
    expect((await c.staf.get('/api/notifikasi')).json().items[0].pesan).toMatch(/masih berstatus Draf/);
  });

  it('shows the open coverage count on the leader’s plan; when the instansi says so it blocks approval', async () => {
    const org = await buildOrg(h.db);
    const { c, plans } = await chain(org);
    // The kasi's second RHK has no subordinate (3 IKIs); the first's quantity is covered only in part (1).
    let v2 = (
      await c.kasi.post(`/api/skp/${plans.kasi.id}/versi-baru`, { version: plans.kasi.version })
    ).json();
    v2 = (await c.kasi.post(`/api/skp/${v2.id}/ajukan`, { version: v2.version })).json();
    await plan(c.staf, [rhkData(v2.rhk[0].id)]);
    const seen = (await c.kabid.get(`/api/skp/${v2.id}`)).json();
    expect(seen.cakupan).toEqual({ masalah: 4, memblokir: false });
    expect((await c.kasi.get(`/api/skp/${v2.id}/cakupan`)).json().masalah).toBe(4);
    // A plan whose owner has no subordinates has no coverage to show.
    expect((await c.staf.get(`/api/skp/${plans.kasi.id}`)).statusCode).toBe(403);
    expect((await c.kabid.get(`/api/skp/${plans.kasi.id}`)).json().cakupan).not.toBeNull();

    const setting = (await c.adminBkd.get('/api/pengaturan')).json();
    await c.adminBkd.put('/api/pengaturan', { ...setting, cakupanMemblokir: true });
    const blocked = await c.kabid.post(`/api/skp/${v2.id}/setujui`, { version: v2.version });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error).toMatchObject({ code: 'CAKUPAN_BELUM_LENGKAP', details: { masalah: 4 } });
    expect((await c.kabid.get(`/api/skp/${v2.id}`)).json()).toMatchObject({
      status: 'DIAJUKAN',
      cakupan: { masalah: 4, memblokir: true },
    });
    await c.adminBkd.put('/api/pengaturan', {
      ...setting,
      version: setting.version + 1,
      cakupanMemblokir: false,
    });
    expect((await c.kabid.post(`/api/skp/${v2.id}/setujui`, { version: v2.version })).statusCode).toBe(200);
  });
});

describe('dibagi habis across the instansi', () => {
  it('reports per OPD and per unit; admins read it, others may not', async () => {
    const org = await buildOrg(h.db);
    const { c, plans } = await chain(org);
    await plan(c.staf, [
      rhkData(plans.kasi.rhk[0].id, 20),
      {
        jenis: 'UTAMA',
        rencana: 'Terhimpunnya data lain',
        iki: tiga(5, 'dokumen'),
        intervensi: [plans.kasi.rhk[0].id],
      },
    ]);

    expect((await c.staf.get('/api/cakupan?tahun=2026')).statusCode).toBe(403);
    const all = await c.adminBkd.get('/api/cakupan?tahun=2026');
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json();
    const dinas = body.unit.find((u: { unorId: number }) => u.unorId === org.unor.opd.id);
    // Leaders in the Dinas: kadis (1 IKI, covered 40/40), kabid (3 IKIs: 20 of 40 → kurang,
    // kualitas and waktu lengkap), kasi (6 IKIs: RHK 1 kuantitas 25 of 20 → lebih, 2 lengkap; RHK 2 nobody → 3 tanpa bawahan).
    expect(dinas).toMatchObject({
      nama: 'Dinas Pendidikan',
      pegawai: 7,
      skpDisetujui: 3,
      tanpaSkpDisetujui: 4,
      iki: 10,
      lengkap: 5,
      kurang: 1,
      lebih: 1,
      bedaSatuan: 0,
      tanpaBawahan: 3,
      rhkTanpaInduk: 0,
      menungguAtasan: 0,
      persenLengkap: 50,
    });
    // The per-plan view judges the same IKIs alike.
    const perPlan = (await c.kasi.get(`/api/skp/${plans.kasi.id}/cakupan`)).json();
    expect(perPlan.iki.map((i: { status: string }) => i.status)).toEqual([
      'LEBIH',
      'LENGKAP',
      'LENGKAP',
      'TANPA_BAWAHAN',
      'TANPA_BAWAHAN',
      'TANPA_BAWAHAN',
    ]);
    // The other Dinas: its head has no plan, so its staff waits for it.
    const kesehatan = body.unit.find((u: { unorId: number }) => u.unorId === org.unor.opd2.id);
    expect(kesehatan).toMatchObject({ pegawai: 2, menungguAtasan: 1, iki: 0, persenLengkap: 100 });
    expect(body.menunggu).toContainEqual(
      expect.objectContaining({ pegawaiId: org.orangLain.id, atasanId: org.kepala2.id, atasanStatus: null }),
    );
    // The waiting employee's own plan names whom it waits on.
    const waiting = await h.login(org.orangLain.nip);
    const own = (await waiting.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' })).json();
    expect(own.atasan).toEqual({
      pegawaiId: org.kepala2.id,
      namaLengkap: 'Kepala Dinas Kesehatan',
      statusSkp: null,
    });
    expect(own.skpAtasan).toBeNull();
    expect(body.ringkasan.pegawai).toBe(
      body.unit.reduce((n: number, u: { pegawai: number }) => n + u.pegawai, 0),
    );

    // Drill down into the Dinas: broken down by its child units.
    const unit = (await c.adminBkd.get(`/api/cakupan?tahun=2026&unorId=${org.unor.opd.id}`)).json();
    expect(unit.unor).toEqual({ id: org.unor.opd.id, nama: 'Dinas Pendidikan' });
    expect(unit.ringkasan).toMatchObject({ pegawai: 7, iki: 10, lengkap: 5 });
    expect(unit.unit.map((u: { nama: string }) => u.nama).sort()).toEqual([
      'Bidang Pembinaan SMA',
      'Dinas Pendidikan',
    ]);

    // The OPD admin reads their own OPD, not another.
    expect((await c.adminOpd.get('/api/cakupan?tahun=2026')).json().unor.id).toBe(org.unor.opd.id);
    expect((await c.adminOpd.get(`/api/cakupan?tahun=2026&unorId=${org.unor.opd2.id}`)).statusCode).toBe(403);
    const tim = await h.login(org.timPenilai.nip);
    expect((await tim.get('/api/cakupan?tahun=2026')).statusCode).toBe(200);
  });
});
