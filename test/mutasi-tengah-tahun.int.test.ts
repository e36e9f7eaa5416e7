/**
 * A mid-year mutation (SPEC §4.1, issue 13 item 1): the functional employee moves on 15 November to
 * a position under another superior. The old SKP ends on 14 November, November stays with it and with
 * its old assessor, December goes to the new SKP and the new assessor, each SKP has its own annual
 * evaluation by its own assessor, and angka kredit counts the twelve months once, in two parts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AngkaKreditPegawaiOut } from '../src/contracts/angka-kredit.js';
import type { EvaluasiSkpList, EvaluasiView } from '../src/contracts/evaluasi.js';
import { rows } from '../src/db/client.js';
import { createHarness, type Harness } from './harness.js';
import { buildOrg, type Org } from './org.js';
import { approvedChain, type Client, plan, submitAndApprove, tiga } from './skp.js';

let h: Harness;
let org: Org;
let skpLama: number;
let skpBaru: number;
let rhkLama: number;
let rhkBaru: number;

const pada = (tanggal: string) => `${tanggal}T02:00:00Z`;

async function login(tanggal: string) {
  h.clock.set(pada(tanggal));
  return {
    fung: await h.login(org.fungsional.nip),
    kasi: await h.login(org.pengawas.nip),
    kabid: await h.login(org.administrator.nip),
    adminBkd: await h.login(org.adminBkd.nip),
  };
}

async function ok<T = unknown>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

type Bulan = {
  skp: { id: number } | null;
  items: { rhk: { id: number }; realisasi: { id: number; version: number } | null }[];
};

async function lapor(c: Client, rhkId: number, periode: string) {
  await ok(c.put(`/api/realisasi/${rhkId}/${periode}`, { nilai: 1, satuan: 'dokumen' }));
  await ok(c.post('/api/realisasi/ajukan', { periode }));
}

/** The assessor accepts the month's items and rates it Baik. */
async function nilai(c: Client, periode: string) {
  const b = await ok<Bulan>(c.get(`/api/realisasi/pegawai/${org.fungsional.id}?periode=${periode}`));
  for (const item of b.items)
    await ok(
      c.post(`/api/realisasi/${item.realisasi!.id}/nilai`, {
        version: item.realisasi!.version,
        keputusan: 'TERIMA',
        capaian: 'SESUAI',
      }),
    );
  await ok(
    c.put(`/api/realisasi/pegawai/${org.fungsional.id}/penilaian`, {
      periode,
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
    }),
  );
  return b;
}

