import { expect, type Page } from '@playwright/test';
import { formatNip } from '../src/domain/nip.js';
import { demoAccounts } from './accounts.js';
import { test } from './fixtures.js';
import { tanpaGeserSamping } from './lebar.js';

const accounts = demoAccounts();
const pelaksana = accounts.pelaksana!;
const pengawas = accounts.pengawas!;
const bkd = accounts.admin_instansi!;

async function login(page: Page, nip: string, password: string) {
  await page.goto('/masuk');
  await page.getByLabel('NIP').fill(nip);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

test('a wrong password gives the generic message', async ({ page }) => {
  await login(page, pelaksana.nip, 'bukan-kata-sandinya');
  await expect(page.getByRole('alert')).toHaveText('NIP atau kata sandi salah.');
  await expect(page).toHaveURL(/\/masuk/);
});

test('a pelaksana sees Profil saya with the pejabat penilai, and is refused admin pages', async ({
  page,
}) => {
  await login(page, pelaksana.nip, pelaksana.password);
  await expect(page.getByRole('heading', { name: `Selamat datang, ${pelaksana.nama}` })).toBeVisible();
  await page.getByRole('link', { name: 'Profil saya' }).click();
  await expect(page.getByRole('heading', { name: 'Profil saya' })).toBeVisible();
  await expect(page.getByText(formatNip(pelaksana.nip))).toBeVisible();
  await expect(page.getByText(new RegExp(`^${pengawas.nama.replace(/[.,]/g, '\\$&')} — `))).toBeVisible();

  await expect(page.getByRole('link', { name: 'Pegawai' })).toHaveCount(0);
  await page.goto('/pegawai');
  await expect(page.getByRole('heading', { name: 'Anda tidak berwenang' })).toBeVisible();
  const api = await page.request.get('/api/pegawai');
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe('FORBIDDEN');
});

test('the BKD admin finds an employee by NIP and opens the employee page with the superior chain', async ({
  page,
}) => {
  await login(page, bkd.nip, bkd.password);
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await page.getByLabel('Cari pegawai').fill(pelaksana.nip);
  await page.getByRole('link', { name: pelaksana.nama }).click();
  await expect(page.getByRole('heading', { name: 'Detail pegawai' })).toBeVisible();
  await expect(page.getByRole('heading', { name: pelaksana.nama })).toBeVisible();
  const chain = page.locator('div', { has: page.getByRole('heading', { name: 'Rantai atasan' }) }).last();
  await expect(chain.getByRole('link', { name: pengawas.nama })).toBeVisible();
  await expect(chain.getByRole('link', { name: accounts.administrator!.nama })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kelola pegawai' })).toBeVisible();
});

test('on a 360 px phone the navigation opens from the burger menu', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, bkd.nip, bkd.password);
  await expect(page.getByRole('heading', { name: /Selamat datang/ })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Struktur organisasi' })).not.toBeInViewport();
  await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
  await nav.getByRole('link', { name: 'Struktur organisasi' }).click();
  await expect(page.getByRole('heading', { name: 'Struktur organisasi' })).toBeVisible();
  const tree = page.getByRole('navigation', { name: 'Pohon unit organisasi' });
  await tree.getByRole('button', { name: /Pemerintah Provinsi Gorontalo/ }).click();
  await expect(tree.getByRole('button', { name: /Dinas Kesehatan/ })).toBeVisible();
  await tanpaGeserSamping(page);
  await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
  await nav.getByRole('link', { name: 'Profil saya' }).click();
  await expect(page.getByRole('heading', { name: 'Profil saya' })).toBeVisible();
  await page.screenshot({ path: 'test-results/profil-360.png', fullPage: true });
});
