import { expect, type Page } from '@playwright/test';
import { demoAccounts } from './accounts.js';
import { apiLogin } from './api.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();
const pengawas = accounts.pengawas!;
const fungsional = accounts.fungsional!;
const bkd = accounts.admin_instansi!;
const tahun = new Date().getFullYear();

async function login(page: Page, nip: string, password: string) {
  await page.goto('/masuk');
  await page.getByLabel('NIP').fill(nip);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: /Selamat datang/ })).toBeVisible();
}

// admin.spec.ts gives Rosmini another superior; the matrix needs her back under Yamin.
test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const csrfToken = await apiLogin(api, bkd);
  const found = await api.get(`/api/pegawai?q=${fungsional.nip}`);
  const [item] = ((await found.json()) as { items: { id: number }[] }).items;
  const detail = await (await api.get(`/api/pegawai/${item!.id}`)).json();
  if (detail.atasanOverride) {
    const put = await api.put(`/api/pegawai/${item!.id}/atasan`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { atasanId: null, alasan: 'Uji e2e: kembali ke struktur', version: detail.version },
    });
    expect(put.ok()).toBeTruthy();
  }
  await api.dispose();
});

test('a pengawas writes a role-result into his subordinate’s cell; she is notified and finds the RHK', async ({
  browser,
}) => {
  const rencana = `Tersusunnya laporan uji matriks ${Math.random().toString(36).slice(2, 8)}`;

  const leader = await browser.newPage();
  await login(leader, pengawas.nip, pengawas.password);
  const mine = await leader.request.get(`/api/skp?tahun=${tahun}`);
  const plans = ((await mine.json()) as { items: { id: number; tahun: number; status: string }[] }).items;
  const plan = plans.find((p) => p.tahun === tahun && p.status === 'DISETUJUI');
  expect(plan, 'the demo gives the pengawas an approved plan this year').toBeTruthy();

  await leader.getByRole('link', { name: 'SKP Saya', exact: true }).click();
  await leader
    .getByRole('link', { name: new RegExp(`^SKP ${tahun}`) })
    .and(leader.locator(`[href="/skp/${plan!.id}"]`))
    .click();
  await expect(leader).toHaveURL(new RegExp(`/skp/${plan!.id}$`));
  await leader.getByRole('link', { name: /Matriks Peran Hasil/ }).click();
  await expect(leader).toHaveURL(new RegExp(`/skp/${plan!.id}/matriks$`));
  await expect(leader.getByRole('heading', { name: 'Matriks Peran Hasil' })).toBeVisible();
  await expect(leader.getByRole('heading', { name: 'Cakupan dibagi habis' })).toBeVisible();

  const matriks = leader.getByRole('table', { name: 'Matriks Peran Hasil' });
  const row = matriks
    .getByRole('row')
    .filter({ has: leader.getByRole('rowheader', { name: fungsional.nama }) });
  await row.getByRole('button', { name: `Tambah peran hasil untuk ${fungsional.nama} pada RHK 1` }).click();
  const dialog = leader.getByRole('dialog', { name: 'Tulis peran hasil' });
  await dialog.getByLabel('Rencana hasil kerja bawahan').fill(rencana);
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell').first().getByText(rencana)).toBeVisible();
  await leader.close();

  const staff = await browser.newPage();
  await login(staff, fungsional.nip, fungsional.password);
  const bell = staff.getByRole('button', { name: /^Notifikasi, \d+ belum dibaca$/ });
  await bell.click();
  const popover = staff.getByRole('region', { name: 'Notifikasi terbaru' });
  const item = popover.getByRole('button', { name: new RegExp(`Hasil peran dari atasan.*${rencana}`) });
  await expect(item).toBeVisible();
  await item.click();
  await expect(staff).toHaveURL(/\/skp\/\d+$/);
  const skpId = Number(new URL(staff.url()).pathname.split('/').pop());
  const own = await (await staff.request.get(`/api/skp/${skpId}`)).json();
  const rhk = (own.rhk as { jenis: string; rencana: string; intervensi: number[] }[]).find(
    (r) => r.rencana === rencana,
  );
  expect(rhk?.jenis).toBe('UTAMA');
  expect(rhk?.intervensi.length).toBe(1);
  await staff.close();
});

test('the BKD admin sees dibagi habis per OPD and drills down into one', async ({ page }) => {
  await login(page, bkd.nip, bkd.password);
  await page.getByRole('link', { name: 'Dibagi Habis' }).click();
  await expect(page.getByRole('heading', { name: 'Dibagi Habis' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Per perangkat daerah' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Cakupan per unit' });
  const nama = 'Dinas Kesehatan';
  await table.getByRole('button', { name: nama, exact: true }).click();
  await expect(page).toHaveURL(/unorId=\d+/);
  await expect(page.getByRole('heading', { name: `Unit di bawah ${nama}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Jejak unit' }).getByText(nama)).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Jejak unit' })
    .getByRole('button', { name: 'Semua unit' })
    .click();
  await expect(page.getByRole('heading', { name: 'Per perangkat daerah' })).toBeVisible();
});
