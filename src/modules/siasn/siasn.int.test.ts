import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { mulaiSiasnTiruan, PEMETAAN_UJI, type SiasnTiruan } from '../../../test/siasn-tiruan.js';
import { siklus, wita } from '../../../test/siklus.js';
import type { Client } from '../../../test/skp.js';
import { evaluasiLangsung } from '../../../test/tahunan.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let siasn: SiasnTiruan;
let bkd: Client;
let kasi: Client;

/** The SPEC §12 fields of /kinerjaperiodik/save, and nothing else. */
const FIELD_PERIODIK = [
  'bulanMulaiPenilaian',
  'bulanSelesaiPenilaian',
  'hasilKinerjaNilai',
  'koefisienId',
  'kuadranKinerjaNilai',
  'penilaiGolongan',
  'penilaiJabatan',
  'penilaiNama',
  'penilaiNipNrp',
  'penilaiUnorNama',
  'perilakuKerjaNilai',
  'periodikId',
  'pnsDinilaiId',
  'statusPenilai',
  'tahun',
  'tahunMulaiPenilaian',
  'tahunSelesaiPenilaian',
];

type Pesan = {
  id: number;
  status: string;
  percobaan: number;
  kunci: string;
  berikutnyaAt: Date;
  alasan: string | null;
};
const pesan = async () =>
  (
    await rows<Pesan>(
      h.db,
      sql`SELECT id, status, percobaan, kunci, berikutnya_at AS "berikutnyaAt", alasan FROM siasn_pesan ORDER BY id`,
    )
  ).map((m) => ({ ...m, berikutnyaAt: new Date(m.berikutnyaAt) }));
const percobaan = (pesanId: number) =>
  rows<{ ke: number; httpStatus: number | null; hasil: string }>(
    h.db,
    sql`SELECT ke, http_status AS "httpStatus", hasil FROM siasn_percobaan WHERE pesan_id = ${pesanId} ORDER BY ke`,
  );

/** The kasi rates one of his staff for July 2026 (in the assessment window). */
async function nilai(pegawaiId: number, rating: string, version?: number) {
  const res = await kasi.put(`/api/realisasi/pegawai/${pegawaiId}/penilaian`, {
    periode: '2026-07',
    ratingHasilKerja: rating,
    ratingPerilaku: 'SESUAI_EKSPEKTASI',
    ...(version === undefined ? {} : { version }),
  });
  expect(res.statusCode, res.body).toBe(200);
  const [row] = await rows<{ id: number }>(
    h.db,
    sql`SELECT pp.id FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id
         WHERE s.pegawai_id = ${pegawaiId} AND pp.periode_kode = '2026-07'`,
  );
  return { id: row!.id, version: res.json().penilaian.version as number };
}

/** A final 2026 annual evaluation written straight into the database, and its message enqueued. */
async function antrekanTahunan(siapa: Org['pelaksana'], jabatanId: number) {
  await evaluasiLangsung(h.db, org, { siapa, jabatanId, tahun: 2026, predikat: 'BAIK' });
  const [ev] = await rows<{ id: number }>(
    h.db,
    sql`SELECT id FROM evaluasi_tahunan WHERE pegawai_id = ${siapa.id}`,
  );
  await h.db.transaction((tx) => h.app.siasn.antrekan(tx, org.instansiId, 'SKP22', ev!.id));
}

const detik = (n: number) => h.clock.set(new Date(h.clock.now().getTime() + n * 1000).toISOString());

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  await siklus(h, org);
  h.clock.set(wita('2026-08-10'));
  siasn = await mulaiSiasnTiruan();
  bkd = await h.login(org.adminBkd.nip);
  kasi = await h.login(org.pengawas.nip);
});
afterAll(async () => {
  await h.close();
  await siasn.tutup();
});

