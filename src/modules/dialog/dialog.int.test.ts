import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { approvedChain, type Client, plan, submitAndApprove, tiga } from '../../../test/skp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let c: Awaited<ReturnType<typeof approvedChain>>['c'] & {
  asing: Client;
  timPenilai: Client;
};
let rhkStaf: number[];
let rhkKasi: number[];

// 10 January 2026, 10:00 WITA.
beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  const chain = await approvedChain(h, org);
  c = { ...chain.c, asing: await h.login(org.orangLain.nip), timPenilai: await h.login(org.timPenilai.nip) };
  const pStaf = await submitAndApprove(
    c.staf,
    c.kasi,
    await plan(c.staf, [
      {
        jenis: 'UTAMA',
        rencana: 'Terhimpunnya data kurikulum sekolah',
        iki: tiga(120, 'data'),
        intervensi: [chain.plans.kasi.rhk[0].id],
      },
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya laporan supervisi',
        iki: tiga(12, 'laporan'),
        intervensi: [chain.plans.kasi.rhk[1].id],
      },
    ]),
  );
  rhkStaf = pStaf.rhk.map((r: { id: number }) => r.id);
  rhkKasi = chain.plans.kasi.rhk.map((r: { id: number }) => r.id);
});
afterAll(() => h.close());