const isiBaik = { ratingHasilKerja: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' };

/** The assessor fills and signs, then the employee signs: FINAL. */
async function evaluasiFinal(penilai: Client, pegawai: Client, skpId: number) {
  let v = await ok<EvaluasiView>(penilai.put(`/api/evaluasi/skp/${skpId}`, isiBaik));
  v = await ok<EvaluasiView>(
    penilai.post(`/api/evaluasi/skp/${skpId}/tanda-tangan`, { version: v.evaluasi!.version }),
  );
  v = await ok<EvaluasiView>(
    pegawai.post(`/api/evaluasi/skp/${skpId}/tanda-tangan`, { version: v.evaluasi!.version }),
  );
  expect(v.evaluasi!.status).toBe('FINAL');
  return v;
}

const ak = (c: Client) =>
  ok<AngkaKreditPegawaiOut>(c.get(`/api/angka-kredit/pegawai/${org.fungsional.id}?tahun=2026`));

beforeAll(async () => {
  h = await createHarness({ now: pada('2026-01-10') });
  org = await buildOrg(h.db);
  const { c, plans } = await approvedChain(h, org);
  const lama = await submitAndApprove(
    c.fung,
    c.kasi,
    await plan(c.fung, [
      {
        jenis: 'UTAMA',
        rencana: 'Terkembangnya media pembelajaran',
        iki: tiga(12, 'dokumen'),
        intervensi: [plans.kasi.rhk[0].id],
      },
    ]),
  );
  skpLama = lama.id;
  rhkLama = lama.rhk[0].id;
  // A second functional position of the same jenjang, directly under the kabid.
  const [j] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO jabatan (instansi_id, unor_id, nama, jenis, jenjang, kelas_jabatan, atasan_jabatan_id)
        VALUES (${org.instansiId}, ${org.unor.bidang.id}, 'Pengembang Kurikulum Ahli Pertama', 'FUNGSIONAL',
                'AHLI_PERTAMA', 9, ${org.jabatan.jKabid}) RETURNING id`,
  );
  let u = await login('2026-11-03');
  await lapor(u.fung, rhkLama, '2026-10');
  u = await login('2026-11-10');
  await nilai(u.kasi, '2026-10');
  u = await login('2026-11-16');
  const p = await ok<{ version: number }>(u.adminBkd.get(`/api/pegawai/${org.fungsional.id}`));
  await ok(
    u.adminBkd.post(`/api/pegawai/${org.fungsional.id}/mutasi`, {
      jabatanId: j!.id,
      tmtMulai: '2026-11-15',
      alasan: 'Mutasi ke Bidang Pembinaan SMA',
      version: p.version,
    }),
  );
  const baru = await submitAndApprove(
    u.fung,
    u.kabid,
    await plan(u.fung, [
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya bahan kurikulum',
        iki: tiga(4, 'dokumen'),
        intervensi: [plans.kabid.rhk[0].id],
      },
    ]),
  );
  skpBaru = baru.id;
  rhkBaru = baru.rhk[0].id;
});
afterAll(() => h.close());

describe('a mutation on 15 November', () => {
  it('ends the old SKP on 14 November (audited); the new one starts on the TMT', async () => {
    const u = await login('2026-11-16');
    const lama = await ok<{ periodeMulai: string; periodeAkhir: string }>(u.fung.get(`/api/skp/${skpLama}`));
    expect([lama.periodeMulai, lama.periodeAkhir]).toEqual(['2026-01-01', '2026-11-14']);
    const baru = await ok<{ periodeMulai: string; periodeAkhir: string }>(u.fung.get(`/api/skp/${skpBaru}`));
    expect([baru.periodeMulai, baru.periodeAkhir]).toEqual(['2026-11-15', '2026-12-31']);
    // The old plan still stands under the old superior's plan, whoever reads it.
    type Detail = { atasan: { pegawaiId: number } | null };
    for (const c of [u.fung, u.kasi, u.kabid])
      expect((await ok<Detail>(c.get(`/api/skp/${skpLama}`))).atasan?.pegawaiId).toBe(org.pengawas.id);
    expect((await ok<Detail>(u.fung.get(`/api/skp/${skpBaru}`))).atasan?.pegawaiId).toBe(
      org.administrator.id,
    );
    const [a] = await rows<{ before: unknown; after: unknown }>(
      h.db,
      sql`SELECT before, after FROM audit_log WHERE action = 'skp.tutup_mutasi' AND entity_id = ${String(skpLama)}`,
    );
    expect(a).toEqual({ before: { periodeAkhir: '2026-12-31' }, after: { periodeAkhir: '2026-11-14' } });
  });

  it('November belongs to the old SKP and is assessed by the old superior only', async () => {
    let u = await login('2026-12-03');
    const nov = await ok<Bulan>(u.fung.get('/api/realisasi?periode=2026-11'));
    expect(nov.skp!.id).toBe(skpLama);
    expect(nov.items.map((i) => i.rhk.id)).toEqual([rhkLama]);
    await lapor(u.fung, rhkLama, '2026-11');

    u = await login('2026-12-10');
    type Inbox = { items: { jenis: string; pegawai?: { id: number }; periode?: { kode: string } }[] };
    const menilai = (inbox: Inbox) =>
      inbox.items
        .filter((i) => i.jenis === 'NILAI' && i.pegawai?.id === org.fungsional.id)
        .map((i) => i.periode?.kode);
    expect(menilai(await ok<Inbox>(u.kasi.get('/api/kotak-masuk')))).toEqual(['2026-11']);
    expect(menilai(await ok<Inbox>(u.kabid.get('/api/kotak-masuk')))).toEqual([]);
    const daftarKasi = await ok<{ items: { pegawaiId: number; skpId: number | null }[] }>(
      u.kasi.get('/api/realisasi/bawahan?periode=2026-11'),
    );
    expect(daftarKasi.items.find((i) => i.pegawaiId === org.fungsional.id)?.skpId).toBe(skpLama);
    const daftarKabid = await ok<{ items: { pegawaiId: number }[] }>(
      u.kabid.get('/api/realisasi/bawahan?periode=2026-11'),
    );
    expect(daftarKabid.items.some((i) => i.pegawaiId === org.fungsional.id)).toBe(false);

    const b = await ok<Bulan>(u.kasi.get(`/api/realisasi/pegawai/${org.fungsional.id}?periode=2026-11`));
    const item = b.items[0]!.realisasi!;
    const olehBaru = await u.kabid.post(`/api/realisasi/${item.id}/nilai`, {
      version: item.version,
      keputusan: 'TERIMA',
      capaian: 'SESUAI',
    });
    expect(olehBaru.statusCode).toBe(403);
    await nilai(u.kasi, '2026-11');
  });

  it('December belongs to the new SKP and the new superior; the old one is refused', async () => {
    let u = await login('2027-01-04');
    const des = await ok<Bulan>(u.fung.get('/api/realisasi?periode=2026-12'));
    expect(des.skp!.id).toBe(skpBaru);
    await lapor(u.fung, rhkBaru, '2026-12');
    u = await login('2027-01-10');
    const b = await ok<Bulan>(u.kabid.get(`/api/realisasi/pegawai/${org.fungsional.id}?periode=2026-12`));
    const item = b.items[0]!.realisasi!;
    const olehLama = await u.kasi.post(`/api/realisasi/${item.id}/nilai`, {
      version: item.version,
      keputusan: 'TERIMA',
      capaian: 'SESUAI',
    });
    expect(olehLama.statusCode).toBe(403);
    await nilai(u.kabid, '2026-12');
  });

  it('the old assessor evaluates and signs the old SKP; the new one evaluates the last with it beside', async () => {
    const u = await login('2027-01-12');
    const dinilaiKasi = await ok<EvaluasiSkpList>(u.kasi.get('/api/evaluasi/dinilai?tahun=2026'));
    expect(dinilaiKasi.items.map((i) => i.skpId)).toContain(skpLama);
    expect(dinilaiKasi.items.map((i) => i.skpId)).not.toContain(skpBaru);
    const dinilaiKabid = await ok<EvaluasiSkpList>(u.kabid.get('/api/evaluasi/dinilai?tahun=2026'));
    expect(dinilaiKabid.items.map((i) => i.skpId)).toEqual(expect.arrayContaining([skpBaru]));
    expect(dinilaiKabid.items.map((i) => i.skpId)).not.toContain(skpLama);

    expect((await u.kabid.put(`/api/evaluasi/skp/${skpLama}`, isiBaik)).statusCode).toBe(403);
    expect((await u.kasi.put(`/api/evaluasi/skp/${skpBaru}`, isiBaik)).statusCode).toBe(403);
    const lama = await ok<EvaluasiView>(u.kasi.get(`/api/evaluasi/skp/${skpLama}`));
    expect(lama.skp.pejabatPenilai!.id).toBe(org.pengawas.id);
    expect(lama.boleh.ubah).toBe(true);

    // Angka kredit while only the old SKP's evaluation is final: both parts, December from its month.
    await evaluasiFinal(u.kasi, u.fung, skpLama);
    let a = await ak(u.fung);
    expect(a.bagian.map((b) => [b.skpId, b.bulan, b.angkaKredit, b.sumber, b.evaluasiFinal])).toEqual([
      [skpLama, 11, 11.46, 'TAHUNAN', true],
      [skpBaru, 1, 1.04, 'PERIODIK', false],
    ]);
    expect(a.akTahun).toBe(12.5);
    expect(a.sementara).toBe(true);
    expect(a.belumFinal).toEqual([
      'Evaluasi tahunan SKP Pengembang Kurikulum Ahli Pertama (15 November 2026 – 31 Desember 2026) belum final.',
    ]);

    const baru = await ok<EvaluasiView>(u.kabid.get(`/api/evaluasi/skp/${skpBaru}`));
    expect(baru.skp.pejabatPenilai!.id).toBe(org.administrator.id);
    expect(baru.skpSebelumnya.map((s) => [s.skpId, s.evaluasi?.status, s.evaluasi?.predikat])).toEqual([
      [skpLama, 'FINAL', 'BAIK'],
    ]);
    await evaluasiFinal(u.kabid, u.fung, skpBaru);
    a = await ak(u.fung);
    expect([a.akTahun, a.sumber, a.sementara, a.belumFinal]).toEqual([12.5, 'TAHUNAN', false, []]);
  });
});