describe('jembatan SIASN', () => {
  it('is off by default: a final evaluation enqueues nothing and the job sends nothing', async () => {
    const awal = await bkd.get('/api/siasn/pengaturan');
    expect(awal.statusCode, awal.body).toBe(200);
    expect(awal.json()).toMatchObject({
      aktif: false,
      adaClientSecret: false,
      adaSsoPassword: false,
      version: 1,
    });
    expect((await kasi.get('/api/siasn/pengaturan')).statusCode).toBe(403);

    await nilai(org.pelaksana.id, 'DI_ATAS_EKSPEKTASI');
    expect(await pesan()).toEqual([]);
    expect(await h.app.siasn.jalankan()).toEqual({ diproses: 0, terkirim: 0, gagal: 0 });
    expect(siasn.log).toEqual([]);
  });

  it('settings: refused incomplete, secrets sealed and never shown back, every change audited', async () => {
    const tanpaKode = await bkd.put('/api/siasn/pengaturan', {
      ...siasn.pengaturan({ ...PEMETAAN_UJI, kuadran: { ...PEMETAAN_UJI.kuadran, KURANG: '' } }),
      clientSecret: undefined,
    });
    expect(tanpaKode.statusCode).toBe(400);
    expect(tanpaKode.json().error.details.kurang).toEqual(['clientSecret', 'pemetaan.kuadran.KURANG']);

    const simpan = await bkd.put('/api/siasn/pengaturan', siasn.pengaturan(PEMETAAN_UJI));
    expect(simpan.statusCode, simpan.body).toBe(200);
    expect(simpan.json()).toMatchObject({
      aktif: true,
      adaClientSecret: true,
      adaSsoPassword: true,
      version: 2,
    });
    const dibaca = await bkd.get('/api/siasn/pengaturan');
    for (const body of [simpan.body, dibaca.body]) {
      expect(body).not.toContain('rahasia-klien-uji');
      expect(body).not.toContain('sandi-sso-uji');
      expect(Object.keys(JSON.parse(body))).not.toEqual(expect.arrayContaining(['clientSecret']));
    }
    const [tersimpan] = await rows<{ s: string; p: string }>(
      h.db,
      sql`SELECT client_secret_segel AS s, sso_password_segel AS p FROM pengaturan_siasn`,
    );
    expect(tersimpan!.s).not.toContain('rahasia');
    expect(tersimpan!.p).not.toContain('sandi');

    // Saving again without secrets keeps them; a stale version is refused.
    const lagi = await bkd.put('/api/siasn/pengaturan', {
      ...siasn.pengaturan(PEMETAAN_UJI, 2),
      clientSecret: undefined,
      ssoPassword: undefined,
    });
    expect(lagi.json()).toMatchObject({ adaClientSecret: true, adaSsoPassword: true, version: 3 });
    expect((await bkd.put('/api/siasn/pengaturan', siasn.pengaturan(PEMETAAN_UJI, 2))).statusCode).toBe(409);

    const audit = await rows<{ actorId: number; after: Record<string, unknown>; teks: string }>(
      h.db,
      sql`SELECT actor_id AS "actorId", after, after::text || coalesce(before::text, '') AS teks
            FROM audit_log WHERE action = 'siasn.pengaturan' ORDER BY id`,
    );
    expect(audit.map((a) => [a.actorId, a.after.clientSecretDiganti, a.after.ssoPasswordDiganti])).toEqual([
      [org.adminBkd.id, true, true],
      [org.adminBkd.id, false, false],
    ]);
    for (const a of audit) expect(a.teks).not.toMatch(/rahasia-klien-uji|sandi-sso-uji/);
  });

  it('enqueues in the finalising transaction: rolled back with it, once per evaluation and version', async () => {
    const p = await nilai(org.pelaksana2.id, 'SESUAI_EKSPEKTASI');
    expect(await pesan()).toMatchObject([{ status: 'MENUNGGU', kunci: `KINERJA_PERIODIK:${p.id}:v1` }]);

    // The same version again adds nothing.
    expect(
      await h.db.transaction((tx) => h.app.siasn.antrekan(tx, org.instansiId, 'KINERJA_PERIODIK', p.id)),
    ).toBeNull();
    // A finalisation that fails after enqueueing takes its message with it.
    await expect(
      h.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE penilaian_periodik SET version = version + 1 WHERE id = ${p.id}`);
        expect(await h.app.siasn.antrekan(tx, org.instansiId, 'KINERJA_PERIODIK', p.id)).not.toBeNull();
        throw new Error('finalisasi gagal');
      }),
    ).rejects.toThrow('finalisasi gagal');
    expect(await pesan()).toHaveLength(1);
  });

  it('sends with both tokens, every SPEC §12 field, and records the answer', async () => {
    expect(await h.app.siasn.jalankan()).toEqual({ diproses: 1, terkirim: 1, gagal: 0 });
    const [gateway, sso, dataUtama, simpan] = siasn.log;
    // OAuth2 client credentials: grant type in the form, client id and secret by HTTP Basic.
    expect(gateway).toMatchObject({ method: 'POST', path: '/oauth2/token' });
    expect(gateway!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(gateway!.body))).toEqual({
      grant_type: 'client_credentials',
    });
    expect(gateway!.headers.authorization).toBe(
      `Basic ${Buffer.from('klien-uji:rahasia-klien-uji').toString('base64')}`,
    );
    expect(Object.fromEntries(new URLSearchParams(sso!.body))).toEqual({
      grant_type: 'password',
      client_id: 'ekinerja-uji',
      username: 'operator.bkd',
      password: 'sandi-sso-uji',
    });
    expect(dataUtama).toMatchObject({ method: 'GET', path: `/api/pns/data-utama/${org.pelaksana2.nip}` });
    expect(simpan).toMatchObject({ method: 'POST', path: '/api/kinerjaperiodik/save' });
    expect(simpan!.headers).toMatchObject({ authorization: 'Bearer gw-1', auth: 'bearer sso-2' });
    const body = JSON.parse(simpan!.body);
    expect(Object.keys(body).sort()).toEqual(FIELD_PERIODIK);
    expect(body).toEqual({
      bulanMulaiPenilaian: 7,
      bulanSelesaiPenilaian: 7,
      tahunMulaiPenilaian: 2026,
      tahunSelesaiPenilaian: 2026,
      hasilKinerjaNilai: '2',
      perilakuKerjaNilai: '2',
      kuadranKinerjaNilai: '2',
      koefisienId: 'K100',
      periodikId: '1',
      pnsDinilaiId: `pns-${org.pelaksana2.nip}`,
      penilaiNama: 'Kepala Seksi',
      penilaiNipNrp: org.pengawas.nip,
      penilaiGolongan: '31',
      penilaiJabatan: 'Kepala Seksi Kurikulum',
      penilaiUnorNama: 'Seksi Kurikulum',
      statusPenilai: 'ASN',
      tahun: 2026,
    });
    const [m] = await pesan();
    expect(m).toMatchObject({ status: 'TERKIRIM', percobaan: 1 });
    expect(await percobaan(m!.id)).toEqual([{ ke: 1, httpStatus: 200, hasil: 'TERKIRIM' }]);
    const daftar = await bkd.get('/api/siasn/pesan?status=TERKIRIM');
    expect(daftar.json().items).toMatchObject([
      { id: m!.id, jenis: 'KINERJA_PERIODIK', periode: '2026-07', pegawai: { nip: org.pelaksana2.nip } },
    ]);
    expect(daftar.json().items[0].jawaban).toContain('Data berhasil disimpan');
  });

  it('401: fresh tokens once, then success; a later version updates the national record', async () => {
    await nilai(org.pelaksana2.id, 'DI_ATAS_EKSPEKTASI', 1);
    siasn.cabutToken();
    const sebelum = siasn.log.length;
    expect(await h.app.siasn.jalankan()).toEqual({ diproses: 1, terkirim: 1, gagal: 0 });
    expect(siasn.log.slice(sebelum).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/kinerjaperiodik/save',
      'POST /oauth2/token',
      'POST /sso/token',
      'POST /api/kinerjaperiodik/save',
    ]);
    const body = JSON.parse(siasn.simpanan().at(-1)!.body);
    expect(body).toMatchObject({
      id: 'nas-1',
      hasilKinerjaNilai: '1',
      kuadranKinerjaNilai: '2',
      koefisienId: 'K100',
    });
  });

  it('429 and 5xx: tried again later, each wait longer, then success', async () => {
    await nilai(org.pelaksana.id, 'DI_BAWAH_EKSPEKTASI', 1);
    siasn.antrean.push({
      status: 429,
      body: { message: 'Too Many Requests' },
      headers: { 'retry-after': '90' },
    });
    expect(await h.app.siasn.jalankan()).toEqual({ diproses: 1, terkirim: 0, gagal: 0 });
    const id = (await pesan()).at(-1)!.id;
    const mulai = h.clock.now().getTime();
    expect((await pesan()).at(-1)).toMatchObject({
      status: 'MENUNGGU',
      percobaan: 1,
      alasan: 'SIASN membatasi permintaan.',
    });
    expect((await pesan()).at(-1)!.berikutnyaAt.getTime() - mulai).toBe(90_000);

    // Not due yet: nothing is sent.
    const n = siasn.simpanan().length;
    detik(60);
    expect((await h.app.siasn.jalankan()).diproses).toBe(0);
    expect(siasn.simpanan()).toHaveLength(n);

    detik(31);
    siasn.antrean.push({ status: 503, body: { message: 'Service Unavailable' } });
    expect(await h.app.siasn.jalankan()).toEqual({ diproses: 1, terkirim: 0, gagal: 0 });
    const kedua = (await pesan()).at(-1)!;
    expect(kedua.berikutnyaAt.getTime() - h.clock.now().getTime()).toBe(120_000);

    detik(120);
    expect(await h.app.siasn.jalankan()).toEqual({ diproses: 1, terkirim: 1, gagal: 0 });
    expect(await percobaan(id)).toEqual([
      { ke: 1, httpStatus: 429, hasil: 'ULANGI' },
      { ke: 2, httpStatus: 503, hasil: 'ULANGI' },
      { ke: 3, httpStatus: 200, hasil: 'TERKIRIM' },
    ]);
    // The BKD reads every attempt with SIASN's answer; nobody else, and no other instansi's message.
    const riwayat = await bkd.get(`/api/siasn/pesan/${id}/percobaan`);
    expect(riwayat.statusCode, riwayat.body).toBe(200);
    expect(riwayat.json().items).toEqual([
      expect.objectContaining({
        ke: 1,
        httpStatus: 429,
        hasil: 'ULANGI',
        jawaban: expect.stringContaining('Too Many Requests'),
      }),
      expect.objectContaining({
        ke: 2,
        httpStatus: 503,
        hasil: 'ULANGI',
        jawaban: expect.stringContaining('Service Unavailable'),
      }),
      expect.objectContaining({ ke: 3, httpStatus: 200, hasil: 'TERKIRIM' }),
    ]);
    expect((await kasi.get(`/api/siasn/pesan/${id}/percobaan`)).statusCode).toBe(403);
    expect((await bkd.get(`/api/siasn/pesan/${id + 1000}/percobaan`)).statusCode).toBe(404);
  });

  it('a validation error fails the message without retrying; the BKD resends it (audited)', async () => {
    await antrekanTahunan(org.fungsional, org.jabatan.jFung);
    siasn.antrean.push({ status: 400, body: { success: false, message: 'penilaiGolongan tidak valid' } });
    expect(await h.app.siasn.jalankan()).toEqual({ diproses: 1, terkirim: 0, gagal: 1 });
    const gagal = (await pesan()).at(-1)!;
    expect(gagal).toMatchObject({ status: 'GAGAL', percobaan: 1, alasan: 'Ditolak SIASN (HTTP 400).' });
    const body = JSON.parse(siasn.simpanan().at(-1)!.body);
    expect(siasn.simpanan().at(-1)!.path).toBe('/api/skp22/save');
    expect(Object.keys(body).sort()).toEqual([
      'hasilKinerjaNilai',
      'kuadranKinerjaNilai',
      'penilaiGolongan',
      'penilaiJabatan',
      'penilaiNama',
      'penilaiNipNrp',
      'penilaiUnorNama',
      'perilakuKerjaNilai',
      'pnsDinilaiOrang',
      'statusPenilai',
      'tahun',
    ]);

    // Not retried, however long one waits (six hours here: the test's sessions last twelve).
    detik(6 * 3600);
    expect((await h.app.siasn.jalankan()).diproses).toBe(0);
    const daftar = (await bkd.get('/api/siasn/pesan?status=GAGAL')).json();
    expect(daftar.items).toMatchObject([{ id: gagal.id, alasan: 'Ditolak SIASN (HTTP 400).' }]);
    expect(daftar.items[0].jawaban).toContain('penilaiGolongan tidak valid');

    expect((await kasi.post(`/api/siasn/pesan/${gagal.id}/kirim-ulang`, { version: 1 })).statusCode).toBe(
      403,
    );
    const ulang = await bkd.post(`/api/siasn/pesan/${gagal.id}/kirim-ulang`, {
      version: daftar.items[0].version,
    });
    expect(ulang.statusCode, ulang.body).toBe(200);
    expect(
      (await bkd.post(`/api/siasn/pesan/${gagal.id}/kirim-ulang`, { version: daftar.items[0].version }))
        .statusCode,
    ).toBe(409);
    const kirim = await bkd.post('/api/siasn/kirim-sekarang');
    expect(kirim.json()).toEqual({ diproses: 1, terkirim: 1, gagal: 0 });
    const [audit] = await rows<{ entityId: string; actorId: number }>(
      h.db,
      sql`SELECT entity_id AS "entityId", actor_id AS "actorId" FROM audit_log WHERE action = 'siasn.kirim_ulang'`,
    );
    expect(audit).toEqual({ entityId: String(gagal.id), actorId: org.adminBkd.id });
  });

  it('a message is sent once even when the job runs twice at the same time', async () => {
    await nilai(org.pelaksana2.id, 'SESUAI_EKSPEKTASI', 2);
    const n = siasn.simpanan().length;
    const hasil = await Promise.all([h.app.siasn.jalankan(), h.app.siasn.jalankan()]);
    expect(hasil.map((r) => r.diproses).sort()).toEqual([0, 1]);
    expect(siasn.simpanan()).toHaveLength(n + 1);
    expect((await pesan()).filter((m) => m.status === 'TERKIRIM')).toHaveLength(5);
  });

  it('reads the national history and the unit reference with both tokens', async () => {
    const skp = await bkd.get(`/api/siasn/riwayat-skp22/${org.pelaksana.nip}`);
    expect(skp.statusCode, skp.body).toBe(200);
    expect(skp.json()).toEqual({ data: [{ tahun: 2025, nip: org.pelaksana.nip, kuadranKinerjaNilai: '2' }] });
    const periodik = await bkd.get(`/api/siasn/riwayat-kinerja-periodik/${org.pelaksana.nip}`);
    expect(periodik.statusCode).toBe(200);
    expect((await bkd.get('/api/siasn/ref-unor')).json()).toEqual({
      data: [{ id: 'U-1', namaUnor: 'Dinas Pendidikan' }],
    });
    expect(siasn.log.at(-1)!.headers).toMatchObject({
      authorization: expect.stringMatching(/^Bearer gw-/),
      auth: expect.stringMatching(/^bearer sso-/),
    });
    expect((await kasi.get('/api/siasn/ref-unor')).statusCode).toBe(403);
  });

  it('an annual evaluation made FINAL by the second signature goes to /skp22/save', async () => {
    h.clock.set(wita('2027-01-05'));
    const [penilai, pegawai] = [await h.login(org.pengawas.nip), await h.login(org.pelaksana.nip)];
    const saya = (await pegawai.get('/api/evaluasi/saya?tahun=2026')).json();
    const skpId = saya.items[0].skpId as number;
    const isi = await penilai.put(`/api/evaluasi/skp/${skpId}`, {
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
    });
    expect(isi.statusCode, isi.body).toBe(200);
    const v1 = isi.json().evaluasi.version as number;
    const sebelum = (await pesan()).length;
    const ttd = await penilai.post(`/api/evaluasi/skp/${skpId}/tanda-tangan`, { version: v1 });
    expect(ttd.statusCode, ttd.body).toBe(200);
    // Signed by the assessor only: not final, nothing queued.
    expect(await pesan()).toHaveLength(sebelum);
    const final = await pegawai.post(`/api/evaluasi/skp/${skpId}/tanda-tangan`, { version: v1 + 1 });
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json().evaluasi.status).toBe('FINAL');
    const evId = final.json().evaluasi.id as number;
    expect((await pesan()).at(-1)).toMatchObject({ status: 'MENUNGGU', kunci: `SKP22:${evId}:v${v1 + 2}` });

    expect(await h.app.siasn.jalankan()).toEqual({ diproses: 1, terkirim: 1, gagal: 0 });
    const simpan = siasn.simpanan().at(-1)!;
    expect(simpan.path).toBe('/api/skp22/save');
    expect(JSON.parse(simpan.body)).toEqual({
      hasilKinerjaNilai: '2',
      perilakuKerjaNilai: '1',
      kuadranKinerjaNilai: '2',
      penilaiNama: 'Kepala Seksi',
      penilaiNipNrp: org.pengawas.nip,
      penilaiGolongan: '31',
      penilaiJabatan: 'Kepala Seksi Kurikulum',
      penilaiUnorNama: 'Seksi Kurikulum',
      statusPenilai: 'ASN',
      pnsDinilaiOrang: `pns-${org.pelaksana.nip}`,
      tahun: 2026,
    });
  });

  it('an objection decided DIUBAH sends the new ratings again, as a new version under the national id', async () => {
    const [pegawai, pemutus, penilai] = [
      await h.login(org.pelaksana.nip),
      await h.login(org.administrator.nip),
      await h.login(org.pengawas.nip),
    ];
    const saya = (await pegawai.get('/api/evaluasi/saya?tahun=2026')).json();
    const skpId = saya.items[0].skpId as number;
    const ajukan = await pegawai.post(`/api/evaluasi/skp/${skpId}/keberatan`, {
      alasan: 'Perilaku kerja saya di atas ekspektasi sepanjang tahun.',
    });
    expect(ajukan.statusCode, ajukan.body).toBe(200);
    const k = ajukan.json().keberatan as { id: number };
    let version = 1;
    for (const pihak of ['PENILAI', 'PEGAWAI']) {
      const minta = await pemutus.post(`/api/keberatan/${k.id}/keterangan`, {
        pihak,
        permintaan: 'Mohon keterangan.',
        version: version++,
      });
      expect(minta.statusCode, minta.body).toBe(200);
    }
    const keterangan = (await pemutus.get(`/api/evaluasi/skp/${skpId}`)).json().keberatan.keterangan as {
      id: number;
      version: number;
    }[];
    for (const [c, ket] of [
      [penilai, keterangan[0]!],
      [pegawai, keterangan[1]!],
    ] as const) {
      const jawab = await c.post(`/api/keberatan/${k.id}/keterangan/${ket.id}/jawaban`, {
        jawaban: 'Terlampir.',
        version: ket.version,
      });
      expect(jawab.statusCode, jawab.body).toBe(200);
    }
    const pertama = siasn.simpanan().at(-1)!;
    const sebelum = (await pesan()).length;
    const putus = await pemutus.post(`/api/keberatan/${k.id}/putusan`, {
      keputusan: 'DIUBAH',
      ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
      ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
      pertimbangan: 'Bukti kinerja mendukung.',
      version,
    });
    expect(putus.statusCode, putus.body).toBe(200);
    const antre = await pesan();
    expect(antre).toHaveLength(sebelum + 1);
    const { evaluasi, keberatan } = putus.json() as {
      evaluasi: { id: number; version: number };
      keberatan: { version: number };
    };
    expect(antre.at(-1)).toMatchObject({
      status: 'MENUNGGU',
      kunci: `SKP22:${evaluasi.id}:v${evaluasi.version + keberatan.version}`,
    });

    expect(await h.app.siasn.jalankan()).toEqual({ diproses: 1, terkirim: 1, gagal: 0 });
    const kedua = siasn.simpanan().at(-1)!;
    expect(kedua.path).toBe('/api/skp22/save');
    expect(JSON.parse(kedua.body)).toEqual({
      ...JSON.parse(pertama.body),
      id: expect.any(String),
      hasilKinerjaNilai: '1',
      perilakuKerjaNilai: '1',
      kuadranKinerjaNilai: '1',
    });
  });

  it('an employee SIASN does not know fails in words, without a save', async () => {
    siasn.nipTidakDikenal.add(org.orangLain.nip);
    await antrekanTahunan(org.orangLain, org.jabatan.jStaf2);
    const n = siasn.simpanan().length;
    expect(await h.app.siasn.jalankan()).toEqual({ diproses: 1, terkirim: 0, gagal: 1 });
    expect((await pesan()).at(-1)).toMatchObject({
      status: 'GAGAL',
      alasan: `NIP ${org.orangLain.nip} tidak ditemukan di SIASN.`,
    });
    expect(siasn.simpanan()).toHaveLength(n);
  });
});
