import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { createAuditService } from '../audit/audit.service.js';
import { createOrgService } from '../org/org.service.js';
import { createPengaturanService } from '../pengaturan/pengaturan.service.js';
import { createJadwalService, type JadwalService } from './jadwal.service.js';

// 3 August 2026, 10:00 WITA: the input window of July (1–7 August) is open.
const TGL_3_AGUSTUS = '2026-08-03T02:00:00Z';
// 9 August 2026, 10:00 WITA: input has closed, assessment (8–15) is open.
const TGL_9_AGUSTUS = '2026-08-09T02:00:00Z';
const TOLAK_INPUT_JULI = 'Pengisian realisasi periode Juli 2026 dibuka 1–7 Agustus 2026 (WITA).';

let h: Harness;
/** Built as app.ts builds it: izinJendela has no route of its own (the realisasi module calls it). */
let jadwal: JadwalService;

beforeAll(async () => {
  h = await createHarness({ now: TGL_3_AGUSTUS });
  const audit = createAuditService({ db: h.db, clock: h.clock, penaut: h.app.penautAudit });
  jadwal = createJadwalService({
    db: h.db,
    clock: h.clock,
    audit,
    pengaturan: createPengaturanService({ db: h.db, audit }),
    zonaWaktu: createOrgService({ db: h.db, audit }).zonaWaktu,
  });
});
afterAll(() => h.close());
beforeEach(() => h.clock.set(TGL_3_AGUSTUS));

/** A fresh session at the current clock: sessions last 12 hours and the tests move the clock by days. */
const as = (org: Org, who: 'adminBkd' | 'adminOpd' | 'pelaksana' | 'pelaksana2' | 'orangLain') =>
  h.login(org[who].nip);

const bukaan = (over: Record<string, unknown>) => ({
  jenis: 'INPUT',
  periodeKode: '2026-07',
  alasan: 'Sakit selama jendela pengisian (surat dokter terlampir)',
  berakhir: '2026-08-12T23:59:59+08:00',
  ...over,
});

describe('GET /api/jadwal', () => {
  it('on 3 August (WITA) the input window of July is open, with its bounds and the next window', async () => {
    const org = await buildOrg(h.db);
    const res = await (await as(org, 'pelaksana')).get('/api/jadwal');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      sekarang: '2026-08-03T02:00:00.000Z',
      zonaWaktu: 'Asia/Makassar',
      zona: 'WITA',
      periode: 'BULANAN',
      jendelaHari: {
        input: { mulai: 1, akhir: 7 },
        penilaian: { mulai: 8, akhir: 15 },
        perbaikan: { mulai: 19, akhir: 25 },
      },
      periodeBerjalan: { kode: '2026-08', label: 'Agustus 2026', mulai: '2026-08', akhir: '2026-08' },
      jendelaAktif: {
        jenis: 'INPUT',
        label: 'Pengisian realisasi',
        periodeKode: '2026-07',
        mulai: '2026-07-31T16:00:00.000Z',
        akhir: '2026-08-07T15:59:59.999Z',
        tanggalMulai: '2026-08-01',
        tanggalAkhir: '2026-08-07',
        status: 'DIBUKA',
      },
      jendelaBerikutnya: {
        jenis: 'PENILAIAN',
        periodeKode: '2026-07',
        mulai: '2026-08-07T16:00:00.000Z',
        status: 'BELUM_DIBUKA',
      },
      bukaanSaya: [],
    });
    expect(
      body.jadwal.map(
        (p: { kode: string; jendela: { jenis: string; tanggalMulai: string; status: string }[] }) => [
          p.kode,
          p.jendela.map((j) => `${j.jenis} ${j.tanggalMulai} ${j.status}`),
        ],
      ),
    ).toEqual([
      [
        '2026-07',
        ['INPUT 2026-08-01 DIBUKA', 'PENILAIAN 2026-08-08 BELUM_DIBUKA', 'PERBAIKAN 2026-08-19 BELUM_DIBUKA'],
      ],
      [
        '2026-08',
        [
          'INPUT 2026-09-01 BELUM_DIBUKA',
          'PENILAIAN 2026-09-08 BELUM_DIBUKA',
          'PERBAIKAN 2026-09-19 BELUM_DIBUKA',
        ],
      ],
    ]);
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-07')).INPUT).toEqual({ ok: true });
    expect((await h.app.inject({ method: 'GET', url: '/api/jadwal' })).statusCode).toBe(401);
  });
});

