import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { apiLogin, bukaJendela } from './api.js';
import { test } from './fixtures.js';
import { tanpaGeserSamping } from './lebar.js';

const accounts = demoAccounts();
const staf = accounts.staf!;
const pengawas = accounts.pengawas!;
const bkd = accounts.admin_instansi!;

/** A one-page PDF with a correct cross-reference table, built here so the test owns its evidence. */
function pdfKecil(teks: string): Buffer {
  const isi = `BT /F1 12 Tf 20 50 Td (${teks}) Tj ET`;
  const objek = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${isi.length} >>\nstream\n${isi}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offset: number[] = [];
  objek.forEach((o, i) => {
    offset.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objek.length + 1}\n0000000000 65535 f \n`;
  for (const o of offset) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objek.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

async function logout(page: Page) {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/masuk/);
}

let periode: string;
let labelPeriode: string;
let stafId: number;
let jumlahRhk: number;

// The windows of the chosen period are opened for Salim through the BKD's exceptions, so the journey
// does not depend on today's date. The period is the previous one (the one being reported now) unless
// his approved plans do not cover it; then the running one.
test.beforeAll(async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(admin, bkd);
  const found = await admin.get(`/api/pegawai?q=${staf.nip}`);
  stafId = ((await found.json()) as { items: { id: number }[] }).items[0]!.id;
  const jadwal = (await (await admin.get('/api/jadwal')).json()) as { jadwal: { kode: string }[] };

  const own = await playwright.request.newContext({ baseURL });
  await apiLogin(own, staf);
  for (const p of jadwal.jadwal.map((j) => j.kode)) {
    const bulan = await (await own.get(`/api/realisasi?periode=${p}`)).json();
    if (bulan.skp && bulan.items.length > 0) {
      periode = bulan.periode.kode;
      labelPeriode = bulan.periode.label;
      jumlahRhk = bulan.items.length;
      break;
    }
  }
  expect(periode, 'Salim has an approved plan for the previous or the running period').toBeTruthy();
  await own.dispose();

  for (const jenis of ['INPUT', 'PENILAIAN', 'PERBAIKAN'] as const)
    await bukaJendela(admin, csrf, {
      jenis,
      periodeKode: periode,
      pegawaiId: stafId,
      alasan: 'Uji e2e siklus bulanan',
    });
  await admin.dispose();
});

const kartu = (page: Page) => page.getByRole('article');
const status = (card: Locator, teks: string) => card.getByText(teks, { exact: true }).first();

test('Salim reports the month with a link and a file, Yamin sends one back and accepts the rest, Salim corrects, Yamin rates: Baik', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const arahan = 'Lampirkan rincian per kegiatan, bukan total saja.';
  const pdf = pdfKecil('Notulen rapat koordinasi');

  // Salim fills every RHK of the month: rencana aksi, realisasi, a link with its description.
  await masuk(page, staf);
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Realisasi Saya' })
    .click();
  await expect(page.getByRole('heading', { name: 'Realisasi Saya' })).toBeVisible();
  await page.goto(`/realisasi?periode=${periode}`);
  await expect(page.getByRole('combobox', { name: 'Periode' })).toHaveValue(labelPeriode);
  await expect(page.getByRole('listitem', { name: 'Pengisian realisasi' })).toContainText(/Dibuka/);
  await expect(kartu(page)).toHaveCount(jumlahRhk);

  for (let i = 0; i < jumlahRhk; i++) {
    const card = kartu(page).nth(i);
    await expect(status(card, 'Belum diisi')).toBeVisible();
    await card.getByLabel('Rencana aksi').fill(`Menyusun laporan kegiatan ${i + 1}`);
    await card.getByLabel('Target aksi').fill('2 laporan');
    await card.getByLabel('Realisasi (angka)').fill('1,5');
    await card.getByLabel('Satuan').fill('laporan');
    await card.getByLabel('Uraian realisasi').fill(`Laporan kegiatan ${i + 1} tersusun.`);
    await card.getByRole('button', { name: 'Tambah tautan' }).click();
    await card.getByLabel('Tautan 1', { exact: true }).fill(`https://drive.contoh.go.id/laporan-${i + 1}`);
    if (i === 0) {
      // A link without its description is refused before anything is sent.
      await card.getByRole('button', { name: 'Simpan draf' }).click();
      await expect(card.getByText('Deskripsi bukti dukung wajib diisi.')).toBeVisible();
    }
    await card.getByLabel('Deskripsi tautan 1').fill(`Laporan kegiatan ${i + 1}`);
    await card.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(status(card, 'Draf')).toBeVisible();
    await expect(card.getByLabel('Realisasi (angka)')).toHaveValue('1,5');
  }

  // A file on the first RHK: uploaded, listed, downloaded as sent.
  const first = kartu(page).first();
  await first.locator('input[type="file"]:not([capture])').setInputFiles({
    name: 'notulen-rapat.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await first.getByLabel('Deskripsi berkas').fill('Notulen rapat koordinasi');
  await first.getByRole('button', { name: 'Unggah' }).click();
  const berkas = first.getByRole('list', { name: 'Berkas bukti dukung' });
  await expect(berkas.getByRole('link', { name: 'notulen-rapat.pdf' })).toBeVisible();
  const unduh = page.waitForEvent('download');
  await berkas.getByRole('link', { name: 'notulen-rapat.pdf' }).click();
  expect(await readFile(await (await unduh).path())).toEqual(pdf);

  // Ajukan lists what goes to the assessor, then submits the month.
  await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
  const ajukan = page.getByRole('dialog', { name: 'Ajukan realisasi' });
  await expect(ajukan.getByRole('list', { name: 'Yang diajukan' }).getByRole('listitem')).toHaveCount(
    jumlahRhk,
  );
  await ajukan.getByRole('button', { name: 'Ya, ajukan' }).click();
  await expect(ajukan).toBeHidden();
  for (let i = 0; i < jumlahRhk; i++) await expect(status(kartu(page).nth(i), 'Diajukan')).toBeVisible();
  await expect(first.getByRole('button', { name: 'Simpan draf' })).toHaveCount(0);
  await logout(page);

  // Yamin finds Salim in the quick list by keyboard and opens him with Enter.
  await masuk(page, pengawas);
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Penilaian Bawahan' })
    .click();
  await expect(page.getByRole('heading', { name: 'Penilaian Bawahan' })).toBeVisible();
  await page.goto(`/realisasi/bawahan?periode=${periode}`);
  const daftar = page.getByRole('list', { name: 'Bawahan langsung' });
  const links = daftar.getByRole('link');
  await expect(links.first()).toBeFocused();
  const nama = await links.allInnerTexts();
  const posisi = nama.findIndex((n) => n.trim() === staf.nama);
  expect(posisi).toBeGreaterThanOrEqual(0);
  await expect(links.nth(posisi)).toHaveAccessibleName(new RegExp(`${jumlahRhk} menunggu penilaian`));
  for (let i = 0; i < posisi; i++) await page.keyboard.press('j');
  await expect(links.nth(posisi)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: staf.nama })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/realisasi/bawahan/${stafId}\\?periode=${periode}`));

  // The evidence is there: the link and the file; the first RHK goes back with a direction.
  const rhk1 = kartu(page).first();
  await expect(rhk1.getByRole('link', { name: 'Laporan kegiatan 1' })).toHaveAttribute(
    'href',
    'https://drive.contoh.go.id/laporan-1',
  );
  await expect(rhk1.getByRole('link', { name: 'notulen-rapat.pdf' })).toBeVisible();
  await rhk1.getByRole('radio', { name: 'Perlu perbaikan' }).check();
  await rhk1.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(rhk1.getByText('Arahan perbaikan wajib diisi (minimal 3 karakter).')).toBeVisible();
  await rhk1.getByLabel('Arahan perbaikan').fill(arahan);
  await rhk1.getByLabel('Umpan balik (opsional)').fill('Isi sudah baik, rincian belum ada.');
  await rhk1.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(status(rhk1, 'Perlu Perbaikan')).toBeVisible();
  await expect(rhk1.getByText('Putaran 1 · Dikembalikan untuk perbaikan')).toBeVisible();

  // The others are accepted from the keyboard: "2" on the focused card = Terima, sesuai ekspektasi.
  for (let i = 1; i < jumlahRhk; i++) {
    const card = kartu(page).nth(i);
    await card.focus();
    await page.keyboard.press('2');
    await expect(status(card, 'Diterima')).toBeVisible();
    await expect(status(card, 'Sesuai ekspektasi')).toBeVisible();
  }
  await logout(page);

  // Salim sees the direction, corrects within the correction window and resubmits.
  await masuk(page, staf);
  await page.goto(`/realisasi?periode=${periode}`);
  const koreksi = kartu(page).first();
  await expect(koreksi.getByRole('note')).toContainText(arahan);
  await expect(koreksi.getByText('Isi sudah baik, rincian belum ada.')).toBeVisible();
  await koreksi
    .getByLabel('Uraian realisasi')
    .fill('Laporan kegiatan 1 tersusun; rincian per kegiatan terlampir.');
  await koreksi.getByRole('button', { name: 'Simpan perbaikan' }).click();
  await expect(koreksi.getByText('Ada perubahan yang belum disimpan.')).toBeHidden();
  await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
  const ulang = page.getByRole('dialog', { name: 'Ajukan realisasi' });
  await expect(ulang.getByRole('listitem')).toHaveCount(1);
  await expect(ulang.getByRole('listitem')).toContainText('(perbaikan)');
  await ulang.getByRole('button', { name: 'Ya, ajukan' }).click();
  await expect(status(koreksi, 'Diperbaiki')).toBeVisible();
  await logout(page);

  // Yamin re-assesses ("1" = di atas ekspektasi), sees the whole thread, rates the month → Baik.
  await masuk(page, pengawas);
  await page.goto(`/realisasi/bawahan/${stafId}?periode=${periode}`);
  const lagi = kartu(page).first();
  await expect(status(lagi, 'Diperbaiki')).toBeVisible();
  // The month cannot be rated while the correction waits for re-assessment; the form names the RHK.
  const tertahan = page
    .getByRole('region', { name: 'Penilaian periode' })
    .getByRole('note')
    .filter({ hasText: 'Predikat belum dapat ditetapkan' });
  await expect(tertahan).toContainText('(Diperbaiki) masih menunggu perbaikan atau penilaian ulang');
  await lagi.focus();
  await page.keyboard.press('1');
  await expect(status(lagi, 'Diterima')).toBeVisible();
  await expect(status(lagi, 'Di atas ekspektasi')).toBeVisible();
  const thread = lagi.getByRole('list', { name: 'Riwayat realisasi' });
  for (const langkah of [
    'Putaran 1 · Diajukan',
    'Putaran 1 · Dikembalikan untuk perbaikan',
    'Putaran 2 · Perbaikan diajukan',
    'Putaran 2 · Diterima',
  ])
    await expect(thread.getByText(langkah, { exact: true })).toBeVisible();
  await expect(tertahan).toBeHidden();

  const penilaian = page.getByRole('region', { name: 'Penilaian periode' });
  await expect(penilaian.getByRole('note')).toContainText('Saran sistem untuk rating hasil kerja');
  await penilaian.getByLabel('Umpan balik Akuntabel').fill('Laporan selalu tepat waktu.');
  await penilaian
    .getByRole('radiogroup', { name: 'Rating hasil kerja' })
    .getByRole('radio', { name: 'Sesuai Ekspektasi' })
    .check();
  await expect(penilaian.getByRole('status', { name: 'Predikat kinerja' })).toContainText(
    'Pilih kedua rating.',
  );
  await penilaian
    .getByRole('radiogroup', { name: 'Rating perilaku kerja' })
    .getByRole('radio', { name: 'Sesuai Ekspektasi' })
    .check();
  await expect(penilaian.getByRole('status', { name: 'Predikat kinerja' })).toContainText('Baik');
  await penilaian.getByRole('button', { name: 'Simpan penilaian' }).click();
  await expect(penilaian.getByText('Tersimpan: predikat Baik')).toBeVisible();

  // Ctrl+Enter saves and opens the next subordinate.
  await page.keyboard.press('Control+Enter');
  await expect(page).not.toHaveURL(new RegExp(`/realisasi/bawahan/${stafId}\\?`));
  await expect(page).toHaveURL(/\/realisasi\/bawahan(\/\d+)?\?periode=/);
  await page.goto(`/realisasi/bawahan?periode=${periode}`);
  await expect(daftar.getByRole('listitem').filter({ hasText: staf.nama })).toContainText('Baik');
  await logout(page);

  // Salim reads the result on a 360 px phone: no sideways scrolling.
  await masuk(page, staf);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/realisasi?periode=${periode}`);
  const hasil = page.getByRole('region', { name: 'Penilaian periode' });
  await expect(hasil).toContainText('Baik');
  await expect(hasil).toContainText('Akuntabel');
  await expect(status(kartu(page).first(), 'Diterima')).toBeVisible();
  await tanpaGeserSamping(page);
  await page.screenshot({ path: 'test-results/realisasi-360.png', fullPage: true });
});
