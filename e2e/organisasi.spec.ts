import { expect } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { test } from './fixtures.js';

const bkd = demoAccounts().admin_instansi!;

test('the BKD marks a bidang head as head of an independent unit with a reason, then unmarks it', async ({
  page,
}) => {
  await masuk(page, bkd);
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Struktur organisasi' })
    .click();
  const tree = page.getByRole('navigation', { name: 'Pohon unit organisasi' });
  await tree.getByRole('button', { name: /Pemerintah Provinsi Gorontalo/ }).click();
  await tree.getByRole('button', { name: /Dinas Pendidikan dan Kebudayaan/ }).click();
  await tree.getByRole('button', { name: /Bidang Kebudayaan/ }).click();

  const saklar = page.getByRole('switch', { name: /Kepala unit kerja mandiri/ });
  await expect(saklar).not.toBeChecked();
  const tandai = async (alasan: string) => {
    await saklar.click({ force: true });
    await page.getByLabel('Alasan').fill(alasan);
    await page.getByRole('button', { name: 'Simpan' }).click();
  };
  // The server refuses a reason over 1000 characters: the Alasan field says why.
  await saklar.click({ force: true });
  const alasan = page.getByLabel('Alasan');
  await alasan.fill('a'.repeat(1001));
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(alasan).toHaveAttribute('aria-invalid', 'true');
  await expect(alasan).toHaveAccessibleDescription(/Terlalu besar: .*1000 karakter/);
  // The summary has the focus; its button takes the user to the field.
  await page.getByRole('button', { name: 'Ke isian yang perlu diperbaiki' }).click();
  await expect(alasan).toBeFocused();
  // Switching back closes the form; the next switch opens it again only once it has closed.
  await saklar.click({ force: true });
  await expect(alasan).toBeHidden();
  await tandai('UPT mandiri menurut pergub');
  await expect(page.getByText('Kepala unit kerja mandiri', { exact: true })).toBeVisible();
  await expect(saklar).toBeChecked();
  await tandai('Kembali ke struktur biasa');
  await expect(page.getByText('Kepala unit kerja mandiri', { exact: true })).toHaveCount(0);
  await expect(saklar).not.toBeChecked();
});
