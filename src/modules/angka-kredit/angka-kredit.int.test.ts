import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import type { AngkaKreditItem, AngkaKreditPegawaiOut } from '../../contracts/angka-kredit.js';
import { rows } from '../../db/client.js';
import type { PredikatPegawai, Rating } from '../../domain/predikat.js';

let h: Harness;
let org: Org;
let c: Record<
  'fungsional' | 'pengawas' | 'pelaksana' | 'orangLain' | 'adminOpd' | 'adminBkd',
  Awaited<ReturnType<Harness['login']>>
>;

const RATING_OF: Record<PredikatPegawai, [Rating, Rating]> = {
  SANGAT_BAIK: ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'],
  BAIK: ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
  BUTUH_PERBAIKAN: ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
  KURANG: ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
  SANGAT_KURANG: ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
};

/** An approved plan of the year for the fungsional's position (written directly: AK reads the stored ratings). */
async function skpFungsional(tahun: number) {
  const [skp] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status)
        VALUES (${org.instansiId}, ${org.fungsional.id}, ${org.jabatan.jFung}, ${tahun}, ${`${tahun}-01-01`},
                ${`${tahun}-12-31`}, 'KUANTITATIF', false, 'DISETUJUI')
        RETURNING id`,
  );
  return skp!.id;
}

async function periodik(skpId: number, periodeKode: string, predikat: PredikatPegawai) {
  const [hasil, perilaku] = RATING_OF[predikat];
  await h.db.execute(
    sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
        VALUES (${org.instansiId}, ${skpId}, ${periodeKode}, ${hasil}, ${perilaku}, ${predikat}, ${org.pengawas.id}, now())`,
  );
}

async function tahunan(skpId: number, tahun: number, predikat: PredikatPegawai, status = 'FINAL') {
  const [hasil, perilaku] = RATING_OF[predikat];
  await h.db.execute(
    sql`INSERT INTO evaluasi_tahunan (instansi_id, skp_id, pegawai_id, tahun, pejabat_penilai_id, rating_hasil_kerja,
                                      rating_perilaku, predikat, status)
        VALUES (${org.instansiId}, ${skpId}, ${org.fungsional.id}, ${tahun}, ${org.pengawas.id}, ${hasil}, ${perilaku},
                ${predikat}, ${status})`,
  );
}

