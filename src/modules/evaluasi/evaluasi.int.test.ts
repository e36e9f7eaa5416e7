import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { stafDenganRencana } from '../../../test/siklus.js';
import type { Client } from '../../../test/skp.js';
import type {
  DiBawahEkspektasiPage,
  EvaluasiSkpList,
  EvaluasiView,
  KeberatanPage,
} from '../../contracts/evaluasi.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let rhkStaf: number[];
let skpId: number;

/** 10:00 WITA on a day. */
const pada = (tanggal: string) => `${tanggal}T02:00:00Z`;

/** Moves the clock and logs in again (sessions last 12 hours). */
async function login(tanggal: string) {
  h.clock.set(pada(tanggal));
  return {
    staf: await h.login(org.pelaksana.nip),
    staf2: await h.login(org.pelaksana2.nip),
    kasi: await h.login(org.pengawas.nip),
    kabid: await h.login(org.administrator.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    adminBkd: await h.login(org.adminBkd.nip),
    tim: await h.login(org.timPenilai.nip),
    asing: await h.login(org.orangLain.nip),
  };
}

async function ok<T = unknown>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

type Bulan = { items: { rhk: { id: number }; realisasi: { id: number; version: number } }[] };

/** A month reported, accepted and rated through the realisasi API. */
async function bulan(periode: string, isi: string, nilai: string, hk: string, pr: string) {
  let u = await login(isi);
  for (const id of rhkStaf)
    await ok(u.staf.put(`/api/realisasi/${id}/${periode}`, { nilai: 1, satuan: 'data' }));
  await ok(u.staf.post('/api/realisasi/ajukan', { periode }));
  u = await login(nilai);
  const b = await ok<Bulan>(u.kasi.get(`/api/realisasi/pegawai/${org.pelaksana.id}?periode=${periode}`));
  for (const item of b.items)
    await ok(
      u.kasi.post(`/api/realisasi/${item.realisasi.id}/nilai`, {
        version: item.realisasi.version,
        keputusan: 'TERIMA',
        capaian: 'SESUAI',
      }),
    );
  await ok(
    u.kasi.put(`/api/realisasi/pegawai/${org.pelaksana.id}/penilaian`, {
      periode,
      ratingHasilKerja: hk,
      ratingPerilaku: pr,
    }),
  );
}

const auditCount = async (entity: string) =>
  (
    await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = ${entity} AND instansi_id = ${org.instansiId}`,
    )
  )[0]!.n;

/** The basis the audit row of an objection's decision recorded. */
const dasarDiAudit = async (keberatanId: number) =>
  (
    await rows<{ dasar: unknown }>(
      h.db,
      sql`SELECT after -> 'dasarPutusan' AS dasar FROM audit_log
           WHERE action = 'keberatan.putus' AND entity_id = ${String(keberatanId)}`,
    )
  )[0]?.dasar;

const view = (c: Client, id = skpId) => ok<EvaluasiView>(c.get(`/api/evaluasi/skp/${id}`));

beforeAll(async () => {
  h = await createHarness({ now: pada('2026-01-10') });
  org = await buildOrg(h.db);
  ({ rhkStaf } = await stafDenganRencana(h, org));
  await bulan('2026-07', '2026-08-03', '2026-08-10', 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI');
  await bulan('2026-08', '2026-09-03', '2026-09-10', 'DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
  const u = await login('2027-01-05');
  const saya = await ok<EvaluasiSkpList>(u.staf.get('/api/evaluasi/saya?tahun=2026'));
  expect(saya.items).toHaveLength(1);
  skpId = saya.items[0]!.skpId;
});
afterAll(() => h.close());

describe('evaluasi tahunan', () => {
  it('suggests the annual ratings from the periodic ones, with the months they come from', async () => {
    const u = await login('2027-01-05');
    const v = await view(u.kasi);
    expect(v.periodik.map((p) => [p.periodeKode, p.predikat])).toEqual([
      ['2026-07', 'SANGAT_BAIK'],
      ['2026-08', 'BUTUH_PERBAIKAN'],
    ]);
    // One month each: the tie goes to the later month.
    expect(v.saran).toEqual({
      ratingHasilKerja: { rating: 'DI_BAWAH_EKSPEKTASI', periode: ['2026-08'] },
      ratingPerilaku: { rating: 'SESUAI_EKSPEKTASI', periode: ['2026-08'] },
    });
    expect(v.evaluasi).toBeNull();
    expect(v.predikatOrganisasi).toBeNull();
    expect(v.batasEvaluasi).toBe('2027-03-31');
    expect(v.boleh).toEqual({ ubah: true, tandaTangan: false, keberatan: false, putus: false });
    expect((await view(u.staf)).boleh.ubah).toBe(false);
    const dinilai = await ok<EvaluasiSkpList>(u.kasi.get('/api/evaluasi/dinilai?tahun=2026'));
    expect(dinilai.items.map((i) => i.skpId)).toContain(skpId);
  });

  it('is read by the employee, his chain, admins and the tim penilai; a stranger gets 403', async () => {
    const u = await login('2027-01-05');
    for (const c of [u.staf, u.kasi, u.kabid, u.adminOpd, u.adminBkd, u.tim]) await view(c);
    for (const c of [u.asing, u.staf2])
      expect((await c.get(`/api/evaluasi/skp/${skpId}`)).statusCode).toBe(403);
    expect(
      (
        await u.asing.put(`/api/evaluasi/skp/${skpId}`, {
          ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
          ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('goes to FINAL through both signatures and is locked afterwards (409)', async () => {
    const u = await login('2027-01-05');
    const audits = await auditCount('evaluasi_tahunan');
    const isi = {
      ratingHasilKerja: 'DI_BAWAH_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
      catatan: 'Laporan sering terlambat.',
      rekomendasi: 'Ikut bimbingan teknis pelaporan.',
    };
    expect((await u.staf.put(`/api/evaluasi/skp/${skpId}`, isi)).statusCode).toBe(403);
    const bad = await u.kasi.put(`/api/evaluasi/skp/${skpId}`, { ...isi, ratingHasilKerja: 'BAGUS' });
    expect(bad.statusCode).toBe(400);
    let v = await ok<EvaluasiView>(u.kasi.put(`/api/evaluasi/skp/${skpId}`, isi));
    expect(v.evaluasi).toMatchObject({
      status: 'DRAF',
      predikat: 'BUTUH_PERBAIKAN',
      catatan: isi.catatan,
      version: 1,
    });
    v = await ok<EvaluasiView>(
      u.kasi.put(`/api/evaluasi/skp/${skpId}`, { ...isi, ratingPerilaku: 'DI_ATAS_EKSPEKTASI', version: 1 }),
    );
    expect(v.evaluasi).toMatchObject({
      predikat: 'BUTUH_PERBAIKAN',
      ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
      version: 2,
    });
    expect((await u.kasi.put(`/api/evaluasi/skp/${skpId}`, { ...isi, version: 1 })).statusCode).toBe(409);
    v = await ok<EvaluasiView>(u.kasi.put(`/api/evaluasi/skp/${skpId}`, { ...isi, version: 2 }));

    expect((await u.staf.post(`/api/evaluasi/skp/${skpId}/tanda-tangan`, { version: 3 })).statusCode).toBe(
      409,
    );
    expect((await u.kabid.post(`/api/evaluasi/skp/${skpId}/tanda-tangan`, { version: 3 })).statusCode).toBe(
      403,
    );
    v = await ok<EvaluasiView>(u.kasi.post(`/api/evaluasi/skp/${skpId}/tanda-tangan`, { version: 3 }));
    expect(v.evaluasi!.status).toBe('DITANDATANGANI_PENILAI');
    expect((await u.kasi.put(`/api/evaluasi/skp/${skpId}`, { ...isi, version: 4 })).statusCode).toBe(409);
    const notif = await ok<{ items: { judul: string }[] }>(u.staf.get('/api/notifikasi'));
    expect(notif.items.map((n) => n.judul)).toContain('Evaluasi tahunan ditandatangani pejabat penilai');

    expect((await view(u.staf)).boleh).toMatchObject({ tandaTangan: true, keberatan: false });
    v = await ok<EvaluasiView>(u.staf.post(`/api/evaluasi/skp/${skpId}/tanda-tangan`, { version: 4 }));
    expect(v.evaluasi!.status).toBe('FINAL');
    expect(v.batasKeberatan).toBe('2027-01-19');
    expect(v.boleh).toMatchObject({ ubah: false, tandaTangan: false, keberatan: true });
    expect(v.hasilAkhir).toEqual({
      ratingHasilKerja: 'DI_BAWAH_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
      predikat: 'BUTUH_PERBAIKAN',
    });

    const locked = await u.kasi.put(`/api/evaluasi/skp/${skpId}`, { ...isi, version: 5 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('EVALUASI_TERKUNCI');
    expect((await u.kasi.post(`/api/evaluasi/skp/${skpId}/tanda-tangan`, { version: 5 })).statusCode).toBe(
      409,
    );
    expect(await auditCount('evaluasi_tahunan')).toBe(audits + 5);
  });

  it('lets the employee object; the atasan asks statements, the assessor answers, the rating is changed for good', async () => {
    let u = await login('2027-01-12');
    const tahunan = () =>
      ok<DiBawahEkspektasiPage>(u.tim.get('/api/tim-penilai/di-bawah-ekspektasi?tahun=2026'));
    expect((await tahunan()).items.map((i) => [i.pegawai.id, i.predikat])).toEqual([
      [org.pelaksana.id, 'BUTUH_PERBAIKAN'],
    ]);

    expect(
      (await u.kasi.post(`/api/evaluasi/skp/${skpId}/keberatan`, { alasan: 'Bukan saya.' })).statusCode,
    ).toBe(403);
    expect((await u.staf.post(`/api/evaluasi/skp/${skpId}/keberatan`, { alasan: '' })).statusCode).toBe(400);
    let v = await ok<EvaluasiView>(
      u.staf.post(`/api/evaluasi/skp/${skpId}/keberatan`, {
        alasan: 'Keterlambatan laporan Agustus karena aplikasi sekolah tidak dapat diakses.',
      }),
    );
    expect(v.keberatan).toMatchObject({ status: 'DIAJUKAN', pemutus: { id: org.administrator.id } });
    const id = v.keberatan!.id;
    const again = await u.staf.post(`/api/evaluasi/skp/${skpId}/keberatan`, { alasan: 'Sekali lagi.' });
    expect(again.statusCode).toBe(409);

    const daftar = await ok<KeberatanPage>(u.kabid.get('/api/keberatan?sebagai=PEMUTUS'));
    expect(daftar.items.map((k) => [k.id, k.status])).toEqual([[id, 'DIAJUKAN']]);
    expect((await ok<{ items: { judul: string }[] }>(u.kabid.get('/api/notifikasi'))).items[0]!.judul).toBe(
      'Keberatan atas evaluasi tahunan',
    );
    // The pemutus sees both sides: the evaluation and the reasons.
    v = await view(u.kabid);
    expect(v.boleh.putus).toBe(true);
    expect(v.evaluasi!.catatan).toBe('Laporan sering terlambat.');
    // SPEC §6.6: the atasan asks both sides before deciding; straight from DIAJUKAN is refused.
    expect(v.keberatan!.belumDapatDiputus).toContain('keterangan pegawai belum diminta');
    const langsung = await u.kabid.post(`/api/keberatan/${id}/putusan`, {
      keputusan: 'DIKUATKAN',
      pertimbangan: 'Tanpa meminta keterangan.',
      version: 1,
    });
    expect(langsung.statusCode).toBe(409);
    expect(langsung.json().error).toMatchObject({ code: 'KEBERATAN_BELUM_DAPAT_DIPUTUS' });
    expect(langsung.json().error.message).toContain(
      'keterangan pegawai belum diminta; keterangan pejabat penilai belum diminta',
    );

    const minta = { pihak: 'PENILAI', permintaan: 'Jelaskan dasar rating hasil kerja di bawah ekspektasi.' };
    expect((await u.kasi.post(`/api/keberatan/${id}/keterangan`, { ...minta, version: 1 })).statusCode).toBe(
      403,
    );
    v = await ok<EvaluasiView>(u.kabid.post(`/api/keberatan/${id}/keterangan`, { ...minta, version: 1 }));
    v = await ok<EvaluasiView>(
      u.kabid.post(`/api/keberatan/${id}/keterangan`, {
        pihak: 'PEGAWAI',
        permintaan: 'Lampirkan bukti gangguan aplikasi.',
        version: 2,
      }),
    );
    expect(v.keberatan!.status).toBe('DIPERIKSA');
    const [kPenilai, kPegawai] = v.keberatan!.keterangan;
    expect(kPenilai!.pihak.id).toBe(org.pengawas.id);
    expect(kPegawai!.pihak.id).toBe(org.pelaksana.id);
    const menunggu = await u.kabid.post(`/api/keberatan/${id}/putusan`, {
      keputusan: 'DIKUATKAN',
      pertimbangan: 'Belum ada jawaban.',
      version: 3,
    });
    expect(menunggu.statusCode).toBe(409);
    expect(menunggu.json().error.message).toContain(
      'keterangan pegawai belum diberikan (batas 19 Januari 2027); keterangan pejabat penilai belum diberikan (batas 19 Januari 2027)',
    );

    u = await login('2027-01-13');
    const jawab = (c: Client, k: { id: number; version: number }, jawaban: string) =>
      c.post(`/api/keberatan/${id}/keterangan/${k.id}/jawaban`, { jawaban, version: k.version });
    expect((await jawab(u.staf, kPenilai!, 'Bukan bagian saya.')).statusCode).toBe(403);
    await ok(jawab(u.kasi, kPenilai!, 'Dua dari dua belas laporan terlambat lebih dari sepekan.'));
    await ok(jawab(u.staf, kPegawai!, 'Tangkapan layar gangguan terlampir di kotak surat dinas.'));
    expect((await jawab(u.staf, kPegawai!, 'Lagi.')).statusCode).toBe(409);
    v = await view(u.staf);
    expect(v.keberatan!.keterangan.map((k) => k.jawaban)).toEqual([
      'Dua dari dua belas laporan terlambat lebih dari sepekan.',
      'Tangkapan layar gangguan terlampir di kotak surat dinas.',
    ]);

    const putusan = {
      keputusan: 'DIUBAH',
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
      pertimbangan: 'Keterlambatan disebabkan gangguan aplikasi di luar kendali pegawai.',
      version: 3,
    };
    expect(
      (await u.kabid.post(`/api/keberatan/${id}/putusan`, { ...putusan, ratingPerilaku: undefined }))
        .statusCode,
    ).toBe(400);
    expect((await u.kasi.post(`/api/keberatan/${id}/putusan`, putusan)).statusCode).toBe(403);
    v = await ok<EvaluasiView>(u.kabid.post(`/api/keberatan/${id}/putusan`, putusan));
    expect(v.keberatan).toMatchObject({
      status: 'DIPUTUS',
      keputusan: 'DIUBAH',
      predikatBaru: 'BAIK',
      belumDapatDiputus: null,
      dasarPutusan: {
        PEGAWAI: { keadaan: 'DIJAWAB', keteranganId: kPegawai!.id },
        PENILAI: { keadaan: 'DIJAWAB', keteranganId: kPenilai!.id },
      },
    });
    // The assessor's original ratings stay on record; the evaluation now reports the decision.
    expect(v.evaluasi).toMatchObject({
      predikat: 'BUTUH_PERBAIKAN',
      ratingHasilKerja: 'DI_BAWAH_EKSPEKTASI',
    });
    expect(v.hasilAkhir).toEqual({
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
      predikat: 'BAIK',
    });
    const final = await u.kabid.post(`/api/keberatan/${id}/putusan`, {
      ...putusan,
      keputusan: 'DIKUATKAN',
      version: 4,
    });
    expect(final.statusCode).toBe(409);
    expect(final.json().error.code).toBe('KEBERATAN_SUDAH_DIPUTUS');
    const notif = await ok<{ items: { judul: string; pesan: string }[] }>(u.staf.get('/api/notifikasi'));
    expect(notif.items[0]).toMatchObject({ judul: 'Keputusan keberatan' });
    expect(notif.items[0]!.pesan).toContain('Baik');
    expect(await auditCount('keberatan')).toBe(2);
    expect(await auditCount('keberatan_keterangan')).toBe(4);
    expect(await dasarDiAudit(id)).toEqual(v.keberatan!.dasarPutusan);
    expect((await tahunan()).items).toEqual([]);
  });

  it('decides an objection once a statement deadline passes without an answer, and names that deadline', async () => {
    // A plan of the second employee under the same assessor, evaluated FINAL on 1 February.
    const [{ id: skp2 }] = (await rows<{ id: number }>(
      h.db,
      sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt,
                           status, pejabat_penilai_id, diajukan_at, disetujui_at, disetujui_oleh_id)
          SELECT instansi_id, ${org.pelaksana2.id}, ${org.jabatan.jStaf}, tahun, periode_mulai, periode_akhir, pendekatan,
                 is_jpt, 'DISETUJUI', pejabat_penilai_id, diajukan_at, disetujui_at, disetujui_oleh_id
            FROM skp WHERE id = ${skpId} RETURNING id`,
    )) as [{ id: number }];
    let u = await login('2027-02-01');
    let v = await ok<EvaluasiView>(
      u.kasi.put(`/api/evaluasi/skp/${skp2}`, {
        ratingHasilKerja: 'DI_BAWAH_EKSPEKTASI',
        ratingPerilaku: 'SESUAI_EKSPEKTASI',
      }),
    );
    v = await ok(u.kasi.post(`/api/evaluasi/skp/${skp2}/tanda-tangan`, { version: v.evaluasi!.version }));
    await ok(u.staf2.post(`/api/evaluasi/skp/${skp2}/tanda-tangan`, { version: v.evaluasi!.version }));
    v = await ok(u.staf2.post(`/api/evaluasi/skp/${skp2}/keberatan`, { alasan: 'Target Agustus berubah.' }));
    const id = v.keberatan!.id;
    for (const [pihak, version] of [
      ['PEGAWAI', 1],
      ['PENILAI', 2],
    ] as const)
      v = await ok(
        u.kabid.post(`/api/keberatan/${id}/keterangan`, { pihak, permintaan: 'Mohon keterangan.', version }),
      );
    const [kPegawai, kPenilai] = v.keberatan!.keterangan;
    await ok(
      u.kasi.post(`/api/keberatan/${id}/keterangan/${kPenilai!.id}/jawaban`, {
        jawaban: 'Target tidak berubah.',
        version: 1,
      }),
    );
    const putusan = { keputusan: 'DIKUATKAN', pertimbangan: 'Target tidak berubah.', version: 3 };

    // The employee's 7 days (the default) run to 8 February, that day included.
    u = await login('2027-02-08');
    v = await view(u.kabid, skp2);
    expect(v.keberatan!.kelengkapan.PEGAWAI).toEqual({
      keadaan: 'MENUNGGU',
      keteranganId: kPegawai!.id,
      batas: '2027-02-08',
    });
    const awal = await u.kabid.post(`/api/keberatan/${id}/putusan`, putusan);
    expect(awal.statusCode).toBe(409);
    expect(awal.json().error.message).toContain('keterangan pegawai belum diberikan (batas 8 Februari 2027)');
    expect(awal.json().error.message).not.toContain('pejabat penilai belum');

    u = await login('2027-02-09');
    expect((await view(u.kabid, skp2)).keberatan!.belumDapatDiputus).toBeNull();
    v = await ok<EvaluasiView>(u.kabid.post(`/api/keberatan/${id}/putusan`, putusan));
    const dasar = {
      PEGAWAI: { keadaan: 'LEWAT_BATAS', keteranganId: kPegawai!.id, batas: '2027-02-08' },
      PENILAI: { keadaan: 'DIJAWAB', keteranganId: kPenilai!.id },
    };
    expect(v.keberatan).toMatchObject({ status: 'DIPUTUS', keputusan: 'DIKUATKAN', dasarPutusan: dasar });
    expect(await dasarDiAudit(id)).toEqual(dasar);
    // A late answer no longer moves anything: the decision is final.
    const telat = await u.staf2.post(`/api/keberatan/${id}/keterangan/${kPegawai!.id}/jawaban`, {
      jawaban: 'Maaf terlambat.',
      version: 1,
    });
    expect(telat.json().error.code).toBe('KEBERATAN_SUDAH_DIPUTUS');
  });

  it('gives a second SKP of the year (mutation) its own evaluation, and refuses an objection after the window', async () => {
    // A mutation in September: the first plan ends, an approved plan for the new position follows.
    await rows(
      h.db,
      sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt,
                           status, pejabat_penilai_id, diajukan_at, disetujui_at, disetujui_oleh_id)
          SELECT instansi_id, pegawai_id, ${org.jabatan.jFung}, tahun, '2026-09-01', '2026-12-31', pendekatan, is_jpt,
                 'DISETUJUI', pejabat_penilai_id, diajukan_at, disetujui_at, disetujui_oleh_id
            FROM skp WHERE id = ${skpId}`,
    );
    let u = await login('2027-01-14');
    const saya = await ok<EvaluasiSkpList>(u.staf.get('/api/evaluasi/saya?tahun=2026'));
    expect(saya.items).toHaveLength(2);
    const kedua = saya.items.find((i) => i.skpId !== skpId)!.skpId;
    expect(saya.items.find((i) => i.skpId === skpId)).toMatchObject({
      evaluasi: { status: 'FINAL' },
      keberatanStatus: 'DIPUTUS',
    });
    expect((await view(u.kasi, kedua)).periodik).toEqual([]);
    let v = await ok<EvaluasiView>(
      u.kasi.put(`/api/evaluasi/skp/${kedua}`, {
        ratingHasilKerja: 'SESUAI_EKSPEKTASI',
        ratingPerilaku: 'SESUAI_EKSPEKTASI',
      }),
    );
    v = await ok<EvaluasiView>(
      u.kasi.post(`/api/evaluasi/skp/${kedua}/tanda-tangan`, { version: v.evaluasi!.version }),
    );
    v = await ok<EvaluasiView>(
      u.staf.post(`/api/evaluasi/skp/${kedua}/tanda-tangan`, { version: v.evaluasi!.version }),
    );
    expect(v.batasKeberatan).toBe('2027-01-28');
    const ids = (await ok<EvaluasiSkpList>(u.staf.get('/api/evaluasi/saya?tahun=2026'))).items.map(
      (i) => i.evaluasi!.id,
    );
    expect(new Set(ids).size).toBe(2);

    u = await login('2027-01-29');
    const late = await u.staf.post(`/api/evaluasi/skp/${kedua}/keberatan`, {
      alasan: 'Terlambat saya ajukan.',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('2027-01-28');
    expect((await view(u.staf, kedua)).keberatan).toBeNull();
  });
});

describe('the head of a unit', () => {
  it("gets his annual rating hasil kerja from the unit's organisation predikat of the year (SPEC §6.3)", async () => {
    await login('2027-01-05');
    const kabid = await h.login(org.administrator.nip);
    const kasi = await h.login(org.pengawas.nip);
    const [rencana] = (await ok<EvaluasiSkpList>(kasi.get('/api/evaluasi/saya?tahun=2026'))).items;
    await ok(
      kabid.put(`/api/kurva/unor/${org.unor.seksi.id}/predikat-organisasi`, {
        periode: '2026',
        predikat: 'ISTIMEWA',
        dasar: {
          capaianPk: 104,
          nilaiIkm: null,
          progresRencanaAksi: null,
          keterangan: 'PK seksi 2026 tercapai.',
        },
      }),
    );
    const v = await view(kabid, rencana!.skpId);
    expect(v.kepalaUnit).toMatchObject({ rating: 'DI_ATAS_EKSPEKTASI' });
    await ok(
      kabid.put(`/api/evaluasi/skp/${rencana!.skpId}`, {
        ratingHasilKerja: 'SESUAI_EKSPEKTASI',
        ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
      }),
    );
    expect((await view(kabid, rencana!.skpId)).evaluasi).toMatchObject({
      ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
      predikat: 'SANGAT_BAIK',
    });
  });
});

describe('tim penilai kinerja', () => {
  it('lists employees below expectation in a period and records a recommendation; others get 403', async () => {
    const u = await login('2027-01-14');
    const list = () =>
      ok<DiBawahEkspektasiPage>(u.tim.get('/api/tim-penilai/di-bawah-ekspektasi?tahun=2026&periode=2026-08'));
    const page = await list();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      periodeKode: '2026-08',
      pegawai: { id: org.pelaksana.id },
      penilai: { id: org.pengawas.id },
      predikat: 'BUTUH_PERBAIKAN',
      rekomendasi: [],
    });
    const juli = await ok<DiBawahEkspektasiPage>(
      u.adminBkd.get('/api/tim-penilai/di-bawah-ekspektasi?tahun=2026&periode=2026-07'),
    );
    expect(juli.items).toEqual([]);

    const body = {
      pegawaiId: org.pelaksana.id,
      periodeKode: '2026-08',
      jenis: 'PEMBINAAN',
      uraian: 'Pendampingan penyusunan laporan bulanan oleh kepala seksi.',
    };
    for (const c of [u.kasi, u.adminOpd, u.staf]) {
      expect((await c.post('/api/tim-penilai/rekomendasi', body)).statusCode).toBe(403);
      expect((await c.get('/api/tim-penilai/di-bawah-ekspektasi?tahun=2026')).statusCode).toBe(403);
    }
    expect((await u.tim.post('/api/tim-penilai/rekomendasi', { ...body, jenis: 'HUKUMAN' })).statusCode).toBe(
      400,
    );
    await ok(u.tim.post('/api/tim-penilai/rekomendasi', body));
    expect((await list()).items[0]!.rekomendasi).toEqual([
      expect.objectContaining({
        jenis: 'PEMBINAAN',
        uraian: body.uraian,
        oleh: expect.objectContaining({ id: org.timPenilai.id }),
      }),
    ]);
    expect(await auditCount('rekomendasi_tim_penilai')).toBe(1);
    const wrong = await u.tim.get('/api/tim-penilai/di-bawah-ekspektasi?tahun=2026&periode=2025-08');
    expect(wrong.statusCode).toBe(400);
  });
});
