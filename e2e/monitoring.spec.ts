import { expect as base, type Page, test } from '@playwright/test';
import { type DemoAccount, demoAccounts } from './accounts.js';

// The first loads compute the recap of a period, and the demo server may still be warming up.
const expect = base.configure({ timeout: 30_000 });

const accounts = demoAccounts();
const bkd = accounts.admin_instansi!;

async function login(page: Page, a: DemoAccount) {
  await page.goto('/masuk');
  await page.getByLabel('NIP').fill(a.nip);
  await page.getByLabel('Kata sandi').fill(a.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: `Selamat datang, ${a.nama}` })).toBeVisible();
}

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

// One journey, step by step, so later steps (e.g. the TPP export) can be appended to it.
test('the BKD admin follows compliance per OPD down to a late employee', async ({ page }) => {
  test.setTimeout(180_000);
  const periode = bulanSebelumLalu();
  await login(page, bkd);

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
});
