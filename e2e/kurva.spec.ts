import { expect } from '@playwright/test';
import { labelPeriode, periodeOf } from '../src/domain/jadwal.js';
import { demoAccounts, masuk } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { apiLogin } from './api.js';
import { test } from './fixtures.js';
import { periodeKurvaTerbanyak } from './kurva-demo.js';

const accounts = demoAccounts();
const kepala = accounts.kepala_opd!;
const bkd = accounts.admin_instansi!;

interface Unit {
  id: number;
  nama: string;
  dipimpin: boolean;
}

let opd: Unit;
let bidang: Unit;
let periode: string;

// The demo's past months carry ratings; the month with the most rated employees in Ikbal's OPD is
// used, whatever today's date. The OPD's organisation predikat is set by the BKD admin (the leader one
// level up of an OPD is the head of region), Sangat Kurang, so the demo's distribution breaches it.
test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  await apiLogin(api, kepala);
  const units = ((await (await api.get('/api/kurva/unit-saya')).json()) as { items: Unit[] }).items;
  opd = units.find((u) => u.dipimpin)!;
  bidang = units.find((u) => !u.dipimpin)!;
  const terbanyak = await periodeKurvaTerbanyak(api, opd.id);
  periode = terbanyak.periode;
  expect(terbanyak.jumlah).toBeGreaterThanOrEqual(10);
  await api.dispose();

  const admin = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(admin, bkd);
  const res = await admin.put(`/api/kurva/unor/${opd.id}/predikat-organisasi`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      periode,
      predikat: 'SANGAT_KURANG',
      dasar: {
        capaianPk: null,
        nilaiIkm: null,
        progresRencanaAksi: 35,
        keterangan: 'Progres rencana aksi dinas jauh di bawah target triwulan.',
      },
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  await admin.dispose();
});