beforeAll(async () => {
  h = await createHarness();
  org = await buildOrg(h.db);
  c = {
    fungsional: await h.login(org.fungsional.nip),
    pengawas: await h.login(org.pengawas.nip),
    pelaksana: await h.login(org.pelaksana.nip),
    orangLain: await h.login(org.orangLain.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    adminBkd: await h.login(org.adminBkd.nip),
  };
  // 2025: a final annual Sangat Baik replaces the periodic Baik; 2026: two months so far.
  const s2025 = await skpFungsional(2025);
  await periodik(s2025, '2025-01', 'BAIK');
  await tahunan(s2025, 2025, 'SANGAT_BAIK');
  const s2026 = await skpFungsional(2026);
  await periodik(s2026, '2026-01', 'BAIK');
  await periodik(s2026, '2026-02', 'SANGAT_BAIK');
  // A draft annual evaluation does not replace anything.
  await tahunan(s2026, 2026, 'SANGAT_KURANG', 'DRAF');
});

afterAll(async () => {
  await h?.close();
});

const url = (id: number, tahun = 2026) => `/api/angka-kredit/pegawai/${id}?tahun=${tahun}`;

describe('angka kredit of one employee', () => {
  it('per period, the year and the cumulative total against the next pangkat', async () => {
    const res = await c.fungsional.get(url(org.fungsional.id));
    expect(res.statusCode).toBe(200);
    const body = res.json<AngkaKreditPegawaiOut>();
    expect(body.jenjang).toBe('AHLI_PERTAMA');
    expect(body.pangkatGolongan).toBe('Penata Muda, III/a');
    expect(
      body.periodik.map((p) => [p.periodeKode, p.periodeLabel, p.predikat, p.bulan, p.angkaKredit]),
    ).toEqual([
      ['2026-01', 'Januari 2026', 'BAIK', 1, 1.04],
      ['2026-02', 'Februari 2026', 'SANGAT_BAIK', 1, 1.56],
    ]);
    expect(body.jumlahPeriodik).toBe(2.6);
    expect(body.tahunan).toEqual([]);
    expect(body).toMatchObject({ akTahun: 2.6, sumber: 'PERIODIK', awal: null });
    expect(body.perTahun).toEqual([
      { tahun: 2025, angkaKredit: 18.75, sumber: 'TAHUNAN' },
      { tahun: 2026, angkaKredit: 2.6, sumber: 'PERIODIK' },
    ]);
    expect(body.kumulatif).toBe(21.35);
    expect(body.langkahBerikut).toEqual({
      jenis: 'PANGKAT',
      ke: 'III/b',
      label: 'Kenaikan pangkat ke Penata Muda Tingkat I, III/b',
      kebutuhan: 50,
    });
    expect(body.selisih).toBe(-28.65);
  });

  it('a final annual evaluation is the year (the periodic ones stay listed)', async () => {
    const body = (await c.pengawas.get(url(org.fungsional.id, 2025))).json<AngkaKreditPegawaiOut>();
    expect(body.periodik.map((p) => p.angkaKredit)).toEqual([1.04]);
    expect(body.tahunan).toMatchObject([{ predikat: 'SANGAT_BAIK', bulan: 12, angkaKredit: 18.75 }]);
    expect(body).toMatchObject({ akTahun: 18.75, sumber: 'TAHUNAN', kumulatif: 18.75 });
  });

  it('not for non-functional positions; not for strangers', async () => {
    const res = await c.pelaksana.get(url(org.pelaksana.id));
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 'BUKAN_FUNGSIONAL',
      message: 'Angka kredit hanya untuk jabatan fungsional.',
    });
    expect((await c.orangLain.get(url(org.fungsional.id))).statusCode).toBe(403);
    expect((await c.pelaksana.get(url(org.fungsional.id))).statusCode).toBe(403);
    expect(
      (await c.fungsional.get(`/api/angka-kredit/pegawai/${org.fungsional.id}?tahun=abc`)).statusCode,
    ).toBe(400);
  });
});

describe('a running year is rounded once (issue 13, SPEC §7.2)', () => {
  it('twelve monthly Baik at Ahli Pertama are 12.50, not 12 × 1.04 = 12.48', async () => {
    // 2027: a year nothing else in this file reads.
    const skp = await skpFungsional(2027);
    for (let bulan = 1; bulan <= 12; bulan++) {
      await periodik(skp, `2027-${String(bulan).padStart(2, '0')}`, 'BAIK');
    }
    const body = (await c.fungsional.get(url(org.fungsional.id, 2027))).json<AngkaKreditPegawaiOut>();
    // Each month shown on its own is still rounded; what adds them up is not.
    expect(body.periodik.map((p) => p.angkaKredit)).toEqual(Array(12).fill(1.04));
    expect(body.jumlahPeriodik).toBe(12.5);
    expect(body).toMatchObject({ akTahun: 12.5, sumber: 'PERIODIK' });
    expect(body.perTahun.at(-1)).toEqual({ tahun: 2027, angkaKredit: 12.5, sumber: 'PERIODIK' });
    const list = (await c.adminBkd.get('/api/angka-kredit?tahun=2027')).json<{ items: AngkaKreditItem[] }>();
    expect(list.items.find((i) => i.pegawai.id === org.fungsional.id)?.akTahun).toBe(12.5);
  });
});

