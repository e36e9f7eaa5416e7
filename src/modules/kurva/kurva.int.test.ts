import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, nextNip, type Org } from '../../../test/org.js';
import { approvedChain } from '../../../test/skp.js';
import type { KalibrasiOut, KurvaUnitOut, LaporanKurvaOut, LeniensiOut } from '../../contracts/kurva.js';
import type { RealisasiBulanOut } from '../../contracts/realisasi.js';
import { rows } from '../../db/client.js';
import { ATURAN_KURVA_BAWAAN } from '../../domain/kurva.js';
import type { PredikatPegawai, Rating } from '../../domain/predikat.js';

let h: Harness;
let org: Org;
let c: Record<
  'gub' | 'kadis' | 'kabid' | 'kasi' | 'staf' | 'adminOpd' | 'adminBkd' | 'asing',
  Awaited<ReturnType<Harness['login']>>
>;

const PERIODE = '2026-07';
const RATING_OF: Record<PredikatPegawai, [Rating, Rating]> = {
  SANGAT_BAIK: ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'],
  BAIK: ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
  BUTUH_PERBAIKAN: ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
  KURANG: ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
  SANGAT_KURANG: ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
};

/**
 * Pelaksana of the seksi with an approved 2026 plan and the period's ratings, one per predikat given,
 * assessed by the kasi (written directly: the curve reads the stored ratings, not how they came).
 */
async function pelaksanaDinilai(predikat: PredikatPegawai[]) {
  for (const p of predikat) {
    const [row] = await rows<{ id: number }>(
      h.db,
      sql`INSERT INTO pegawai (instansi_id, nip, nama, jenis_asn, golongan, jabatan_id, unor_id, opd_id)
          VALUES (${org.instansiId}, ${nextNip()}, ${`Pelaksana ${p}`}, 'PNS', 'II/a', ${org.jabatan.jStaf},
                  ${org.unor.seksi.id}, ${org.unor.opd.id}) RETURNING id`,
    );
    const [skp] = await rows<{ id: number }>(
      h.db,
      sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status)
          VALUES (${org.instansiId}, ${row!.id}, ${org.jabatan.jStaf}, 2026, '2026-01-01', '2026-12-31', 'KUANTITATIF', false, 'DISETUJUI')
          RETURNING id`,
    );
    const [hasil, perilaku] = RATING_OF[p];
    await h.db.execute(
      sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
          VALUES (${org.instansiId}, ${skp!.id}, ${PERIODE}, ${hasil}, ${perilaku}, ${p}, ${org.pengawas.id}, now())`,
    );
  }
}

const DASAR = {
  capaianPk: null,
  nilaiIkm: 82.5,
  progresRencanaAksi: 96,
  keterangan: 'Rencana aksi seksi Juli tercapai 96 % sesuai laporan bulanan.',
};

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

const seksi = () => `/api/kurva/unor/${org.unor.seksi.id}`;

