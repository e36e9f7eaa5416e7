import { expect } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();

test('the BKD admin opens the follow-up lists of a year and finds each list with its download', async ({
  page,
}) => {
  await masuk(page, accounts.admin_instansi!);
  await page.getByRole('link', { name: 'Tindak Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Tindak Lanjut Penilaian' })).toBeVisible();
  await page.getByLabel('Tahun penilaian').fill('2026');
  for (const tab of [
    'Usul Kenaikan Pangkat',
    'Kelompok Rencana Suksesi (Talenta)',
    'Tidak Mencapai Target Berulang',
  ])
    await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  await page.getByRole('tab', { name: 'Belum Lengkap' }).click();
  await expect(page.getByRole('link', { name: 'Unduh XLSX' })).toHaveAttribute(
    'href',
    '/api/tindak-lanjut/ekspor.xlsx?tahun=2026&daftar=BELUM_LENGKAP',
  );
  await expect(page.getByRole('table')).toBeVisible();
  await periksaAksesibilitas(page, 'Tindak Lanjut');
});

test('an OPD admin has no follow-up lists in the menu', async ({ page }) => {
  await masuk(page, accounts.admin_opd!);
  await expect(page.getByRole('link', { name: 'Pegawai' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tindak Lanjut' })).toHaveCount(0);
});
