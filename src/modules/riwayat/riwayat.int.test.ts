import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { stafDenganRencana } from '../../../test/siklus.js';
import type { Client } from '../../../test/skp.js';
import type { RiwayatPegawaiOut, RiwayatTimOut } from '../../contracts/riwayat.js';

let h: Harness;
let org: Org;
let rhkStaf: number[];

/** 10:00 WITA on a day of a month of 2026. */
const pada = (bulan: number, hari: number) =>
  `2026-${String(bulan).padStart(2, '0')}-${String(hari).padStart(2, '0')}T02:00:00Z`;

/** Moves the clock and logs in again (sessions last 12 hours). */
async function login(now: string) {
  h.clock.set(now);
  return {
    staf: await h.login(org.pelaksana.nip),
    staf2: await h.login(org.pelaksana2.nip),
    kasi: await h.login(org.pengawas.nip),
    kabid: await h.login(org.administrator.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    adminBkd: await h.login(org.adminBkd.nip),
    asing: await h.login(org.orangLain.nip),
  };
}

async function ok<T = unknown>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

/** The employee fills and submits both RHKs of a month (input window). */
async function isiDanAjukan(staf: Client, periode: string, nilai: [number, number]) {
  for (const [i, id] of rhkStaf.entries())
    await ok(staf.put(`/api/realisasi/${id}/${periode}`, { nilai: nilai[i], satuan: 'data' }));
  await ok(staf.post('/api/realisasi/ajukan', { periode }));
}

type Bulan = { items: { rhk: { id: number }; realisasi: { id: number; version: number } }[] };

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  ({ rhkStaf } = await stafDenganRencana(h, org));

  // July: both accepted, rated Sangat Baik.
  let u = await login(pada(8, 3));
  await isiDanAjukan(u.staf, '2026-07', [10, 1]);
  u = await login(pada(8, 10));
  let bulan = await ok<Bulan>(u.kasi.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-07`));
  for (const item of bulan.items)
    await ok(
      u.kasi.post(`/api/realisasi/${item.realisasi.id}/nilai`, {
        version: item.realisasi.version,
        keputusan: 'TERIMA',
        capaian: 'DI_ATAS',
        umpanBalik: 'Rekap rapi.',
      }),
    );
  await ok(
    u.kasi.put(`/api/realisasi/pegawai/${org.pelaksana.id}/penilaian`, {
      periode: '2026-07',
      ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
      ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
    }),
  );

  // August: rated Baik; then the first sent back with a direction, the second accepted.
  u = await login(pada(9, 3));
  await isiDanAjukan(u.staf, '2026-08', [12, 1]);
  u = await login(pada(9, 10));
  bulan = await ok<Bulan>(u.kasi.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=2026-08`));
  const [a, b] = rhkStaf.map((id) => bulan.items.find((i) => i.rhk.id === id)!.realisasi);
  // Rated before the send-back: no predikat is set while an item waits for its correction.
  await ok(
    u.kasi.put(`/api/realisasi/pegawai/${org.pelaksana.id}/penilaian`, {
      periode: '2026-08',
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
    }),
  );
  await ok(
    u.kasi.post(`/api/realisasi/${a!.id}/nilai`, {
      version: a!.version,
      keputusan: 'PERLU_PERBAIKAN',
      arahan: 'Rinci per sekolah.',
      umpanBalik: 'Belum dirinci per sekolah.',
    }),
  );
  await ok(
    u.kasi.post(`/api/realisasi/${b!.id}/nilai`, {
      version: b!.version,
      keputusan: 'TERIMA',
      capaian: 'SESUAI',
    }),
  );
});
afterAll(() => h.close());

describe('riwayat kinerja pegawai', () => {
  it('shows the months side by side: realisasi, rounds, feedback per RHK and the predikat per month', async () => {
    const u = await login(pada(9, 20));
    const r = await ok<RiwayatPegawaiOut>(u.staf.get(`/api/riwayat/pegawai/${org.pelaksana.id}?tahun=2026`));
    expect(r).toMatchObject({ tahun: 2026, jenisPeriode: 'BULANAN', pegawai: { id: org.pelaksana.id } });
    const periode = r.periode;
    expect(periode).toHaveLength(12);
    expect(periode[6]).toMatchObject({ kode: '2026-07', label: 'Juli 2026' });

    const rhk = r.rhk;
    expect(rhk.map((x) => x.id)).toEqual(rhkStaf);
    expect(rhk[0]!.sel).toEqual([
      expect.objectContaining({
        periodeKode: '2026-07',
        status: 'DITERIMA',
        nilai: 10,
        satuan: 'data',
        capaian: 'DI_ATAS',
        putaran: 1,
        jumlahUmpanBalik: 1,
        umpanBalikTerakhir: expect.objectContaining({
          teks: 'Rekap rapi.',
          oleh: expect.objectContaining({ id: org.pengawas.id }),
        }),
      }),
      expect.objectContaining({
        periodeKode: '2026-08',
        status: 'PERLU_PERBAIKAN',
        nilai: 12,
        capaian: null,
        putaran: 1,
        jumlahUmpanBalik: 1,
        umpanBalikTerakhir: expect.objectContaining({ teks: 'Belum dirinci per sekolah.' }),
      }),
    ]);
    expect(
      rhk[1]!.sel.map((s) => [s.periodeKode, s.status, s.jumlahUmpanBalik, s.umpanBalikTerakhir]),
    ).toEqual([
      ['2026-07', 'DITERIMA', 1, expect.anything()],
      ['2026-08', 'DITERIMA', 0, null],
    ]);
    expect(r.penilaian.map((p) => [p.periodeKode, p.predikat, p.predikatLabel])).toEqual([
      ['2026-07', 'SANGAT_BAIK', 'Sangat Baik'],
      ['2026-08', 'BAIK', 'Baik'],
    ]);
    // Another year is empty, not an error.
    const lalu = await ok(u.staf.get(`/api/riwayat/pegawai/${org.pelaksana.id}?tahun=2025`));
    expect(lalu).toMatchObject({ rhk: [], penilaian: [] });
  });

  it('is read by the chain above and the admins; a colleague or a stranger gets 403', async () => {
    const u = await login(pada(9, 20));
    for (const reader of [u.kasi, u.kabid, u.adminOpd, u.adminBkd])
      expect((await reader.get(`/api/riwayat/pegawai/${org.pelaksana.id}?tahun=2026`)).statusCode).toBe(200);
    for (const outsider of [u.staf2, u.asing])
      expect((await outsider.get(`/api/riwayat/pegawai/${org.pelaksana.id}?tahun=2026`)).statusCode).toBe(
        403,
      );
    expect((await u.staf.get(`/api/riwayat/pegawai/${org.pelaksana.id}?tahun=20`)).statusCode).toBe(400);
  });
});

