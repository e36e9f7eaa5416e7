import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { approvedChain, type Client, plan, submitAndApprove, tiga } from '../../../test/skp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let dir: string;
let rhkStaf: number[];
let rhkStaf2: number[];

/** 10:00 WITA on the given day of August 2026. */
const agustus = (hari: number) => `2026-08-${String(hari).padStart(2, '0')}T02:00:00Z`;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body built by hand: text fields first, then the file. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = `----ekinerja${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function unggah(
  c: Client,
  realisasiId: number,
  file: { name: string; type: string; data: Buffer },
  deskripsi = 'Bukti kegiatan',
) {
  const body = multipart({ deskripsi }, file);
  return c.request('POST', `/api/realisasi/${realisasiId}/berkas`, body.payload, body.headers);
}

async function filesIn(d: string): Promise<string[]> {
  const entries = await readdir(d, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const countBerkas = async () =>
  (
    await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM bukti_dukung b JOIN realisasi r ON r.id = b.realisasi_id
           WHERE b.jenis = 'BERKAS' AND r.instansi_id = ${org.instansiId}`,
    )
  )[0]!.n;

const auditBerkas = async () =>
  (
    await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log
           WHERE action LIKE 'realisasi.berkas%' AND instansi_id = ${org.instansiId}`,
    )
  )[0]!.n;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-berkas-'));
  h = await createHarness({ now: '2026-01-10T02:00:00Z', env: { STORAGE_DIR: dir } });
  org = await buildOrg(h.db);
  const { c, plans } = await approvedChain(h, org);
  const { kasi, staf, staf2 } = c;
  const pKasi = plans.kasi;
  const pStaf = await submitAndApprove(
    staf,
    kasi,
    await plan(staf, [
      {
        jenis: 'UTAMA',
        rencana: 'Terhimpunnya data kurikulum sekolah',
        iki: tiga(10, 'data'),
        intervensi: [pKasi.rhk[0].id],
      },
    ]),
  );
  const pStaf2 = await submitAndApprove(
    staf2,
    kasi,
    await plan(staf2, [
      {
        jenis: 'UTAMA',
        rencana: 'Terhimpunnya data guru sekolah',
        iki: tiga(10, 'data'),
        intervensi: [pKasi.rhk[0].id],
      },
    ]),
  );
  rhkStaf = pStaf.rhk.map((r: { id: number }) => r.id);
  rhkStaf2 = pStaf2.rhk.map((r: { id: number }) => r.id);
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

async function pada(now: string) {
  h.clock.set(now);
  return {
    staf: await h.login(org.pelaksana.nip),
    staf2: await h.login(org.pelaksana2.nip),
    kasi: await h.login(org.pengawas.nip),
    admin: await h.login(org.adminBkd.nip),
    asing: await h.login(org.orangLain.nip),
  };
}

type Bukti = { id: number; jenis: string; duplikat: boolean; jumlahDuplikat: number; namaBerkas: string };

describe('bukti dukung berkas: unggah, unduh, duplikat, hapus', () => {
  it('stores real files by content, refuses fakes and oversize, flags duplicates, guards access', async () => {
    let c = await pada(agustus(3));
    const draft = await c.staf.put(`/api/realisasi/${rhkStaf[0]}/2026-07`, {
      nilai: 10,
      satuan: 'data',
      buktiDukung: [{ url: 'https://drive.contoh.go.id/juli', deskripsi: 'Rekap' }],
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const id = draft.json().id as number;

    // A real PDF and a real PNG.
    const pdf = await unggah(c.staf, id, { name: 'Laporan Juli.pdf', type: 'application/pdf', data: PDF });
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json().bukti).toMatchObject({
      jenis: 'BERKAS',
      deskripsi: 'Bukti kegiatan',
      namaBerkas: 'Laporan Juli.pdf',
      mime: 'application/pdf',
      ukuran: PDF.length,
      duplikat: false,
      jumlahDuplikat: 0,
    });
    // The declared type does not matter: a PNG sent as octet-stream with an odd name is a PNG.
    const png = await unggah(c.staf, id, {
      name: '../../etc/foto<1>',
      type: 'application/octet-stream',
      data: PNG,
    });
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json().bukti).toMatchObject({ mime: 'image/png', namaBerkas: 'foto_1_.png' });
    expect(await filesIn(dir)).toHaveLength(2);
    expect(await auditBerkas()).toBe(2);

    for (const [res, data, mime] of [
      [pdf, PDF, 'application/pdf'],
      [png, PNG, 'image/png'],
    ] as const) {
      const down = await c.staf.get(`/api/realisasi/${id}/berkas/${res.json().bukti.id}`);
      expect(down.statusCode, down.body).toBe(200);
      expect(down.headers['content-type']).toBe(mime);
      expect(down.headers['content-disposition']).toMatch(/^attachment; filename="/);
      expect(down.rawPayload.equals(data)).toBe(true);
    }

    // Saving links keeps the files.
    const relinked = await c.staf.put(`/api/realisasi/${rhkStaf[0]}/2026-07`, {
      version: draft.json().version,
      nilai: 10,
      satuan: 'data',
      buktiDukung: [],
    });
    expect(relinked.statusCode, relinked.body).toBe(200);
    expect(relinked.json().buktiDukung.map((b: Bukti) => b.jenis)).toEqual(['BERKAS', 'BERKAS']);

    // A fake PDF (text content) → 415, nothing stored.
    const fake = await unggah(c.staf, id, {
      name: 'laporan.pdf',
      type: 'application/pdf',
      data: Buffer.from('ini bukan pdf, hanya teks biasa'),
    });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('UNSUPPORTED_FILE');
    expect(fake.json().error.message).toMatch(/PDF, PNG atau JPEG/);
    // Oversized (2 MB + 1 byte with a valid PDF header) → 413, nothing stored.
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const tooBig = await unggah(c.staf, id, { name: 'besar.pdf', type: 'application/pdf', data: big });
    expect(tooBig.statusCode, tooBig.body).toBe(413);
    expect(tooBig.json().error.code).toBe('BERKAS_TERLALU_BESAR');
    expect(tooBig.json().error.message).toMatch(/2 MB/);
    // Missing description → 400.
    const noDesc = await unggah(c.staf, id, { name: 'a.pdf', type: 'application/pdf', data: PDF }, '');
    expect(noDesc.statusCode).toBe(400);
    expect(await countBerkas()).toBe(2);
    expect(await filesIn(dir)).toHaveLength(2);
    expect(await auditBerkas()).toBe(2);

    // Only the owner uploads.
    expect(
      (await unggah(c.staf2, id, { name: 'a.pdf', type: 'application/pdf', data: PDF })).statusCode,
    ).toBe(403);

    // The same PDF from a colleague's realisasi is flagged, for both and for the assessor.
    const draft2 = await c.staf2.put(`/api/realisasi/${rhkStaf2[0]}/2026-07`, { nilai: 5, satuan: 'data' });
    expect(draft2.statusCode, draft2.body).toBe(200);
    const id2 = draft2.json().id as number;
    const dup = await unggah(c.staf2, id2, { name: 'salinan.pdf', type: 'application/pdf', data: PDF });
    expect(dup.statusCode, dup.body).toBe(201);
    expect(dup.json().bukti).toMatchObject({ duplikat: true, jumlahDuplikat: 1 });
    const viewKasi = await c.kasi.get(`/api/realisasi/pegawai/${org.pelaksana2.id}?periode=2026-07`);
    expect(viewKasi.statusCode, viewKasi.body).toBe(200);
    expect(viewKasi.json().items[0].realisasi.buktiDukung[0]).toMatchObject({
      duplikat: true,
      jumlahDuplikat: 1,
    });
    const own = (await c.staf.get('/api/realisasi?periode=2026-07')).json();
    const ownBukti = own.items[0].realisasi.buktiDukung as Bukti[];
    expect(ownBukti.map((b) => [b.namaBerkas, b.duplikat])).toEqual([
      ['Laporan Juli.pdf', true],
      ['foto_1_.png', false],
    ]);

    // Reading: the assessor and the BKD admin may; a stranger and a colleague may not.
    const pdfId = pdf.json().bukti.id as number;
    expect((await c.kasi.get(`/api/realisasi/${id}/berkas/${pdfId}`)).statusCode).toBe(200);
    expect((await c.admin.get(`/api/realisasi/${id}/berkas/${pdfId}`)).statusCode).toBe(200);
    expect((await c.asing.get(`/api/realisasi/${id}/berkas/${pdfId}`)).statusCode).toBe(403);
    expect((await c.staf2.get(`/api/realisasi/${id}/berkas/${pdfId}`)).statusCode).toBe(403);
    // A bukti of another realisasi is not found under this one.
    expect((await c.staf.get(`/api/realisasi/${id}/berkas/${dup.json().bukti.id}`)).statusCode).toBe(404);

    // At most 5 files per realisasi.
    for (const n of [3, 4, 5])
      expect((await unggah(c.staf, id, { name: `f${n}.png`, type: 'image/png', data: PNG })).statusCode).toBe(
        201,
      );
    const sixth = await unggah(c.staf, id, { name: 'f6.png', type: 'image/png', data: PNG });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().error.code).toBe('BERKAS_PENUH');
    expect(await filesIn(dir)).toHaveLength(6);

    // Delete by the owner: row and file go.
    expect((await c.staf2.request('DELETE', `/api/realisasi/${id}/berkas/${pdfId}`)).statusCode).toBe(403);
    const del = await c.staf.request('DELETE', `/api/realisasi/${id}/berkas/${pdfId}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().buktiDukung).toHaveLength(4);
    expect(await filesIn(dir)).toHaveLength(5);
    expect((await c.staf.get(`/api/realisasi/${id}/berkas/${pdfId}`)).statusCode).toBe(404);
    // The colleague's copy is no longer a duplicate.
    const again = (await c.staf2.get('/api/realisasi?periode=2026-07')).json();
    expect(again.items[0].realisasi.buktiDukung[0]).toMatchObject({ duplikat: false });

    // After the input window (1–7 August) closed: refused, nothing stored; reading still works.
    c = await pada(agustus(10));
    const late = await unggah(c.staf2, id2, { name: 'telat.pdf', type: 'application/pdf', data: PDF });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('WINDOW_CLOSED');
    const lateDel = await c.staf2.request('DELETE', `/api/realisasi/${id2}/berkas/${dup.json().bukti.id}`);
    expect(lateDel.statusCode).toBe(409);
    expect(await countBerkas()).toBe(5);
    expect(await filesIn(dir)).toHaveLength(5);
    expect((await c.staf2.get(`/api/realisasi/${id2}/berkas/${dup.json().bukti.id}`)).statusCode).toBe(200);
  });

  it("a daily entry carries a file of its own realisasi; another realisasi's file is refused at its field", async () => {
    const c = await pada(agustus(5));
    const bulan = async (k: Client) =>
      (await k.get('/api/realisasi?periode=2026-07')).json().items[0].realisasi as {
        id: number;
        version: number;
        buktiDukung: Bukti[];
      };
    const [milik, rekan] = [await bulan(c.staf), await bulan(c.staf2)];
    const berkas = milik.buktiDukung.find((b) => b.jenis === 'BERKAS')!;
    const berkasRekan = rekan.buktiDukung.find((b) => b.jenis === 'BERKAS')!;
    const entri = (buktiBerkasId: number, version: number) => ({
      tanggal: '2026-07-15',
      jamMulai: '08:00',
      jamSelesai: '10:00',
      kegiatan: 'Menyusun rekap data kurikulum',
      kuantitas: 1,
      satuan: 'data',
      buktiDukung: null,
      buktiBerkasId,
      version,
    });
    const log = (body: unknown) => c.staf.post(`/api/realisasi/${rhkStaf[0]}/2026-07/log`, body);
    const jumlahEntri = async () =>
      (
        await rows<{ n: number }>(
          h.db,
          sql`SELECT count(*)::int AS n FROM log_harian WHERE realisasi_id = ${milik.id}`,
        )
      )[0]!.n;

    const asing = await log(entri(berkasRekan.id, milik.version));
    expect(asing.statusCode).toBe(400);
    expect(asing.json().error.details).toEqual([
      { field: 'body.buktiBerkasId', message: 'Berkas bukti dukung tidak ditemukan pada realisasi ini.' },
    ]);
    expect(await jumlahEntri()).toBe(0);

    const ok = await log(entri(berkas.id, milik.version));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().entri).toEqual([
      expect.objectContaining({ buktiBerkasId: berkas.id, namaBerkas: berkas.namaBerkas }),
    ]);

    // Deleting the file keeps the day's entry, without the file.
    const hapus = await c.staf.request('DELETE', `/api/realisasi/${milik.id}/berkas/${berkas.id}`);
    expect(hapus.statusCode, hapus.body).toBe(200);
    const sesudah = (await c.staf.get(`/api/realisasi/${milik.id}/log`)).json();
    expect(sesudah.entri).toEqual([expect.objectContaining({ buktiBerkasId: null, namaBerkas: null })]);
  });
});
