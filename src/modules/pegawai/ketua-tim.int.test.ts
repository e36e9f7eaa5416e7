/**
 * A functional team lead as pejabat penilai (SPEC §3): the admin names him through the superior
 * override with the kind KETUA_TIM; the chain calls him "Ketua Tim Kerja" and assessment follows him.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { isiDanAjukan, realisasiOf, siklus, wita } from '../../../test/siklus.js';
import { type Client, plan, submitAndApprove, tiga } from '../../../test/skp.js';
import type { KotakMasukOut } from '../../contracts/kotak-masuk.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let rhkKetua: number[];

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  // staf2 (pelaksana2) has an approved 2026 plan: the functional employee will plan under it.
  ({
    rhk: { staf2: rhkKetua },
  } = await siklus(h, org));
});
afterAll(() => h.close());

const login = (who: keyof Org) => h.login((org[who] as { nip: string }).nip);

async function detail(c: Client, id: number) {
  const res = await c.get(`/api/pegawai/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const tetapkan = (c: Client, id: number, body: Record<string, unknown>) =>
  c.put(`/api/pegawai/${id}/atasan`, { alasan: 'Tim kerja kurikulum', ...body });

describe('Ketua Tim Kerja as pejabat penilai of a functional employee', () => {
  it('refuses a non-functional target, a leader of another OPD, and keeps the ceiling', async () => {
    const bkd = await login('adminBkd');
    const pelaksana = await detail(bkd, org.pelaksana.id);
    const bukanFungsional = await tetapkan(bkd, org.pelaksana.id, {
      atasanId: org.pelaksana2.id,
      jenis: 'KETUA_TIM',
      version: pelaksana.version,
    });
    expect(bukanFungsional.statusCode).toBe(400);
    expect(bukanFungsional.json().error.message).toBe(
      'Ketua Tim Kerja hanya dapat ditetapkan bagi pegawai yang menduduki jabatan fungsional.',
    );

    const fung = await detail(bkd, org.fungsional.id);
    const opdLain = await tetapkan(bkd, org.fungsional.id, {
      atasanId: org.orangLain.id,
      jenis: 'KETUA_TIM',
      version: fung.version,
    });
    expect(opdLain.statusCode).toBe(400);
    expect(opdLain.json().error.message).toMatch(/OPD yang sama/);

    // The OPD admin may not make himself the team lead, nor act outside his OPD.
    const adminOpd = await login('adminOpd');
    const diriSendiri = await tetapkan(adminOpd, org.fungsional.id, {
      atasanId: org.adminOpd.id,
      jenis: 'KETUA_TIM',
      version: fung.version,
    });
    expect(diriSendiri.statusCode).toBe(403);
    expect(diriSendiri.json().error.details).toMatchObject({ alasan: 'MENJADI_ATASAN' });
    const analis = await detail(bkd, org.adminBkd.id);
    expect(
      (
        await tetapkan(adminOpd, org.adminBkd.id, {
          atasanId: org.pelaksana2.id,
          jenis: 'KETUA_TIM',
          version: analis.version,
        })
      ).statusCode,
    ).toBe(403);

    // Nothing changed.
    const sesudah = await detail(bkd, org.fungsional.id);
    expect(sesudah.version).toBe(fung.version);
    expect(sesudah.atasanOverride).toBeNull();
    expect(sesudah.rantaiAtasan[0]).toMatchObject({ id: org.pengawas.id, sebutan: null });
  });

  it('names the team lead in the chain, audits the kind, and assessment follows him', async () => {
    const bkd = await login('adminBkd');
    const fung = await detail(bkd, org.fungsional.id);
    const res = await tetapkan(bkd, org.fungsional.id, {
      atasanId: org.pelaksana2.id,
      jenis: 'KETUA_TIM',
      version: fung.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().atasanOverride).toMatchObject({
      pegawai: { id: org.pelaksana2.id },
      jenis: 'KETUA_TIM',
      alasan: 'Tim kerja kurikulum',
    });
    expect(res.json().rantaiAtasan.slice(0, 2)).toMatchObject([
      { id: org.pelaksana2.id, sebutan: 'Ketua Tim Kerja' },
      { id: org.pengawas.id, sebutan: null },
    ]);
    const [log] = await rows<{ after: { atasanOverrideJenis: string }; reason: string }>(
      h.db,
      sql`SELECT after, reason FROM audit_log WHERE instansi_id = ${org.instansiId}
           AND action = 'pegawai.atasan.override' AND entity_id = ${String(org.fungsional.id)}`,
    );
    expect(log).toMatchObject({
      after: { atasanOverrideJenis: 'KETUA_TIM' },
      reason: 'Tim kerja kurikulum',
    });

    // The employee sees it on his own page too.
    const fungC = await login('fungsional');
    const me = (await fungC.get('/api/me')).json();
    expect(me.rantaiAtasan[0]).toMatchObject({ id: org.pelaksana2.id, sebutan: 'Ketua Tim Kerja' });

    // He plans under the team lead's plan, and the team lead approves it.
    const ketua = await login('pelaksana2');
    await submitAndApprove(
      fungC,
      ketua,
      await plan(fungC, [
        {
          jenis: 'UTAMA',
          rencana: 'Tersusunnya bahan ajar digital',
          iki: tiga(12, 'modul'),
          intervensi: [rhkKetua[0]],
        },
      ]),
    );

    // January: he reports; the team lead has it in his inbox and rates it; the kasi cannot.
    h.clock.set(wita('2026-02-03'));
    const fungFeb = await login('fungsional');
    const bulanFung = (await fungFeb.get('/api/realisasi?periode=2026-01')).json();
    const rhkFung = bulanFung.items.map((i: { rhk: { id: number } }) => i.rhk.id);
    expect(bulanFung.pejabatPenilai.id).toBe(org.pelaksana2.id);
    await isiDanAjukan(fungFeb, rhkFung, '2026-01');

    h.clock.set(wita('2026-02-09'));
    const ketuaFeb = await login('pelaksana2');
    const kasiFeb = await login('pengawas');
    const kotak = (await ketuaFeb.get('/api/kotak-masuk')).json() as KotakMasukOut;
    expect(
      kotak.items.some((i) => i.jenis === 'NILAI' && i.pegawai.id === org.fungsional.id && i.menunggu === 1),
    ).toBe(true);
    const kasiKotak = (await kasiFeb.get('/api/kotak-masuk')).json() as KotakMasukOut;
    expect(kasiKotak.items.some((i) => i.jenis === 'NILAI' && i.pegawai.id === org.fungsional.id)).toBe(
      false,
    );

    const dilihat = await ketuaFeb.get(`/api/realisasi/pegawai/${org.fungsional.id}?periode=2026-01`);
    expect(dilihat.statusCode, dilihat.body).toBe(200);
    expect(dilihat.json().dapatMenilai).toBe(true);
    const r = realisasiOf(dilihat.json(), rhkFung[0]);
    const nilai = { version: r.version, keputusan: 'TERIMA', capaian: 'SESUAI' };
    expect((await kasiFeb.post(`/api/realisasi/${r.id}/nilai`, nilai)).statusCode).toBe(403);
    const diterima = await ketuaFeb.post(`/api/realisasi/${r.id}/nilai`, nilai);
    expect(diterima.statusCode, diterima.body).toBe(200);
    const rating = await ketuaFeb.put(`/api/realisasi/pegawai/${org.fungsional.id}/penilaian`, {
      periode: '2026-01',
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
    });
    expect(rating.statusCode, rating.body).toBe(200);
    expect(rating.json().penilaian).toMatchObject({ predikat: 'BAIK', penilai: { id: org.pelaksana2.id } });
  });

  it('a mutation clears the team lead with the override', async () => {
    const bkd = await login('adminBkd');
    const fung = await detail(bkd, org.fungsional.id);
    const moved = await bkd.post(`/api/pegawai/${org.fungsional.id}/mutasi`, {
      jabatanId: org.jabatan.jStaf,
      tmtMulai: '2026-03-01',
      alasan: 'Pindah jabatan',
      version: fung.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().atasanOverride).toBeNull();
    expect(moved.json().rantaiAtasan[0]).toMatchObject({ id: org.pengawas.id, sebutan: null });
  });
});
