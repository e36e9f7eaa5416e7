import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { pdfText } from '../../../test/pdf-text.js';
import { submitAndApprove as approve, type Client, iki, plan } from '../../../test/skp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;

let skpKabid: { id: number; version: number };

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
  const gub = await h.login(org.gubernur.nip);
  const kadis = await h.login(org.kepala.nip);
  const kabid = await h.login(org.administrator.nip);
  const skpKadis = await approve(
    kadis,
    gub,
    await plan(kadis, [
      {
        jenis: 'UTAMA',
        rencana: 'Meningkatnya mutu pendidikan menengah',
        iki: [iki(null, 'Jumlah SMA terakreditasi A', 40, 'sekolah', 'PENERIMA_LAYANAN')],
      },
    ]),
  );
  skpKabid = await approve(
    kabid,
    kadis,
    await plan(kabid, [
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya kurikulum SMA',
        iki: [
          iki('KUANTITAS', 'Jumlah dokumen kurikulum', 1250, 'dokumen'),
          iki('KUALITAS', 'Persentase sesuai standar', 100, '%'),
        ],
        intervensi: [skpKadis.rhk[0].id],
      },
    ]),
  );
});
afterAll(() => h.close());

describe('dokumen SKP (PDF)', () => {
  it('the owner downloads the approved plan as an A4 PDF with its content; a stranger may not', async () => {
    const kabid = await h.login(org.administrator.nip);
    const res = await kabid.get(`/api/skp/${skpKabid.id}/dokumen.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="SKP-${org.administrator.nip}-2026-v1.pdf"`,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Table cells wrap: compare with the line breaks folded into spaces.
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('SASARAN KINERJA PEGAWAI');
    expect(text).toContain('PEMERINTAH PROVINSI UJI');
    expect(text).toContain('LAMPIRAN SASARAN KINERJA PEGAWAI');
    expect(text).toContain('Tersusunnya kurikulum SMA');
    expect(text).toContain('Kepala Bidang');
    expect(text.replace(/\s/g, '')).toContain(`NIP.${org.administrator.nip}`);
    // The intervened RHK of the superior is printed by its text, the target the Indonesian way.
    expect(text).toContain('Meningkatnya mutu pendidikan menengah');
    expect(text).toContain('1.250 dokumen');
    expect(text).toContain('Rencana Hasil Kerja Pimpinan yang Diintervensi');
    expect(text).toContain('01 JANUARI 2026 S.D. 31 DESEMBER 2026');
    // The place of signing beside the date: by default the region in the instansi's name (issue 14).
    expect(text).toContain('Uji, 10 Januari 2026');
    expect(text).not.toContain('DRAF');
    // Registered: the footer carries the code and the public address; the verifier knows the print.
    const kode = String(res.headers['x-kode-verifikasi']);
    expect(text).toContain(`Kode verifikasi: ${kode.slice(0, 5)}-${kode.slice(5)}`);
    expect(text).toContain(`http://localhost:3000/verifikasi/${kode}`);
    const pub = await h.app.inject({ method: 'GET', url: `/api/verifikasi/${kode}` });
    expect(pub.json()).toMatchObject({
      jenis: 'SKP',
      nama: 'Kepala Bidang',
      periode: 'Tahun 2026 (versi 1)',
    });

    const stranger = await h.login(org.orangLain.nip);
    expect((await stranger.get(`/api/skp/${skpKabid.id}/dokumen.pdf`)).statusCode).toBe(403);
    // The assessor (superior) may print it as well.
    const kadis = await h.login(org.kepala.nip);
    expect((await kadis.get(`/api/skp/${skpKabid.id}/dokumen.pdf`)).statusCode).toBe(200);
  });

  it('prints the place of signing the BKD sets; the change is audited, and empty returns the default', async () => {
    const admin = await h.login(org.adminBkd.nip);
    const setting = (await admin.get('/api/pengaturan')).json();
    expect(setting.tempatTandaTangan).toBeNull();
    const pendek = await admin.put('/api/pengaturan', { ...setting, tempatTandaTangan: 'L' });
    expect(pendek.statusCode).toBe(400);
    expect(pendek.json().error.message).toContain('Tempat penandatanganan paling sedikit 2 huruf');
    const saved = await admin.put('/api/pengaturan', { ...setting, tempatTandaTangan: '  Limboto ' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().tempatTandaTangan).toBe('Limboto');
    const [audit] = await rows<{ before: { tempatTandaTangan: null }; after: { tempatTandaTangan: string } }>(
      h.db,
      sql`SELECT before, after FROM audit_log WHERE action = 'pengaturan.ubah' ORDER BY id DESC LIMIT 1`,
    );
    expect([audit?.before.tempatTandaTangan, audit?.after.tempatTandaTangan]).toEqual([null, 'Limboto']);

    const kabid = await h.login(org.administrator.nip);
    const pdf = async () =>
      (await pdfText((await kabid.get(`/api/skp/${skpKabid.id}/dokumen.pdf`)).rawPayload)).replace(
        /\s+/g,
        ' ',
      );
    expect(await pdf()).toContain('Limboto, 10 Januari 2026');

    const kembali = await admin.put('/api/pengaturan', {
      ...(saved.json() as object),
      tempatTandaTangan: null,
    });
    expect(kembali.statusCode, kembali.body).toBe(200);
    expect(await pdf()).toContain('Uji, 10 Januari 2026');
  });

  it('a plan not yet approved is printed as a draft', async () => {
    const kasi = await h.login(org.pengawas.nip);
    const draft = await plan(kasi, [
      {
        jenis: 'TAMBAHAN',
        rencana: 'Terselenggaranya rapat koordinasi',
        iki: [iki('KUANTITAS', 'Jumlah rapat', 2, 'kegiatan')],
      },
    ]);
    const res = await kasi.get(`/api/skp/${draft.id}/dokumen.pdf`);
    expect(res.statusCode).toBe(200);
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('DRAF — belum disetujui');
    expect(text).toContain('Terselenggaranya rapat koordinasi');
  });
});

describe('ekspor SKP bawahan (XLSX)', () => {
  async function workbook(c: Client, query: string) {
    const res = await c.get(`/api/skp-bawahan/ekspor.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return { res, sheet, rows };
  }

  it('lists the direct subordinates with NIP as text, status labels and the frozen, filtered header', async () => {
    const kasi = await h.login(org.pengawas.nip);
    const { res, sheet, rows } = await workbook(kasi, 'tahun=2026');
    expect(res.headers['content-disposition']).toBe('attachment; filename="SKP-bawahan-2026.xlsx"');
    expect(rows[0]).toEqual(['No', 'NIP', 'Nama', 'Jabatan', 'Status SKP', 'Diajukan', 'Terlambat']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:G1');

    const json = (await kasi.get('/api/skp-bawahan?tahun=2026')).json();
    const body = rows.slice(1);
    expect(body.map((r) => r[1])).toEqual(json.items.map((i: { nip: string }) => i.nip));
    expect(new Set(body.map((r) => r[1]))).toEqual(
      new Set([org.pelaksana.nip, org.pelaksana2.nip, org.fungsional.nip, org.adminOpd.nip]),
    );
    for (const [i, r] of body.entries()) {
      expect(r[0]).toBe(i + 1);
      expect(typeof r[1]).toBe('string');
      expect(sheet.getCell(`B${i + 2}`).numFmt).toBe('@');
      expect(r[4]).toBe('Belum ada');
      expect(r[6]).toBe('Tidak');
    }
  });

  it('shows an approved plan with its status and submission date; filters pass through', async () => {
    const kadis = await h.login(org.kepala.nip);
    const { rows } = await workbook(kadis, 'tahun=2026');
    expect(rows).toHaveLength(2);
    const [no, nip, nama, jabatan, status, diajukan, terlambat] = rows[1]!;
    expect([no, nip, nama, jabatan, status, terlambat]).toEqual([
      1,
      org.administrator.nip,
      'Kepala Bidang',
      'Kepala Bidang Pembinaan SMA',
      'Disetujui',
      'Tidak',
    ]);
    expect(diajukan).toEqual(new Date('2026-01-10T00:00:00Z'));
    const none = await workbook(kadis, 'tahun=2026&status=BELUM_ADA');
    expect(none.rows).toHaveLength(1);

    const stranger = await h.login(org.orangLain.nip);
    expect((await workbook(stranger, 'tahun=2026')).rows).toHaveLength(1);
    expect((await stranger.get('/api/skp-bawahan/ekspor.xlsx?tahun=1999')).statusCode).toBe(400);
  });
});
