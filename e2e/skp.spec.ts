import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { pdfText } from '../test/pdf-text.js';
import { demoAccounts, masuk } from './accounts.js';
import { test } from './fixtures.js';
import { tanpaGeserSamping } from './lebar.js';

const accounts = demoAccounts();
const pelaksana = accounts.pelaksana!;
const pengawas = accounts.pengawas!;
const tahun = new Date().getFullYear();

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

/** The assessor opens the subordinate's plan from SKP Bawahan. */
async function bukaSkpBawahan(page: Page, status: string) {
  await menu(page, 'SKP Bawahan');
  await expect(page.getByRole('heading', { name: 'SKP Bawahan' })).toBeVisible();
  await page.getByLabel('Cari').fill(pelaksana.nip);
  const row = page.getByRole('row', { name: new RegExp(pelaksana.nama.replace(/[.,]/g, '\\$&')) });
  await expect(row.getByText(status, { exact: true })).toBeVisible();
  await row.getByRole('link', { name: pelaksana.nama }).click();
  await expect(page.getByRole('heading', { name: `SKP ${tahun}` })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Pegawai yang Dinilai' }).getByText(pelaksana.nama),
  ).toBeVisible();
}

const status = (page: Page) => page.getByRole('status', { name: 'Status SKP' });

