import { expect } from '@playwright/test';
import { demoAccounts } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { test } from './fixtures.js';

const bkd = demoAccounts().admin_instansi!;

test('the BKD admin moves a window of the monthly schedule; an overlapping one is refused in Indonesian', async ({
  page,
}) => {
  await page.goto('/masuk');
  await page.getByLabel('NIP').fill(bkd.nip);
  await page.getByLabel('Kata sandi', { exact: true }).fill(bkd.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: /Selamat datang/ })).toBeVisible();
  await page.goto('/pengaturan');

  const akhirInput = page.getByLabel('sampai tanggal').first();
  await expect(page.getByLabel('Pengisian realisasi: mulai')).toHaveValue('1');
  await expect(akhirInput).toHaveValue('7');

  // Input until the 9th overlaps the assessment window (8–15): the server refuses, nothing changes.
  await akhirInput.fill('9');
  await page.getByRole('button', { name: 'Simpan pengaturan', exact: true }).click();
  const galat = page.getByRole('alert');
  await expect(galat).toContainText('Jendela penilaian harus dimulai');
  // Where the eye is: by the button, in view and focused, in words and not an API path (issue 14).
  await expect(galat).toBeInViewport();
  await expect(galat).toBeFocused();
  await expect(galat).not.toContainText('body.');
  await periksaAksesibilitas(page, 'Pengaturan (simpan ditolak)');
  const unchanged = await page.request.get('/api/pengaturan');
  expect((await unchanged.json()).jendela.input).toEqual({ mulai: 1, akhir: 7 });

  // Until the 6th is fine, and what GET /api/jadwal reports follows it.
  await akhirInput.fill('6');
  await page.getByRole('button', { name: 'Simpan pengaturan', exact: true }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();
  const saved = await (await page.request.get('/api/pengaturan')).json();
  expect(saved.jendela.input).toEqual({ mulai: 1, akhir: 6 });

  // Back to the SPEC default for the other journeys.
  await page.reload();
  await page.getByLabel('sampai tanggal').first().fill('7');
  await page.getByRole('button', { name: 'Simpan pengaturan', exact: true }).click();
  await expect(page.getByText('Pengaturan tersimpan.')).toBeVisible();
});
