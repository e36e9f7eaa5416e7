import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { demoAccounts, masuk } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { test } from './fixtures.js';

const bkd = demoAccounts().admin_instansi!;

/** Two months ago: a finished month, and not last month, which the monitoring journey computes. */
function duaBulanLalu(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 2);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const tahunLalu = String(new Date().getFullYear() - 1);

test('the BKD admin starts long work, moves on, follows it in the tray and takes the results', async ({
  page,
}) => {
  // A unit's documents are two registered PDFs per employee, made one by one.
  test.setTimeout(240_000);
  await masuk(page, bkd);
  const baki = page.getByRole('complementary', { name: 'Pekerjaan latar' });
  const bulan = duaBulanLalu();
  // Jobs this account finished in earlier journeys (the import's) wait in the tray until closed:
  // closed first, the tray holds this journey's work alone.
  const { items: sebelumnya } = (await (await page.request.get('/api/pekerjaan')).json()) as {
    items: unknown[];
  };
  if (sebelumnya.length > 0) {
    await baki.getByRole('button', { name: 'Tampilkan daftar pekerjaan' }).click();
    const tutup = baki.getByRole('button', { name: 'Tutup' });
    while ((await tutup.count()) > 0) await tutup.first().click();
  }
  await expect(baki).toHaveCount(0);

  await test.step('starts a TPP computation, leaves for the home page, sees it end there', async () => {
    await page.goto(`/tpp?bulan=${bulan}`);
    await expect(page.getByText('TPP bulan ini belum dihitung.')).toBeVisible();
    await page.getByRole('button', { name: 'Hitung TPP' }).click();
    await expect(baki).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Beranda' })
      .click();
    await expect(page.getByRole('heading', { name: `Selamat datang, ${bkd.nama}` })).toBeVisible();
    const item = baki.getByRole('listitem').filter({ hasText: /^Hitung TPP / });
    await expect(item.getByRole('progressbar', { name: /^Kemajuan Hitung TPP / })).toBeVisible();
    await expect(item.getByText(/^Selesai: [\d.]+ pegawai\.$/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('status').filter({ hasText: /^Hitung TPP .* selesai\.$/ })).toBeAttached();
    await periksaAksesibilitas(page, 'beranda dengan panel pekerjaan');
    await item.getByRole('link', { name: 'Lihat hasil' }).click();
    await expect(page.getByText('Draf', { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'TPP per OPD' })).toBeVisible();
    await periksaAksesibilitas(page, 'TPP yang dihitung sebagai pekerjaan');
  });

  await test.step('asks for a unit’s documents as a ZIP, opens another page, downloads it from the tray', async () => {
    // The smallest OPD whose last year's predikat was set: its curve page offers the unit's documents.
    type Unor = { id: number; nama: string; jumlahPegawai: number };
    const daftar = async (url: string) =>
      ((await (await page.request.get(url)).json()) as { items: Unor[] }).items;
    const [akar] = await daftar('/api/unor');
    const opd = (await daftar(`/api/unor?parentId=${akar!.id}`)).sort(
      (a, b) => a.jumlahPegawai - b.jumlahPegawai,
    );
    let unit: Unor | undefined;
    for (const u of opd) {
      const k = await (await page.request.get(`/api/kurva/unor/${u.id}?periode=${tahunLalu}`)).json();
      if (k.penetapan) {
        unit = u;
        break;
      }
    }
    expect(unit, 'sebuah OPD dengan penetapan tahun lalu').toBeDefined();
    // The curve page of that unit, last year's annual period picked: the button beside its penetapan.
    await page.goto(`/kurva?unorId=${unit!.id}`);
    await page.getByRole('combobox', { name: 'Periode', exact: true }).click();
    await page.getByRole('option', { name: `Tahun ${tahunLalu} (penilaian tahunan)` }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Sudah ditetapkan' })
      .getByRole('button', { name: 'Siapkan dokumen evaluasi unit (ZIP)' })
      .click();
    await expect(baki).toBeVisible();
    // Another page, freshly loaded: the tray finds the running job on its own.
    await page.goto('/laporan');
    const item = baki.getByRole('listitem').filter({ hasText: `Dokumen kinerja ${unit!.nama}` });
    await expect(
      item.getByRole('progressbar', { name: `Kemajuan Dokumen kinerja ${unit!.nama} Tahun ${tahunLalu}` }),
    ).toBeVisible({ timeout: 30_000 });
    await periksaAksesibilitas(page, 'laporan dengan pekerjaan ZIP di panel');
    await expect(
      item.getByText(/^([\d.]+ dari [\d.]+ pegawai \(\d+ %\)|Selesai: [\d.]+ pegawai\.)$/),
    ).toBeVisible();
    const unduh = item.getByRole('link', { name: /^Unduh Dokumen-Kinerja-\d+-\d{4}\.zip$/ });
    await expect(unduh).toBeVisible({ timeout: 120_000 });
    const download = page.waitForEvent('download');
    await unduh.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`Dokumen-Kinerja-${unit!.id}-${tahunLalu}.zip`);
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // Closed, it leaves the tray; the TPP job is still listed until closed too.
    await item.getByRole('button', { name: 'Tutup' }).click();
    await expect(item).toHaveCount(0);
    await baki.getByRole('listitem').getByRole('button', { name: 'Tutup' }).click();
    await expect(baki).toHaveCount(0);
  });

  await test.step('makes the Laporan Penilaian SKP as a job, goes elsewhere, downloads it from the tray', async () => {
    const tahun = String(new Date().getFullYear());
    const judul = `Laporan Penilaian SKP ${tahun}`;
    await page.goto('/laporan');
    await page
      .getByRole('heading', { name: 'Laporan Penilaian SKP', exact: true })
      .locator('xpath=..')
      .getByRole('button', { name: 'Buat XLSX' })
      .click();
    const item = baki.getByRole('listitem').filter({ hasText: judul });
    await expect(item.getByRole('progressbar', { name: `Kemajuan ${judul}` })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Beranda' })
      .click();
    await expect(page.getByRole('heading', { name: `Selamat datang, ${bkd.nama}` })).toBeVisible();
    // Rows as they are written, or already the end: the demo's instansi is written within seconds.
    await expect(
      item.getByText(/^([\d.]+ dari [\d.]+ baris \(\d+ %\)|Selesai: [\d.]+ baris\.)$/),
    ).toBeVisible();
    const selesai = item.getByText(/^Selesai: [\d.]+ baris\.$/);
    await expect(selesai).toBeVisible({ timeout: 60_000 });
    const baris = Number((await selesai.textContent())!.replace(/\D/g, ''));
    await periksaAksesibilitas(page, 'beranda dengan ekspor laporan di panel');

    const download = page.waitForEvent('download');
    await item.getByRole('link', { name: `Unduh Laporan-Penilaian-SKP-${tahun}.xlsx` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`Laporan-Penilaian-SKP-${tahun}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    // The header, then one row per employee: as many as the tray counted, as the direct export has.
    expect(sheet.getRow(1).getCell(1).value).toBe('NIP');
    expect(sheet.rowCount).toBe(1 + baris);
    const langsung = new ExcelJS.Workbook();
    await langsung.xlsx.load(
      (await (
        await page.request.get(`/api/laporan/penilaian-skp.xlsx?tahun=${tahun}`)
      ).body()) as unknown as ArrayBuffer,
    );
    expect(langsung.worksheets[0]!.rowCount).toBe(sheet.rowCount);
  });

  await test.step('on the next visit the finished job waits in a small bar that hides no control', async () => {
    // The organisation journey's Save button sat under the open tray after this journey's jobs.
    await page.goto('/laporan');
    const tampilkan = baki.getByRole('button', { name: 'Tampilkan daftar pekerjaan' });
    await expect(tampilkan).toHaveAttribute('aria-expanded', 'false');
    await expect(baki.getByRole('listitem')).toHaveCount(0);
    await expect(baki).toContainText('Pekerjaan (1)');
    // Scrolled to its end, the page's last control stands above the bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const tombol = page.getByRole('main').getByRole('button').last();
    const [bawahTombol, atasBaki] = await Promise.all([
      tombol.evaluate((el) => el.getBoundingClientRect().bottom),
      baki.evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(bawahTombol).toBeLessThanOrEqual(atasBaki);
    await tombol.click({ trial: true });
    await tampilkan.click();
    await expect(baki.getByRole('listitem')).toHaveCount(1);
  });
});
