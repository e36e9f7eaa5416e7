/** Steps the journeys take through the API rather than the screen, to set up what they test. */
import { type APIRequestContext, expect } from '@playwright/test';
import type { DemoAccount } from './accounts.js';

/** Logs the request context in and returns the CSRF token its writes need. */
export async function apiLogin(api: APIRequestContext, a: Pick<DemoAccount, 'nip' | 'password'>) {
  const res = await api.post('/api/auth/login', { data: { nip: a.nip, password: a.password } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

export interface Bukaan {
  jenis: 'INPUT' | 'PENILAIAN' | 'PERBAIKAN';
  periodeKode: string;
  pegawaiId: number;
  alasan: string;
  /** ISO instant; two days from now unless given (from the server's clock when it differs). */
  berakhir?: string;
}

/**
 * The BKD's exception opening one window of a period for one employee, so a journey does not depend
 * on today's date. `api` is logged in as the BKD admin.
 */
export async function bukaJendela(api: APIRequestContext, csrf: string, bukaan: Bukaan) {
  const berakhir = bukaan.berakhir ?? new Date(Date.now() + 2 * 86_400_000).toISOString();
  const res = await api.post('/api/jadwal/bukaan', {
    headers: { 'x-csrf-token': csrf },
    data: { ...bukaan, berakhir },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
}
