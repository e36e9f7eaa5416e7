import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, nextNip, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';

type Client = Awaited<ReturnType<Harness['login']>>;
let h: Harness;
let org: Org;
let bkd: Client;

beforeAll(async () => {
  h = await createHarness({ now: '2026-03-03T02:00:00Z' });
  org = await buildOrg(h.db);
  bkd = await h.login(org.adminBkd.nip);
});
afterAll(() => h.close());

async function buatToken(cakupan: string[], nama = 'SIMPEG Uji', client = bkd) {
  const res = await client.post('/api/token-api', { nama, cakupan });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { token: string; item: { id: number; nama: string; prefiks: string } };
}

function v1(method: 'GET' | 'PUT' | 'POST', url: string, token?: string, payload?: object) {
  return h.app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload ? { payload } : {}),
  });
}

async function auditOf(entity: string, entityId: number | string) {
  return rows<{ action: string; actorId: number | null; reason: string | null; row: string }>(
    h.db,
    sql`SELECT action, actor_id AS "actorId", reason, row_to_json(a)::text AS row FROM audit_log a
         WHERE entity = ${entity} AND entity_id = ${String(entityId)} ORDER BY id`,
  );
}

describe('token management (BKD admin)', () => {
  it('creates a token shown once, stores only its hash, lists it and audits without the token', async () => {
    const { token, item } = await buatToken(['BACA_PEGAWAI', 'TULIS_KEHADIRAN'], 'Mesin Presensi');
    expect(token).toMatch(/^ekin_[A-Za-z0-9_-]{43}$/);
    expect(item).toMatchObject({
      nama: 'Mesin Presensi',
      prefiks: token.slice(0, 13),
      cakupan: ['BACA_PEGAWAI', 'TULIS_KEHADIRAN'],
      // 90 days by default, from the fixed clock
      kedaluwarsaAt: '2026-06-01T02:00:00.000Z',
      dicabutAt: null,
      terakhirDipakaiAt: null,
      dibuatOleh: 'Admin BKD',
    });
    const [stored] = await rows<{ hash: string }>(
      h.db,
      sql`SELECT hash FROM token_api WHERE id = ${item.id}`,
    );
    expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.hash).not.toContain(token);

    const list = await bkd.get('/api/token-api');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.find((t: { id: number }) => t.id === item.id)).toEqual(item);
    expect(list.body).not.toContain(token);

    const audit = await auditOf('token_api', item.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['token_api.buat', org.adminBkd.id]]);
    expect(audit[0]!.row).not.toContain(token.slice(5));
    expect(audit[0]!.row).not.toContain(stored!.hash);
  });

  it('refuses bad input with 400 and other roles with 403', async () => {
    for (const body of [
      { nama: 'Lama Sekali', cakupan: ['BACA_PEGAWAI'], berlakuHari: 400 },
      { nama: 'Tanpa Cakupan', cakupan: [] },
      { nama: 'Cakupan Asing', cakupan: ['HAPUS_SEMUA'] },
    ]) {
      expect((await bkd.post('/api/token-api', body)).statusCode).toBe(400);
    }
    for (const who of [org.adminOpd, org.pelaksana, org.timPenilai]) {
      const c = await h.login(who.nip);
      expect((await c.post('/api/token-api', { nama: 'Coba', cakupan: ['BACA_PEGAWAI'] })).statusCode).toBe(
        403,
      );
      expect((await c.get('/api/token-api')).statusCode).toBe(403);
    }
  });

  it('revokes a token at once (audited); a second revoke is 409 and an unknown id 404', async () => {
    const { token, item } = await buatToken(['BACA_PEGAWAI']);
    expect((await v1('GET', '/api/v1/pegawai', token)).statusCode).toBe(200);
    const res = await bkd.post(`/api/token-api/${item.id}/cabut`);
    expect(res.statusCode).toBe(200);
    expect(res.json().dicabutAt).toBe('2026-03-03T02:00:00.000Z');
    const refused = await v1('GET', '/api/v1/pegawai', token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('TOKEN_API_DICABUT');
    expect((await bkd.post(`/api/token-api/${item.id}/cabut`)).json().error.code).toBe(
      'TOKEN_API_SUDAH_DICABUT',
    );
    expect((await bkd.post('/api/token-api/999999/cabut')).statusCode).toBe(404);
    expect((await auditOf('token_api', item.id)).map((a) => a.action)).toEqual([
      'token_api.buat',
      'token_api.cabut',
    ]);
  });
});

