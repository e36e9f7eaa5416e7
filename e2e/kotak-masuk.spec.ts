import { expect, type Page } from '@playwright/test';
import { demoAccounts } from './accounts.js';
import { apiLogin, bukaJendela } from './api.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();
const pengawas = accounts.pengawas!;
const staf = accounts.staf!;
const bkd = accounts.admin_instansi!;

async function login(page: Page, nip: string, password: string) {
  await page.goto('/masuk');
  await page.getByLabel('NIP').fill(nip);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: /Selamat datang/ })).toBeVisible();
}

let periode = '';

// Whatever today is: the BKD opens this period's input for Salim, who reports and submits it, so it
// waits for Yamin with a countdown to his assessment window.
test.beforeAll(async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL });
  const csrfToken = await apiLogin(admin, bkd);
  const jadwal = (await (await admin.get('/api/jadwal')).json()) as {
    sekarang: string;
    periodeBerjalan: { kode: string };
  };
  periode = jadwal.periodeBerjalan.kode;
  const found = (await (await admin.get(`/api/pegawai?q=${staf.nip}`)).json()) as { items: { id: number }[] };
  await bukaJendela(admin, csrfToken, {
    jenis: 'INPUT',
    periodeKode: periode,
    pegawaiId: found.items[0]!.id,
    alasan: 'Uji e2e kotak masuk',
    berakhir: new Date(Date.parse(jadwal.sekarang) + 2 * 86_400_000).toISOString(),
  });
  await admin.dispose();

  const salim = await playwright.request.newContext({ baseURL });
  const headers = { 'x-csrf-token': await apiLogin(salim, staf) };
  const bulan = (await (await salim.get(`/api/realisasi?periode=${periode}`)).json()) as {
    items: { rhk: { id: number } }[];
  };
  expect(bulan.items.length, 'the demo gives Salim an approved plan this year').toBeGreaterThan(0);
  for (const { rhk } of bulan.items) {
    const saved = await salim.put(`/api/realisasi/${rhk.id}/${periode}`, { headers, data: { nilai: 1 } });
    expect(saved.ok(), await saved.text()).toBeTruthy();
  }
  const ajukan = await salim.post('/api/realisasi/ajukan', { headers, data: { periode } });
  expect(ajukan.ok(), await ajukan.text()).toBeTruthy();
  await salim.dispose();
});

test('the pengawas opens Kotak Masuk and sees what waits for him, counted down', async ({ page }) => {
  await login(page, pengawas.nip, pengawas.password);
  await page.getByRole('link', { name: 'Kotak Masuk' }).click();
  await expect(page).toHaveURL(/\/kotak-masuk$/);
  await expect(page.getByRole('heading', { name: 'Kotak Masuk' })).toBeVisible();

  const daftar = page.getByRole('list', { name: 'Yang menunggu Anda' });
  const nilai = daftar.getByRole('listitem', { name: 'Nilai realisasi' }).filter({ hasText: staf.nama });
  await expect(nilai).toBeVisible();
  await expect(nilai).toContainText(/realisasi .+ menunggu penilaian/);
  await expect(nilai.getByText(/^(\d+ hari lagi|berakhir hari ini|terlambat.*|dibuka .*)$/)).toBeVisible();
  await expect(nilai.getByText(/^batas \d{1,2} \w+ \d{4} \(WITA\)$/)).toBeVisible();

  await nilai.getByRole('link', { name: /^Nilai/ }).click();
  await expect(page).toHaveURL(new RegExp(`/realisasi/bawahan/\\d+\\?periode=${periode}$`));
});

test('a delegation the server refuses shows why on its Alasan field', async ({ page }) => {
  await login(page, pengawas.nip, pengawas.password);
  await page.getByRole('link', { name: 'Delegasi Penilaian' }).click();
  const form = page.getByRole('form', { name: 'Buat delegasi penilaian' });
  await form.getByLabel('Penerima delegasi').click();
  await page.getByRole('option').first().click();
  await form.getByLabel('Mulai').fill('2030-01-02');
  await form.getByLabel('Selesai').fill('2030-01-03');
  // Two letters pass the browser's check; the server wants three after trimming.
  const alasan = form.getByLabel('Alasan');
  await alasan.fill('ab');
  await form.getByRole('button', { name: 'Simpan delegasi' }).click();
  await expect(alasan).toHaveAttribute('aria-invalid', 'true');
  await expect(alasan).toHaveAccessibleDescription(/Alasan wajib diisi \(minimal 3 karakter\)/);
  // The summary has the focus; its button takes the user to the field.
  await form.getByRole('button', { name: 'Ke isian yang perlu diperbaiki' }).click();
  await expect(alasan).toBeFocused();
});
