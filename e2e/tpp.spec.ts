import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { type DemoAccount, demoAccounts } from './accounts.js';

const accounts = demoAccounts();
const bkd = accounts.admin_instansi!;

async function login(page: Page, a: DemoAccount) {
  await page.goto('/masuk');
  await page.getByLabel('NIP').fill(a.nip);
  await page.getByLabel('Kata sandi').fill(a.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: `Selamat datang, ${a.nama}` })).toBeVisible();
}

/** Last month as the page defaults to it, in the browser's calendar. */
function bulanLalu(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

test('the BKD computes last month’s TPP, reads an explained line, approves it and downloads the XLSX', async ({
  page,
}) => {
  await login(page, bkd);
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'TPP', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'TPP', exact: true })).toBeVisible();

  await expect(page.getByText('TPP bulan ini belum dihitung.')).toBeVisible();
  await page.getByRole('button', { name: 'Hitung TPP' }).click();
  await expect(page.getByText('Draf', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'TPP per OPD' })).toBeVisible();

  // One employee's line explains itself.
  await page
    .getByRole('button', { name: /^Rincian TPP / })
    .first()
    .click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText(/^Produktivitas: Rp [\d.]+ × 60 % × /)).toBeVisible();
  await expect(drawer.getByText(/^Hari kerja bulan ini: \d+ hari\.$/)).toBeVisible();
  await expect(drawer.getByText(/^(Jumlah: Rp|Jumlah dibayarkan: Rp 0 \(ditahan)/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await page.getByRole('button', { name: 'Setujui', exact: true }).click();
  await page
    .getByRole('dialog', { name: /^Setujui TPP / })
    .getByRole('button', { name: 'Ya, setujui' })
    .click();
  await expect(page.getByText('Disetujui', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hitung ulang' })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh XLSX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`TPP-${bulanLalu()}.xlsx`);
  const bytes = await readFile(await file.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});
