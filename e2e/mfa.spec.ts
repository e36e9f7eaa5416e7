/**
 * Authenticator codes on a 360 px phone: an employee enrols (reading the secret from the page, the
 * codes come from otpauth here), logs out, logs in with a code, then a recovery code works once and
 * its second use is refused. The BKD admin then resets the authenticator, so the demo account logs in
 * with the password alone again for the other journeys.
 */
import { expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { demoAccounts, masuk } from './accounts.js';
import { apiLogin } from './api.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();
const pegawai = accounts.admin_opd!;
const bkd = accounts.admin_instansi!;

test.use({ viewport: { width: 360, height: 780 } });

async function kataSandi(page: Page) {
  await page.goto('/masuk');
  await page.getByLabel('NIP').fill(pegawai.nip);
  await page.getByLabel('Kata sandi', { exact: true }).fill(pegawai.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

async function keluar(page: Page) {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByLabel('NIP')).toBeVisible();
}

// A journey that stops half way must not leave the demo account behind a code: the journeys after
// this one log in as him with the password alone.
test.afterEach(async ({ playwright, baseURL }, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  const api = await playwright.request.newContext({ baseURL });
  const csrfToken = await apiLogin(api, bkd);
  const cari = await api.get(`/api/pegawai?q=${pegawai.nip}`);
  const [p] = ((await cari.json()) as { items: { id: number }[] }).items;
  await api.post(`/api/pegawai/${p!.id}/reset-mfa`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { alasan: 'Uji e2e berhenti di tengah jalan' },
  });
  await api.dispose();
});

const selamatDatang = (page: Page) => page.getByRole('heading', { name: `Selamat datang, ${pegawai.nama}` });

test('enrol an authenticator, log in with a code, a recovery code works once, the BKD resets it', async ({
  page,
}) => {
  await masuk(page, pegawai);
  const { id } = await (await page.request.get('/api/me')).json();
  await page.goto('/keamanan');
  await page.getByRole('button', { name: 'Daftarkan aplikasi autentikator' }).click();
  const qr = page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' });
  await expect(qr).toBeVisible();
  // A data: URL the Content Security Policy lets through: the image really loads.
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const rahasia = ((await page.getByLabel('Kunci rahasia').textContent()) ?? '').replace(/\s/g, '');
  expect(rahasia).toMatch(/^[A-Z2-7]{32}$/);
  const totp = new TOTP({ secret: Secret.fromBase32(rahasia), digits: 6, period: 30, algorithm: 'SHA1' });
  await page.getByLabel(/Kode dari aplikasi/).fill(totp.generate());
  await page.getByRole('button', { name: 'Konfirmasi' }).click();
  const daftarKode = page.getByLabel('Kode pemulihan');
  await expect(daftarKode.locator('code')).toHaveCount(10);
  const kodePemulihan = await daftarKode.locator('code').allTextContents();
  await page.getByRole('button', { name: 'Sudah saya simpan' }).click();
  await expect(page.getByText('Aktif', { exact: true })).toBeVisible();
  await expect(page.getByText('Kode pemulihan tersisa: 10 dari 10.')).toBeVisible();
  await keluar(page);

  // Password, then the code of the next time step (the enrolment used the current one).
  await kataSandi(page);
  const kode = page.getByLabel('Kode autentikator');
  await expect(kode).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(kode).toHaveAttribute('inputmode', 'numeric');
  await kode.fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(selamatDatang(page)).toBeVisible();
  await keluar(page);

  // A recovery code works once…
  await kataSandi(page);
  await page.getByRole('button', { name: 'Gunakan kode pemulihan' }).click();
  await page.getByLabel('Kode pemulihan').fill(kodePemulihan[0]!);
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(selamatDatang(page)).toBeVisible();
  await keluar(page);
  // …and is refused the second time.
  await kataSandi(page);
  await page.getByRole('button', { name: 'Gunakan kode pemulihan' }).click();
  await page.getByLabel('Kode pemulihan').fill(kodePemulihan[0]!);
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page.getByRole('alert')).toHaveText('Kode autentikator atau kode pemulihan salah.');
  await expect(selamatDatang(page)).toBeHidden();

  // Lost phone: the BKD admin resets the authenticator with a reason.
  await masuk(page, bkd);
  await page.goto(`/pegawai/${id}`);
  const reset = page.getByRole('form', { name: 'Reset autentikator' });
  await reset.getByLabel('Alasan reset autentikator').fill('Ponsel hilang');
  await reset.getByRole('button', { name: 'Reset autentikator' }).click();
  await expect(page.getByText('Autentikator direset.')).toBeVisible();
  await keluar(page);
  await masuk(page, pegawai);
});