describe('bukaan jendela for an employee', () => {
  it('on 9 August input is closed; the BKD opens it for one employee until 12 August, then it closes by itself', async () => {
    const org = await buildOrg(h.db);
    h.clock.set(TGL_9_AGUSTUS);
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-07')).INPUT).toEqual({
      ok: false,
      pesan: TOLAK_INPUT_JULI,
    });

    const admin = await as(org, 'adminBkd');
    const opened = await admin.post('/api/jadwal/bukaan', bukaan({ pegawaiId: org.pelaksana.id }));
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({
      jenis: 'INPUT',
      periodeKode: '2026-07',
      pegawai: { id: org.pelaksana.id, nip: org.pelaksana.nip, namaLengkap: 'Pelaksana Satu' },
      unor: null,
      berakhir: '2026-08-12T15:59:59.000Z',
      dibuatOleh: { id: org.adminBkd.id, namaLengkap: 'Admin BKD' },
      createdAt: '2026-08-09T02:00:00.000Z',
      dicabutAt: null,
      status: 'AKTIF',
    });

    // Only that employee, only that window of that period.
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-07')).INPUT).toEqual({ ok: true });
    expect((await jadwal.izinJendela(org.pelaksana2.id, '2026-07')).INPUT).toEqual({
      ok: false,
      pesan: TOLAK_INPUT_JULI,
    });
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-07')).PERBAIKAN).toMatchObject({ ok: false });
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-06')).INPUT).toMatchObject({ ok: false });

    const staf = await as(org, 'pelaksana');
    expect((await staf.get('/api/jadwal')).json()).toMatchObject({
      jendelaAktif: { jenis: 'PENILAIAN', periodeKode: '2026-07' },
      bukaanSaya: [{ jenis: 'INPUT', periodeKode: '2026-07', berakhir: '2026-08-12T15:59:59.000Z' }],
    });
    expect((await (await as(org, 'pelaksana2')).get('/api/jadwal')).json().bukaanSaya).toEqual([]);

    h.clock.set('2026-08-12T15:59:58Z');
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-07')).INPUT).toEqual({ ok: true });
    h.clock.set('2026-08-12T16:00:00Z');
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-07')).INPUT).toEqual({
      ok: false,
      pesan: TOLAK_INPUT_JULI,
    });
    expect((await (await as(org, 'pelaksana')).get('/api/jadwal')).json().bukaanSaya).toEqual([]);
    const later = await as(org, 'adminBkd');
    const list = (await later.get('/api/jadwal/bukaan?periode=2026-07')).json();
    expect(list.items.map((i: { id: number; status: string }) => [i.id, i.status])).toEqual([
      [opened.json().id, 'BERAKHIR'],
    ]);
    const revokeEnded = await later.post(`/api/jadwal/bukaan/${opened.json().id}/cabut`, {});
    expect(revokeEnded.statusCode).toBe(409);
    expect(revokeEnded.json().error).toMatchObject({
      code: 'BUKAAN_TIDAK_AKTIF',
      message: 'Bukaan jendela ini sudah dicabut atau sudah berakhir.',
    });

    const audit = (await later.get(`/api/audit?entity=bukaan_jendela&entityId=${opened.json().id}`)).json();
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'jadwal.buka',
        actorId: org.adminBkd.id,
        reason: 'Sakit selama jendela pengisian (surat dokter terlampir)',
        after: expect.objectContaining({ pegawaiId: org.pelaksana.id, berakhir: '2026-08-12T15:59:59.000Z' }),
      }),
    ]);
  });
});

