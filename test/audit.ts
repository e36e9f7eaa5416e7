/** One audited change through the API, for the audit tests: the BKD admin overrides an employee's superior. */
import { expect } from 'vitest';
import type { Harness } from './harness.js';
import type { Org, Person } from './org.js';

export async function ubahAtasan(h: Harness, org: Org, p: Person) {
  const bkd = await h.login(org.adminBkd.nip);
  const { version } = (await bkd.get(`/api/pegawai/${p.id}`)).json();
  const res = await bkd.put(`/api/pegawai/${p.id}/atasan`, {
    atasanId: org.kepala.id,
    alasan: 'Uji',
    version,
  });
  expect(res.statusCode, res.body).toBe(200);
}
