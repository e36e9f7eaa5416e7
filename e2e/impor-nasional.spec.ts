import { expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { NAMA_BULAN } from '../src/domain/jadwal.js';
import { demoAccounts, masuk } from './accounts.js';
import { test } from './fixtures.js';

const bkd = demoAccounts().admin_instansi!;

/** Last month: finished, and the demo's month still being assessed (employees wait for a predikat). */
function bulanLalu() {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return {
    kode: `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`,
    tahun: d.getFullYear(),
    bulan: d.getMonth() + 1,
  };
}

/**
 * The national "Laporan Penilaian SKP" as downloaded: a title, then NIP, Nama, the months, Tahunan
 * (the year is still running here: the annual predikat is the national application's so far).
 */
async function laporanNasional(nip: string, nama: string, bulan: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Laporan Penilaian SKP');
  ws.addRow(['LAPORAN PENILAIAN SKP']);
  ws.addRow(['No', 'NIP', 'Nama', ...NAMA_BULAN, 'Tahunan']);
  ws.addRow([1, nip, nama, ...NAMA_BULAN.map((_, i) => (i + 1 === bulan ? 'Baik' : '-')), 'Sangat Baik']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Baris = { pegawaiId: number; nip: string; namaLengkap: string; menungguPenilaian: boolean };

test('the BKD imports the national Laporan Penilaian SKP, computes TPP from it, and the history names the source', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const b = bulanLalu();
  await masuk(page, bkd);
  const baris = async (pegawaiId: number) =>
    (await (await page.request.get(`/api/tpp/${b.kode}/pegawai/${pegawaiId}`)).json()) as Baris & {
      rincian: { uraian: string }[];
    };

  // TPP of last month first: someone still waits for a predikat there.
  if ((await page.request.get(`/api/tpp/${b.kode}`)).status() === 404) {
    await page.goto(`/tpp?bulan=${b.kode}`);
    await page.getByRole('button', { name: 'Hitung TPP' }).click();
  }
  await expect
    .poll(async () => (await page.request.get(`/api/tpp/${b.kode}`)).status(), { timeout: 90_000 })
    .toBe(200);
  const {
    items: [menunggu],
  } = (await (
    await page.request.get(`/api/tpp/${b.kode}/baris?catatan=MENUNGGU_PENILAIAN&limit=1`)
  ).json()) as { items: Baris[] };
  expect(menunggu, 'seorang pegawai menunggu penilaian').toBeDefined();

  const bagian = page.getByRole('region', { name: 'Impor hasil penilaian nasional' });
  await test.step('uploads the national file, reads the dry run, applies it', async () => {
    await page.goto('/impor');
    await bagian.getByLabel('Tahun penilaian').fill(String(b.tahun));
    await bagian.locator('input[type="file"]').setInputFiles({
      name: 'Laporan Penilaian SKP.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await laporanNasional(menunggu!.nip, menunggu!.namaLengkap, b.bulan),
    });
    await bagian.getByRole('button', { name: 'Uji berkas' }).click();
    await expect(bagian.getByText('Berkas terbaca sebagai Laporan Penilaian SKP.')).toBeVisible();
    // The month and the annual column: two new results, one of them the year's.
    await expect(bagian.getByText(/^1 baris: 2 hasil baru \(1 tahunan\), 0 mengganti/)).toBeVisible();
    await bagian.getByRole('button', { name: 'Terapkan' }).click();
    await expect(bagian.getByText('Dibuat 2, diganti 0, penilaian lokal dipertahankan 0.')).toBeVisible({
      timeout: 60_000,
    });
  });

  await test.step('recomputes TPP: the month counts the imported predikat', async () => {
    await page.goto(`/tpp?bulan=${b.kode}`);
    await page.getByRole('button', { name: 'Hitung ulang' }).click();
    await expect
      .poll(async () => (await baris(menunggu!.pegawaiId)).menungguPenilaian, { timeout: 90_000 })
      .toBe(false);
    const rincian = (await baris(menunggu!.pegawaiId)).rincian.map((r) => r.uraian);
    expect(rincian.find((r) => r.startsWith('Produktivitas:'))).toContain(
      `(Baik, ${NAMA_BULAN[b.bulan - 1]} ${b.tahun}, sumber: impor aplikasi nasional)`,
    );
    await page.reload();
    await page.getByLabel('Cari pegawai').fill(menunggu!.nip);
    const tabel = page.getByRole('table', { name: 'Baris TPP pegawai' });
    await expect(tabel.getByRole('row')).toHaveCount(2);
    await expect(tabel.getByText('menunggu penilaian')).toHaveCount(0);
  });

  await test.step("the employee's history shows the imported month and year with their source", async () => {
    await page.goto(`/riwayat?tahun=${b.tahun}&pegawai=${menunggu!.pegawaiId}`);
    const tahunan = page.getByRole('group', { name: `Predikat tahunan ${b.tahun}` });
    await expect(tahunan.getByText('Sangat Baik')).toBeVisible();
    await expect(tahunan.getByText('Sumber: impor aplikasi nasional')).toBeVisible();
    const tabel = page.getByRole('table', { name: `Riwayat kinerja ${b.tahun}` });
    await expect(tabel.getByText('Sumber: impor aplikasi nasional')).toBeVisible();
  });
});