describe('bearer authentication on /api/v1', () => {
  it('no header, an unknown token and an expired token are 401 with WWW-Authenticate', async () => {
    const none = await v1('GET', '/api/v1/pegawai');
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('TOKEN_API_TIDAK_ADA');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="e-Kinerja"');

    const unknown = await v1('GET', '/api/v1/pegawai', `ekin_${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('TOKEN_API_TIDAK_DIKENAL');
    expect(unknown.headers['www-authenticate']).toContain('error="invalid_token"');

    const { token, item } = await buatToken(['BACA_PEGAWAI']);
    await h.db.execute(
      sql`UPDATE token_api SET kedaluwarsa_at = '2026-03-03T01:59:59Z' WHERE id = ${item.id}`,
    );
    const expired = await v1('GET', '/api/v1/pegawai', token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toMatchObject({
      code: 'TOKEN_API_KEDALUWARSA',
      message: expect.stringMatching(/kedaluwarsa/),
    });
  });

  it('a read-scope token cannot write (403), with no change', async () => {
    const { token } = await buatToken(['BACA_PEGAWAI', 'BACA_EVALUASI']);
    const put = await v1('PUT', '/api/v1/pegawai', token, { mode: 'commit', pegawai: [] });
    expect(put.statusCode).toBe(403);
    expect(put.json().error.code).toBe('TOKEN_API_CAKUPAN');
    expect(put.headers['www-authenticate']).toContain('insufficient_scope');
    const post = await v1('POST', '/api/v1/kehadiran', token, { mode: 'commit', baris: [] });
    expect(post.statusCode).toBe(403);
  });

  it('a session cookie never opens a token route, and a token never opens a session route', async () => {
    const cookie = await v1('GET', '/api/v1/pegawai');
    expect(cookie.statusCode).toBe(401);
    const withCookie = await bkd.get('/api/v1/pegawai');
    expect(withCookie.statusCode).toBe(401);
    expect(withCookie.json().error.code).toBe('TOKEN_API_TIDAK_ADA');

    const { token } = await buatToken(['BACA_PEGAWAI']);
    const session = await v1('GET', '/api/token-api', token);
    expect(session.statusCode).toBe(401);
    expect(session.json().error.code).toBe('UNAUTHENTICATED');
    expect((await v1('GET', '/api/me', token)).statusCode).toBe(401);
  });
});

describe('GET /api/v1/pegawai', () => {
  it('pages through the instansi by cursor, with NIP as text and the superior of today', async () => {
    const other = await buildOrg(h.db);
    const { token, item } = await buatToken(['BACA_PEGAWAI']);
    const seen: { nip: string; nipAtasan: string | null; nama: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await v1('GET', `/api/v1/pegawai?limit=5${cursor ? `&cursor=${cursor}` : ''}`, token);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(5);
      seen.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    const [{ n }] = (await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM pegawai WHERE instansi_id = ${org.instansiId}`,
    )) as [{ n: number }];
    expect(seen).toHaveLength(n);
    expect(pages).toBe(Math.ceil(n / 5) + (n % 5 === 0 ? 1 : 0));
    expect(seen.some((p) => p.nip === other.pelaksana.nip)).toBe(false);
    const pelaksana = seen.find((p) => p.nip === org.pelaksana.nip)!;
    expect(pelaksana).toMatchObject({
      nama: 'Pelaksana Satu',
      jabatan: 'Pengolah Data Kurikulum',
      jenisJabatan: 'PELAKSANA',
      unor: 'Seksi Kurikulum',
      opdNama: 'Dinas Pendidikan',
      nipAtasan: org.pengawas.nip,
      aktif: true,
    });
    expect(typeof pelaksana.nip).toBe('string');

    const [used] = await rows<{ at: unknown }>(
      h.db,
      sql`SELECT terakhir_dipakai_at AS at FROM token_api WHERE id = ${item.id}`,
    );
    expect(new Date(used!.at as string).toISOString()).toBe('2026-03-03T02:00:00.000Z');
  });

  it('filters by OPD code and by change time; a bad cursor is 400', async () => {
    await h.db.execute(sql`UPDATE unor SET kode = ${`DIK-${org.instansiId}`} WHERE id = ${org.unor.opd.id}`);
    const { token } = await buatToken(['BACA_PEGAWAI']);
    const opd = await v1('GET', `/api/v1/pegawai?limit=1000&opdKode=DIK-${org.instansiId}`, token);
    expect(opd.statusCode).toBe(200);
    const nips = opd.json().items.map((p: { nip: string }) => p.nip);
    expect(nips).toContain(org.pelaksana.nip);
    expect(nips).not.toContain(org.orangLain.nip);
    const future = await v1('GET', '/api/v1/pegawai?diubahSejak=2999-01-01T00:00:00Z', token);
    expect(future.json().items).toEqual([]);
    expect((await v1('GET', '/api/v1/pegawai?cursor=abc', token)).statusCode).toBe(400);
    expect((await v1('GET', '/api/v1/pegawai?limit=1001', token)).statusCode).toBe(400);
  });
});