const count = async (table: 'dialog_kinerja' | 'audit_log') =>
  (
    await rows<{ n: number }>(
      h.db,
      table === 'dialog_kinerja'
        ? sql`SELECT count(*)::int AS n FROM dialog_kinerja WHERE instansi_id = ${org.instansiId}`
        : sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'dialog_kinerja' AND instansi_id = ${org.instansiId}`,
    )
  )[0]!.n;

const bimbingan = () => ({
  tanggal: '2026-01-09',
  jenis: 'BIMBINGAN',
  topik: 'Cara menghimpun data kurikulum per sekolah',
  kesepakatan: 'Data dihimpun per sekolah setiap Jumat.',
  pesertaIds: [org.fungsional.id],
  rhkIds: [rhkStaf[0]],
  tindakLanjut: [
    {
      uraian: 'Menyusun format rekap per sekolah',
      penanggungJawabId: org.pelaksana.id,
      tenggat: '2026-01-20',
    },
    { uraian: 'Mendampingi pengisian rekap', penanggungJawabId: org.fungsional.id, tenggat: '2026-01-25' },
  ],
});

type Tl = {
  id: number;
  version: number;
  penanggungJawab: { id: number };
  selesaiAt: string | null;
  dapatDiselesaikan: boolean;
};
const tlOf = (d: { tindakLanjut: Tl[] }, pegawaiId: number) =>
  d.tindakLanjut.find((t) => t.penanggungJawab.id === pegawaiId)!;

describe('dialog kinerja (SPEC §5.4)', () => {
  let dialogId: number;

  it('a leader records a dialog linked to an RHK of the employee; the employee is notified', async () => {
    const before = await count('audit_log');
    const res = await c.kasi.post(`/api/dialog/pegawai/${org.pelaksana.id}`, bimbingan());
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    dialogId = d.id;
    expect(d).toMatchObject({
      tanggal: '2026-01-09',
      jenis: 'BIMBINGAN',
      jenisLabel: 'Bimbingan',
      pegawai: { id: org.pelaksana.id, nip: org.pelaksana.nip },
      pimpinan: { id: org.pengawas.id },
      peserta: [{ id: org.fungsional.id }],
      rhk: [{ id: rhkStaf[0], rencana: 'Terhimpunnya data kurikulum sekolah', tahun: 2026 }],
      penilaian: null,
      version: 1,
      dapatDiubah: true,
      dapatDinilai: false,
    });
    expect(d.tindakLanjut).toHaveLength(2);
    expect(d.tindakLanjut[0]).toMatchObject({ selesaiAt: null, terlambat: false, dapatDiselesaikan: true });
    expect(await count('audit_log')).toBe(before + 1);

    const notifStaf = (await c.staf.get('/api/notifikasi')).json().items;
    expect(notifStaf.map((n: { jenis: string }) => n.jenis)).toEqual(
      expect.arrayContaining(['DIALOG_KINERJA', 'TINDAK_LANJUT_DIALOG']),
    );
    expect(notifStaf.find((n: { jenis: string }) => n.jenis === 'TINDAK_LANJUT_DIALOG').pesan).toMatch(
      /Menyusun format rekap per sekolah.*20 Januari 2026/,
    );
    const notifFung = (await c.fung.get('/api/notifikasi')).json().items;
    expect(notifFung[0]).toMatchObject({ jenis: 'TINDAK_LANJUT_DIALOG', tautan: `/dialog?id=${dialogId}` });
  });

  it('the employee, his chain, admins, the tim penilai and participants read it; a stranger gets 403', async () => {
    const own = await c.staf.get(`/api/dialog/pegawai/${org.pelaksana.id}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.map((d: { id: number }) => d.id)).toEqual([dialogId]);
    expect(own.json().items[0]).toMatchObject({ dapatDiubah: false, dapatDinilai: true });
    expect(tlOf(own.json().items[0], org.fungsional.id).dapatDiselesaikan).toBe(false);
    for (const reader of [c.kabid, c.kadis, c.adminOpd, c.adminBkd, c.timPenilai]) {
      expect((await reader.get(`/api/dialog/pegawai/${org.pelaksana.id}`)).statusCode).toBe(200);
      expect((await reader.get(`/api/dialog/${dialogId}`)).statusCode).toBe(200);
    }
    // A participant reads the dialog itself, not the employee's list.
    expect((await c.fung.get(`/api/dialog/${dialogId}`)).statusCode).toBe(200);
    expect((await c.fung.get(`/api/dialog/pegawai/${org.pelaksana.id}`)).statusCode).toBe(403);
    for (const outsider of [c.asing, c.staf2]) {
      expect((await outsider.get(`/api/dialog/pegawai/${org.pelaksana.id}`)).statusCode).toBe(403);
      expect((await outsider.get(`/api/dialog/${dialogId}`)).statusCode).toBe(403);
    }
    expect((await c.staf.get('/api/dialog/999999')).statusCode).toBe(404);
  });

  it('only a leader above the employee records, and everything named must fit; nothing is stored otherwise', async () => {
    const dialogs = await count('dialog_kinerja');
    const audits = await count('audit_log');
    // A colleague or a stranger is not above the employee.
    expect((await c.staf2.post(`/api/dialog/pegawai/${org.pelaksana.id}`, bimbingan())).statusCode).toBe(403);
    expect((await c.asing.post(`/api/dialog/pegawai/${org.pelaksana.id}`, bimbingan())).statusCode).toBe(403);
    // An RHK of another employee (the kasi's own).
    const rhkAsing = await c.kasi.post(`/api/dialog/pegawai/${org.pelaksana.id}`, {
      ...bimbingan(),
      rhkIds: [rhkStaf[1], rhkKasi[0]],
    });
    expect(rhkAsing.statusCode).toBe(400);
    expect(rhkAsing.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'rhkIds', rhkIds: [rhkKasi[0]] },
    });
    expect(rhkAsing.json().error.message).toMatch(/RHK dari SKP pegawai/);
    // A follow-up for someone outside the conversation.
    const pjAsing = await c.kasi.post(`/api/dialog/pegawai/${org.pelaksana.id}`, {
      ...bimbingan(),
      tindakLanjut: [
        { uraian: 'Membantu rekap', penanggungJawabId: org.orangLain.id, tenggat: '2026-01-20' },
      ],
    });
    expect(pjAsing.statusCode).toBe(400);
    expect(pjAsing.json().error.message).toMatch(/pegawai, pimpinan atau peserta/);
    // The employee is not his own participant; the date is not in the future; the due date not before it.
    expect(
      (
        await c.kasi.post(`/api/dialog/pegawai/${org.pelaksana.id}`, {
          ...bimbingan(),
          pesertaIds: [org.pelaksana.id],
        })
      ).statusCode,
    ).toBe(400);
    const besok = await c.kasi.post(`/api/dialog/pegawai/${org.pelaksana.id}`, {
      ...bimbingan(),
      tanggal: '2026-01-11',
      tindakLanjut: [],
    });
    expect(besok.statusCode).toBe(400);
    expect(besok.json().error.message).toMatch(/tidak boleh setelah hari ini/);
    const tenggat = await c.kasi.post(`/api/dialog/pegawai/${org.pelaksana.id}`, {
      ...bimbingan(),
      tindakLanjut: [{ uraian: 'Rekap', penanggungJawabId: org.pelaksana.id, tenggat: '2026-01-01' }],
    });
    expect(tenggat.statusCode).toBe(400);
    expect(tenggat.body).toMatch(/Tenggat tindak lanjut tidak boleh sebelum tanggal dialog/);
    const jenis = await c.kasi.post(`/api/dialog/pegawai/${org.pelaksana.id}`, {
      ...bimbingan(),
      jenis: 'RAPAT',
    });
    expect(jenis.statusCode).toBe(400);
    expect(await count('dialog_kinerja')).toBe(dialogs);
    expect(await count('audit_log')).toBe(audits);
  });

  it('the recorder edits with the version (stale → 409); a new assignment notifies', async () => {
    const d = (await c.kasi.get(`/api/dialog/${dialogId}`)).json();
    const body = {
      ...bimbingan(),
      version: d.version,
      topik: 'Menghimpun data kurikulum per sekolah dan per jenjang',
      rhkIds: rhkStaf,
      tindakLanjut: [
        // The employee's follow-up stays (same id); the participant's is handed to the employee.
        { id: tlOf(d, org.pelaksana.id).id, ...bimbingan().tindakLanjut[0] },
        {
          id: tlOf(d, org.fungsional.id).id,
          uraian: 'Mengisi rekap contoh',
          penanggungJawabId: org.pelaksana.id,
          tenggat: '2026-01-25',
        },
      ],
    };
    expect((await c.kabid.put(`/api/dialog/${dialogId}`, body)).statusCode).toBe(403);
    const before = (await c.staf.get('/api/notifikasi')).json().items.length;
    const ubah = await c.kasi.put(`/api/dialog/${dialogId}`, body);
    expect(ubah.statusCode, ubah.body).toBe(200);
    expect(ubah.json()).toMatchObject({
      version: 2,
      topik: 'Menghimpun data kurikulum per sekolah dan per jenjang',
      rhk: rhkStaf.map((id) => ({ id })),
    });
    expect(ubah.json().tindakLanjut.map((t: Tl) => t.penanggungJawab.id)).toEqual([
      org.pelaksana.id,
      org.pelaksana.id,
    ]);
    expect((await c.staf.get('/api/notifikasi')).json().items.length).toBe(before + 1);

    const stale = await c.kasi.put(`/api/dialog/${dialogId}`, { ...body, topik: 'Lama' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    // A follow-up id of another dialog is refused.
    const lain = await c.kasi.post(`/api/dialog/pegawai/${org.pelaksana2.id}`, {
      tanggal: '2026-01-08',
      jenis: 'PEMANTAUAN',
      topik: 'Kemajuan pengolahan data',
      tindakLanjut: [
        { uraian: 'Rekap mingguan', penanggungJawabId: org.pelaksana2.id, tenggat: '2026-01-15' },
      ],
    });
    expect(lain.statusCode, lain.body).toBe(201);
    const curi = await c.kasi.put(`/api/dialog/${dialogId}`, {
      ...body,
      version: 2,
      tindakLanjut: [{ ...bimbingan().tindakLanjut[0], id: lain.json().tindakLanjut[0].id }],
    });
    expect(curi.statusCode).toBe(400);
    expect(curi.json().error.message).toMatch(/bukan bagian dari dialog ini/);
  });

  it('a follow-up is closed by whoever answers for it or the leader, once, with its version', async () => {
    // Back to one follow-up each for the employee and the participant.
    const d = (await c.kasi.get(`/api/dialog/${dialogId}`)).json();
    const [a, b] = d.tindakLanjut as Tl[];
    const ubah = await c.kasi.put(`/api/dialog/${dialogId}`, {
      ...bimbingan(),
      version: d.version,
      tindakLanjut: [
        { id: a!.id, ...bimbingan().tindakLanjut[0] },
        { id: b!.id, ...bimbingan().tindakLanjut[1] },
      ],
    });
    expect(ubah.statusCode, ubah.body).toBe(200);
    const tlStaf = tlOf(ubah.json(), org.pelaksana.id);
    const tlFung = tlOf(ubah.json(), org.fungsional.id);

    const terbuka = async () =>
      (
        await rows<{ n: number }>(
          h.db,
          sql`SELECT count(*)::int AS n FROM dialog_tindak_lanjut WHERE dialog_id = ${dialogId} AND selesai_at IS NULL`,
        )
      )[0]!.n;
    expect(await terbuka()).toBe(2);

    const url = (id: number) => `/api/dialog/tindak-lanjut/${id}/selesai`;
    expect((await c.fung.post(url(tlStaf.id), { version: tlStaf.version })).statusCode).toBe(403);
    expect((await c.staf2.post(url(tlStaf.id), { version: tlStaf.version })).statusCode).toBe(403);
    expect((await c.kabid.post(url(tlStaf.id), { version: tlStaf.version })).statusCode).toBe(403);
    const stale = await c.staf.post(url(tlStaf.id), { version: tlStaf.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const done = await c.staf.post(url(tlStaf.id), { version: tlStaf.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(tlOf(done.json(), org.pelaksana.id)).toMatchObject({ dapatDiselesaikan: false });
    expect(tlOf(done.json(), org.pelaksana.id).selesaiAt).not.toBeNull();
    const again = await c.staf.post(url(tlStaf.id), { version: tlStaf.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TINDAK_LANJUT_SUDAH_SELESAI');
    // The leader closes the participant's.
    expect((await c.kasi.post(url(tlFung.id), { version: tlFung.version })).statusCode).toBe(200);
    expect(await terbuka()).toBe(0);
    expect((await c.staf.post(url(999999), { version: 1 })).statusCode).toBe(404);
  });

  it('after a bimbingan only the employee rates it, once (Format B.1.8); not a pemantauan', async () => {
    const skor = [4, 4, 3, 4, 4, 3, 4, 4, 4];
    const url = `/api/dialog/${dialogId}/penilaian`;
    expect((await c.kasi.post(url, { skor })).statusCode).toBe(403);
    expect((await c.fung.post(url, { skor })).statusCode).toBe(403);
    const kurang = await c.staf.post(url, { skor: skor.slice(1) });
    expect(kurang.statusCode).toBe(400);
    expect(kurang.body).toMatch(/Beri skor untuk semua 9 pernyataan/);
    expect((await c.staf.post(url, { skor: [...skor.slice(1), 5] })).statusCode).toBe(400);

    const rated = await c.staf.post(url, { skor, saran: 'Lebih sering diadakan.' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({
      penilaian: { skor, rataRata: 3.78, saran: 'Lebih sering diadakan.' },
      dapatDinilai: false,
    });
    const twice = await c.staf.post(url, { skor });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('DIALOG_SUDAH_DINILAI');
    const notifKasi = (await c.kasi.get('/api/notifikasi')).json().items;
    expect(notifKasi[0]).toMatchObject({ jenis: 'DIALOG_DINILAI' });

    const pemantauan = await c.kasi.post(`/api/dialog/pegawai/${org.pelaksana.id}`, {
      tanggal: '2026-01-10',
      jenis: 'PEMANTAUAN',
      topik: 'Kemajuan rekap data',
    });
    expect(pemantauan.statusCode, pemantauan.body).toBe(201);
    expect(pemantauan.json().dapatDinilai).toBe(false);
    const refused = await c.staf.post(`/api/dialog/${pemantauan.json().id}/penilaian`, { skor });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('DIALOG_BUKAN_BIMBINGAN');
  });

  it('lists newest first, one page at a time, for the employee and for the leader; every write is audited', async () => {
    const first = await c.staf.get(`/api/dialog/pegawai/${org.pelaksana.id}?limit=1`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items[0].tanggal).toBe('2026-01-10');
    expect(first.json().nextCursor).not.toBeNull();
    const second = await c.staf.get(
      `/api/dialog/pegawai/${org.pelaksana.id}?limit=1&cursor=${first.json().nextCursor}`,
    );
    expect(second.json().items.map((d: { id: number }) => d.id)).toEqual([dialogId]);
    expect(second.json().nextCursor).toBeNull();
    expect((await c.staf.get(`/api/dialog/pegawai/${org.pelaksana.id}?cursor=rusak`)).statusCode).toBe(400);

    const dicatat = (await c.kasi.get('/api/dialog/dicatat')).json();
    expect(dicatat.items.map((d: { tanggal: string }) => d.tanggal)).toEqual([
      '2026-01-10',
      '2026-01-09',
      '2026-01-08',
    ]);
    expect((await c.staf.get('/api/dialog/dicatat')).json().items).toEqual([]);

    const audit = await rows<{ action: string }>(
      h.db,
      sql`SELECT action FROM audit_log WHERE entity = 'dialog_kinerja' AND instansi_id = ${org.instansiId} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'dialog.catat',
      'dialog.ubah',
      'dialog.catat',
      'dialog.ubah',
      'dialog.tindak_lanjut_selesai',
      'dialog.tindak_lanjut_selesai',
      'dialog.nilai',
      'dialog.catat',
    ]);
  });

  it('offers the RHKs of the employee’s plans of the year to link', async () => {
    const res = await c.kasi.get(`/api/dialog/pegawai/${org.pelaksana.id}/rhk?tahun=2026`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((r: { id: number }) => r.id)).toEqual(rhkStaf);
    expect((await c.asing.get(`/api/dialog/pegawai/${org.pelaksana.id}/rhk?tahun=2026`)).statusCode).toBe(
      403,
    );
  });
});
