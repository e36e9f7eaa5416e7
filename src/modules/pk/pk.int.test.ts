import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness({ now: '2026-01-10T02:00:00Z' });
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

const sasaran = [
  {
    sasaran: 'Meningkatnya mutu pendidikan menengah',
    indikator: 'Persentase SMA terakreditasi A',
    targetNilai: 60,
    targetSatuan: '%',
  },
  {
    sasaran: 'Meningkatnya kepuasan layanan pendidikan',
    indikator: 'Indeks Kepuasan Masyarakat (IKM)',
    targetNilai: 85,
    targetSatuan: 'indeks',
  },
];

describe('perjanjian kinerja', () => {
  it('the OPD admin enters the agreement of their unit; anyone in the instansi reads it; others may not write', async () => {
    const adminOpd = await h.login(org.adminOpd.nip);
    const created = await adminOpd.put('/api/perjanjian-kinerja', {
      unorId: org.unor.opd.id,
      tahun: 2026,
      sasaran,
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().sasaran.map((s: { indikator: string }) => s.indikator)).toEqual([
      'Persentase SMA terakreditasi A',
      'Indeks Kepuasan Masyarakat (IKM)',
    ]);
    const staf = await h.login(org.pelaksana.nip);
    expect(
      (await staf.get(`/api/perjanjian-kinerja?unorId=${org.unor.opd.id}&tahun=2026`)).json().version,
    ).toBe(1);
    expect(
      (await staf.put('/api/perjanjian-kinerja', { unorId: org.unor.opd.id, tahun: 2026, sasaran }))
        .statusCode,
    ).toBe(403);
    expect(
      (await adminOpd.put('/api/perjanjian-kinerja', { unorId: org.unor.opd2.id, tahun: 2026, sasaran }))
        .statusCode,
    ).toBe(403);
    const stale = await adminOpd.put('/api/perjanjian-kinerja', {
      unorId: org.unor.opd.id,
      tahun: 2026,
      version: 7,
      sasaran,
    });
    expect(stale.statusCode).toBe(409);
    const bad = await adminOpd.put('/api/perjanjian-kinerja', {
      unorId: org.unor.opd.id,
      tahun: 2026,
      sasaran: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toBe('Perjanjian kinerja memuat minimal satu sasaran.');
  });

  it('a head of OPD derives an RHK from an item of the agreement; foreign items and non-JPT plans are refused', async () => {
    const staf = await h.login(org.pelaksana.nip);
    const pk = (await staf.get(`/api/perjanjian-kinerja?unorId=${org.unor.opd.id}&tahun=2026`)).json();
    const kadis = await h.login(org.kepala.nip);
    const draft = (await kadis.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' })).json();
    const rhk = (pkSasaranId: number) => [
      {
        jenis: 'UTAMA',
        rencana: 'Meningkatnya mutu pendidikan menengah',
        pkSasaranId,
        iki: [
          {
            aspek: null,
            indikator: 'Persentase SMA terakreditasi A',
            target: { nilai: 60, satuan: '%' },
            perspektif: 'PENERIMA_LAYANAN',
          },
        ],
      },
    ];
    const saved = await kadis.put(`/api/skp/${draft.id}/isi`, {
      version: draft.version,
      rhk: rhk(pk.sasaran[0].id),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().rhk[0].pkSasaranId).toBe(pk.sasaran[0].id);
    const foreign = await kadis.put(`/api/skp/${draft.id}/isi`, {
      version: saved.json().version,
      rhk: rhk(999999),
    });
    expect(foreign.statusCode).toBe(400);

    const kasi = await h.login(org.pengawas.nip);
    const nonJpt = (await kasi.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' })).json();
    const refused = await kasi.put(`/api/skp/${nonJpt.id}/isi`, {
      version: nonJpt.version,
      rhk: rhk(pk.sasaran[0].id),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe(
      'Hanya RHK pada SKP JPT yang diturunkan dari perjanjian kinerja.',
    );

    // An item an RHK derives from survives an edit of the agreement.
    const admin = await h.login(org.adminBkd.nip);
    const edited = await admin.put('/api/perjanjian-kinerja', {
      unorId: org.unor.opd.id,
      tahun: 2026,
      version: pk.version,
      sasaran,
    });
    expect(edited.json().sasaran[0].id).toBe(pk.sasaran[0].id);
  });
});
