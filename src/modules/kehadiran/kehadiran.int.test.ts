import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';
import { createAuditService } from '../audit/audit.service.js';
import { createKehadiranService } from './kehadiran.service.js';

let h: Harness;
let org: Org;

// 10:00 on Tuesday 3 March 2026 in Asia/Makassar.
beforeAll(async () => {
  h = await createHarness({ now: '2026-03-03T02:00:00Z' });
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

async function upload(nip: string, mode: string, content: Buffer | string, filename = 'kehadiran.csv') {
  const c = await h.login(nip);
  const { payload, headers } = multipart(filename, Buffer.from(content));
  return h.app.inject({
    method: 'POST',
    url: `/api/kehadiran/impor?mode=${mode}`,
    payload,
    headers: { ...headers, cookie: c.cookie, 'x-csrf-token': c.csrfToken },
  });
}

async function stored() {
  return rows<{
    pegawai_id: number;
    tanggal: string;
    jam_masuk: string | null;
    status: string;
    sumber: string;
  }>(
    h.db,
    sql`SELECT pegawai_id, tanggal::text AS tanggal, jam_masuk::text AS jam_masuk, status, sumber
          FROM kehadiran WHERE instansi_id = ${org.instansiId} ORDER BY pegawai_id, tanggal`,
  );
}

async function auditOf(action: string) {
  return rows<{ after: Record<string, unknown> | null; before: unknown }>(
    h.db,
    sql`SELECT after, before FROM audit_log WHERE action = ${action} AND instansi_id = ${org.instansiId} ORDER BY id`,
  );
}

describe('attendance import', () => {
  const bad = () =>
    [
      'NIP;Tanggal;Jam Masuk;Jam Pulang;Status',
      `${org.pelaksana.nip};2026-03-02;07:25;16:05;Hadir`,
      '199001012020011999;2026-03-02;07:30;16:00;H',
      `${org.pelaksana2.nip};31/02/2026;07:30;16:00;H`,
      `${org.pelaksana2.nip};2026-03-04;07:30;16:00;H`,
      `${org.fungsional.nip};2026-03-02;16:00;07:30;H`,
      `${org.fungsional.nip};2026-03-03;;;Libur`,
      `${org.pelaksana.nip};02/03/2026;07:40;16:00;H`,
    ].join('\n');

  it('dry run lists every bad row with its reasons and stores nothing', async () => {
    const res = await upload(org.adminBkd.nip, 'dry-run', bad());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'dry-run', jumlahBaris: 7, barisValid: 1, disimpan: null });
    expect(res.json().kesalahan).toEqual([
      { baris: 3, nip: '199001012020011999', alasan: ['NIP 199001012020011999 tidak terdaftar.'] },
      {
        baris: 4,
        nip: org.pelaksana2.nip,
        alasan: ["Tanggal '31/02/2026' tidak valid; gunakan TTTT-BB-HH atau HH/BB/TTTT."],
      },
      { baris: 5, nip: org.pelaksana2.nip, alasan: ['Tanggal 2026-03-04 belum terjadi.'] },
      { baris: 6, nip: org.fungsional.nip, alasan: ['Jam pulang 07:30 lebih awal dari jam masuk 16:00.'] },
      {
        baris: 7,
        nip: org.fungsional.nip,
        alasan: [expect.stringContaining("Status 'Libur' tidak dikenal")],
      },
      { baris: 8, nip: org.pelaksana.nip, alasan: ['NIP dan tanggal ganda: sudah ada di baris 2.'] },
    ]);
    expect(await stored()).toEqual([]);
    // A refused commit stores nothing either and carries the same report.
    const commit = await upload(org.adminBkd.nip, 'commit', bad());
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error).toMatchObject({ code: 'IMPORT_INVALID', details: { barisValid: 1 } });
    expect(await stored()).toEqual([]);
  });

  it('commit stores every row, a second commit of the same days replaces them; one audit row each', async () => {
    const first = [
      'NIP,Tanggal,Check In,Check Out,Keterangan',
      `${org.pelaksana.nip},2026-03-02,07:25,16:05,Hadir`,
      `${org.pelaksana2.nip},2026-03-02,,,DL`,
      `${org.fungsional.nip},2026-03-02,08:10:30,,`,
    ].join('\n');
    const res = await upload(org.adminBkd.nip, 'commit', first);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      mode: 'commit',
      jumlahBaris: 3,
      barisValid: 3,
      kesalahan: [],
      disimpan: { baru: 3, diganti: 0 },
      perStatus: { HADIR: 2, DINAS_LUAR: 1, CUTI: 0 },
    });
    expect(await stored()).toEqual([
      {
        pegawai_id: org.pelaksana.id,
        tanggal: '2026-03-02',
        jam_masuk: '07:25:00',
        status: 'HADIR',
        sumber: 'IMPOR',
      },
      {
        pegawai_id: org.pelaksana2.id,
        tanggal: '2026-03-02',
        jam_masuk: null,
        status: 'DINAS_LUAR',
        sumber: 'IMPOR',
      },
      {
        pegawai_id: org.fungsional.id,
        tanggal: '2026-03-02',
        jam_masuk: '08:10:30',
        status: 'HADIR',
        sumber: 'IMPOR',
      },
    ]);

    const second = [
      'NIP,Tanggal,Jam Masuk,Jam Pulang,Status',
      `${org.pelaksana.nip},2026-03-02,,,S`,
      `${org.pelaksana.nip},2026-03-03,07:29,,H`,
    ].join('\n');
    const again = await upload(org.adminBkd.nip, 'commit', second);
    expect(again.json()).toMatchObject({ disimpan: { baru: 1, diganti: 1 } });
    const now = await stored();
    expect(now).toHaveLength(4);
    expect(now.find((r) => r.pegawai_id === org.pelaksana.id && r.tanggal === '2026-03-02')?.status).toBe(
      'SAKIT',
    );
    const audit = await auditOf('kehadiran.impor');
    expect(audit.map((a) => a.after)).toEqual([
      expect.objectContaining({ sumber: 'IMPOR', jumlahBaris: 3, baru: 3, diganti: 0, dari: '2026-03-02' }),
      expect.objectContaining({ jumlahBaris: 2, baru: 1, diganti: 1, sampai: '2026-03-03' }),
    ]);
  });

  it('reads XLSX exports, date and time cells included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Presensi');
    ws.addRow(['NIP', 'Tanggal', 'Masuk', 'Pulang', 'Status']);
    ws.addRow([
      org.fungsional.nip,
      new Date(Date.UTC(2026, 2, 3)),
      new Date(Date.UTC(1899, 11, 30, 7, 45)),
      null,
      'H',
    ]);
    ws.addRow([org.pengawas.nip, '03/03/2026', '', '', 'Cuti']);
    const res = await upload(org.adminBkd.nip, 'dry-run', Buffer.from(await wb.xlsx.writeBuffer()), 'k.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      jumlahBaris: 2,
      barisValid: 2,
      kesalahan: [],
      perStatus: { HADIR: 1, CUTI: 1 },
    });
  });

  it('a file without the required columns is a 400', async () => {
    const res = await upload(org.adminBkd.nip, 'dry-run', 'Nama,Tanggal,Status\nA,2026-03-02,H');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Kolom wajib tidak ditemukan: NIP.');
  });

  it('an OPD admin imports for his OPD only; a plain employee is refused', async () => {
    const file = [
      'NIP,Tanggal,Jam Masuk,Jam Pulang,Status',
      `${org.pelaksana2.nip},2026-03-03,07:30,,H`,
      `${org.orangLain.nip},2026-03-03,07:30,,H`,
    ].join('\n');
    const res = await upload(org.adminOpd.nip, 'dry-run', file);
    expect(res.statusCode).toBe(200);
    expect(res.json().kesalahan).toEqual([
      { baris: 3, nip: org.orangLain.nip, alasan: ['Pegawai ini bukan pegawai OPD yang Anda kelola.'] },
    ]);
    expect((await upload(org.pelaksana.nip, 'dry-run', file)).statusCode).toBe(403);
    const c = await h.login(org.pelaksana.nip);
    expect((await c.get('/api/kehadiran/templat')).statusCode).toBe(403);
  });

  it('the template downloads as XLSX and reads back (its example NIP is unknown)', async () => {
    const c = await h.login(org.adminOpd.nip);
    const res = await c.get('/api/kehadiran/templat');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const back = await upload(org.adminBkd.nip, 'dry-run', res.rawPayload, 'templat.xlsx');
    expect(back.json()).toMatchObject({ jumlahBaris: 2, barisValid: 0 });
    expect(back.json().kesalahan[0].alasan).toEqual(['NIP 198503152010011001 tidak terdaftar.']);
  });
});

