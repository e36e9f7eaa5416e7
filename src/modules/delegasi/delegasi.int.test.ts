import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { isiDanAjukan, realisasiOf, siklus, wita } from '../../../test/siklus.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let rhk: Awaited<ReturnType<typeof siklus>>['rhk'];

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  ({ rhk } = await siklus(h, org));
  h.clock.set(wita('2026-08-03'));
  await isiDanAjukan(await h.login(org.pelaksana.nip), rhk.staf, '2026-07');
});
afterAll(() => h.close());

/** Moves the clock and logs everyone in again (sessions last 12 hours). */
async function pada(tanggal: string) {
  h.clock.set(wita(tanggal));
  return {
    kasi: await h.login(org.pengawas.nip),
    staf: await h.login(org.pelaksana.nip),
    staf2: await h.login(org.pelaksana2.nip),
    wakil: await h.login(org.kepala2.nip),
    asing: await h.login(org.orangLain.nip),
    adminOpd: await h.login(org.adminOpd.nip),
  };
}

describe('delegasi penilaian', () => {
  it('validates, refuses overlaps, lets the delegate assess only within the dates, and revokes', async () => {
    let c = await pada('2026-08-09');
    const bulan = () => `/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-07`;
    const body = {
      penerimaId: org.kepala2.id,
      mulai: '2026-08-10',
      selesai: '2026-08-12',
      alasan: 'Cuti tahunan',
    };

    // Bad input: 400 with the field, nothing stored.
    const kePelaksana = await c.kasi.post('/api/delegasi', { ...body, penerimaId: org.pelaksana2.id });
    expect(kePelaksana.statusCode).toBe(400);
    expect(kePelaksana.json().error.message).toMatch(/jabatan struktural/);
    const terbalik = await c.kasi.post('/api/delegasi', {
      ...body,
      mulai: '2026-08-12',
      selesai: '2026-08-10',
    });
    expect(terbalik.statusCode).toBe(400);
    expect(terbalik.json().error.details).toEqual({ field: 'selesai' });
    const lampau = await c.kasi.post('/api/delegasi', { ...body, mulai: '2026-08-08' });
    expect(lampau.statusCode).toBe(400);
    expect(lampau.json().error.message).toMatch(/sebelum hari ini/);
    expect((await c.kasi.post('/api/delegasi', { ...body, mulai: '10-08-2026' })).statusCode).toBe(400);
    expect((await c.kasi.post('/api/delegasi', { ...body, alasan: '' })).statusCode).toBe(400);
    // A pelaksana has nobody to assess; nobody creates a delegation for someone else without an admin role.
    const tanpaBawahan = await c.staf2.post('/api/delegasi', body);
    expect(tanpaBawahan.statusCode).toBe(400);
    expect(tanpaBawahan.json().error.message).toMatch(/tidak memiliki bawahan/);
    expect((await c.staf.post('/api/delegasi', { ...body, pemberiId: org.pengawas.id })).statusCode).toBe(
      403,
    );
    const [none] = await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM delegasi_penilai WHERE instansi_id = ${org.instansiId}`,
    );
    expect(none!.n).toBe(0);

    const calon = await c.kasi.get('/api/delegasi/calon?q=kepala');
    expect(calon.statusCode, calon.body).toBe(200);
    const calonIds = calon.json().items.map((p: { id: number }) => p.id);
    expect(calonIds).toEqual(expect.arrayContaining([org.kepala2.id, org.administrator.id]));
    expect(calonIds).not.toContain(org.pengawas.id);
    expect(calonIds).not.toContain(org.pelaksana2.id);

    const dibuat = await c.kasi.post('/api/delegasi', body);
    expect(dibuat.statusCode, dibuat.body).toBe(201);
    expect(dibuat.json()).toMatchObject({
      pemberi: { id: org.pengawas.id },
      penerima: { id: org.kepala2.id },
      status: 'BELUM_BERLAKU',
      arah: 'DIBERIKAN',
      dapatDicabut: true,
    });
    // Overlapping the same giver's range: 409, also when an admin creates it.
    const tumpang = await c.kasi.post('/api/delegasi', {
      ...body,
      mulai: '2026-08-12',
      selesai: '2026-08-14',
    });
    expect(tumpang.statusCode).toBe(409);
    expect(tumpang.json().error.code).toBe('DELEGASI_TUMPANG_TINDIH');
    const olehAdmin = await c.adminOpd.post('/api/delegasi', {
      ...body,
      pemberiId: org.pengawas.id,
      penerimaId: org.administrator.id,
    });
    expect(olehAdmin.statusCode).toBe(409);

    // The receiver is told; the lists show it from both sides and in the admin's scope.
    const notif = (await c.wakil.get('/api/notifikasi')).json();
    expect(notif.items[0]).toMatchObject({ jenis: 'DELEGASI_PENILAIAN' });
    expect((await c.wakil.get('/api/delegasi')).json().items).toMatchObject([
      { id: dibuat.json().id, arah: 'DITERIMA', dapatDicabut: false },
    ]);
    expect((await c.adminOpd.get('/api/delegasi?lingkup=KELOLA')).json().items).toMatchObject([
      { id: dibuat.json().id, arah: null, dapatDicabut: true },
    ]);
    expect((await c.staf.get('/api/delegasi?lingkup=KELOLA')).statusCode).toBe(403);
    expect((await c.staf.get('/api/delegasi')).json().items).toEqual([]);

    // Before the range the delegate may not read the staf's month.
    expect((await c.wakil.get(bulan())).statusCode).toBe(403);

    // 11 August, within the range and the assessment window: the delegate reads and assesses.
    c = await pada('2026-08-11');
    const dibaca = await c.wakil.get(bulan());
    expect(dibaca.statusCode, dibaca.body).toBe(200);
    expect(dibaca.json()).toMatchObject({
      dapatMenilai: true,
      menilaiSebagai: 'DELEGASI',
      pejabatPenilai: { id: org.pengawas.id },
    });
    const r1 = realisasiOf(dibaca.json(), rhk.staf[0]!);
    const terima = await c.wakil.post(`/api/realisasi/${r1.id}/nilai`, {
      version: r1.version,
      keputusan: 'TERIMA',
      capaian: 'SESUAI',
      umpanBalik: 'Sudah sesuai rencana aksi.',
    });
    expect(terima.statusCode, terima.body).toBe(200);
    // Who assessed is recorded: the delegate, not the giver.
    expect(terima.json().riwayat.at(-1)).toMatchObject({ aksi: 'TERIMA', oleh: { id: org.kepala2.id } });
    expect(terima.json().umpanBalik[0].oleh.id).toBe(org.kepala2.id);
    const daftar = (await c.wakil.get('/api/realisasi/bawahan?periode=2026-07')).json();
    expect(daftar.items.find((i: { pegawaiId: number }) => i.pegawaiId === org.pelaksana.id)).toMatchObject({
      peran: 'DELEGASI',
      atasNama: { id: org.pengawas.id },
      menunggu: 1,
    });
    const kotak = (await c.wakil.get('/api/kotak-masuk')).json();
    expect(kotak.items.filter((i: { jenis: string }) => i.jenis === 'NILAI')).toMatchObject([
      {
        pegawai: { id: org.pelaksana.id },
        peran: 'DELEGASI',
        atasNama: { id: org.pengawas.id },
        menunggu: 1,
      },
    ]);
    // A stranger still may not.
    expect((await c.asing.get(bulan())).statusCode).toBe(403);
    const r2 = realisasiOf(dibaca.json(), rhk.staf[1]!);
    expect(
      (
        await c.asing.post(`/api/realisasi/${r2.id}/nilai`, {
          version: r2.version,
          keputusan: 'TERIMA',
          capaian: 'SESUAI',
        })
      ).statusCode,
    ).toBe(403);

    // 13 August, after the range: 403 again, for reading and for assessing.
    c = await pada('2026-08-13');
    expect((await c.wakil.get(bulan())).statusCode).toBe(403);
    const telat = await c.wakil.post(`/api/realisasi/${r2.id}/nilai`, {
      version: r2.version,
      keputusan: 'TERIMA',
      capaian: 'SESUAI',
    });
    expect(telat.statusCode).toBe(403);
    expect((await c.kasi.get('/api/delegasi')).json().items[0]).toMatchObject({
      status: 'BERAKHIR',
      dapatDicabut: false,
    });

    // Revoking: only the giver, the creator or an admin; once.
    const kedua = await c.adminOpd.post('/api/delegasi', {
      ...body,
      pemberiId: org.pengawas.id,
      penerimaId: org.administrator.id,
      mulai: '2026-08-13',
      selesai: '2026-08-14',
    });
    expect(kedua.statusCode, kedua.body).toBe(201);
    expect(kedua.json().status).toBe('AKTIF');
    expect((await c.staf2.post(`/api/delegasi/${kedua.json().id}/cabut`, {})).statusCode).toBe(403);
    const cabut = await c.kasi.post(`/api/delegasi/${kedua.json().id}/cabut`, { alasan: 'Cuti dibatalkan' });
    expect(cabut.statusCode, cabut.body).toBe(200);
    expect(cabut.json()).toMatchObject({ status: 'DICABUT', dapatDicabut: false });
    const lagi = await c.kasi.post(`/api/delegasi/${kedua.json().id}/cabut`, {});
    expect(lagi.statusCode).toBe(409);
    expect(lagi.json().error.code).toBe('DELEGASI_TIDAK_AKTIF');
    // The revoked delegation gives nothing (the kabid reads as the atasan, nothing has escalated yet).
    const kabid = await h.login(org.administrator.nip);
    expect((await kabid.get(bulan())).json()).toMatchObject({ dapatMenilai: false, menilaiSebagai: null });
    // A revoked range can be delegated again.
    const ganti = await c.kasi.post('/api/delegasi', { ...body, mulai: '2026-08-14', selesai: '2026-08-14' });
    expect(ganti.statusCode, ganti.body).toBe(201);

    const audit = await rows<{ action: string; actor_id: number }>(
      h.db,
      sql`SELECT action, actor_id FROM audit_log WHERE entity = 'delegasi_penilai' AND instansi_id = ${org.instansiId} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'delegasi.buat',
      'delegasi.buat',
      'delegasi.cabut',
      'delegasi.buat',
    ]);
    expect(audit[1]!.actor_id).toBe(org.adminOpd.id);
  });
});