test('a pelaksana writes an SKP, the pengawas returns it with a note, then approves the fixed one; the PDF holds it', async ({
  page,
}) => {
  const rencana = 'Tersusunnya rekap gizi balita';
  const rencanaBaru = 'Tersusunnya rekap gizi balita per desa';
  const catatan = 'Sebutkan cakupan wilayah rekap pada rumusan RHK.';

  // Idris creates this year's plan.
  await masuk(page, pelaksana);
  await menu(page, 'SKP Saya');
  await expect(page.getByRole('heading', { name: 'SKP Saya' })).toBeVisible();
  await page.getByRole('button', { name: 'Buat SKP' }).click();
  const buat = page.getByRole('dialog', { name: 'Buat SKP' });
  await expect(buat.getByRole('combobox', { name: 'Tahun' })).toHaveValue(String(tahun));
  await buat.getByLabel('Kuantitatif').check();
  await buat.getByRole('button', { name: 'Buat', exact: true }).click();
  await expect(page.getByRole('heading', { name: `SKP ${tahun}` })).toBeVisible();
  await expect(status(page)).toHaveText('Draf');

  // One UTAMA RHK intervening one of Yamin's RHKs, with Kuantitas, Kualitas and Waktu.
  const rhk = page.getByRole('group', { name: 'RHK Utama 1' });
  await rhk.getByLabel('Rencana Hasil Kerja').fill(rencana);
  await rhk.getByLabel('RHK Atasan yang Diintervensi').click();
  const pilihan = page.getByRole('option').first();
  const rhkAtasan = (await pilihan.textContent())!.trim();
  await pilihan.click();
  await page.keyboard.press('Escape');
  // The third IKI is removed and added again, choosing its aspect.
  await rhk.getByRole('button', { name: 'Hapus IKI 3' }).click();
  await rhk.getByRole('button', { name: 'Tambah IKI' }).click();
  await rhk.getByRole('group', { name: 'IKI 3' }).getByRole('combobox', { name: 'Aspek' }).click();
  await page.getByRole('option', { name: 'Waktu', exact: true }).click();
  const iki = [
    ['Kuantitas', 'Jumlah rekap gizi balita', '12', 'dokumen'],
    ['Kualitas', 'Persentase rekap sesuai standar', '100', '%'],
    ['Waktu', 'Ketepatan waktu penyampaian rekap', '12', 'bulan'],
  ] as const;
  for (const [i, [aspek, indikator, target, satuan]] of iki.entries()) {
    const row = rhk.getByRole('group', { name: `IKI ${i + 1}` });
    await expect(row.getByRole('combobox', { name: 'Aspek' })).toHaveValue(aspek);
    await row.getByLabel('Indikator').fill(indikator);
    await row.getByLabel('Target', { exact: true }).fill(target);
    await row.getByLabel('Satuan').fill(satuan);
  }
  // The server refuses a unit over 60 characters: that IKI's own Satuan says why.
  const satuan1 = rhk.getByRole('group', { name: 'IKI 1' }).getByLabel('Satuan');
  await satuan1.fill('d'.repeat(61));
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(satuan1).toHaveAttribute('aria-invalid', 'true');
  await expect(satuan1).toHaveAccessibleDescription(/Terlalu besar: .*60 karakter/);
  // The summary has the focus; its button takes the user to the field.
  await page.getByRole('button', { name: 'Ke isian yang perlu diperbaiki' }).click();
  await expect(satuan1).toBeFocused();
  await satuan1.fill('dokumen');
  await expect(page.getByRole('button', { name: 'Ajukan' })).toBeDisabled();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Ada perubahan yang belum disimpan.')).toBeHidden();
  await expect(page.getByRole('list', { name: 'Yang harus diperbaiki sebelum diajukan' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Ajukan' }).click();
  await expect(status(page)).toHaveText('Diajukan');
  const tabel = page.getByRole('table', { name: 'Hasil kerja' });
  await expect(tabel.getByText(rencana)).toBeVisible();
  await expect(tabel.getByText(rhkAtasan)).toBeVisible();
  await logout(page);

  // Yamin writes one ekspektasi and returns the plan with a note.
  await masuk(page, pengawas);
  await bukaSkpBawahan(page, 'Diajukan');
  await page
    .getByLabel('Ekspektasi Khusus Pimpinan: Berorientasi Pelayanan')
    .fill('Rekap selalu tepat waktu.');
  await page.getByRole('button', { name: 'Simpan ekspektasi' }).click();
  await expect(page.getByRole('button', { name: 'Simpan ekspektasi' })).toBeDisabled();
  await page.getByRole('button', { name: 'Kembalikan' }).click();
  const kembalikan = page.getByRole('dialog', { name: 'Kembalikan SKP' });
  await kembalikan.getByRole('button', { name: 'Kembalikan' }).click();
  await expect(kembalikan.getByText('Catatan pengembalian wajib diisi.')).toBeVisible();
  await kembalikan.getByLabel('Catatan pengembalian').fill(catatan);
  await kembalikan.getByRole('button', { name: 'Kembalikan' }).click();
  await expect(status(page)).toHaveText('Dikembalikan');
  await logout(page);

  // Idris reads the note, rewrites the RHK and submits again.
  await masuk(page, pelaksana);
  await menu(page, 'SKP Saya');
  await page.getByRole('link', { name: new RegExp(`^SKP ${tahun} — `) }).click();
  await expect(page.getByRole('status', { name: 'SKP dikembalikan' })).toContainText(catatan);
  await expect(page.getByRole('row', { name: /Berorientasi Pelayanan/ })).toContainText(
    'Rekap selalu tepat waktu.',
  );
  await page.getByRole('group', { name: 'RHK Utama 1' }).getByLabel('Rencana Hasil Kerja').fill(rencanaBaru);
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Ada perubahan yang belum disimpan.')).toBeHidden();
  await page.getByRole('button', { name: 'Ajukan' }).click();
  await expect(status(page)).toHaveText('Diajukan');
  await logout(page);

  // Yamin approves.
  await masuk(page, pengawas);
  await bukaSkpBawahan(page, 'Diajukan');
  await expect(page.getByRole('table', { name: 'Hasil kerja' }).getByText(rencanaBaru)).toBeVisible();
  await page.getByRole('button', { name: 'Setujui' }).click();
  await page
    .getByRole('dialog', { name: 'Setujui SKP' })
    .getByRole('button', { name: 'Ya, setujui' })
    .click();
  await expect(status(page)).toHaveText('Disetujui');
  await logout(page);

  // Idris downloads the signed-off document: it holds the rewritten RHK.
  await masuk(page, pelaksana);
  await menu(page, 'SKP Saya');
  await page.getByRole('link', { name: new RegExp(`^SKP ${tahun} — `) }).click();
  await expect(status(page)).toHaveText('Disetujui');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh PDF' }).click();
  const file = await (await download).path();
  const text = (await pdfText(await readFile(file))).replace(/\s+/g, ' ');
  expect(text).toContain(rencanaBaru);
  expect(text).toContain(pelaksana.nama);

  // On a 360 px phone the plan reads as cards and the page does not scroll sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(
    page.getByRole('region', { name: 'Hasil kerja', exact: true }).getByText(rencanaBaru),
  ).toBeVisible();
  await tanpaGeserSamping(page);
  await page.screenshot({ path: 'test-results/skp-360.png', fullPage: true });
});

test('the pengawas filters SKP Bawahan, sends in-app reminders and gets the XLSX of the filtered list', async ({
  page,
}) => {
  await masuk(page, pengawas);
  await menu(page, 'SKP Bawahan');
  const tabel = page.getByRole('table', { name: 'SKP bawahan' });
  await expect(tabel.getByRole('link', { name: pelaksana.nama })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Tahun' })).toHaveValue(String(tahun));

  await page.getByLabel('Cari').fill(pelaksana.nip.slice(0, 8));
  await expect(tabel.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Cari').fill('');
  await page.getByRole('combobox', { name: 'Status', exact: true }).click();
  await page.getByRole('option', { name: 'Disetujui', exact: true }).click();
  await expect(tabel.getByText('Disetujui', { exact: true }).first()).toBeVisible();
  await expect(tabel.getByText(/^(Draf|Diajukan|Dikembalikan|Belum ada)$/)).toHaveCount(0);
  const xlsx = page.getByRole('link', { name: 'Unduh XLSX' });
  await expect(xlsx).toHaveAttribute('href', new RegExp(`tahun=${tahun}&status=DISETUJUI`));
  const download = page.waitForEvent('download');
  await xlsx.click();
  const bytes = await readFile(await (await download).path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  await page.getByRole('combobox', { name: 'Status', exact: true }).click();
  await page.getByRole('option', { name: 'Semua status' }).click();
  await page.getByRole('checkbox', { name: 'Pilih semua' }).check();
  await page.getByRole('button', { name: /^Kirim pengingat/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Kirim pengingat' });
  await dialog.getByLabel('Pesan (opsional)').fill('Mohon SKP segera dilengkapi.');
  await dialog.getByRole('button', { name: 'Kirim' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Pengingat terkirim kepada \d+ pegawai\./ }),
  ).toBeVisible();
});
