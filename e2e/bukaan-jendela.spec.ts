import { expect } from '@playwright/test';
import { formatNip } from '../src/domain/nip.js';
import { demoAccounts, masuk } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();
const bkd = accounts.admin_instansi!;
const fungsional = accounts.fungsional!;

test('the BKD admin opens a window for one employee on the screen, sees it listed and revokes it', async ({
  page,
}) => {
  await masuk(page, bkd);
  await page.getByRole('link', { name: 'Bukaan jendela' }).click();
  const form = page.getByRole('form', { name: 'Buka jendela' });

  // Nothing chosen: the errors stand at their fields.
  await form.getByRole('button', { name: 'Buka jendela' }).click();
  await expect(form.getByText('Pilih pegawai.')).toBeVisible();
  await expect(form.getByText('Alasan wajib diisi (minimal 3 karakter).')).toBeVisible();
  await periksaAksesibilitas(page, 'Bukaan jendela (isian kurang)');

  await form.getByLabel('Pegawai', { exact: true }).fill(fungsional.nip.slice(0, 12));
  await page.getByRole('option', { name: new RegExp(fungsional.nama.replace(/[.,]/g, '\\$&')) }).click();
  await form.getByLabel('Jendela').click();
  await page.getByRole('option', { name: 'Perbaikan realisasi (PERBAIKAN)' }).click();
  await form.getByLabel('Alasan').fill('Bukti dukung terlambat karena tugas lapangan');
  await form.getByRole('button', { name: 'Buka jendela' }).click();
  await expect(page.getByText('Jendela dibuka.')).toBeVisible();

  const table = page.getByRole('table', { name: 'Bukaan jendela' });
  const row = table.getByRole('row').filter({ hasText: formatNip(fungsional.nip) });
  await expect(row.getByText('Bukti dukung terlambat karena tugas lapangan')).toBeVisible();
  await expect(row.getByText('Perbaikan realisasi')).toBeVisible();
  await expect(row.getByText('Aktif')).toBeVisible();
  await periksaAksesibilitas(page, 'Bukaan jendela (daftar)');

  await row.getByRole('button', { name: /^Cabut bukaan/ }).click();
  await expect(row.getByText('Dicabut')).toBeVisible();
  await expect(row.getByRole('button', { name: /^Cabut bukaan/ })).toHaveCount(0);

  // A second window, revoked meanwhile elsewhere (another admin's tab): the refusal stands by the
  // row's button, in view and focused, and the row shows it revoked.
  const alasan = 'Server absensi tidak dapat diakses selama tiga hari';
  await form.getByLabel('Alasan').fill(alasan);
  await form.getByRole('button', { name: 'Buka jendela' }).click();
  const kedua = table.getByRole('row').filter({ hasText: alasan });
  await expect(kedua.getByText('Aktif')).toBeVisible();
  const { items } = (await (await page.request.get('/api/jadwal/bukaan?limit=25')).json()) as {
    items: { id: number; alasan: string }[];
  };
  const csrf = await page.evaluate(() => sessionStorage.getItem('ekinerja.csrf'));
  const cabut = await page.request.post(
    `/api/jadwal/bukaan/${items.find((b) => b.alasan === alasan)!.id}/cabut`,
    {
      headers: { 'x-csrf-token': csrf ?? '' },
      data: {},
    },
  );
  expect(cabut.ok(), await cabut.text()).toBeTruthy();
  await kedua.getByRole('button', { name: /^Cabut bukaan/ }).click();
  const galat = kedua.getByRole('alert');
  await expect(galat).toHaveText('Bukaan jendela ini sudah dicabut atau sudah berakhir.');
  await expect(galat).toBeFocused();
  await expect(kedua.getByText('Dicabut', { exact: true })).toBeVisible();
  await periksaAksesibilitas(page, 'Bukaan jendela (pencabutan ditolak)');
});