beforeAll(async () => {
  h = await createHarness({ now: '2026-08-10T02:00:00Z' });
  org = await buildOrg(h.db);
  c = {
    gub: await h.login(org.gubernur.nip),
    kadis: await h.login(org.kepala.nip),
    kabid: await h.login(org.administrator.nip),
    kasi: await h.login(org.pengawas.nip),
    staf: await h.login(org.pelaksana.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    adminBkd: await h.login(org.adminBkd.nip),
    asing: await h.login(org.orangLain.nip),
  };
  // 10 employees: 1 SB, 8 B, 1 BP — under a Baik organisation predikat B is above 70 %.
  await pelaksanaDinilai(['SANGAT_BAIK', ...Array<PredikatPegawai>(8).fill('BAIK'), 'BUTUH_PERBAIKAN']);
});

afterAll(async () => {
  await h.close();
});

describe('kurva distribusi per unit', () => {
  it('counts the unit subtree and names no breach before the organisation predikat is set', async () => {
    const k = await ok<KurvaUnitOut>(c.kasi.get(`${seksi()}?periode=${PERIODE}`));
    expect(k.distribusi).toEqual({
      SANGAT_BAIK: 1,
      BAIK: 8,
      BUTUH_PERBAIKAN: 1,
      KURANG: 0,
      SANGAT_KURANG: 0,
    });
    expect(k.predikatOrganisasi).toBeNull();
    expect(k.hasil).toBeNull();
    expect(k.hak).toEqual({ predikatOrganisasi: false, penetapan: false, kalibrasi: true });
    // The OPD counts the same employees; the kasi heads the seksi, so is not in the bidang's count either.
    const opd = await ok<KurvaUnitOut>(c.kadis.get(`/api/kurva/unor/${org.unor.opd.id}?periode=${PERIODE}`));
    expect(opd.distribusi.BAIK).toBe(8);
  });

  it('lists the units a leader heads and the ones right below', async () => {
    const r = await ok<{ items: { id: number; dipimpin: boolean }[] }>(c.kabid.get('/api/kurva/unit-saya'));
    expect(r.items.map((u) => [u.id, u.dipimpin])).toEqual([
      [org.unor.bidang.id, true],
      [org.unor.seksi.id, false],
    ]);
    expect((await ok<{ items: unknown[] }>(c.staf.get('/api/kurva/unit-saya'))).items).toEqual([]);
  });

  it('is read by the unit head, leaders above and admins in scope, not by others', async () => {
    expect((await c.adminOpd.get(`${seksi()}?periode=${PERIODE}`)).statusCode).toBe(200);
    expect((await c.adminBkd.get(`${seksi()}?periode=${PERIODE}`)).statusCode).toBe(200);
    expect((await c.staf.get(`${seksi()}?periode=${PERIODE}`)).statusCode).toBe(403);
    expect((await c.asing.get(`${seksi()}?periode=${PERIODE}`)).statusCode).toBe(403);
    expect((await c.kasi.get(`${seksi()}?periode=2026-13`)).statusCode).toBe(400);
  });

  it('lists the periods with assessments in the unit to those who may read it', async () => {
    for (const who of [c.kasi, c.adminOpd, c.adminBkd]) {
      expect((await ok<{ items: string[] }>(who.get(`${seksi()}/periode`))).items).toEqual([PERIODE]);
    }
    const bkdUnit = `/api/kurva/unor/${org.unor.bkd.id}/periode`;
    expect((await ok<{ items: string[] }>(c.adminBkd.get(bkdUnit))).items).toEqual([]);
    expect((await c.staf.get(`${seksi()}/periode`)).statusCode).toBe(403);
    expect((await c.asing.get(`${seksi()}/periode`)).statusCode).toBe(403);
  });

  it('the organisation predikat is set by the leader one level up, validated, versioned and audited', async () => {
    const body = { periode: PERIODE, predikat: 'BAIK', dasar: DASAR };
    expect((await c.kasi.put(`${seksi()}/predikat-organisasi`, body)).statusCode).toBe(403);
    expect((await c.kadis.put(`${seksi()}/predikat-organisasi`, body)).statusCode).toBe(403);
    const bad = await c.kabid.put(`${seksi()}/predikat-organisasi`, {
      ...body,
      dasar: { ...DASAR, progresRencanaAksi: -5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain('Progres rencana aksi tidak boleh negatif');
    expect((await c.kasi.get(`${seksi()}?periode=${PERIODE}`)).json().predikatOrganisasi).toBeNull();

    const k = await ok<KurvaUnitOut>(c.kabid.put(`${seksi()}/predikat-organisasi`, body));
    expect(k.predikatOrganisasi).toMatchObject({ predikat: 'BAIK', dasar: DASAR, version: 1 });
    expect(k.hasil?.pelanggaran).toEqual([
      'Baik 8 dari 10 pegawai (80 %), melebihi batas 70 % (paling banyak 7 pegawai).',
    ]);
    // A second write without the version read is a conflict.
    expect((await c.kabid.put(`${seksi()}/predikat-organisasi`, body)).statusCode).toBe(409);
    // The head of region sets an OPD's predikat; the BKD admin may set any unit's.
    expect(
      (
        await c.gub.put(`/api/kurva/unor/${org.unor.opd.id}/predikat-organisasi`, {
          periode: PERIODE,
          predikat: 'ISTIMEWA',
          dasar: DASAR,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await c.adminBkd.put(`/api/kurva/unor/${org.unor.bidang.id}/predikat-organisasi`, {
          periode: PERIODE,
          predikat: 'BAIK',
          dasar: DASAR,
        })
      ).statusCode,
    ).toBe(200);
    const audit = await rows<{ action: string }>(
      h.db,
      sql`SELECT action FROM audit_log WHERE entity = 'predikat_organisasi' AND instansi_id = ${org.instansiId} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'predikat_organisasi.buat',
      'predikat_organisasi.buat',
      'predikat_organisasi.buat',
    ]);
  });

  it('leniency: the share of Di Atas Ekspektasi per assessor against the median', async () => {
    const l = await ok<LeniensiOut>(c.kasi.get(`${seksi()}/leniensi?periode=${PERIODE}`));
    expect(l.median).toBe(10);
    expect(l.items).toEqual([
      expect.objectContaining({
        penilai: { id: org.pengawas.id, namaLengkap: 'Kepala Seksi' },
        jumlah: 10,
        diAtasHasilKerja: 1,
        persenDiAtas: 10,
        selisihMedian: 0,
      }),
    ]);
    expect((await c.staf.get(`${seksi()}/leniensi?periode=${PERIODE}`)).statusCode).toBe(403);
  });

  it('calibration: the unit head changes a rating with a reason; the curve follows; audited', async () => {
    const board = await ok<KalibrasiOut>(c.kasi.get(`${seksi()}/kalibrasi?periode=${PERIODE}`));
    expect(board.pegawai).toHaveLength(10);
    expect(board.lengkap).toBe(true);
    const satu = board.pegawai.find((p) => p.predikat === 'BAIK')!;
    const url = `${seksi()}/kalibrasi/${satu.penilaianId}`;
    const body = {
      ratingHasilKerja: 'DI_BAWAH_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
      alasan: 'Dua RHK utama tidak tercapai setelah verifikasi.',
      version: satu.version,
    };
    expect((await c.kabid.put(url, body)).statusCode).toBe(403);
    expect((await c.staf.put(url, body)).statusCode).toBe(403);
    expect((await c.kasi.put(url, { ...body, alasan: '' })).statusCode).toBe(400);
    const k = await ok<KurvaUnitOut>(c.kasi.put(url, body));
    expect(k.distribusi).toMatchObject({ BAIK: 7, BUTUH_PERBAIKAN: 2 });
    expect(k.hasil?.pelanggaran).toEqual([]);
    expect((await c.kasi.put(url, body)).statusCode).toBe(409);
    const [audit] = await rows<{ reason: string; after: { predikat: string } }>(
      h.db,
      sql`SELECT reason, after FROM audit_log WHERE action = 'penilaian.kalibrasi' AND instansi_id = ${org.instansiId}`,
    );
    expect(audit).toMatchObject({ reason: body.alasan, after: { predikat: 'BUTUH_PERBAIKAN' } });
    // Put it back so the penetapan below meets a breach.
    await ok(
      c.kasi.put(url, {
        ...body,
        ratingHasilKerja: 'SESUAI_EKSPEKTASI',
        alasan: 'Koreksi kembali setelah klarifikasi.',
        version: satu.version + 1,
      }),
    );
  });

  it('the unit head finalises: a breaching distribution needs a justification; versioned; locks calibration', async () => {
    const url = `${seksi()}/penetapan`;
    expect((await c.kabid.post(url, { periode: PERIODE })).statusCode).toBe(403);
    const tanpa = await c.kasi.post(url, { periode: PERIODE });
    expect(tanpa.statusCode).toBe(400);
    expect(tanpa.json().error.message).toContain('justifikasi');
    expect((await c.kasi.get(`${seksi()}?periode=${PERIODE}`)).json().penetapan).toBeNull();

    const justifikasi =
      'Seksi menuntaskan kurikulum merdeka lebih awal; sebagian besar pegawai memenuhi target.';
    const k = await ok<KurvaUnitOut>(c.kasi.post(url, { periode: PERIODE, justifikasi }));
    expect(k.penetapan).toMatchObject({
      predikatOrganisasi: 'BAIK',
      distribusi: { SANGAT_BAIK: 1, BAIK: 8, BUTUH_PERBAIKAN: 1, KURANG: 0, SANGAT_KURANG: 0 },
      pelanggaran: ['Baik 8 dari 10 pegawai (80 %), melebihi batas 70 % (paling banyak 7 pegawai).'],
      justifikasi,
      ditetapkanOleh: { id: org.pengawas.id },
      version: 1,
    });
    expect(k.hak.kalibrasi).toBe(false);
    expect((await c.kasi.post(url, { periode: PERIODE, justifikasi })).statusCode).toBe(409);
    expect((await c.kasi.post(url, { periode: PERIODE, justifikasi, version: 1 })).statusCode).toBe(200);

    const board = await ok<KalibrasiOut>(c.kasi.get(`${seksi()}/kalibrasi?periode=${PERIODE}`));
    const p = board.pegawai[0]!;
    const locked = await c.kasi.put(`${seksi()}/kalibrasi/${p.penilaianId}`, {
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
      alasan: 'Percobaan setelah penetapan.',
      version: p.version,
    });
    expect(locked.statusCode).toBe(409);
    const audit = await rows<{ action: string }>(
      h.db,
      sql`SELECT action FROM audit_log WHERE entity = 'penetapan_predikat' AND instansi_id = ${org.instansiId} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['penetapan_predikat.buat', 'penetapan_predikat.ubah']);
  });

  it('finalising needs the organisation predikat first', async () => {
    const res = await c.kasi.post(`${seksi()}/penetapan`, { periode: '2026-06' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('belum ditetapkan');
    const kabid = await c.kabid.post(`/api/kurva/unor/${org.unor.bidang.id}/penetapan`, {
      periode: '2026-06',
    });
    expect(kabid.statusCode).toBe(400);
  });

  it('the instansi report lists every unit with its curve; the BKD sees all, others are refused', async () => {
    const r = await ok<LaporanKurvaOut>(c.adminBkd.get(`/api/kurva/laporan?periode=${PERIODE}`));
    const of = (id: number) => r.items.find((i) => i.unor.id === id)!;
    expect(of(org.unor.seksi.id)).toMatchObject({
      n: 10,
      predikatOrganisasi: 'BAIK',
      ditetapkan: true,
      unitKecil: false,
      pelanggaran: ['Baik 8 dari 10 pegawai (80 %), melebihi batas 70 % (paling banyak 7 pegawai).'],
    });
    // The OPD is Istimewa, but SB is not its largest group.
    expect(of(org.unor.opd.id).pelanggaran[0]).toContain('bukan kelompok terbanyak');
    expect(of(org.unor.opd.id).ditetapkan).toBe(false);
    expect((await c.staf.get(`/api/kurva/laporan?periode=${PERIODE}`)).statusCode).toBe(403);
    expect((await c.kasi.get(`/api/kurva/laporan?periode=${PERIODE}`)).statusCode).toBe(403);
    const opd = await ok<LaporanKurvaOut>(c.adminOpd.get(`/api/kurva/laporan?periode=${PERIODE}`));
    expect(opd.items.every((i) => i.unor.id !== org.unor.opd2.id)).toBe(true);
  });

  it('the curve rules are per-instansi settings: BKD only, validated, audited', async () => {
    const p = await ok<{ version: number; batasSkp: string; cakupanMemblokir: boolean; kurva: unknown }>(
      c.adminBkd.get('/api/pengaturan'),
    );
    expect(p.kurva).toBeNull();
    const body = {
      batasSkp: p.batasSkp,
      cakupanMemblokir: p.cakupanMemblokir,
      kurva: { ...ATURAN_KURVA_BAWAAN, minimalPegawai: 20 },
      version: p.version,
    };
    expect((await c.kasi.put('/api/pengaturan', body)).statusCode).toBe(403);
    const bad = await c.adminBkd.put('/api/pengaturan', {
      ...body,
      kurva: { ...body.kurva, pembulatan: { maks: 'BAWAH', min: 'KE_ATAS' } },
    });
    expect(bad.statusCode).toBe(400);
    await ok(c.adminBkd.put('/api/pengaturan', body));
    const k = await ok<KurvaUnitOut>(c.kasi.get(`${seksi()}?periode=${PERIODE}`));
    expect(k.hasil).toMatchObject({ unitKecil: true, pelanggaran: [] });
  });

  it("a unit head's rating hasil kerja is the unit's organisation predikat by the mapping (SPEC §6.3)", async () => {
    await approvedChain(h, org);
    const url = `/api/realisasi/pegawai/${org.pengawas.id}`;
    const bulan = await ok<RealisasiBulanOut>(c.kabid.get(`${url}?periode=${PERIODE}`));
    expect(bulan.saran).toEqual({
      rating: 'SESUAI_EKSPEKTASI',
      alasan:
        'Pimpinan unit: predikat kinerja organisasi Seksi Kurikulum Baik menjadi rating hasil kerja Sesuai Ekspektasi.',
    });
    const dinilai = await ok<RealisasiBulanOut>(
      c.kabid.put(`${url}/penilaian`, {
        periode: PERIODE,
        ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
        ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
      }),
    );
    expect(dinilai.penilaian).toMatchObject({ ratingHasilKerja: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' });
  });
});