describe('bukaan jendela for a unit', () => {
  it('covers the employees of its sub-units and no one else; revoking closes it at once (audited)', async () => {
    const org = await buildOrg(h.db);
    h.clock.set(TGL_9_AGUSTUS);
    const adminOpd = await as(org, 'adminOpd');
    // The bidang holds the seksi where the pelaksana and the fungsional work.
    const opened = await adminOpd.post(
      '/api/jadwal/bukaan',
      bukaan({
        unorId: org.unor.bidang.id,
        alasan: 'Gangguan jaringan di bidang',
        berakhir: '2026-08-10T12:00:00Z',
      }),
    );
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({
      pegawai: null,
      unor: { id: org.unor.bidang.id, nama: 'Bidang Pembinaan SMA' },
    });

    for (const who of [org.pelaksana, org.pelaksana2, org.fungsional, org.pengawas, org.administrator])
      expect((await jadwal.izinJendela(who.id, '2026-07')).INPUT).toEqual({ ok: true });
    // Above the unit (the head of the OPD) and in another OPD: still closed.
    for (const who of [org.kepala, org.orangLain])
      expect((await jadwal.izinJendela(who.id, '2026-07')).INPUT).toEqual({
        ok: false,
        pesan: TOLAK_INPUT_JULI,
      });

    const revoked = await adminOpd.post(`/api/jadwal/bukaan/${opened.json().id}/cabut`, {
      alasan: 'Jaringan sudah pulih',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'DICABUT', dicabutAt: '2026-08-09T02:00:00.000Z' });
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-07')).INPUT).toEqual({
      ok: false,
      pesan: TOLAK_INPUT_JULI,
    });
    expect((await adminOpd.post(`/api/jadwal/bukaan/${opened.json().id}/cabut`, {})).statusCode).toBe(409);

    const audit = (
      await (await as(org, 'adminBkd')).get(`/api/audit?entity=bukaan_jendela&entityId=${opened.json().id}`)
    ).json();
    expect(audit.items.map((a: { action: string; reason: string | null }) => [a.action, a.reason])).toEqual([
      ['jadwal.cabut', 'Jaringan sudah pulih'],
      ['jadwal.buka', 'Gangguan jaringan di bidang'],
    ]);
  });
});

describe('who may open and see exceptions', () => {
  it('an OPD admin acts only within their OPD; a pelaksana not at all', async () => {
    const org = await buildOrg(h.db);
    const adminOpd = await as(org, 'adminOpd');
    const admin = await as(org, 'adminBkd');
    const staf = await as(org, 'pelaksana');

    for (const target of [
      { pegawaiId: org.orangLain.id },
      { unorId: org.unor.opd2.id },
      { unorId: org.unor.root.id },
    ]) {
      const res = await adminOpd.post('/api/jadwal/bukaan', bukaan(target));
      expect(res.statusCode, JSON.stringify(target)).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await staf.post('/api/jadwal/bukaan', bukaan({ pegawaiId: org.pelaksana.id }))).statusCode).toBe(
      403,
    );
    expect((await staf.get('/api/jadwal/bukaan')).statusCode).toBe(403);
    expect((await admin.post('/api/jadwal/bukaan', bukaan({ pegawaiId: 999_999 }))).statusCode).toBe(404);

    const own = (await adminOpd.post('/api/jadwal/bukaan', bukaan({ pegawaiId: org.pelaksana2.id }))).json();
    const other = (await admin.post('/api/jadwal/bukaan', bukaan({ pegawaiId: org.orangLain.id }))).json();
    const ids = (page: { items: { id: number }[] }) => page.items.map((i) => i.id);
    expect(ids((await adminOpd.get('/api/jadwal/bukaan')).json())).toEqual([own.id]);
    expect(ids((await admin.get('/api/jadwal/bukaan')).json())).toEqual([other.id, own.id]);
    expect(ids((await admin.get('/api/jadwal/bukaan?limit=1')).json())).toEqual([other.id]);
    expect((await admin.get('/api/jadwal/bukaan?periode=2026-06')).json().items).toEqual([]);
    expect((await adminOpd.post(`/api/jadwal/bukaan/${other.id}/cabut`, {})).statusCode).toBe(403);
    expect((await staf.post(`/api/jadwal/bukaan/${own.id}/cabut`, {})).statusCode).toBe(403);
    expect(
      (await admin.get('/api/jadwal/bukaan')).json().items.map((i: { status: string }) => i.status),
    ).toEqual(['AKTIF', 'AKTIF']);
  });

  it('refuses bad input with an Indonesian message and writes nothing', async () => {
    const org = await buildOrg(h.db);
    const admin = await as(org, 'adminBkd');
    const pegawaiId = org.pelaksana.id;
    const cases: [Record<string, unknown>, string][] = [
      [
        bukaan({ pegawaiId, berakhir: '2026-08-02T23:00:00+08:00' }),
        'Waktu berakhir bukaan harus setelah saat ini.',
      ],
      [
        bukaan({ pegawaiId, berakhir: '2026-09-10T00:00:00+08:00' }),
        'Bukaan jendela paling lama 31 hari sejak dibuka.',
      ],
      [bukaan({}), 'Pilih tepat satu sasaran bukaan: pegawai (pegawaiId) atau unit (unorId).'],
      [
        bukaan({ pegawaiId, unorId: org.unor.seksi.id }),
        'Pilih tepat satu sasaran bukaan: pegawai (pegawaiId) atau unit (unorId).',
      ],
      [bukaan({ pegawaiId, jenis: 'LAINNYA' }), 'Jenis jendela harus INPUT, PENILAIAN atau PERBAIKAN.'],
      [bukaan({ pegawaiId, alasan: ' x ' }), 'Alasan wajib diisi (minimal 3 karakter).'],
      [bukaan({ pegawaiId, berakhir: '12 Agustus' }), 'Waktu berakhir harus berformat ISO 8601'],
      [bukaan({ pegawaiId, periodeKode: 'Juli' }), 'Periode harus berformat TTTT-BB'],
      [
        bukaan({ pegawaiId, periodeKode: '2026-Q3' }),
        "Periode '2026-Q3' tidak sesuai dengan periode penilaian instansi (bulanan).",
      ],
    ];
    for (const [body, message] of cases) {
      const res = await admin.post('/api/jadwal/bukaan', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.body).toContain(message);
    }
    expect((await admin.get('/api/jadwal/bukaan')).json().items).toEqual([]);
    expect((await admin.get('/api/audit?entity=bukaan_jendela')).json().items).toEqual([]);
  });
});

