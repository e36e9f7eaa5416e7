/**
 * Single sign-on through a real OpenID provider (oidc-provider, started here on a random port outside
 * the application's): the BKD admin enters the provider in Pengaturan, then an employee logs in
 * with the "Masuk dengan SSO" button through the provider's own login form and lands on the home
 * page. SSO is turned off again afterwards, so the other journeys see the usual login page.
 */
import { expect } from '@playwright/test';
import { CLIENT_ID, CLIENT_SECRET, mulaiPenyedia, type PenyediaUji } from '../test/oidc-penyedia.js';
import { demoAccounts, masuk } from './accounts.js';
import { apiLogin } from './api.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();
const bkd = accounts.admin_instansi!;
const pegawai = accounts.pelaksana!;
let penyedia: PenyediaUji;

test.beforeAll(async ({ baseURL }) => {
  penyedia = await mulaiPenyedia({
    aplikasi: baseURL!,
    akun: { 'pegawai.sso': { name: pegawai.nama, nip: pegawai.nip } },
  });
});

test.afterAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const csrfToken = await apiLogin(api, bkd);
  const now = (await (await api.get('/api/pengaturan/sso')).json()) as Record<string, unknown>;
  await api.put('/api/pengaturan/sso', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      aktif: false,
      penerbit: now.penerbit ?? penyedia.issuer,
      clientId: now.clientId ?? CLIENT_ID,
      klaimNip: now.klaimNip,
      kataSandiNonaktif: { admin: false, penilai: false, lainnya: false },
      version: now.version,
    },
  });
  await api.dispose();
  await penyedia?.tutup();
});

test('the BKD connects the SSO provider; an employee logs in with the SSO button', async ({ page }) => {
  await masuk(page, bkd);
  await page.goto('/pengaturan');
  const sso = page.getByRole('form', { name: 'Masuk dengan SSO' });
  await expect(sso.getByText('Belum ada yang tersimpan.')).toBeVisible();
  await sso.getByRole('switch', { name: 'Aktifkan masuk dengan SSO' }).check();
  await sso.getByLabel('Alamat penerbit (issuer)').fill(penyedia.issuer);
  await sso.getByLabel('Client ID').fill(CLIENT_ID);
  await sso.getByLabel('Client secret').fill(CLIENT_SECRET);
  await expect(sso.getByLabel('Klaim yang memuat NIP')).toHaveValue('nip');
  await sso.getByRole('button', { name: 'Simpan pengaturan SSO' }).click();
  await expect(page.getByText('Pengaturan SSO tersimpan.')).toBeVisible();
  // The secret is never shown back: the field is empty and says one is stored.
  await expect(sso.getByText(/Tersimpan \(tidak ditampilkan\)/)).toBeVisible();
  await expect(sso.getByLabel('Client secret')).toHaveValue('');

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByLabel('NIP')).toBeVisible();
  await page.getByRole('button', { name: 'Masuk dengan SSO' }).click();

  // The provider's own page, on its own origin.
  await expect(page.getByRole('heading', { name: 'Masuk ke penyedia SSO' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(penyedia.issuer);
  await page.getByLabel('Nama pengguna').fill('pegawai.sso');
  await page.getByRole('button', { name: 'Masuk ke penyedia' }).click();

  await expect(page.getByRole('heading', { name: `Selamat datang, ${pegawai.nama}` })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/');
});
