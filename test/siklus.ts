/**
 * The monthly cycle for integration tests: the kasi's two pelaksana with approved 2026 plans (on top
 * of approvedChain), a month filled and submitted through the API, instants in WITA.
 */
import { expect } from 'vitest';
import type { Harness } from './harness.js';
import type { Org } from './org.js';
import { approvedChain, type Client, plan, submitAndApprove, tiga } from './skp.js';

/** 10:00 (or `jam`) WITA on a local date, as an ISO instant. */
export const wita = (tanggal: string, jam = 10) =>
  new Date(Date.parse(`${tanggal}T00:00:00Z`) + (jam - 8) * 3_600_000).toISOString();

/** The chain with approved plans for staf and staf2 (two RHKs each) under the kasi. */
export async function siklus(h: Harness, org: Org) {
  const { c, plans } = await approvedChain(h, org);
  const rencana = (nama: string) => [
    {
      jenis: 'UTAMA',
      rencana: `Terhimpunnya data ${nama}`,
      iki: tiga(12, 'data'),
      intervensi: [plans.kasi.rhk[0].id],
    },
    {
      jenis: 'UTAMA',
      rencana: `Tersusunnya laporan ${nama}`,
      iki: tiga(12, 'laporan'),
      intervensi: [plans.kasi.rhk[1].id],
    },
  ];
  const staf = await submitAndApprove(c.staf, c.kasi, await plan(c.staf, rencana('kurikulum')));
  const staf2 = await submitAndApprove(c.staf2, c.kasi, await plan(c.staf2, rencana('supervisi')));
  const ids = (p: { rhk: { id: number }[] }) => p.rhk.map((r) => r.id);
  return { rhk: { staf: ids(staf), staf2: ids(staf2), kasi: ids(plans.kasi) } };
}

/**
 * The chain with an approved 2026 plan for staf: two UTAMA RHKs (120 data, 12 laporan) intervening
 * the kasi's first two. Returns the clients and plans of approvedChain and staf's RHK ids.
 */
export async function stafDenganRencana(h: Harness, org: Org) {
  const { c, plans } = await approvedChain(h, org);
  const pStaf = await submitAndApprove(
    c.staf,
    c.kasi,
    await plan(c.staf, [
      {
        jenis: 'UTAMA',
        rencana: 'Terhimpunnya data kurikulum sekolah',
        iki: tiga(120, 'data'),
        intervensi: [plans.kasi.rhk[0].id],
      },
      {
        jenis: 'UTAMA',
        rencana: 'Tersusunnya laporan supervisi',
        iki: tiga(12, 'laporan'),
        intervensi: [plans.kasi.rhk[1].id],
      },
    ]),
  );
  return { c, plans, rhkStaf: pStaf.rhk.map((r: { id: number }) => r.id) as number[] };
}

/** Fills every RHK with a value and submits the period. */
export async function isiDanAjukan(client: Client, rhkIds: number[], periode: string) {
  for (const id of rhkIds) {
    const saved = await client.put(`/api/realisasi/${id}/${periode}`, { nilai: 1, satuan: 'data' });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  const res = await client.post('/api/realisasi/ajukan', { periode });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The realisasi of one RHK in the month view. */
export function realisasiOf(bulan: { items: { rhk: { id: number }; realisasi: unknown }[] }, rhkId: number) {
  return bulan.items.find((i) => i.rhk.id === rhkId)!.realisasi as {
    id: number;
    status: string;
    version: number;
    riwayat: { aksi: string; oleh: { id: number } }[];
  };
}
