/**
 * Issue 14: the superior chain on a profile links only where the viewer may go. An employee sees his
 * superiors' names (their pages are not his to open); the BKD admin follows them.
 */
import { expect } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();
const staf = accounts.staf!;

const rantai = (page: import('@playwright/test').Page) =>
  page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: 'Rantai atasan' }) });

test('an employee reads his superior chain as names, without links that would answer 403', async ({
  page,
}) => {
  await masuk(page, staf);
  await page.goto('/profil');
  await expect(rantai(page).getByRole('listitem').first()).toBeVisible();
  await expect(rantai(page).getByRole('link')).toHaveCount(0);
});

test('the BKD admin follows the chain of an employee to the superior’s page', async ({ page }) => {
  await masuk(page, accounts.admin_instansi!);
  const found = (await (await page.request.get(`/api/pegawai?q=${staf.nip}`)).json()) as {
    items: { id: number }[];
  };
  await page.goto(`/pegawai/${found.items[0]!.id}`);
  const pertama = rantai(page).getByRole('link').first();
  const nama = (await pertama.textContent()) ?? '';
  await pertama.click();
  await expect(page.getByRole('heading', { name: nama })).toBeVisible();
  await expect(page.getByText('Anda tidak berwenang')).toHaveCount(0);
});
