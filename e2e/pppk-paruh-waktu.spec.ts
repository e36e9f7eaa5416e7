import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { BarisTriwulan } from '../src/contracts/pppk-paruh-waktu.js';
import { formatNip } from '../src/domain/nip.js';
import { labelTriwulan, type Triwulan } from '../src/domain/pppk-paruh-waktu.js';
import { type DemoAccount, demoAccounts, masuk } from './accounts.js';
import { apiLogin } from './api.js';
import { test } from './fixtures.js';
import { tanpaGeserSamping } from './lebar.js';

const accounts = demoAccounts();
const bkd = accounts.admin_instansi!;

let opdId: number;
let tahun: number;
let triwulan: Triwulan;
let pegawai: BarisTriwulan;
let penilai: DemoAccount;

async function daftar<T>(api: APIRequestContext, url: string): Promise<T[]> {
  const res = await api.get(url);
  expect(res.ok(), await res.text()).toBeTruthy();
  return ((await res.json()) as { items: T[] }).items;
}

/** The quarters already over in the demo's zone (WITA), latest first. */
function triwulanSelesai(): { tahun: number; triwulan: Triwulan }[] {
  const wita = new Date(Date.now() + 8 * 3_600_000);
  const out: { tahun: number; triwulan: Triwulan }[] = [];
  for (let i = 1; i <= 4; i++) {
    const n = wita.getUTCFullYear() * 4 + Math.floor(wita.getUTCMonth() / 3) - i;
    out.push({ tahun: Math.floor(n / 4), triwulan: ((n % 4) + 1) as Triwulan });
  }
  return out;
}

// The demo's Dinas Kesehatan has four PPPK paruh waktu with the monthly cycle's ratings: the latest
// finished quarter in which one of them is fully rated and not yet evaluated is used, whatever today's
// date; his direct assessor (any demo employee logs in with the demo password) records it.
test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  await apiLogin(api, bkd);
  const [akar] = await daftar<{ id: number }>(api, '/api/unor');
  const opd = await daftar<{ id: number; nama: string }>(api, `/api/unor?parentId=${akar!.id}`);
  opdId = opd.find((o) => o.nama === 'Dinas Kesehatan')!.id;
  for (const t of triwulanSelesai()) {
    const items = await daftar<BarisTriwulan>(
      api,
      `/api/pppk-paruh-waktu/laporan?tahun=${t.tahun}&triwulan=${t.triwulan}&opdId=${opdId}`,
    );
    expect(items.length).toBeGreaterThan(0);
    const siap = items.find((b) => b.status === 'BELUM' && b.kekurangan.length === 0);
    if (siap) {
      ({ tahun, triwulan } = t);
      pegawai = siap;
      break;
    }
  }
  expect(pegawai, 'a fully rated paruh waktu quarter in the demo').toBeDefined();
  const detail = (await (await api.get(`/api/pegawai/${pegawai.pegawaiId}`)).json()) as {
    rantaiAtasan: { nip: string; namaLengkap: string }[];
  };
  const atasan = detail.rantaiAtasan[0]!;
  penilai = { role: 'penilai', nip: atasan.nip, nama: atasan.namaLengkap, password: bkd.password };
  await api.dispose();
});

async function pilihTriwulan(page: Page) {
  await page.getByLabel('Tahun', { exact: true }).fill(String(tahun));
  await page.getByRole('combobox', { name: 'Triwulan', exact: true }).click();
  await page
    .getByRole('option', { name: labelTriwulan(tahun, triwulan).replace(` ${tahun}`, ''), exact: true })
    .click();
}

test('the assessor finalises a paruh waktu quarter, the BKD admin reads the unit report and downloads it', async ({
  page,
}) => {
  const label = labelTriwulan(tahun, triwulan);
  await masuk(page, penilai);
  await page.getByRole('link', { name: 'PPPK Paruh Waktu' }).click();
  await expect(page.getByRole('heading', { name: 'PPPK Paruh Waktu', level: 2 })).toBeVisible();
  await pilihTriwulan(page);
  const tabel = page.getByRole('table', { name: `PPPK paruh waktu ${label}` });
  await expect(tabel.getByRole('row', { name: new RegExp(pegawai.namaLengkap) })).toContainText(
    'Belum dievaluasi',
  );
  await tabel.getByRole('button', { name: `Evaluasi ${pegawai.namaLengkap}` }).click();

  const kartu = page.getByRole('heading', { name: `Evaluasi ${label}: ${pegawai.namaLengkap}` });
  await expect(kartu).toBeVisible();
  // The suggestion is preselected; a recommendation is still missing, so it is not final yet.
  await expect(page.getByText('Rekomendasi kontrak belum diisi.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Rekomendasi kontrak' }).click();
  await page.getByRole('option', { name: 'Diperpanjang', exact: true }).click();
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(page.getByText('Draf evaluasi triwulan tersimpan.')).toBeVisible();
  await expect(page.getByText('Belum dapat difinalkan')).toHaveCount(0);
  await page.getByRole('button', { name: 'Finalkan' }).click();
  await expect(page.getByText('Evaluasi triwulan final.')).toBeVisible();
  await expect(tabel.getByRole('row', { name: new RegExp(pegawai.namaLengkap) })).toContainText('Final');
  await expect(page.getByRole('button', { name: 'Simpan draf' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await masuk(page, bkd);
  await page.getByRole('link', { name: 'PPPK Paruh Waktu' }).click();
  await pilihTriwulan(page);
  await page.getByRole('combobox', { name: 'Unit (OPD)' }).click();
  await page.getByRole('option', { name: 'Dinas Kesehatan', exact: true }).click();
  const baris = page
    .getByRole('table', { name: `PPPK paruh waktu ${label}` })
    .getByRole('row', { name: new RegExp(pegawai.namaLengkap) });
  await expect(baris).toContainText(formatNip(pegawai.nip));
  await expect(baris).toContainText('Diperpanjang');
  await expect(baris).toContainText('Final');

  // On a 360 px phone the report scrolls inside its own box, never the page.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(baris).toContainText('Final');
  await tanpaGeserSamping(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh XLSX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`PPPK-Paruh-Waktu-Triwulan-${triwulan}-${tahun}-OPD-${opdId}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('NIP');
  const rows: unknown[][] = [];
  sheet.eachRow((r, n) => n > 1 && rows.push((r.values as unknown[]).slice(1)));
  const row = rows.find((r) => r[0] === pegawai.nip)!;
  expect(row).toBeDefined();
  expect(row.slice(-3)).toEqual(['Diperpanjang', 'Final', '-']);
  expect(rows).toHaveLength(4);
});
