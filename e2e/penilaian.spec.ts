import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { PREDIKAT_PEGAWAI_LABEL } from '../src/domain/predikat.js';
import { pdfText } from '../test/pdf-text.js';
import { demoAccounts } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { test } from './fixtures.js';

const staf = demoAccounts().staf!;
// The demo seeds last year's annual evaluations as FINAL, whatever today's date.
const tahunLalu = new Date().getFullYear() - 1;

test('an employee downloads last year’s Dokumen Evaluasi showing his predikat', async ({ page }) => {
  await page.goto('/masuk');
  await page.getByLabel('NIP').fill(staf.nip);
  await page.getByLabel('Kata sandi', { exact: true }).fill(staf.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: `Selamat datang, ${staf.nama}` })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Evaluasi Tahunan', exact: true })
    .click();
  await page.getByLabel('Tahun').fill(String(tahunLalu));
  await page.getByLabel('Tahun').blur();
  const baris = page.getByRole('row').filter({ hasText: 'Final' }).first();
  await expect(baris).toBeVisible();
  const teks = (await baris.textContent()) ?? '';
  const predikat = Object.values(PREDIKAT_PEGAWAI_LABEL).find((l) => teks.includes(l));
  expect(predikat).toBeDefined();
  await periksaAksesibilitas(page, 'Evaluasi Tahunan');

  await baris.getByRole('link').first().click();
  const download = page.waitForEvent('download');
  await expect(page.getByRole('link', { name: 'Unduh Dokumen Evaluasi (PDF)' })).toBeVisible();
  await periksaAksesibilitas(page, 'evaluasi satu SKP');
  await page.getByRole('link', { name: 'Unduh Dokumen Evaluasi (PDF)' }).click();
  const text = (await pdfText(await readFile(await (await download).path()))).replace(/\s+/g, ' ');
  expect(text).toContain(predikat!);
  expect(text).toContain(staf.nama);
});