describe('simpanBaris (the integration path)', () => {
  it('numbers rows from 1, narrows to the given OPDs and stores the source', async () => {
    const svc = createKehadiranService({
      db: h.db,
      clock: h.clock,
      audit: createAuditService({ db: h.db, clock: h.clock, penaut: h.app.penautAudit }),
      zonaWaktu: async () => 'Asia/Makassar',
      pekerjaan: h.app.pekerjaan,
    });
    const baris = [
      { nip: org.kepala2.nip, tanggal: '2026-02-27', jamMasuk: '07:31', jamPulang: '16:30', status: 'Hadir' },
      { nip: org.kepala.nip, tanggal: '2026-02-27', status: 'Cuti', keterangan: 'Cuti tahunan' },
    ];
    const hanyaOpd = await svc.simpanBaris({
      instansiId: org.instansiId,
      opdIds: [org.unor.opd.id],
      baris,
      mode: 'dry-run',
      actorId: null,
      sumber: 'Token SIMPEG',
    });
    expect(hanyaOpd.kesalahan).toEqual([
      { baris: 1, nip: org.kepala2.nip, alasan: ['Pegawai ini bukan pegawai OPD yang Anda kelola.'] },
    ]);
    const hasil = await svc.simpanBaris({
      instansiId: org.instansiId,
      opdIds: null,
      baris,
      mode: 'commit',
      actorId: null,
      sumber: 'Token SIMPEG',
      requestId: 'req-api-1',
    });
    expect(hasil).toMatchObject({ barisValid: 2, disimpan: { baru: 2, diganti: 0 } });
    const [row] = await rows<{ sumber: string; keterangan: string }>(
      h.db,
      sql`SELECT sumber, keterangan FROM kehadiran WHERE pegawai_id = ${org.kepala.id} AND tanggal = '2026-02-27'`,
    );
    expect(row).toEqual({ sumber: 'Token SIMPEG', keterangan: 'Cuti tahunan' });
  });
});

