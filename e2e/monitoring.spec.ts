import { readFile } from 'node:fs/promises';
import { expect as base } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { test } from './fixtures.js';

// The first loads compute the recap of a period, and the demo server may still be warming up.
const expect = base.configure({ timeout: 30_000 });

const accounts = demoAccounts();
const bkd = accounts.admin_instansi!;

/**
 * The month before last is complete in the demo whatever today's date (its windows have all closed),
 * and a few of its reports came late; the OPD with the most late employees is drilled into.
 */
function bulanSebelumLalu(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 2);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Last month as the TPP page defaults to it, in the browser's calendar. */
function bulanLalu(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

test('the BKD admin follows compliance per OPD down to a late employee, then pays last month’s TPP', async ({
  page,
}) => {
  const periode = bulanSebelumLalu();
  await masuk(page, bkd);

  await test.step('opens Monitoring and sees the compliance chart per OPD', async () => {
    await page.getByRole('link', { name: 'Monitoring', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Monitoring', exact: true })).toBeVisible();
    await page.goto(`/monitoring?periode=${periode}`);
    await expect(page.getByRole('heading', { name: 'Kepatuhan pelaporan per OPD' })).toBeVisible({
      timeout: 60_000,
    });
    const grafik = page.getByRole('figure', { name: /^Grafik kepatuhan pelaporan per OPD: / });
    await expect(grafik).toBeVisible();
    await expect(grafik.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByText(/^Data dihitung pada /)).toBeVisible();
  });

  let namaOpd = '';
  await test.step('drills down to the OPD with the most late employees', async () => {
    const ringkasan = await page.request.get(`/api/monitoring/ringkasan?periode=${periode}`);
    expect(ringkasan.ok(), await ringkasan.text()).toBeTruthy();
    const opd = ((await ringkasan.json()) as { opd: { nama: string; angka: { terlambat: number } }[] }).opd;
    const terbanyak = [...opd].sort((a, b) => b.angka.terlambat - a.angka.terlambat)[0]!;
    expect(terbanyak.angka.terlambat).toBeGreaterThan(0);
    namaOpd = terbanyak.nama;
    await page.getByRole('link', { name: namaOpd, exact: true }).click();
    await expect(page).toHaveURL(/\/monitoring\/opd\/\d+/);
    await expect(page.getByRole('heading', { name: new RegExp(`^${namaOpd} — `) })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Pengisian per unit kerja' })).toBeVisible();
  });

  await test.step('opens a late employee’s page', async () => {
    const daftar = page.getByRole('table', { name: 'Pegawai terlambat' });
    await expect(daftar.getByText('Melapor terlambat').first()).toBeVisible();
    const baris = daftar.getByRole('row').filter({ hasText: 'Melapor terlambat' }).first();
    const orang = baris.getByRole('link').first();
    const nama = (await orang.textContent())!.trim();
    await orang.click();
    await expect(page).toHaveURL(/\/pegawai\/\d+$/);
    await expect(page.getByRole('heading', { name: 'Detail pegawai' })).toBeVisible();
    await expect(page.getByText(nama).first()).toBeVisible();
  });

  await test.step('computes last month’s TPP, reads an explained line, approves it and downloads the XLSX', async () => {
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'TPP', exact: true })
      .click();
    await expect(page.getByRole('heading', { name: 'TPP', exact: true })).toBeVisible();
    // The national import's journey may have computed this month's draft already: computed again.
    const belum = page.getByText('TPP bulan ini belum dihitung.');
    const hitungUlang = page.getByRole('button', { name: 'Hitung ulang' });
    await expect(belum.or(hitungUlang)).toBeVisible();
    if (await belum.isVisible()) await page.getByRole('button', { name: 'Hitung TPP' }).click();
    else await hitungUlang.click();
    await expect(page.getByText('Draf', { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'TPP per OPD' })).toBeVisible();

    await page
      .getByRole('button', { name: /^Rincian TPP / })
      .first()
      .click();
    const drawer = page.getByRole('dialog');
    await expect(
      drawer.getByText(/^Produktivitas: (Rp [\d.]+ × 60 % × |menunggu penilaian — belum ada predikat )/),
    ).toBeVisible();
    await expect(drawer.getByText(/^Hari kerja bulan ini: \d+ hari\.$/)).toBeVisible();
    await expect(drawer.getByText(/^(Jumlah: Rp|Jumlah dibayarkan: Rp 0 \(ditahan)/)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // The demo's last month is still being assessed: the dialog lists who waits and asks for the reason.
    await page.getByRole('button', { name: 'Setujui', exact: true }).click();
    const setujui = page.getByRole('dialog', { name: /^Setujui TPP / });
    await expect(setujui.getByText(/pegawai menunggu penilaian/)).toBeVisible();
    await expect(setujui.getByRole('button', { name: 'Ya, setujui' })).toBeDisabled();
    await setujui
      .getByRole('textbox', { name: /^Alasan menyetujui/ })
      .fill('Predikat yang belum ada dibayar susulan bulan berikutnya.');
    await setujui.getByRole('button', { name: 'Ya, setujui' }).click();
    await expect(page.getByText('Disetujui', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hitung ulang' })).toHaveCount(0);
    await expect(
      page.getByText('Alasan BKD: Predikat yang belum ada dibayar susulan bulan berikutnya.'),
    ).toBeVisible();

    // The workbook is made as a job; the tray offers it when it is written.
    await page.getByRole('button', { name: 'Buat XLSX' }).click();
    const unduh = page
      .getByRole('complementary', { name: 'Pekerjaan latar' })
      .getByRole('link', { name: `Unduh TPP-${bulanLalu()}.xlsx` });
    await expect(unduh).toBeVisible();
    const download = page.waitForEvent('download');
    await unduh.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`TPP-${bulanLalu()}.xlsx`);
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
