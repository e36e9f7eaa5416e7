import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { stafDenganRencana } from '../../../test/siklus.js';
import type { Client } from '../../../test/skp.js';
import { rows } from '../../db/client.js';

let h: Harness;
let org: Org;
let dir: string;
let rhkStaf: number[];
let staf: Client;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-idempoten-'));
  h = await createHarness({ now: '2026-01-10T02:00:00Z', env: { STORAGE_DIR: dir } });
  org = await buildOrg(h.db);
  ({ rhkStaf } = await stafDenganRencana(h, org));
  // 10:00 WITA on 3 August 2026: July's input window.
  h.clock.set('2026-08-03T02:00:00Z');
  staf = await h.login(org.pelaksana.nip);
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

const entri = (over: Record<string, unknown> = {}) => ({
  tanggal: '2026-07-14',
  jamMulai: '08:00',
  jamSelesai: '11:30',
  kegiatan: 'Kunjungan posyandu Desa Oelnasi',
  kuantitas: 1,
  satuan: 'data',
  ...over,
});

const tambah = (rhkId: number, body: unknown, kunci?: string) =>
  staf.request(
    'POST',
    `/api/realisasi/${rhkId}/2026-07/log`,
    body,
    kunci ? { 'idempotency-key': kunci } : {},
  );

async function hitung(q: ReturnType<typeof sql>) {
  return (await rows<{ n: number }>(h.db, q))[0]!.n;
}

const logDengan = (kegiatan: string) =>
  hitung(sql`SELECT count(*)::int AS n FROM log_harian WHERE kegiatan = ${kegiatan}`);