test('the head of an OPD sets a bidang predikat, sees the curve, is warned of a breach, justifies and finalises', async ({
  page,
}) => {
  await masuk(page, kepala);
  await page.getByRole('link', { name: 'Kurva & Predikat' }).first().click();
  await expect(page.getByRole('heading', { name: 'Kurva & Predikat' })).toBeVisible();

  // One level down: Ikbal sets the organisation predikat of a bidang.
  await page.goto(`/kurva?unorId=${bidang.id}&periode=${periode}`);
  await expect(page.getByRole('heading', { name: bidang.nama, level: 3 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Predikat kinerja organisasi' }).click();
  await page.getByRole('option', { name: 'Baik', exact: true }).click();
  await page.getByLabel('Progres rencana aksi (%)').fill('92');
  await page.getByLabel('Dasar penetapan').fill('Rencana aksi bidang tercapai 92 % menurut laporan bulanan.');
  await page.getByRole('button', { name: 'Simpan predikat organisasi' }).click();
  await expect(page.getByText(/Baik, ditetapkan oleh/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tetapkan' })).toHaveCount(0);

  // His own OPD: the predikat the BKD set, the chart, the breach in words.
  await page.goto(`/kurva?unorId=${opd.id}&periode=${periode}`);
  await expect(page.getByRole('heading', { name: opd.nama, level: 3 })).toBeVisible();
  await expect(page.getByText(/Sangat Kurang, ditetapkan oleh/)).toBeVisible();
  await expect(page.getByLabel('Grafik kurva distribusi predikat pegawai')).toBeVisible();
  const peringatan = page.getByRole('alert').filter({ hasText: 'Distribusi menyimpang dari kurva' });
  await expect(peringatan).toBeVisible();
  await expect(peringatan).toContainText(/Sangat Kurang \d+ dari \d+ pegawai .*kurang dari 60 %/);
  await expect(page.getByRole('table', { name: 'Papan kalibrasi 3×3' })).toBeVisible();

  // Finalising without a justification is refused; with one it is recorded.
  await page.getByRole('button', { name: 'Tetapkan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'tuliskan justifikasi' })).toBeVisible();
  await page
    .getByLabel('Justifikasi penyimpangan kurva')
    .fill('Penilaian pegawai mencerminkan capaian individu; hambatan dinas berasal dari anggaran.');
  await page.getByRole('button', { name: 'Tetapkan' }).click();
  const ditetapkan = page.getByRole('alert').filter({ hasText: 'Sudah ditetapkan' });
  await expect(ditetapkan).toBeVisible();
  await expect(ditetapkan).toContainText('hambatan dinas berasal dari anggaran');
});

test('the BKD edits the curve thresholds and resets them to the defaults', async ({ page }) => {
  await masuk(page, bkd);
  await page.goto('/pengaturan');
  const batas = page.getByLabel('Sangat Baik paling banyak (%)').first();
  await expect(batas).toHaveValue('70');
  await batas.fill('75');
  await page.getByRole('button', { name: 'Simpan aturan kurva' }).click();
  await expect(page.getByText('Aturan kurva tersimpan.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Sangat Baik paling banyak (%)').first()).toHaveValue('75');
  await page.getByRole('button', { name: 'Kembalikan ke bawaan' }).click();
  await expect(page.getByLabel('Sangat Baik paling banyak (%)').first()).toHaveValue('70');
});

test('the BKD admin, who heads no unit, picks a unit, opens on its latest period, keeps it on reload and picks last year', async ({
  page,
}) => {
  await masuk(page, bkd);
  await page.getByRole('link', { name: 'Kurva & Predikat' }).click();
  await expect(page.getByRole('combobox', { name: 'Unit organisasi', exact: true })).toHaveValue(/.+/);
  await page.getByRole('combobox', { name: 'Sub-unit (opsional)' }).click();
  await page.getByRole('option', { name: opd.nama, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`unorId=${opd.id}`));
  const terbaru = (
    (await (await page.request.get(`/api/kurva/unor/${opd.id}/periode`)).json()) as { items: string[] }
  ).items[0]!;
  // In January the latest is last year's annual evaluation.
  await expect(page.getByRole('combobox', { name: 'Periode', exact: true })).toHaveValue(
    /^\d{4}$/.test(terbaru)
      ? `Tahun ${terbaru} (penilaian tahunan)`
      : labelPeriode(periodeOf(terbaru, { periode: 'BULANAN' })),
  );
  await expect(page.getByText('Anda tidak memimpin unit organisasi.')).toHaveCount(0);
  await periksaAksesibilitas(page, 'Kurva dan Predikat (admin memilih unit)');

  // Reloaded, the page keeps the unit of its address: the picker shows it, the curve is its own.
  const subUnit = page.getByRole('combobox', { name: 'Sub-unit (opsional)' }).first();
  await page.reload();
  await expect(subUnit).toHaveValue(opd.nama);
  await expect(page).toHaveURL(new RegExp(`unorId=${opd.id}`));
  await expect(page.getByRole('heading', { name: opd.nama, level: 3 })).toBeVisible();

  // Last year's annual evaluation is one of its periods, with the organisation predikat the demo set.
  const tahunLalu = String(new Date().getFullYear() - 1);
  const periodePicker = page.getByRole('combobox', { name: 'Periode', exact: true });
  await periodePicker.click();
  await page.getByRole('option', { name: `Tahun ${tahunLalu} (penilaian tahunan)` }).click();
  await expect(page).toHaveURL(new RegExp(`periode=%22?${tahunLalu}`));
  await expect(page.getByText(/, ditetapkan oleh/)).toBeVisible();
  await expect(page.getByLabel('Grafik kurva distribusi predikat pegawai')).toBeVisible();
  await page.reload();
  await expect(subUnit).toHaveValue(opd.nama);
  await expect(periodePicker).toHaveValue(`Tahun ${tahunLalu} (penilaian tahunan)`);
  await expect(page.getByText(/, ditetapkan oleh/)).toBeVisible();
});
