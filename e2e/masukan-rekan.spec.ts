import { expect } from '@playwright/test';
import { type DemoAccount, demoAccounts, masuk } from './accounts.js';
import { apiLogin } from './api.js';
import { test } from './fixtures.js';

const accounts = demoAccounts();
const staf = accounts.staf!;
const pengawas = accounts.pengawas!;

let periode: string;
let stafId: number;
let rekan: DemoAccount;

// A period of Salim's approved plan (the previous or the running one): both are open for peer input
// until the running month ends, so the journey does not depend on today's date. The author is one of
// Salim's colleagues (same pejabat penilai), logging in with the demo password.
test.beforeAll(async ({ playwright, baseURL }) => {
  const own = await playwright.request.newContext({ baseURL });
  await apiLogin(own, staf);
  stafId = ((await (await own.get('/api/me')).json()) as { id: number }).id;
  const jadwal = (await (await own.get('/api/jadwal')).json()) as { jadwal: { kode: string }[] };
  for (const p of jadwal.jadwal.map((j) => j.kode)) {
    const bulan = await (await own.get(`/api/realisasi?periode=${p}`)).json();
    if (bulan.skp) {
      periode = bulan.periode.kode;
      break;
    }
  }
  expect(periode, 'Salim has an approved plan for the previous or the running period').toBeTruthy();
  const halaman = await (await own.get(`/api/masukan-rekan?periode=${periode}`)).json();
  const r = halaman.rekan[0] as { nip: string; namaLengkap: string };
  expect(r, 'Salim has a colleague under the same pejabat penilai').toBeTruthy();
  rekan = { role: 'rekan', nip: r.nip, nama: r.namaLengkap, password: staf.password };
  await own.dispose();
});

test('a colleague gives input on behaviour; the assessor sees who, the employee does not', async ({
  page,
}) => {
  const teks = `Sigap membantu rekan menyusun laporan (${Date.now()}).`;
  await masuk(page, rekan);
  await page.getByRole('link', { name: 'Masukan Rekan Kerja' }).click();
  await page.goto(`/masukan-rekan?periode=${periode}`);
  const form = page.getByRole('form', { name: 'Tulis masukan' });
  await form.getByRole('combobox', { name: 'Rekan kerja' }).click();
  await page.getByRole('option', { name: new RegExp(staf.nama.split(',')[0]!) }).click();
  await form.getByRole('combobox', { name: 'Nilai BerAKHLAK' }).click();
  await page.getByRole('option', { name: 'Kolaboratif' }).click();
  await form.getByRole('textbox', { name: 'Masukan' }).fill(teks);
  await form.getByRole('button', { name: 'Kirim masukan' }).click();
  const milik = page.getByRole('region', { name: 'Masukan yang saya tulis' });
  await expect(milik.getByRole('row').filter({ hasText: teks })).toContainText('Kolaboratif');
  await page.getByRole('button', { name: 'Keluar' }).click();

  // Salim reads it on Realisasi Saya without the author's name.
  await masuk(page, staf);
  await page.goto(`/realisasi?periode=${periode}`);
  const diterima = page.getByRole('group', { name: 'Masukan rekan kerja' });
  await expect(diterima).toContainText(teks);
  await expect(diterima).not.toContainText(rekan.nama);
  await page.getByRole('button', { name: 'Keluar' }).click();

  // Yamin, the pejabat penilai, reads it with the author on the assessment page.
  await masuk(page, pengawas);
  await page.goto(`/realisasi/bawahan/${stafId}?periode=${periode}`);
  const dinilai = page.getByRole('group', { name: 'Masukan rekan kerja' });
  await expect(dinilai.getByRole('listitem').filter({ hasText: teks })).toContainText(rekan.nama);
});