describe('initial AK', () => {
  const awalUrl = () => `/api/angka-kredit/pegawai/${org.fungsional.id}/awal`;

  it('only the BKD admin sets it; bad input is refused', async () => {
    expect((await c.adminOpd.put(awalUrl(), { nilai: 40, tahunMulai: 2026 })).statusCode).toBe(403);
    expect((await c.fungsional.put(awalUrl(), { nilai: 40, tahunMulai: 2026 })).statusCode).toBe(403);
    const neg = await c.adminBkd.put(awalUrl(), { nilai: -1, tahunMulai: 2026 });
    expect(neg.statusCode).toBe(400);
    expect(neg.body).toContain('tidak boleh negatif');
    const bukan = await c.adminBkd.put(`/api/angka-kredit/pegawai/${org.pelaksana.id}/awal`, {
      nilai: 1,
      tahunMulai: 2026,
    });
    expect(bukan.json().error.code).toBe('BUKAN_FUNGSIONAL');
  });

  it('counts from its year, audited, 409 on a stale version', async () => {
    const created = await c.adminBkd.put(awalUrl(), {
      nilai: 40.125,
      tahunMulai: 2026,
      keterangan: 'PAK konversi 2025',
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({
      nilai: 40.125,
      tahunMulai: 2026,
      keterangan: 'PAK konversi 2025',
      version: 1,
    });

    const body = (await c.fungsional.get(url(org.fungsional.id))).json<AngkaKreditPegawaiOut>();
    expect(body.perTahun.map((t) => t.tahun)).toEqual([2026]);
    expect(body.kumulatif).toBe(42.73); // 40.125 + 2.6041…, rounded once
    expect(body.awal?.version).toBe(1);

    // A second "create" lost the race: 409, nothing changed.
    expect((await c.adminBkd.put(awalUrl(), { nilai: 1, tahunMulai: 2026 })).statusCode).toBe(409);
    const updated = await c.adminBkd.put(awalUrl(), { nilai: 45, tahunMulai: 2025, version: 1 });
    expect(updated.json()).toMatchObject({ nilai: 45, tahunMulai: 2025, version: 2 });
    expect((await c.adminBkd.put(awalUrl(), { nilai: 50, tahunMulai: 2025, version: 1 })).statusCode).toBe(
      409,
    );
    expect((await c.fungsional.get(url(org.fungsional.id))).json<AngkaKreditPegawaiOut>().kumulatif).toBe(
      66.35,
    );

    const audit = await rows<{ action: string }>(
      h.db,
      sql`SELECT action FROM audit_log WHERE entity = 'angka_kredit_awal' AND entity_id = ${String(org.fungsional.id)}`,
    );
    expect(audit.map((a) => a.action)).toEqual(['angka_kredit.awal', 'angka_kredit.awal']);
  });
});

describe('list for admins', () => {
  it('BKD: every functional employee, keyset pages', async () => {
    const first = await c.adminBkd.get('/api/angka-kredit?tahun=2026&limit=2');
    expect(first.statusCode).toBe(200);
    const p1 = first.json<{ items: AngkaKreditItem[]; nextCursor: string | null }>();
    expect(p1.items).toHaveLength(2);
    expect(p1.nextCursor).not.toBeNull();
    const p2 = (await c.adminBkd.get(`/api/angka-kredit?tahun=2026&limit=2&cursor=${p1.nextCursor}`)).json<{
      items: AngkaKreditItem[];
      nextCursor: string | null;
    }>();
    expect(p2.nextCursor).toBeNull();
    const all = [...p1.items, ...p2.items];
    expect(all.map((i) => i.pegawai.namaLengkap)).toEqual([
      'Admin BKD',
      'Anggota Tim Penilai',
      'Fungsional Satu',
    ]);
    expect(all.find((i) => i.pegawai.id === org.fungsional.id)).toMatchObject({
      jenjang: 'AHLI_PERTAMA',
      akTahun: 2.6,
      sumber: 'PERIODIK',
      kebutuhan: 50,
    });
    expect(all.find((i) => i.pegawai.id === org.adminBkd.id)).toMatchObject({
      jenjang: 'AHLI_MUDA',
      akTahun: 0,
      sumber: 'KOSONG',
      kumulatif: 0,
      // III/a is outside the Ahli Muda range (III/c–III/d): only the jenjang step is left.
      kebutuhan: 200,
      selisih: -200,
    });
    expect((await c.adminBkd.get('/api/angka-kredit?tahun=2026&cursor=x')).statusCode).toBe(400);
  });

  it('OPD admin: his OPD only; others 403', async () => {
    const res = await c.adminOpd.get('/api/angka-kredit?tahun=2026');
    expect(res.json().items.map((i: AngkaKreditItem) => i.pegawai.id)).toEqual([org.fungsional.id]);
    expect((await c.adminOpd.get(`/api/angka-kredit?tahun=2026&opdId=${org.unor.opd2.id}`)).statusCode).toBe(
      403,
    );
    expect((await c.fungsional.get('/api/angka-kredit?tahun=2026')).statusCode).toBe(403);
  });
});
