/**
 * Issue 13, items 5 and 6: a corrected item is re-assessed until the period closes (the end of the month
 * that holds its windows), while the employee's correction window stays 19–25; the period's predikat
 * and its Evaluasi Kinerja Pegawai are not final while an RHK waits for correction or re-assessment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { pdfText } from '../../../test/pdf-text.js';
import { isiDanAjukan, realisasiOf, siklus, wita } from '../../../test/siklus.js';
import type { Client } from '../../../test/skp.js';

let h: Harness;
let org: Org;
let rhk: { staf: number[]; staf2: number[] };

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  ({ rhk } = await siklus(h, org));
});
afterAll(() => h.close());

/** Moves the clock (10:00 WITA on a local date) and logs in again. */
async function pada(tanggal: string) {
  h.clock.set(wita(tanggal));
  return {
    staf: await h.login(org.pelaksana.nip),
    staf2: await h.login(org.pelaksana2.nip),
    kasi: await h.login(org.pengawas.nip),
  };
}

async function bulan(kasi: Client, pegawaiId: number) {
  const res = await kasi.get(`/api/realisasi/pegawai/${pegawaiId}?periode=2026-07`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function nilai(
  kasi: Client,
  pegawaiId: number,
  rhkId: number,
  keputusan: 'TERIMA' | 'PERLU_PERBAIKAN',
) {
  const r = realisasiOf(await bulan(kasi, pegawaiId), rhkId);
  return kasi.post(`/api/realisasi/${r.id}/nilai`, {
    version: r.version,
    keputusan,
    ...(keputusan === 'PERLU_PERBAIKAN'
      ? { arahan: 'Lampirkan daftar hadir sebagai bukti.' }
      : { capaian: 'SESUAI' }),
  });
}

/** Corrects one returned item and submits it again. */
async function perbaiki(client: Client, rhkId: number) {
  const r = realisasiOf((await client.get('/api/realisasi?periode=2026-07')).json(), rhkId);
  const saved = await client.put(`/api/realisasi/${rhkId}/2026-07`, {
    version: r.version,
    nilai: 2,
    satuan: 'data',
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const res = await client.post('/api/realisasi/ajukan', { periode: '2026-07' });
  expect(res.statusCode, res.body).toBe(200);
}

async function predikat(kasi: Client, pegawaiId: number) {
  const version = (await bulan(kasi, pegawaiId)).penilaian?.version;
  return kasi.put(`/api/realisasi/pegawai/${pegawaiId}/penilaian`, {
    periode: '2026-07',
    ratingHasilKerja: 'SESUAI_EKSPEKTASI',
    ratingPerilaku: 'SESUAI_EKSPEKTASI',
    ...(version ? { version } : {}),
  });
}

async function pdf(kasi: Client, pegawaiId: number) {
  const res = await kasi.get(`/api/dokumen/evaluasi/periodik/${pegawaiId}?periode=2026-07`);
  expect(res.statusCode, res.body).toBe(200);
  return (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
}

describe('re-assessment until the period closes; no predikat while a correction round is open', () => {
  // The steps run in order through July 2026's windows (WITA), each on the state the last one left.
  it('refuses the predikat, and marks its document a draft, while an RHK waits for correction or re-assessment', async () => {
    let c = await pada('2026-08-03');
    await isiDanAjukan(c.staf, rhk.staf, '2026-07');
    await isiDanAjukan(c.staf2, rhk.staf2, '2026-07');

    // 10 August: a predikat given while items are only submitted is final on paper...
    c = await pada('2026-08-10');
    expect((await predikat(c.kasi, org.pelaksana.id)).statusCode).toBe(200);
    expect(await pdf(c.kasi, org.pelaksana.id)).not.toContain('DRAF');
    // ...until an RHK is sent back: the document turns into a draft naming it.
    expect((await nilai(c.kasi, org.pelaksana.id, rhk.staf[0]!, 'PERLU_PERBAIKAN')).statusCode).toBe(200);
    expect((await nilai(c.kasi, org.pelaksana.id, rhk.staf[1]!, 'TERIMA')).statusCode).toBe(200);
    for (const id of rhk.staf2)
      expect((await nilai(c.kasi, org.pelaksana2.id, id, 'PERLU_PERBAIKAN')).statusCode).toBe(200);
    const draf = await pdf(c.kasi, org.pelaksana.id);
    expect(draf).toContain('DRAF');
    expect(draf).toContain('Terhimpunnya data kurikulum');
    expect(draf).toContain('masih menunggu perbaikan atau penilaian ulang');

    // The predikat cannot be set again while the item waits for its correction.
    const menunggu = await predikat(c.kasi, org.pelaksana.id);
    expect(menunggu.statusCode).toBe(409);
    expect(menunggu.json().error).toMatchObject({
      code: 'PREDIKAT_MENUNGGU_PERBAIKAN',
      details: { rhk: ['Terhimpunnya data kurikulum'] },
    });
    expect(menunggu.json().error.message).toContain('"Terhimpunnya data kurikulum" (Perlu Perbaikan)');
    const kosong = await predikat(c.kasi, org.pelaksana2.id);
    expect(kosong.statusCode).toBe(409);
    expect(kosong.json().error.details.rhk).toEqual([
      'Terhimpunnya data supervisi',
      'Tersusunnya laporan supervisi',
    ]);

    // 20 August: corrections come in; the corrected item now waits for re-assessment.
    c = await pada('2026-08-20');
    await perbaiki(c.staf, rhk.staf[0]!);
    await perbaiki(c.staf2, rhk.staf2[0]!); // submits both returned items again
    const ulang = await predikat(c.kasi, org.pelaksana.id);
    expect(ulang.statusCode).toBe(409);
    expect(ulang.json().error.message).toContain('"Terhimpunnya data kurikulum" (Diperbaiki)');
  });

  it('lets the assessor re-assess after the correction window; the employee stays locked out', async () => {
    // 27 August, past the correction window: the assessor may still send a correction back, but the
    // employee can no longer correct it (the correction window stays 19–25).
    const c = await pada('2026-08-27');
    expect((await nilai(c.kasi, org.pelaksana2.id, rhk.staf2[1]!, 'PERLU_PERBAIKAN')).statusCode).toBe(200);
    const terlambat = realisasiOf(
      (await c.staf2.get('/api/realisasi?periode=2026-07')).json(),
      rhk.staf2[1]!,
    );
    expect(terlambat.status).toBe('PERLU_PERBAIKAN');
    const tulis = await c.staf2.put(`/api/realisasi/${rhk.staf2[1]}/2026-07`, {
      version: terlambat.version,
      nilai: 3,
    });
    expect(tulis.statusCode).toBe(409);
    expect(tulis.json().error.code).toBe('WINDOW_CLOSED');
    // ...but the assessor re-assesses the correction, then finalises the predikat and its document.
    expect((await bulan(c.kasi, org.pelaksana.id)).penilaianUlang).toEqual({
      item: true,
      rating: true,
      sampai: '2026-08-31T15:59:59.999Z',
    });
    const diterima = await nilai(c.kasi, org.pelaksana.id, rhk.staf[0]!, 'TERIMA');
    expect(diterima.statusCode, diterima.body).toBe(200);
    expect(diterima.json().status).toBe('DITERIMA');
    const final = await predikat(c.kasi, org.pelaksana.id);
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json().penilaian).toMatchObject({ predikat: 'BAIK', version: 2 });
    expect(await pdf(c.kasi, org.pelaksana.id)).not.toContain('DRAF');
  });

  it('closes re-assessment and the predikat with the end of August', async () => {
    // 1 September: July has closed; re-assessment and the predikat need an exception now.
    const c = await pada('2026-09-01');
    expect((await bulan(c.kasi, org.pelaksana.id)).penilaianUlang).toMatchObject({
      item: false,
      rating: false,
    });
    const tutup = await nilai(c.kasi, org.pelaksana2.id, rhk.staf2[0]!, 'TERIMA');
    expect(tutup.statusCode).toBe(409);
    expect(tutup.json().error.code).toBe('WINDOW_CLOSED');
    const predikatTutup = await predikat(c.kasi, org.pelaksana.id);
    expect(predikatTutup.statusCode).toBe(409);
    expect(predikatTutup.json().error.code).toBe('WINDOW_CLOSED');
  });
});