describe('riwayat kinerja tim', () => {
  it('lists the assessor’s direct subordinates × months with predikat and status counts, paged', async () => {
    const u = await login(pada(9, 20));
    const tim = await ok<RiwayatTimOut>(u.kasi.get('/api/riwayat/tim?tahun=2026'));
    // The test org's OPD admin holds a staff position in the seksi too.
    expect(tim.items.map((i) => i.pegawai.id)).toEqual(
      expect.arrayContaining([org.pelaksana.id, org.pelaksana2.id, org.fungsional.id, org.adminOpd.id]),
    );
    expect(tim.items).toHaveLength(4);
    const staf = tim.items.find((i) => i.pegawai.id === org.pelaksana.id)!;
    expect(staf.sel).toEqual([
      {
        periodeKode: '2026-07',
        predikat: 'SANGAT_BAIK',
        jumlah: { DRAFT: 0, DIAJUKAN: 0, DITERIMA: 2, PERLU_PERBAIKAN: 0, DIPERBAIKI: 0 },
      },
      {
        periodeKode: '2026-08',
        predikat: 'BAIK',
        jumlah: { DRAFT: 0, DIAJUKAN: 0, DITERIMA: 1, PERLU_PERBAIKAN: 1, DIPERBAIKI: 0 },
      },
    ]);
    expect(tim.items.find((i) => i.pegawai.id === org.pelaksana2.id)!.sel).toEqual([]);

    const p1 = await ok<RiwayatTimOut>(u.kasi.get('/api/riwayat/tim?tahun=2026&limit=3'));
    expect(p1.items).toHaveLength(3);
    const p2 = await ok<RiwayatTimOut>(
      u.kasi.get(`/api/riwayat/tim?tahun=2026&limit=3&cursor=${p1.nextCursor}`),
    );
    expect(p2.nextCursor).toBeNull();
    expect([...p1.items, ...p2.items].map((i) => i.pegawai.id)).toEqual(tim.items.map((i) => i.pegawai.id));
    // Someone without subordinates sees an empty team.
    expect((await ok<RiwayatTimOut>(u.staf.get('/api/riwayat/tim?tahun=2026'))).items).toEqual([]);
  });

  it('serves a unit to its OPD admin and the BKD; others get 403', async () => {
    const u = await login(pada(9, 20));
    const seksi = await ok<RiwayatTimOut>(
      u.adminOpd.get(`/api/riwayat/tim?tahun=2026&unorId=${org.unor.seksi.id}`),
    );
    expect(seksi.unor?.id).toBe(org.unor.seksi.id);
    expect(seksi.items.map((i) => i.pegawai.id)).toEqual(
      expect.arrayContaining([org.pengawas.id, org.pelaksana.id]),
    );
    expect(seksi.items.find((i) => i.pegawai.id === org.pelaksana.id)!.sel.map((s) => s.predikat)).toEqual([
      'SANGAT_BAIK',
      'BAIK',
    ]);
    expect((await u.adminBkd.get(`/api/riwayat/tim?tahun=2026&unorId=${org.unor.opd.id}`)).statusCode).toBe(
      200,
    );
    expect((await u.adminOpd.get(`/api/riwayat/tim?tahun=2026&unorId=${org.unor.opd2.id}`)).statusCode).toBe(
      403,
    );
    expect((await u.kasi.get(`/api/riwayat/tim?tahun=2026&unorId=${org.unor.seksi.id}`)).statusCode).toBe(
      403,
    );
    expect((await u.asing.get(`/api/riwayat/tim?tahun=2026&unorId=${org.unor.seksi.id}`)).statusCode).toBe(
      403,
    );
    expect((await u.adminBkd.get('/api/riwayat/tim?tahun=2026&unorId=999999')).statusCode).toBe(404);
  });
});