describe('the schedule is per instansi (pengaturan)', () => {
  it('the BKD switches to quarterly: the schedule reports the quarter and exceptions name it', async () => {
    const org = await buildOrg(h.db);
    const admin = await as(org, 'adminBkd');
    const setting = (await admin.get('/api/pengaturan')).json();
    expect(setting).toEqual({
      batasSkp: '01-31',
      cakupanMemblokir: false,
      periode: 'BULANAN',
      jendela: {
        input: { mulai: 1, akhir: 7 },
        penilaian: { mulai: 8, akhir: 15 },
        perbaikan: { mulai: 19, akhir: 25 },
      },
      kurva: null,
      pemetaanPredikatOrganisasi: null,
      tempatTandaTangan: null,
      keberatanHari: 14,
      keteranganKeberatanHari: 7,
      batasEvaluasiTahunan: '03-31',
      // The test instansi, like the demo, lets everyone log in with the password alone.
      kebijakanMfa: { admin: 'OPSIONAL', penilai: 'OPSIONAL', lainnya: 'OPSIONAL' },
      // Progres harian (SPEC §12): 7.5 h a day, no holidays or weekends.
      progresHarian: { batasMenitHarian: 450, bolehHariLibur: false },
      // Compliance per day of progres harian (SPEC §12): off until the BKD switches it on.
      kepatuhanHarian: { aktif: false, batasJam: '23:59', hariKerjaKe: 1 },
      version: 1,
    });
    expect(
      (await (await as(org, 'adminOpd')).put('/api/pengaturan', { ...setting, periode: 'TRIWULANAN' }))
        .statusCode,
    ).toBe(403);
    const salah = await admin.put('/api/pengaturan', { ...setting, keberatanHari: 0 });
    expect(salah.statusCode).toBe(400);
    expect(salah.json().error.message).toContain('paling sedikit 1 hari');
    const saved = await admin.put('/api/pengaturan', {
      ...setting,
      periode: 'TRIWULANAN',
      keberatanHari: 21,
      keteranganKeberatanHari: 10,
      batasEvaluasiTahunan: '01-15',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      periode: 'TRIWULANAN',
      keberatanHari: 21,
      keteranganKeberatanHari: 10,
      batasEvaluasiTahunan: '01-15',
      version: 2,
    });

    const staf = await as(org, 'pelaksana');
    const body = (await staf.get('/api/jadwal')).json();
    expect(body).toMatchObject({
      periode: 'TRIWULANAN',
      periodeBerjalan: { kode: '2026-Q3', label: 'Triwulan III 2026', mulai: '2026-07', akhir: '2026-09' },
      jendelaAktif: null,
      jendelaBerikutnya: {
        jenis: 'INPUT',
        periodeKode: '2026-Q3',
        mulai: '2026-09-30T16:00:00.000Z',
        tanggalMulai: '2026-10-01',
        tanggalAkhir: '2026-10-07',
      },
    });
    expect(
      body.jadwal.map((p: { kode: string; jendela: { status: string }[] }) => [
        p.kode,
        p.jendela.map((j) => j.status),
      ]),
    ).toEqual([
      ['2026-Q2', ['DITUTUP', 'DITUTUP', 'DITUTUP']],
      ['2026-Q3', ['BELUM_DIBUKA', 'BELUM_DIBUKA', 'BELUM_DIBUKA']],
    ]);
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-07')).INPUT).toEqual({
      ok: false,
      pesan: 'Pengisian realisasi periode Triwulan III 2026 dibuka 1–7 Oktober 2026 (WITA).',
    });
    expect((await jadwal.config(org.instansiId)).periode).toBe('TRIWULANAN');

    // A month names the quarter holding it.
    const opened = await admin.post('/api/jadwal/bukaan', bukaan({ pegawaiId: org.pelaksana.id }));
    expect(opened.json()).toMatchObject({ periodeKode: '2026-Q3' });
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-Q3')).INPUT).toEqual({ ok: true });
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-08')).INPUT).toEqual({ ok: true });
    expect(
      (
        await admin.post(
          '/api/jadwal/bukaan',
          bukaan({ pegawaiId: org.pelaksana.id, periodeKode: '2026-S2' }),
        )
      ).json().error.message,
    ).toBe("Periode '2026-S2' tidak sesuai dengan periode penilaian instansi (triwulanan).");

    // An older client sending only the first two settings keeps the schedule.
    const kept = await admin.put('/api/pengaturan', {
      batasSkp: '02-28',
      cakupanMemblokir: false,
      version: 2,
    });
    expect(kept.json()).toMatchObject({
      batasSkp: '02-28',
      periode: 'TRIWULANAN',
      jendela: setting.jendela,
      version: 3,
    });

    const audit = (await admin.get('/api/audit?entity=pengaturan')).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual([
      'pengaturan.ubah',
      'pengaturan.ubah',
    ]);
    expect(audit.items[1].after).toMatchObject({ periode: 'TRIWULANAN' });
  });

  it('the window days follow the settings, which are checked for range and order', async () => {
    const org = await buildOrg(h.db);
    h.clock.set(TGL_9_AGUSTUS);
    const admin = await as(org, 'adminBkd');
    const setting = (await admin.get('/api/pengaturan')).json();
    const jendela = (input: [number, number], penilaian: [number, number], perbaikan: [number, number]) => ({
      input: { mulai: input[0], akhir: input[1] },
      penilaian: { mulai: penilaian[0], akhir: penilaian[1] },
      perbaikan: { mulai: perbaikan[0], akhir: perbaikan[1] },
    });
    const refused: [ReturnType<typeof jendela>, string][] = [
      [
        jendela([1, 8], [8, 15], [19, 25]),
        'Jendela penilaian harus dimulai setelah jendela pengisian realisasi berakhir.',
      ],
      [
        jendela([1, 7], [8, 20], [19, 25]),
        'Jendela perbaikan harus dimulai setelah jendela penilaian berakhir.',
      ],
      [jendela([5, 3], [8, 15], [19, 25]), 'Hari mulai tidak boleh setelah hari akhir.'],
      [jendela([1, 7], [8, 15], [19, 32]), 'Hari paling akhir tanggal 31.'],
      [jendela([0, 7], [8, 15], [19, 25]), 'Hari paling awal tanggal 1.'],
    ];
    for (const [bad, message] of refused) {
      const res = await admin.put('/api/pengaturan', { ...setting, jendela: bad });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { message: string }) => d.message)).toContain(message);
    }
    expect((await admin.get('/api/pengaturan')).json().version).toBe(1);

    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-07')).INPUT).toMatchObject({ ok: false });
    const saved = await admin.put('/api/pengaturan', {
      ...setting,
      jendela: jendela([1, 10], [11, 17], [20, 31]),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await jadwal.izinJendela(org.pelaksana.id, '2026-07')).INPUT).toEqual({ ok: true });
    expect((await (await as(org, 'pelaksana')).get('/api/jadwal')).json()).toMatchObject({
      jendelaHari: { input: { mulai: 1, akhir: 10 } },
      jendelaAktif: { jenis: 'INPUT', tanggalAkhir: '2026-08-10' },
    });
  });
});
