import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { stafDenganRencana, wita } from '../../../test/siklus.js';
import type { Client } from '../../../test/skp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let rhkStaf: number[];
let staf: Client;

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  ({ rhkStaf } = await stafDenganRencana(h, org));
  // 3 August 2026: July's input window.
  h.clock.set(wita('2026-08-03'));
  staf = await h.login(org.pelaksana.nip);
});
afterAll(() => h.close());

const entri = (
  tanggal: string,
  jamMulai: string,
  jamSelesai: string,
  over: Record<string, unknown> = {},
) => ({
  tanggal,
  jamMulai,
  jamSelesai,
  kegiatan: `Kegiatan ${tanggal} ${jamMulai}`,
  kuantitas: 1,
  satuan: 'data',
  buktiDukung: null,
  ...over,
});

/** The realisasi's version of one RHK in July (undefined before its first entry). */
async function versi(rhkId: number) {
  const [row] = await rows<{ version: number }>(
    h.db,
    sql`SELECT version FROM realisasi WHERE rhk_id = ${rhkId} AND periode_kode = '2026-07'`,
  );
  return row?.version;
}

async function tambah(rhkId: number, body: Record<string, unknown>, kunci?: string) {
  return staf.request(
    'POST',
    `/api/realisasi/${rhkId}/2026-07/log`,
    { ...body, version: await versi(rhkId) },
    kunci ? { 'idempotency-key': kunci } : {},
  );
}

/** Entries, log audits and comment audits: what a refusal must leave unchanged. */
async function jejak() {
  const [row] = await rows<{ entri: number; audit: number; komentar: number }>(
    h.db,
    sql`SELECT (SELECT count(*)::int FROM log_harian) AS entri,
               (SELECT count(*)::int FROM audit_log WHERE action LIKE 'realisasi.log_%') AS audit,
               (SELECT count(*)::int FROM komentar_progres_harian) AS komentar`,
  );
  return row!;
}

async function ditolak(res: Awaited<ReturnType<typeof tambah>>, field: string, pesan: RegExp) {
  expect(res.statusCode, res.body).toBe(400);
  const { error } = res.json();
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.details).toEqual([{ field: `body.${field}`, message: expect.stringMatching(pesan) }]);
}