const auditLog = () =>
  hitung(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'realisasi.log_tambah'`);

describe('Idempotency-Key on the daily log entry', () => {
  it('a replay returns the first answer and writes nothing; a different body with the key is refused', async () => {
    const kunci = randomUUID();
    const kegiatan = 'Kunjungan posyandu Desa Oelnasi';
    const audit = await auditLog();
    const pertama = await tambah(rhkStaf[0]!, entri({ kegiatan }), kunci);
    expect(pertama.statusCode, pertama.body).toBe(201);
    expect(pertama.headers['idempotent-replayed']).toBeUndefined();

    // The phone lost the answer and sends the same entry again, with the version it read before.
    const ulang = await tambah(rhkStaf[0]!, entri({ kegiatan }), kunci);
    expect(ulang.statusCode).toBe(201);
    expect(ulang.headers['idempotent-replayed']).toBe('true');
    expect(ulang.json()).toEqual(pertama.json());
    expect(await logDengan(kegiatan)).toBe(1);
    expect(await auditLog()).toBe(audit + 1);

    // The same key with another entry: refused in Indonesian, nothing written.
    const lain = await tambah(rhkStaf[0]!, entri({ kegiatan: 'Entri lain', version: 1 }), kunci);
    expect(lain.statusCode).toBe(422);
    expect(lain.json().error).toMatchObject({ code: 'IDEMPOTENSI_TIDAK_COCOK' });
    expect(lain.json().error.message).toContain('sudah dipakai');
    expect(await logDengan('Entri lain')).toBe(0);

    // A key is the employee's own: another employee's identical key is another request.
    const staf2 = await h.login(org.pelaksana2.nip);
    const asing = await staf2.request(
      'POST',
      `/api/realisasi/${rhkStaf[0]}/2026-07/log`,
      entri({ kegiatan }),
      {
        'idempotency-key': kunci,
      },
    );
    expect(asing.statusCode).toBe(404);
  });

  it('without the header the entry is written as before; a malformed key is a 400 that writes nothing', async () => {
    const version = (await tambah(rhkStaf[0]!, entri({ kegiatan: 'cek versi' }))).statusCode;
    expect(version).toBe(409); // the realisasi exists: the version read is required, as before
    const log = (await staf.get(`/api/realisasi?periode=2026-07`)).json();
    const v = log.items.find((i: { rhk: { id: number } }) => i.rhk.id === rhkStaf[0]).realisasi.version;
    const tanpa = await tambah(
      rhkStaf[0]!,
      entri({ kegiatan: 'Tanpa kunci', tanggal: '2026-07-15', version: v }),
    );
    expect(tanpa.statusCode, tanpa.body).toBe(201);
    expect(tanpa.headers['idempotent-replayed']).toBeUndefined();

    const rusak = await tambah(rhkStaf[0]!, entri({ kegiatan: 'Kunci rusak', version: v + 1 }), 'bukan-uuid');
    expect(rusak.statusCode).toBe(400);
    expect(rusak.json().error.message).toContain('Idempotency-Key harus berupa UUID');
    expect(await logDengan('Kunci rusak')).toBe(0);
  });

  it('two concurrent requests with one key write one entry', async () => {
    const kunci = randomUUID();
    const kegiatan = 'Penyuluhan bersamaan';
    // The second RHK has no realisasi yet: both would create its draft.
    const [a, b] = await Promise.all([
      tambah(rhkStaf[1]!, entri({ kegiatan, satuan: 'laporan', tanggal: '2026-07-16' }), kunci),
      tambah(rhkStaf[1]!, entri({ kegiatan, satuan: 'laporan', tanggal: '2026-07-16' }), kunci),
    ]);
    const status = [a.statusCode, b.statusCode].sort();
    expect(status[0], `${a.body} ${b.body}`).toBe(201);
    // The loser answers the winner's stored answer, or that the winner is still storing it.
    expect([201, 409]).toContain(status[1]);
    expect(await logDengan(kegiatan)).toBe(1);
    expect(
      await hitung(
        sql`SELECT count(*)::int AS n FROM realisasi WHERE rhk_id = ${rhkStaf[1]} AND periode_kode = '2026-07'`,
      ),
    ).toBe(1);
    // Retried later, the answer is the stored one.
    const nanti = await tambah(
      rhkStaf[1]!,
      entri({ kegiatan, satuan: 'laporan', tanggal: '2026-07-16' }),
      kunci,
    );
    expect(nanti.statusCode).toBe(201);
    expect(nanti.headers['idempotent-replayed']).toBe('true');
  });
});

describe('Idempotency-Key on the draft save and the evidence upload', () => {
  it('the draft save replays its answer', async () => {
    const kunci = randomUUID();
    const bulan = (await staf.get('/api/realisasi?periode=2026-07')).json();
    const r = bulan.items.find((i: { rhk: { id: number } }) => i.rhk.id === rhkStaf[0]).realisasi;
    const isi = { version: r.version, rencanaAksi: 'Kunjungan ke tiga desa', satuan: 'data' };
    const put = () =>
      staf.request('PUT', `/api/realisasi/${rhkStaf[0]}/2026-07`, isi, { 'idempotency-key': kunci });
    const pertama = await put();
    expect(pertama.statusCode, pertama.body).toBe(200);
    // Without the key the stale version would be a 409; with it, the first answer again.
    const ulang = await put();
    expect(ulang.statusCode).toBe(200);
    expect(ulang.json()).toEqual(pertama.json());
    expect(pertama.json().version).toBe(r.version + 1);
  });

  it('an upload sent twice stores one file; the same key with another file is refused', async () => {
    const kunci = randomUUID();
    const bulan = (await staf.get('/api/realisasi?periode=2026-07')).json();
    const id = bulan.items.find((i: { rhk: { id: number } }) => i.rhk.id === rhkStaf[0]).realisasi.id;
    const berkas = () =>
      hitung(
        sql`SELECT count(*)::int AS n FROM bukti_dukung WHERE realisasi_id = ${id} AND jenis = 'BERKAS'`,
      );
    const unggah = (data: Buffer) => {
      const body = multipart('foto.png', data, { deskripsi: 'Foto kegiatan' });
      return staf.request('POST', `/api/realisasi/${id}/berkas`, body.payload, {
        ...body.headers,
        'idempotency-key': kunci,
      });
    };
    const pertama = await unggah(PNG);
    expect(pertama.statusCode, pertama.body).toBe(201);
    const ulang = await unggah(PNG);
    expect(ulang.statusCode).toBe(201);
    expect(ulang.json()).toEqual(pertama.json());
    expect(await berkas()).toBe(1);
    const lain = await unggah(Buffer.concat([PNG, Buffer.from('x')]));
    expect(lain.statusCode).toBe(422);
    expect(await berkas()).toBe(1);
  });
});

describe('pruning', () => {
  it('the hourly job drops keys older than 30 days', async () => {
    const sebelum = await hitung(sql`SELECT count(*)::int AS n FROM kunci_idempoten`);
    expect(sebelum).toBeGreaterThan(0);
    h.clock.set('2026-09-03T02:00:00Z');
    await h.app.pengingat.jalankan();
    expect(await hitung(sql`SELECT count(*)::int AS n FROM kunci_idempoten`)).toBe(0);
  });
});
