import { expect } from '@playwright/test';
import { mulaiSiasnTiruan, type SiasnTiruan } from '../test/siasn-tiruan.js';
import { demoAccounts, masuk } from './accounts.js';
import { apiLogin, bukaJendela } from './api.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();
const staf = accounts.staf!;
const pengawas = accounts.pengawas!;
const bkd = accounts.admin_instansi!;

let siasn: SiasnTiruan;
let periode: string;
let stafId: number;

// The stand-in SIASN listens on a free port the system picks (outside the app's 3100–3399). Salim's
// assessment window is opened through the BKD's exception, so the journey does not depend on today.
test.beforeAll(async ({ playwright, baseURL }) => {
  siasn = await mulaiSiasnTiruan();
  const admin = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(admin, bkd);
  stafId = ((await (await admin.get(`/api/pegawai?q=${staf.nip}`)).json()) as { items: { id: number }[] })
    .items[0]!.id;
  const own = await playwright.request.newContext({ baseURL });
  await apiLogin(own, staf);
  const jadwal = (await (await admin.get('/api/jadwal')).json()) as { jadwal: { kode: string }[] };
  for (const p of jadwal.jadwal.map((j) => j.kode)) {
    const bulan = await (await own.get(`/api/realisasi?periode=${p}`)).json();
    if (bulan.skp && bulan.items.length > 0) {
      periode = bulan.periode.kode;
      break;
    }
  }
  expect(periode, 'Salim has an approved plan for the previous or the running period').toBeTruthy();
  await own.dispose();
  await bukaJendela(admin, csrf, {
    jenis: 'PENILAIAN',
    periodeKode: periode,
    pegawaiId: stafId,
    alasan: 'Uji e2e jembatan SIASN',
  });
  await admin.dispose();
});
test.afterAll(() => siasn.tutup());

test('the BKD turns the bridge on; a final evaluation shows as sent after "Kirim sekarang"', async ({
  page,
  playwright,
  baseURL,
}) => {
  await masuk(page, bkd);
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Jembatan SIASN' })
    .click();
  await expect(page.getByRole('heading', { name: 'Jembatan SIASN' })).toBeVisible();
  const body = siasn.pengaturan(null);
  await page.getByLabel('Alamat layanan (base URL)').fill(body.baseUrl);
  await page.getByLabel('Alamat token OAuth2').fill(body.tokenUrl);
  await page.getByLabel('Client ID (consumer key)').fill(body.clientId);
  await page.getByLabel('Client secret', { exact: true }).fill(body.clientSecret);
  await page.getByLabel('Alamat token SSO').fill(body.ssoTokenUrl);
  await page.getByLabel('Client ID SSO').fill(body.ssoClientId);
  await page.getByLabel('Nama pengguna SSO').fill(body.ssoUsername);
  await page.getByLabel('Kata sandi SSO', { exact: true }).fill(body.ssoPassword);
  // The codes BKN gave the instansi: here 1, 2, 3 … down each table.
  for (const tabel of await page.getByRole('table').filter({ hasText: 'Kode' }).all()) {
    const isian = await tabel.getByRole('textbox').all();
    for (const [i, kotak] of isian.entries()) await kotak.fill(String(i + 1));
  }
  await page.getByLabel('Kirim hasil evaluasi final ke SIASN').check();
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan SIASN disimpan.')).toBeVisible();
  await expect(page.getByText('Tersimpan; kosongkan untuk tetap memakai yang lama.')).toHaveCount(2);

  // Yamin rates Salim's period: the evaluation is final and waits in the outbox.
  const yamin = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(yamin, pengawas);
  const bulan = await (await yamin.get(`/api/realisasi/pegawai/${stafId}?periode=${periode}`)).json();
  const res = await yamin.put(`/api/realisasi/pegawai/${stafId}/penilaian`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      periode,
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'SESUAI_EKSPEKTASI',
      ...(bulan.penilaian ? { version: bulan.penilaian.version } : {}),
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  await yamin.dispose();

  await page.getByRole('button', { name: 'Kirim sekarang' }).click();
  await expect(page.getByText('1 diproses: 1 terkirim, 0 gagal.')).toBeVisible();
  const baris = page
    .getByRole('table', { name: 'Daftar kiriman ke SIASN' })
    .getByRole('row')
    .filter({ hasText: staf.nama });
  await expect(baris).toContainText('Terkirim');
  await expect(baris).toContainText('Data berhasil disimpan');
  await baris.getByRole('button', { name: 'Riwayat (1)' }).click();
  const riwayat = page.getByRole('dialog', { name: 'Riwayat percobaan' });
  await expect(riwayat.getByRole('row').nth(1)).toContainText('Diterima (HTTP 200)');
  await page.keyboard.press('Escape');
  await expect(riwayat).toBeHidden();
  const [simpan] = siasn.simpanan();
  expect(simpan).toMatchObject({ path: '/api/kinerjaperiodik/save' });
  expect(simpan!.headers.auth).toMatch(/^bearer sso-/);
  expect(JSON.parse(simpan!.body)).toMatchObject({ hasilKinerjaNilai: '2', kuadranKinerjaNilai: '2' });
});