describe('GET /api/v1/evaluasi', () => {
  it('gives per employee the periodic predikat by period and the annual evaluation', async () => {
    const [skp] = await rows<{ id: number }>(
      h.db,
      sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status)
          VALUES (${org.instansiId}, ${org.pelaksana.id}, ${org.jabatan.jStaf}, 2026, '2026-01-01', '2026-12-31', 'KUANTITATIF', false, 'DISETUJUI')
          RETURNING id`,
    );
    await h.db.execute(
      sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
          VALUES (${org.instansiId}, ${skp!.id}, '2026-02', 'DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', ${org.pengawas.id}, now()),
                 (${org.instansiId}, ${skp!.id}, '2026-01', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', ${org.pengawas.id}, now())`,
    );
    await h.db.execute(
      sql`INSERT INTO evaluasi_tahunan (instansi_id, skp_id, pegawai_id, tahun, pejabat_penilai_id, rating_hasil_kerja, rating_perilaku, predikat, status)
          VALUES (${org.instansiId}, ${skp!.id}, ${org.pelaksana.id}, 2026, ${org.pengawas.id}, 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SANGAT_BAIK', 'FINAL')`,
    );
    const { token } = await buatToken(['BACA_EVALUASI']);
    const res = await v1('GET', '/api/v1/evaluasi?tahun=2026', token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          nip: org.pelaksana.nip,
          nama: 'Pelaksana Satu',
          periodik: [
            {
              periodeKode: '2026-01',
              ratingHasilKerja: 'SESUAI_EKSPEKTASI',
              ratingPerilaku: 'SESUAI_EKSPEKTASI',
              predikat: 'BAIK',
            },
            {
              periodeKode: '2026-02',
              ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
              ratingPerilaku: 'SESUAI_EKSPEKTASI',
              predikat: 'BAIK',
            },
          ],
          tahunan: {
            status: 'FINAL',
            final: true,
            ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
            ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
            predikat: 'SANGAT_BAIK',
            predikatAkhir: 'SANGAT_BAIK',
          },
        },
      ],
      nextCursor: null,
    });
    expect((await v1('GET', '/api/v1/evaluasi?tahun=2025', token)).json().items).toEqual([]);
    // The scope is per route: a BACA_EVALUASI token does not read the employee master data.
    expect((await v1('GET', '/api/v1/pegawai', token)).statusCode).toBe(403);
  });
});

