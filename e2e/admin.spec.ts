import { expect, type Page } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();
const bkd = accounts.admin_instansi!;
const fungsional = accounts.fungsional!;
const administrator = accounts.administrator!;

const loginAsBkd = (page: Page) => masuk(page, bkd);

async function openPegawai(page: Page, nip: string, nama: string) {
  await page.goto('/pegawai');
  await page.getByLabel('Cari pegawai').fill(nip);
  await page.getByRole('link', { name: nama }).click();
  await expect(page.getByRole('heading', { name: nama })).toBeVisible();
}

test('the BKD admin overrides a superior with a reason, sees it, and finds it in the audit log', async ({
  page,
}) => {
  await loginAsBkd(page);
  await openPegawai(page, fungsional.nip, fungsional.nama);
  const form = page.getByRole('form', { name: 'Ubah atasan' });
  await form.getByLabel('Atasan baru').fill(administrator.nip.slice(0, 12));
  await page.getByRole('option', { name: new RegExp(administrator.nama.replace(/[.,]/g, '\\$&')) }).click();
  await form.getByLabel('Alasan').fill('Langsung di bawah kepala bidang');
  await form.getByRole('button', { name: 'Tetapkan atasan' }).click();
  await expect(
    page.getByText(`Atasan ditetapkan admin: ${administrator.nama} (Langsung di bawah kepala bidang)`),
  ).toBeVisible();
  await expect(page.getByText(`${administrator.nama} — `).first()).toBeVisible();

  await page.getByRole('link', { name: 'Log audit' }).click();
  await expect(
    page.getByRole('table', { name: 'Log audit' }).getByText('pegawai.atasan.override').first(),
  ).toBeVisible();
});

async function pilihBerkas(page: Page, name: string, lines: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Berkas CSV atau XLSX').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
}

test('the BKD admin tests an import file, sees each bad row, then applies a good one as a job he may leave', async ({
  page,
}) => {
  await loginAsBkd(page);
  await page.getByRole('link', { name: 'Impor pegawai' }).click();
  // The page also holds the national results' import, with buttons of the same names.
  const bagian = page.getByRole('region', { name: 'Impor data pegawai' });
  await pilihBerkas(page, 'pegawai.csv', [
    'NIP,Nama,Jenis ASN,Golongan,Jabatan,Unor',
    '19851332 201001 1 002,NIP Salah,PNS,III/a,Pengadministrasi Perkantoran,Sekretariat',
    '198503122010011002,Unor Salah,PNS,III/a,Pengadministrasi Perkantoran,Dinas Yang Tidak Ada',
  ]);
  await bagian.getByRole('button', { name: 'Uji berkas' }).click();
  const table = bagian.getByRole('table', { name: 'Baris yang salah' });
  await expect(
    table.getByText('8 angka pertama NIP bukan tanggal lahir yang sah (format TTTTBBHH).'),
  ).toBeVisible();
  await expect(table.getByText("Unor 'Dinas Yang Tidak Ada' tidak ditemukan.")).toBeVisible();
  await expect(bagian.getByRole('button', { name: 'Terapkan' })).toBeDisabled();

  // A clean file: the commit runs as a job; the admin leaves the page while it runs.
  await pilihBerkas(page, 'pegawai-baru.csv', [
    'NIP,Nama,Jenis ASN,Golongan,Jabatan,Unor',
    '199204172019032011,Rina Impor Latar,PNS,III/a,Pengolah Data Impor,Sekretariat Daerah',
  ]);
  await bagian.getByRole('button', { name: 'Uji berkas' }).click();
  await expect(bagian.getByText('1 baris, 1 valid, 0 salah')).toBeVisible();
  await bagian.getByRole('button', { name: 'Terapkan' }).click();
  const baki = page.getByRole('complementary', { name: 'Pekerjaan latar' });
  const item = baki.getByRole('listitem').filter({ hasText: 'Impor pegawai (pegawai-baru.csv)' });
  await expect(item).toBeVisible();
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await expect(page).toHaveURL(/\/pegawai$/);
  await expect(item.getByText('Selesai', { exact: true })).toBeVisible();
  await expect(item.getByText('Selesai: 1 baris.')).toBeVisible();
  await item.getByRole('link', { name: 'Lihat hasil' }).click();
  await expect(page).toHaveURL(/\/impor\?bagian=pegawai&pekerjaan=\d+$/);
  await expect(bagian.getByText('1 baris, 1 valid, 0 salah')).toBeVisible();
  await expect(bagian.getByText('Dibuat 1, diperbarui 0, jabatan baru 1, tidak berubah 0.')).toBeVisible();
  await periksaAksesibilitas(page, 'Impor pegawai (laporan pekerjaan)');
});

test('an OPD admin sees no admin power over the head of his office', async ({ page }) => {
  const adminOpd = accounts.admin_opd!;
  const kepala = accounts.kepala_opd!;
  await masuk(page, adminOpd);
  await openPegawai(page, kepala.nip, kepala.nama);
  await expect(page.getByRole('heading', { name: 'Kelola pegawai' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset kata sandi' })).toHaveCount(0);
});

test('the BKD admin filters the Pegawai list by OPD and reads the total of each list', async ({ page }) => {
  await loginAsBkd(page);
  await page.goto('/pegawai');
  const jumlah = page.getByText(/^\d+ pegawai/);
  const total = async () => Number((await jumlah.textContent())?.match(/^\d+/)?.[0]);
  await expect(jumlah).toBeVisible();
  const semua = await total();
  expect(semua).toBeGreaterThan(25);
  await page.getByRole('combobox', { name: 'OPD', exact: true }).click();
  await page.getByRole('option').first().click();
  await expect(async () => {
    const n = await total();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(semua);
  }).toPass();
  await periksaAksesibilitas(page, 'Pegawai (disaring per OPD)');
});
