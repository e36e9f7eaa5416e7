import { expect, type Page } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();
const pengawas = accounts.pengawas!;
const staf = accounts.staf!;

async function logout(page: Page) {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/masuk/);
}

async function menu(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name, exact: true })
    .click();
}

/** Today's UTC date: never after the server's today in WITA, whatever the machine's zone or the date. */
const tanggal = new Date().toISOString().slice(0, 10);
const tenggat = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

test('the pengawas records a bimbingan with his staf linked to an RHK with a follow-up; the staf closes it and rates the session', async ({
  page,
}) => {
  const topik = 'Cara merinci rekap data per puskesmas';
  const uraian = 'Menyusun format rekap per puskesmas';

  // Yamin records the dialog for Salim.
  await masuk(page, pengawas);
  await menu(page, 'Dialog Kinerja');
  await expect(page.getByRole('heading', { name: 'Dialog Kinerja' })).toBeVisible();
  await page.getByRole('button', { name: 'Catat dialog' }).click();
  const form = page.getByRole('dialog', { name: 'Catat dialog kinerja' });
  await form.getByRole('combobox', { name: 'Pegawai' }).click();
  await page.getByRole('option', { name: staf.nama }).click();
  await form.getByLabel('Tanggal dialog').fill(tanggal);
  await form.getByRole('combobox', { name: 'Jenis dialog' }).click();
  await page.getByRole('option', { name: 'Bimbingan', exact: true }).click();
  await form.getByLabel('Topik yang dibahas').fill(topik);
  await form.getByLabel('Kesepakatan').fill('Rekap dikirim setiap Jumat.');
  // The RHKs offered are those of Salim's plan of the year.
  const rhk = form.getByRole('checkbox').first();
  const rencana = (await rhk.evaluate((el: HTMLInputElement) => el.labels?.[0]?.textContent ?? '')).trim();
  expect(rencana).not.toBe('');
  await rhk.check();
  await form.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
  const tl = form.getByRole('group', { name: 'Tindak lanjut 1' });
  await tl.getByLabel('Uraian tindak lanjut').fill(uraian);
  await tl.getByLabel('Tenggat').fill(tenggat);
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form).toBeHidden();

  let kartu = page.getByRole('article').filter({ hasText: topik });
  await expect(kartu).toBeVisible();
  await expect(kartu.getByText('Bimbingan', { exact: true })).toBeVisible();
  await expect(kartu.getByText(rencana)).toBeVisible();
  await expect(kartu.getByRole('listitem', { name: `Tindak lanjut: ${uraian}` })).toContainText(staf.nama);
  await logout(page);

  // Salim reads it, closes his follow-up and rates the session once.
  await masuk(page, staf);
  await menu(page, 'Dialog Kinerja');
  kartu = page.getByRole('article').filter({ hasText: topik });
  await expect(kartu).toBeVisible();
  await expect(kartu).toContainText(pengawas.nama);
  const tindakLanjut = kartu.getByRole('listitem', { name: `Tindak lanjut: ${uraian}` });
  await tindakLanjut.getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(tindakLanjut.getByText(/^Selesai/)).toBeVisible();

  await kartu.getByRole('button', { name: 'Beri penilaian' }).click();
  const nilai = page.getByRole('dialog', { name: 'Penilaian dialog kinerja' });
  const pernyataan = nilai.getByRole('radiogroup');
  await expect(pernyataan).toHaveCount(9);
  for (let i = 0; i < 9; i++)
    await pernyataan
      .nth(i)
      .getByLabel(i === 5 ? 'Setuju' : 'Sangat setuju', { exact: true })
      .check();
  await nilai.getByLabel('Saran untuk pimpinan (opsional)').fill('Terima kasih atas arahannya.');
  await nilai.getByRole('button', { name: 'Kirim penilaian' }).click();
  await expect(nilai).toBeHidden();
  await expect(kartu.getByText(/Rata-rata/)).toContainText('3,89');
  await expect(kartu.getByRole('button', { name: 'Beri penilaian' })).toHaveCount(0);
});