describe('progres harian: the rules of a day across RHKs', () => {
  it('refuses overlapping ranges across RHKs at the field, storing nothing; adjacent ranges fit', async () => {
    expect((await tambah(rhkStaf[0]!, entri('2026-07-14', '08:00', '11:00'))).statusCode).toBe(201);
    const before = await jejak();
    await ditolak(
      await tambah(rhkStaf[1]!, entri('2026-07-14', '10:00', '12:00')),
      'jamMulai',
      /^Jam 10:00–12:00 bertumpang tindih dengan kegiatan 08:00–11:00 .* pada Selasa, 14 Juli 2026\.$/,
    );
    expect(await jejak()).toEqual(before);
    // The second RHK got no draft from the refused first entry.
    expect(await versi(rhkStaf[1]!)).toBeUndefined();
    expect((await tambah(rhkStaf[1]!, entri('2026-07-14', '11:00', '12:00'))).statusCode).toBe(201);
  });

  it("refuses more than the instansi's daily cap; an edit that keeps the times is not judged again", async () => {
    const before = await jejak();
    // 3 h + 1 h + 3 h 31 min.
    await ditolak(
      await tambah(rhkStaf[0]!, entri('2026-07-14', '13:00', '16:31')),
      'jamSelesai',
      /menjadi 7 jam 31 menit, melebihi batas 7 jam 30 menit per hari\.$/,
    );
    expect(await jejak()).toEqual(before);
    const pas = await tambah(rhkStaf[0]!, entri('2026-07-14', '13:00', '16:30'));
    expect(pas.statusCode, pas.body).toBe(201);

    const { realisasiId, version, entri: ada } = pas.json();
    const pagi = ada.find((e: { jamMulai: string }) => e.jamMulai === '08:00');
    const lebih = await staf.put(`/api/realisasi/${realisasiId}/log/${pagi.id}`, {
      ...entri('2026-07-14', '07:30', '11:00'),
      version,
    });
    await ditolak(lebih, 'jamSelesai', /melebihi batas/);
    const teks = await staf.put(`/api/realisasi/${realisasiId}/log/${pagi.id}`, {
      ...entri('2026-07-14', '08:00', '11:00', { kegiatan: 'Rapat koordinasi kurikulum', kuantitas: 2 }),
      version,
    });
    expect(teks.statusCode, teks.body).toBe(200);
  });

  it('refuses weekends and holidays unless the instansi allows them; the setting is data, audited', async () => {
    const admin = await h.login(org.adminBkd.nip);
    const libur = await admin.post('/api/kehadiran/libur', {
      tanggal: '2026-07-17',
      keterangan: 'Cuti bersama uji',
    });
    expect(libur.statusCode, libur.body).toBe(200);
    const before = await jejak();
    await ditolak(
      await tambah(rhkStaf[0]!, entri('2026-07-18', '08:00', '10:00')),
      'tanggal',
      /^Sabtu, 18 Juli 2026 bukan hari kerja; instansi tidak mengizinkan/,
    );
    await ditolak(
      await tambah(rhkStaf[0]!, entri('2026-07-17', '08:00', '10:00')),
      'tanggal',
      /^Jumat, 17 Juli 2026 adalah hari libur \(Cuti bersama uji\)/,
    );
    expect(await jejak()).toEqual(before);

    const setting = (await admin.get('/api/pengaturan')).json();
    expect(setting.progresHarian).toEqual({ batasMenitHarian: 450, bolehHariLibur: false });
    expect(
      (
        await admin.put('/api/pengaturan', {
          ...setting,
          progresHarian: { batasMenitHarian: 30, bolehHariLibur: true },
        })
      ).statusCode,
    ).toBe(400);
    expect((await staf.put('/api/pengaturan', { ...setting })).statusCode).toBe(403);
    const ubah = await admin.put('/api/pengaturan', {
      ...setting,
      progresHarian: { batasMenitHarian: 480, bolehHariLibur: true },
    });
    expect(ubah.statusCode, ubah.body).toBe(200);
    expect(ubah.json().progresHarian).toEqual({ batasMenitHarian: 480, bolehHariLibur: true });
    const [audit] = await rows<{ after: { progresHarian: unknown } }>(
      h.db,
      sql`SELECT after FROM audit_log WHERE action = 'pengaturan.ubah' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit!.after.progresHarian).toEqual({ batasMenitHarian: 480, bolehHariLibur: true });

    expect((await tambah(rhkStaf[0]!, entri('2026-07-18', '08:00', '10:00'))).statusCode).toBe(201);
    expect((await tambah(rhkStaf[0]!, entri('2026-07-17', '08:00', '10:00'))).statusCode).toBe(201);
    // 8 h now fit on one day.
    expect((await tambah(rhkStaf[0]!, entri('2026-07-18', '10:00', '16:00'))).statusCode).toBe(201);
    const kembali = await admin.put('/api/pengaturan', {
      ...(ubah.json() as Record<string, unknown>),
      progresHarian: { batasMenitHarian: 450, bolehHariLibur: false },
    });
    expect(kembali.statusCode, kembali.body).toBe(200);
  });

  it('refuses a date outside the approved plan (a plan cut short by a mutation)', async () => {
    const [s] = await rows<{ id: number; akhir: string }>(
      h.db,
      sql`SELECT id, periode_akhir::text AS akhir FROM skp
           WHERE pegawai_id = ${org.pelaksana.id} AND status = 'DISETUJUI'`,
    );
    await h.db.execute(sql`UPDATE skp SET periode_akhir = '2026-07-20' WHERE id = ${s!.id}`);
    try {
      const before = await jejak();
      await ditolak(
        await tambah(rhkStaf[0]!, entri('2026-07-21', '08:00', '10:00')),
        'tanggal',
        /^Tanggal Selasa, 21 Juli 2026 di luar masa SKP \(.+ s\.d\. Senin, 20 Juli 2026\)\.$/,
      );
      expect(await jejak()).toEqual(before);
      expect((await tambah(rhkStaf[0]!, entri('2026-07-20', '08:00', '10:00'))).statusCode).toBe(201);
    } finally {
      await h.db.execute(sql`UPDATE skp SET periode_akhir = ${s!.akhir}::date WHERE id = ${s!.id}`);
    }
  });

  it("the month's realisasi per RHK is the sum of its days", async () => {
    const bulan = (await staf.get('/api/realisasi?periode=2026-07')).json();
    const nilai = (rhkId: number) =>
      bulan.items.find((i: { rhk: { id: number } }) => i.rhk.id === rhkId).realisasi.nilai;
    const [jumlah] = await rows<{ n: number }>(
      h.db,
      sql`SELECT sum(l.kuantitas)::int AS n FROM log_harian l JOIN realisasi r ON r.id = l.realisasi_id
           WHERE r.rhk_id = ${rhkStaf[0]}`,
    );
    // The 14th: 2 + 1; the 17th: 1; the 18th: 1 + 1; the 20th: 1.
    expect(jumlah!.n).toBe(7);
    expect(nilai(rhkStaf[0]!)).toBe(7);
    expect(nilai(rhkStaf[1]!)).toBe(1);
  });

  it('an offline retry with its idempotency key is answered once, not refused as overlapping itself', async () => {
    const kunci = randomUUID();
    const body = entri('2026-07-22', '08:00', '09:00', { kegiatan: 'Entri luring' });
    const pertama = await tambah(rhkStaf[1]!, body, kunci);
    expect(pertama.statusCode, pertama.body).toBe(201);
    const version = pertama.json().version - 1;
    const ulang = await staf.request(
      'POST',
      `/api/realisasi/${rhkStaf[1]}/2026-07/log`,
      { ...body, version },
      { 'idempotency-key': kunci },
    );
    expect(ulang.statusCode, ulang.body).toBe(201);
    expect(ulang.headers['idempotent-replayed']).toBe('true');
    // A refused entry leaves its key unused: corrected, it is written under the same key.
    const kunci2 = randomUUID();
    await ditolak(
      await tambah(rhkStaf[1]!, entri('2026-07-22', '08:30', '09:30'), kunci2),
      'jamMulai',
      /tumpang/,
    );
    expect((await tambah(rhkStaf[1]!, entri('2026-07-22', '09:00', '10:00'), kunci2)).statusCode).toBe(201);
  });
});

describe('progres harian: the assessor sees the team and comments on a day', () => {
  it('the team month at a glance: minutes, entries and comments per employee and day', async () => {
    const kasi = await h.login(org.pengawas.nip);
    const tim = await kasi.get('/api/progres-harian/tim?bulan=2026-07');
    expect(tim.statusCode, tim.body).toBe(200);
    const out = tim.json();
    expect(out).toMatchObject({ bulan: '2026-07', label: 'Juli 2026', batasMenitHarian: 450 });
    expect(out.hari).toHaveLength(31);
    expect(out.hari[16]).toEqual({ tanggal: '2026-07-17', hariKerja: false, libur: 'Cuti bersama uji' });
    expect(out.hari[17]).toEqual({ tanggal: '2026-07-18', hariKerja: false, libur: null });
    const saya = out.pegawai.find((p: { pegawaiId: number }) => p.pegawaiId === org.pelaksana.id);
    expect(saya.hari.find((d: { tanggal: string }) => d.tanggal === '2026-07-14')).toEqual({
      tanggal: '2026-07-14',
      menit: 450,
      entri: 3,
      komentar: 0,
    });
    expect(out.pegawai.some((p: { pegawaiId: number }) => p.pegawaiId === org.pelaksana2.id)).toBe(true);
    // The employee has no team.
    expect((await staf.get('/api/progres-harian/tim?bulan=2026-07')).json().pegawai).toEqual([]);
    expect((await kasi.get('/api/progres-harian/tim?bulan=2026-13')).statusCode).toBe(400);
  });

  it('only the pejabat penilai comments; the comment is audited and shown to the employee', async () => {
    const kasi = await h.login(org.pengawas.nip);
    const kabid = await h.login(org.administrator.nip);
    const staf2 = await h.login(org.pelaksana2.nip);
    const url = `/api/progres-harian/pegawai/${org.pelaksana.id}/2026-07-14/komentar`;
    const before = await jejak();
    for (const c of [staf, kabid, staf2]) expect((await c.post(url, { teks: 'Bagus' })).statusCode).toBe(403);
    expect((await kasi.post(url, { teks: '   ' })).statusCode).toBe(400);
    expect(
      (await kasi.post(`/api/progres-harian/pegawai/${org.pelaksana.id}/2026-02-30/komentar`, { teks: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(await jejak()).toEqual(before);

    const res = await kasi.post(url, { teks: 'Rapat koordinasi perlu notulen sebagai bukti.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().dapatKomentar).toBe(true);
    const [audit] = await rows<{
      entity: string;
      entity_id: string;
      actor_id: number;
      after: { tanggal: string };
    }>(
      h.db,
      sql`SELECT entity, entity_id, actor_id, after FROM audit_log WHERE action = 'progres_harian.komentar'`,
    );
    expect(audit).toMatchObject({
      entity: 'pegawai',
      entity_id: String(org.pelaksana.id),
      actor_id: org.pengawas.id,
      after: { tanggal: '2026-07-14' },
    });

    const milik = (await staf.get(`/api/progres-harian/pegawai/${org.pelaksana.id}?bulan=2026-07`)).json();
    expect(milik.dapatKomentar).toBe(false);
    const hari = milik.hari.find((d: { tanggal: string }) => d.tanggal === '2026-07-14');
    expect(hari.menit).toBe(450);
    expect(hari.entri.map((e: { jamMulai: string }) => e.jamMulai)).toEqual(['08:00', '11:00', '13:00']);
    expect(hari.entri[0].rencanaAksi).toBe('Terhimpunnya data kurikulum sekolah');
    expect(hari.komentar).toEqual([
      expect.objectContaining({
        teks: 'Rapat koordinasi perlu notulen sebagai bukti.',
        tanggal: '2026-07-14',
      }),
    ]);
    expect(hari.komentar[0].olehNama).toContain('Kepala Seksi');
    // A colleague does not read it; the team view counts it.
    expect(
      (await staf2.get(`/api/progres-harian/pegawai/${org.pelaksana.id}?bulan=2026-07`)).statusCode,
    ).toBe(403);
    const tim = (await kasi.get('/api/progres-harian/tim?bulan=2026-07')).json();
    const saya = tim.pegawai.find((p: { pegawaiId: number }) => p.pegawaiId === org.pelaksana.id);
    expect(saya.hari.find((d: { tanggal: string }) => d.tanggal === '2026-07-14').komentar).toBe(1);
  });
});
