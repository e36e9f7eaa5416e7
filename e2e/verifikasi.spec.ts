import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { pdfText } from '../test/pdf-text.js';
import { demoAccounts, masuk } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { test } from './fixtures.js';

const staf = demoAccounts().staf!;
const tahun = new Date().getFullYear();

test('a printed SKP carries a code that an anonymous visitor verifies, with the file itself', async ({
  page,
  browser,
}) => {
  await masuk(page, staf);
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'SKP Saya', exact: true })
    .click();
  await page.getByRole('link', { name: new RegExp(`^SKP ${tahun} — `) }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh PDF' }).click();
  const file = await (await download).path();
  const text = (await pdfText(await readFile(file))).replace(/\s+/g, ' ');
  const kode = /Kode verifikasi: ([2-9A-Z]{5}-[2-9A-Z]{5})/.exec(text)?.[1];
  expect(kode).toBeTruthy();

  // Someone holding the print, not logged in, types the code.
  const anonim = await browser.newContext();
  const tamu = await anonim.newPage();
  await tamu.goto('/verifikasi');
  await periksaAksesibilitas(tamu, 'Verifikasi Dokumen (kosong)');
  await tamu.getByLabel('Kode verifikasi').fill(kode!.toLowerCase());
  await tamu.getByRole('button', { name: 'Periksa', exact: true }).click();
  await expect(tamu).toHaveURL(/\/verifikasi\/.+/);
  await expect(tamu.getByText('Dokumen terdaftar')).toBeVisible();
  const identitas = tamu.getByRole('table', { name: 'Identitas dokumen' });
  await expect(identitas.getByText('Sasaran Kinerja Pegawai')).toBeVisible();
  await expect(identitas.getByRole('row', { name: `Nama ${staf.nama}` })).toBeVisible();
  await expect(identitas.getByRole('row', { name: `Dicetak oleh ${staf.nama}` })).toBeVisible();
  await expect(identitas.getByText(kode!)).toBeVisible();
  // The NIP is partly hidden.
  await expect(identitas.getByText(staf.nip)).toHaveCount(0);
  await periksaAksesibilitas(tamu, 'verifikasi dokumen');

  const chooser = tamu.waitForEvent('filechooser');
  await tamu.getByLabel('Berkas PDF').click();
  await (await chooser).setFiles(file);
  await tamu.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(tamu.getByRole('status').filter({ hasText: 'sama persis' })).toBeVisible();
  await anonim.close();
});