describe('holiday calendar', () => {
  it('the BKD adds and deletes holidays, audited; duplicates 409, others 403', async () => {
    const bkd = await h.login(org.adminBkd.nip);
    const add = await bkd.post('/api/kehadiran/libur', {
      tanggal: '2026-03-20',
      keterangan: 'Hari Raya Idul Fitri',
    });
    expect(add.statusCode).toBe(200);
    const { id } = add.json();
    expect(
      (await bkd.post('/api/kehadiran/libur', { tanggal: '2026-03-20', keterangan: 'Idul Fitri lagi' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await bkd.post('/api/kehadiran/libur', { tanggal: '20-03-2026', keterangan: 'Salah' })).statusCode,
    ).toBe(400);
    const opd = await h.login(org.adminOpd.nip);
    expect(
      (await opd.post('/api/kehadiran/libur', { tanggal: '2026-03-21', keterangan: 'Coba' })).statusCode,
    ).toBe(403);
    await bkd.post('/api/kehadiran/libur', { tanggal: '2026-03-19', keterangan: 'Cuti bersama Idul Fitri' });
    await bkd.post('/api/kehadiran/libur', { tanggal: '2025-12-25', keterangan: 'Hari Raya Natal' });

    const pegawai = await h.login(org.pelaksana.nip);
    const list = await pegawai.get('/api/kehadiran/libur?tahun=2026');
    expect(list.json()).toMatchObject({
      tahun: 2026,
      items: [
        { tanggal: '2026-03-19', keterangan: 'Cuti bersama Idul Fitri' },
        { tanggal: '2026-03-20', keterangan: 'Hari Raya Idul Fitri' },
      ],
    });
    const sementara = (
      await bkd.post('/api/kehadiran/libur', { tanggal: '2026-03-23', keterangan: 'Salah input' })
    ).json();
    expect((await opd.request('DELETE', `/api/kehadiran/libur/${sementara.id}`)).statusCode).toBe(403);
    expect((await bkd.request('DELETE', `/api/kehadiran/libur/${sementara.id}`)).statusCode).toBe(200);
    expect((await bkd.request('DELETE', `/api/kehadiran/libur/${sementara.id}`)).statusCode).toBe(404);
    expect(id).toBeTypeOf('number');
    expect((await auditOf('kehadiran.libur.tambah')).length).toBe(4);
    expect((await auditOf('kehadiran.libur.hapus')).map((a) => a.before)).toEqual([
      { id: sementara.id, tanggal: '2026-03-23', keterangan: 'Salah input' },
    ]);
  });
});

describe('working hours', () => {
  it('default until saved; 400 on bad hours, 409 on a stale version, audited', async () => {
    const bkd = await h.login(org.adminBkd.nip);
    const awal = (await bkd.get('/api/kehadiran/jam-kerja')).json();
    expect(awal).toMatchObject({ bawaan: true, jamKerja: { '5': { masuk: '07:30', pulang: '16:30' } } });
    expect(awal.jamKerja['6']).toBeUndefined();

    const put = (body: unknown) => bkd.put('/api/kehadiran/jam-kerja', body);
    const mundur = await put({
      jamKerja: { '1': { masuk: '16:00', pulang: '07:30' } },
      version: awal.version,
    });
    expect(mundur.statusCode).toBe(400);
    expect(JSON.stringify(mundur.json())).toContain('Senin: jam pulang harus setelah jam masuk.');
    expect((await put({ jamKerja: {}, version: awal.version })).statusCode).toBe(400);
    expect(
      (await put({ jamKerja: { '1': { masuk: '7.30', pulang: '16:00' } }, version: awal.version }))
        .statusCode,
    ).toBe(400);

    const enamHari = { ...awal.jamKerja, '6': { masuk: '08:00', pulang: '12:00' } };
    const ok = await put({ jamKerja: enamHari, version: awal.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      bawaan: false,
      version: awal.version + 1,
      jamKerja: { '6': { masuk: '08:00' } },
    });
    expect((await put({ jamKerja: awal.jamKerja, version: awal.version })).statusCode).toBe(409);
    const opd = await h.login(org.adminOpd.nip);
    expect(
      (await opd.put('/api/kehadiran/jam-kerja', { jamKerja: awal.jamKerja, version: 2 })).statusCode,
    ).toBe(403);
    expect((await auditOf('kehadiran.jam-kerja.ubah')).map((a) => a.after)).toEqual([enamHari]);
    // Back to five days for the month view below.
    expect((await put({ jamKerja: awal.jamKerja, version: awal.version + 1 })).statusCode).toBe(200);
  });
});

describe("an employee's month", () => {
  it('working days less holidays, the records with minutes late and early; 403 for a stranger', async () => {
    const self = await h.login(org.fungsional.nip);
    const res = await self.get(`/api/kehadiran/pegawai/${org.fungsional.id}?bulan=2026-03`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // 22 weekdays in March 2026 less the two holidays added above.
    expect(body.ringkasan).toMatchObject({ hariKerja: 20, terlambat: 1, pulangCepat: 0 });
    // 2 March has a record, today (3 March) not yet.
    expect(body.ringkasan.tanpaCatatan).toBe(1);
    expect(body.hari.find((d: { tanggal: string }) => d.tanggal === '2026-03-02')).toMatchObject({
      status: 'HADIR',
      jamMasuk: '08:10',
      jamPulang: null,
      menitTerlambat: 40,
      menitPulangCepat: null,
      jadwal: { masuk: '07:30', pulang: '16:00' },
    });
    expect(body.hari.some((d: { tanggal: string }) => d.tanggal === '2026-03-20')).toBe(false);

    for (const nip of [org.pengawas.nip, org.adminOpd.nip, org.adminBkd.nip]) {
      const c = await h.login(nip);
      expect((await c.get(`/api/kehadiran/pegawai/${org.fungsional.id}?bulan=2026-03`)).statusCode).toBe(200);
    }
    const stranger = await h.login(org.orangLain.nip);
    expect((await stranger.get(`/api/kehadiran/pegawai/${org.fungsional.id}?bulan=2026-03`)).statusCode).toBe(
      403,
    );
    expect((await self.get(`/api/kehadiran/pegawai/${org.fungsional.id}?bulan=2026-13`)).statusCode).toBe(
      400,
    );
  });
});

describe('the optional ceremony column (apel/upacara, a TPP deduction)', () => {
  const apelOf = () =>
    rows<{ tanggal: string; status: string; apel: string | null }>(
      h.db,
      sql`SELECT tanggal::text AS tanggal, status, apel FROM kehadiran
           WHERE pegawai_id = ${org.pelaksana2.id} AND tanggal BETWEEN '2026-02-23' AND '2026-02-26' ORDER BY tanggal`,
    );

  it('is read under its usual headers, an unknown word is a row error, and the day stores it', async () => {
    const salah = await upload(
      org.adminBkd.nip,
      'dry-run',
      `NIP;Tanggal;Status;Upacara\n${org.pelaksana2.nip};2026-02-23;H;Mungkin`,
    );
    expect(salah.json().kesalahan).toEqual([
      {
        baris: 2,
        nip: org.pelaksana2.nip,
        alasan: [
          "Apel 'Mungkin' tidak dikenal; gunakan Hadir (H) atau Tidak Hadir (TH), atau kosongkan bila tidak ada apel/upacara.",
        ],
      },
    ]);

    const file = [
      'NIP,Tanggal,Jam Masuk,Jam Pulang,Status,Apel',
      `${org.pelaksana2.nip},2026-02-23,07:20,16:05,H,Tidak Hadir`,
      `${org.pelaksana2.nip},2026-02-24,07:20,16:05,H,Hadir`,
      `${org.pelaksana2.nip},2026-02-25,,,DL,TH`,
      `${org.pelaksana2.nip},2026-02-26,07:20,16:05,H,`,
    ].join('\n');
    expect((await upload(org.adminBkd.nip, 'commit', file)).statusCode).toBe(200);
    expect(await apelOf()).toEqual([
      { tanggal: '2026-02-23', status: 'HADIR', apel: 'TIDAK_HADIR' },
      { tanggal: '2026-02-24', status: 'HADIR', apel: 'HADIR' },
      { tanggal: '2026-02-25', status: 'DINAS_LUAR', apel: 'TIDAK_HADIR' },
      { tanggal: '2026-02-26', status: 'HADIR', apel: null },
    ]);
  });

  it("the employee's month shows each day's ceremony and counts the missed ones on days present", async () => {
    const self = await h.login(org.pelaksana2.nip);
    const body = (await self.get(`/api/kehadiran/pegawai/${org.pelaksana2.id}?bulan=2026-02`)).json();
    expect(body.ringkasan.apelTerlewat).toBe(1); // the day on official travel does not count
    expect(
      body.hari
        .filter((d: { tanggal: string }) => d.tanggal >= '2026-02-23' && d.tanggal <= '2026-02-26')
        .map((d: { apel: string | null }) => d.apel),
    ).toEqual(['TIDAK_HADIR', 'HADIR', 'TIDAK_HADIR', null]);
  });

  it('an old file without the column stays valid; re-importing a day replaces its ceremony too', async () => {
    const lama = `NIP,Tanggal,Jam Masuk,Jam Pulang,Status\n${org.pelaksana2.nip},2026-02-23,07:20,16:05,H`;
    expect((await upload(org.adminBkd.nip, 'commit', lama)).json()).toMatchObject({
      disimpan: { baru: 0, diganti: 1 },
    });
    expect((await apelOf())[0]).toEqual({ tanggal: '2026-02-23', status: 'HADIR', apel: null });
  });
});

describe('attendance import as a job (ADR 0011)', () => {
  it('answers 202, stores the rows as the direct commit does, its report the direct report', async () => {
    const c = await h.login(org.adminBkd.nip);
    const csv = [
      'NIP;Tanggal;Jam Masuk;Jam Pulang;Status',
      `${org.kepala.nip};2026-02-26;07:20;16:00;Hadir`,
      `${org.kepala2.nip};2026-02-26;;;Cuti`,
    ].join('\n');
    const { payload, headers } = multipart('latar.csv', Buffer.from(csv));
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/kehadiran/impor/latar',
      payload,
      headers: { ...headers, cookie: c.cookie, 'x-csrf-token': c.csrfToken },
    });
    expect(res.statusCode, res.body).toBe(202);
    await h.app.pekerjaan.tunggu();
    const job = (await c.get(`/api/pekerjaan/${res.json().id}`)).json();
    expect(job).toMatchObject({ jenis: 'IMPOR', status: 'SELESAI', total: 2, selesai: 2 });
    expect(job.tautan).toBe(`/kehadiran?pekerjaan=${job.id}`);
    const laporan = (await c.get(`/api/pekerjaan/${job.id}/hasil`)).json();
    expect(laporan).toMatchObject({ mode: 'commit', jumlahBaris: 2, barisValid: 2, kesalahan: [] });
    expect(laporan.disimpan.baru + laporan.disimpan.diganti).toBe(2);
    const hari = (await stored()).filter(
      (r) => r.tanggal === '2026-02-26' && [org.kepala.id, org.kepala2.id].includes(r.pegawai_id),
    );
    expect(hari.map((r) => r.status).sort()).toEqual(['CUTI', 'HADIR']);
  });

  it('refuses a staff member before any job', async () => {
    const [{ n: sebelum }] = (await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM pekerjaan`,
    )) as [{ n: number }];
    const c = await h.login(org.pelaksana.nip);
    const { payload, headers } = multipart('a.csv', Buffer.from('NIP;Tanggal;Status\n'));
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/kehadiran/impor/latar',
      payload,
      headers: { ...headers, cookie: c.cookie, 'x-csrf-token': c.csrfToken },
    });
    expect(res.statusCode).toBe(403);
    const [{ n }] = (await rows<{ n: number }>(h.db, sql`SELECT count(*)::int AS n FROM pekerjaan`)) as [
      { n: number },
    ];
    expect(n).toBe(sebelum);
  });
});