describe('PUT /api/v1/pegawai (sync by NIP)', () => {
  const baru = nextNip();
  const row = (over: Record<string, string | null>) => ({
    nama: 'Pelaksana Satu',
    jenisAsn: 'PNS',
    golongan: 'III/a',
    jabatan: 'Pengolah Data Kurikulum',
    jenisJabatan: 'Pelaksana',
    unor: 'Seksi Kurikulum',
    ...over,
  });
  const rowsOf = () => [
    row({ nip: baru, nama: 'Pegawai Sinkron', nipAtasan: org.pengawas.nip }),
    row({ nip: org.pelaksana2.nip, nama: 'Pelaksana Dua', golongan: 'III/b' }),
    row({ nip: org.pelaksana.nip }),
  ];
  const state = async () =>
    rows<{ pegawai: number; golongan: string; audit: number }>(
      h.db,
      sql`SELECT (SELECT count(*)::int FROM pegawai WHERE instansi_id = ${org.instansiId}) AS pegawai,
                 (SELECT golongan FROM pegawai WHERE id = ${org.pelaksana2.id}) AS golongan,
                 (SELECT count(*)::int FROM audit_log WHERE instansi_id = ${org.instansiId}) AS audit`,
    );

  it('dry run reports every row and what would change, and changes nothing', async () => {
    const { token } = await buatToken(['TULIS_PEGAWAI']);
    const before = await state();
    const res = await v1('PUT', '/api/v1/pegawai', token, {
      mode: 'dry-run',
      pegawai: [...rowsOf(), row({ nip: '198513322010011002', nama: 'NIP Salah' })],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ mode: 'dry-run', jumlahBaris: 4, barisValid: 3, diterapkan: null });
    expect(body.kesalahan).toEqual([
      { baris: 4, nip: '198513322010011002', alasan: [expect.stringMatching(/tanggal lahir/)] },
    ]);
    expect(body.perubahan).toEqual([
      { nip: baru, status: 'DIBUAT', kolom: [] },
      {
        nip: org.pelaksana2.nip,
        status: 'DIUBAH',
        kolom: [{ kolom: 'golongan', sebelum: 'III/a', sesudah: 'III/b' }],
      },
      { nip: org.pelaksana.nip, status: 'TETAP', kolom: [] },
    ]);
    expect(await state()).toEqual(before);
  });

  it('reports a move as the changed position and unit', async () => {
    const { token } = await buatToken(['TULIS_PEGAWAI']);
    const res = await v1('PUT', '/api/v1/pegawai', token, {
      mode: 'dry-run',
      pegawai: [
        row({
          nip: org.fungsional.nip,
          nama: 'Fungsional Satu',
          unor: 'Dinas Kesehatan',
          jabatan: 'Pengadministrasi Umum',
        }),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().perubahan).toEqual([
      {
        nip: org.fungsional.nip,
        status: 'DIUBAH',
        kolom: [
          {
            kolom: 'jabatan',
            sebelum: 'Pengembang Teknologi Pembelajaran Ahli Pertama',
            sesudah: 'Pengadministrasi Umum',
          },
          { kolom: 'unor', sebelum: 'Seksi Kurikulum', sesudah: 'Dinas Kesehatan' },
        ],
      },
    ]);
  });

  it('commit with a bad row is 422 with the row, and nothing is saved', async () => {
    const { token } = await buatToken(['TULIS_PEGAWAI']);
    const before = await state();
    const res = await v1('PUT', '/api/v1/pegawai', token, {
      mode: 'commit',
      pegawai: [...rowsOf(), row({ nip: '12345', nama: 'Pendek' })],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.kesalahan).toEqual([
      { baris: 4, nip: '12345', alasan: expect.any(Array) },
    ]);
    expect(await state()).toEqual(before);
  });

  it('commit creates one, updates another with the changed fields, audited in the token’s name', async () => {
    const { token, item } = await buatToken(['TULIS_PEGAWAI'], 'SIMPEG Provinsi');
    const res = await v1('PUT', '/api/v1/pegawai', token, { mode: 'commit', pegawai: rowsOf() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mode: 'commit',
      diterapkan: { dibuat: 1, diperbarui: 1, tidakBerubah: 1, jabatanBaru: 0 },
      perubahan: [
        { nip: baru, status: 'DIBUAT' },
        {
          nip: org.pelaksana2.nip,
          status: 'DIUBAH',
          kolom: [{ kolom: 'golongan', sebelum: 'III/a', sesudah: 'III/b' }],
        },
        { nip: org.pelaksana.nip, status: 'TETAP' },
      ],
    });
    expect((await state())[0]!.golongan).toBe('III/b');
    const audit = await auditOf('pegawai', org.pelaksana2.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'pegawai.impor.ubah',
      actorId: null,
      reason: `Token API #${item.id} (SIMPEG Provinsi)`,
    });
    // A second identical sync changes nothing.
    const again = await v1('PUT', '/api/v1/pegawai', token, { mode: 'commit', pegawai: rowsOf() });
    expect(again.json().perubahan.map((p: { status: string }) => p.status)).toEqual([
      'TETAP',
      'TETAP',
      'TETAP',
    ]);
  });

  it('refuses a row whose NIP gives a birth date or TMT CPNS after today (issue 13)', async () => {
    const { token } = await buatToken(['TULIS_PEGAWAI']);
    const before = await state();
    const res = await v1('PUT', '/api/v1/pegawai', token, {
      mode: 'commit',
      pegawai: [row({ nip: '202701011990011001' }), row({ nip: '199001012026121002' })],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.kesalahan).toEqual([
      {
        baris: 1,
        nip: '202701011990011001',
        alasan: ['Tanggal lahir pada NIP (2027-01-01) belum terjadi; periksa kembali NIP.'],
      },
      {
        baris: 2,
        nip: '199001012026121002',
        alasan: ['TMT CPNS pada NIP (2026-12) belum terjadi; periksa kembali NIP.'],
      },
    ]);
    expect(await state()).toEqual(before);
  });

  it('refuses more than 5,000 rows with 400', async () => {
    const { token } = await buatToken(['TULIS_PEGAWAI']);
    const res = await v1('PUT', '/api/v1/pegawai', token, {
      mode: 'dry-run',
      pegawai: Array.from({ length: 5001 }, () => row({ nip: org.pelaksana.nip })),
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('POST /api/v1/kehadiran', () => {
  it('takes attendance rows through the attendance service (dry run, then commit)', async () => {
    const { token, item } = await buatToken(['TULIS_KEHADIRAN'], 'Mesin Presensi');
    const baris = [
      {
        nip: org.pelaksana.nip,
        tanggal: '2026-03-02',
        jamMasuk: '07:28',
        jamPulang: '16:05',
        status: 'Hadir',
      },
    ];
    const dry = await v1('POST', '/api/v1/kehadiran', token, { mode: 'dry-run', baris });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      mode: 'dry-run',
      jumlahBaris: 1,
      barisValid: 1,
      kesalahan: [],
      disimpan: null,
    });
    const commit = await v1('POST', '/api/v1/kehadiran', token, { mode: 'commit', baris });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json().disimpan).toEqual({ baru: 1, diganti: 0 });
    const [audit] = await rows<{ actorId: number | null; after: { sumber: string } }>(
      h.db,
      sql`SELECT actor_id AS "actorId", after FROM audit_log WHERE action = 'kehadiran.impor' AND instansi_id = ${org.instansiId}`,
    );
    expect(audit).toMatchObject({
      actorId: null,
      after: { sumber: `Token API #${item.id} (Mesin Presensi)` },
    });
  });
});

describe('OpenAPI', () => {
  it('documents the bearer scheme, the v1 routes with it and their examples', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const get = doc.paths['/api/v1/pegawai'].get;
    expect(get.security).toEqual([{ bearerAuth: [] }]);
    expect(get.tags).toEqual(['Integrasi (API v1)']);
    expect(
      get.responses['200'].content['application/json'].schema.properties.items.items.example,
    ).toMatchObject({
      nip: expect.any(String),
    });
    const put = doc.paths['/api/v1/pegawai'].put;
    // @fastify/swagger moves a top-level example to the media type.
    expect(put.requestBody.content['application/json'].example).toMatchObject({ mode: 'dry-run' });
    expect(put.responses['200'].content['application/json'].example.perubahan).toHaveLength(2);
    for (const [path, method] of [
      ['/api/v1/evaluasi', 'get'],
      ['/api/v1/kehadiran', 'post'],
    ] as const) {
      const op = doc.paths[path][method];
      expect(op.security).toEqual([{ bearerAuth: [] }]);
      expect(JSON.stringify(op)).toContain('"example"');
    }
  });
});

describe('rate limit per token', () => {
  let low: Harness;
  beforeAll(async () => {
    low = await createHarness({ env: { API_RATE_LIMIT: '2' } });
  });
  afterAll(() => low.close());

  it('answers 429 RATE_LIMITED past the limit, counted per token', async () => {
    const o = await buildOrg(low.db);
    const admin = await low.login(o.adminBkd.nip);
    const buat = async () =>
      (await admin.post('/api/token-api', { nama: 'Cepat', cakupan: ['BACA_PEGAWAI'] })).json()
        .token as string;
    const [a, b] = [await buat(), await buat()];
    const get = (t: string) =>
      low.app.inject({
        method: 'GET',
        url: '/api/v1/pegawai?limit=1',
        headers: { authorization: `Bearer ${t}` },
      });
    expect((await get(a)).statusCode).toBe(200);
    expect((await get(a)).statusCode).toBe(200);
    const limited = await get(a);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toEqual({
      code: 'RATE_LIMITED',
      message: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
    });
    expect((await get(b)).statusCode).toBe(200);
  });
});
