/** Plans through the API for integration tests: IKI builders, a saved draft, submit-and-approve. */
import { expect } from 'vitest';
import type { Harness } from './harness.js';

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
