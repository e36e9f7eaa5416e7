/** Plans through the API for integration tests: IKI builders, a saved draft, submit-and-approve. */
import { expect } from 'vitest';
import type { Harness } from './harness.js';
import type { Org } from './org.js';

export type Client = Awaited<ReturnType<Harness['login']>>;

export const iki = (
  aspek: string | null,
  indikator: string,
  nilai: number,
  satuan: string,
  perspektif: string | null = null,
) => ({
  aspek,
  indikator,
  target: { nilai, nilaiMaks: null, satuan, teks: null },
  perspektif,
});

/** The usual three aspects of a non-JPT RHK. */
export const tiga = (n: number, satuan: string) => [
  iki('KUANTITAS', `Jumlah ${satuan}`, n, satuan),
  iki('KUALITAS', 'Persentase sesuai standar', 100, '%'),
  iki('WAKTU', 'Ketepatan waktu', 12, 'bulan'),
];

/** A 2026 KUANTITATIF draft of the client's own with this content. */
export async function plan(c: Client, rhk: unknown[]) {
  const created = await c.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' });
  expect(created.statusCode, created.body).toBe(200);
  const saved = await c.put(`/api/skp/${created.json().id}/isi`, { version: created.json().version, rhk });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json();
}

export async function submitAndApprove(owner: Client, penilai: Client, skp: { id: number; version: number }) {
  const submitted = await owner.post(`/api/skp/${skp.id}/ajukan`, { version: skp.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approved = await penilai.post(`/api/skp/${skp.id}/setujui`, { version: submitted.json().version });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json();
}

/**
 * Kepala dinas (from a PK item) → kabid → kasi (two RHKs), all approved for 2026; returns the
 * logged-in clients of the chain and the admins, and the three plans.
 */
export async function approvedChain(h: Harness, org: Org) {
  const c = {
    gub: await h.login(org.gubernur.nip),
    kadis: await h.login(org.kepala.nip),
    kabid: await h.login(org.administrator.nip),
    kasi: await h.login(org.pengawas.nip),
    staf: await h.login(org.pelaksana.nip),
    staf2: await h.login(org.pelaksana2.nip),
    fung: await h.login(org.fungsional.nip),
    adminBkd: await h.login(org.adminBkd.nip),
    adminOpd: await h.login(org.adminOpd.nip),
  };
  const pk = await c.adminOpd.put('/api/perjanjian-kinerja', {
    unorId: org.unor.opd.id,
    tahun: 2026,
    sasaran: [
      {
        sasaran: 'Meningkatnya mutu pendidikan menengah',
        indikator: 'Persentase SMA terakreditasi A',
        targetNilai: 80,
        targetSatuan: '%',
      },
    ],
  });
  expect(pk.statusCode, pk.body).toBe(200);
  const kadis = await submitAndApprove(
    c.kadis,
    c.gub,
    await plan(c.kadis, [
      {
        jenis: 'UTAMA',
        rencana: 'Meningkatnya mutu pendidikan menengah',
        pkSasaranId: pk.json().sasaran[0].id,
        iki: [iki(null, 'Jumlah dokumen kurikulum', 40, 'dokumen', 'PROSES_BISNIS')],
      },
    ]),
  );
  const kabid = await submitAndApprove(
    c.kabid,
    c.kadis,
    await plan(c.kabid, [
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya kurikulum SMA',
        iki: tiga(40, 'dokumen'),
        intervensi: [kadis.rhk[0].id],
      },
    ]),
  );
  const kasi = await submitAndApprove(
    c.kasi,
    c.kabid,
    await plan(c.kasi, [
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya dokumen kurikulum per sekolah',
        iki: tiga(20, 'dokumen'),
        intervensi: [kabid.rhk[0].id],
      },
      {
        jenis: 'UTAMA',
        rencana: 'Terlaksananya supervisi kurikulum',
        iki: tiga(12, 'laporan'),
        intervensi: [kabid.rhk[0].id],
      },
    ]),
  );
  return { c, plans: { kadis, kabid, kasi } };
}
