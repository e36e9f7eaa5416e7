import { expect as base, type Page } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { test } from './fixtures.js';

// The instansi-wide count of a month may take a moment on the demo's data.
const expect = base.configure({ timeout: 30_000 });

const accounts = demoAccounts();
const bkd = accounts.admin_instansi!;
const staf = accounts.staf!;

/** Last month, whose working days are all judged (the first days of this month may not be). */
function bulanLalu(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Sets the rule on the settings page and saves, when it is not already so. */
async function aturan(page: Page, aktif: boolean) {
  await page.goto('/pengaturan');
  const bagian = page.getByRole('region', { name: 'Kepatuhan progres harian' });
  const saklar = bagian.getByRole('switch', { name: 'Wajibkan progres harian setiap hari kerja' });
  await expect(saklar).toBeVisible();
  if ((await saklar.isChecked()) === aktif) return;
  await saklar.click({ force: true });
  await bagian.getByRole('button', { name: 'Simpan aturan kepatuhan', exact: true }).click();
  await expect(page.getByText('Aturan kepatuhan progres harian tersimpan.')).toBeVisible();
}

test('the BKD switches on compliance per day, opens an OPD and a person’s calendar month', async ({
  page,
  browser,
}) => {
  const bulan = bulanLalu();
  await masuk(page, bkd);

  await test.step('while the rule is off the page says so, not zeros', async () => {
    await aturan(page, false);
    await page.goto('/monitoring');
    await page.getByRole('link', { name: 'Kepatuhan progres harian per OPD dan pegawai' }).click();
    await expect(page.getByRole('heading', { name: 'Kepatuhan Progres Harian' })).toBeVisible();
    await expect(page.getByText('Aturan kepatuhan progres harian tidak aktif')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  });

  await test.step('the BKD turns it on in the settings', async () => {
    await aturan(page, true);
    const p = await (await page.request.get('/api/pengaturan')).json();
    expect(p.kepatuhanHarian).toEqual({ aktif: true, batasJam: '23:59', hariKerjaKe: 1 });
  });

  let opdNama = '';
  await test.step('compliance per OPD for last month, then one OPD’s employees', async () => {
    await page.goto(`/monitoring/progres-harian?bulan=${bulan}`);
    await expect(
      page.getByText(/^Ketentuan: progres harian setiap hari kerja diisi paling lambat pukul 23\.59/),
    ).toBeVisible();
    const res = await page.request.get(`/api/kepatuhan-harian/opd?bulan=${bulan}`);
    expect(res.ok(), await res.text()).toBeTruthy();
    const opd = (
      (await res.json()) as {
        items: { opdId: number | null; opdNama: string; tidakAda: number; jumlahPegawai: number }[];
      }
    ).items;
    // The largest OPD: its employees come a page of 50 at a time.
    const pilihan = opd.filter((o) => o.opdId !== null).sort((a, b) => b.jumlahPegawai - a.jumlahPegawai)[0]!;
    expect(pilihan, 'an OPD with employees').toBeTruthy();
    opdNama = pilihan.opdNama;
    await page.getByRole('link', { name: opdNama, exact: true }).click();
    await expect(page).toHaveURL(/opdId=\d+/);
    const tabel = page.getByRole('table', { name: /^Kepatuhan progres harian per pegawai/ });
    const baris = tabel.locator('tbody tr');
    await expect(baris).toHaveCount(Math.min(50, pilihan.jumlahPegawai));
    if (pilihan.jumlahPegawai > 50) {
      await page.getByRole('button', { name: 'Muat lagi' }).click();
      await expect(baris).toHaveCount(Math.min(100, pilihan.jumlahPegawai));
    } else {
      await expect(page.getByRole('button', { name: 'Muat lagi' })).toHaveCount(0);
    }
  });

  await test.step('a person’s calendar: one cell per day, its status in words', async () => {
    const tabel = page.getByRole('table', { name: /^Kepatuhan progres harian per pegawai/ });
    const orang = tabel.getByRole('link').first();
    const nama = (await orang.textContent())!;
    await orang.click();
    await expect(page).toHaveURL(/\/monitoring\/progres-harian\/pegawai\/\d+/);
    await expect(
      page.getByRole('heading', { name: new RegExp(`^${nama.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — `) }),
    ).toBeVisible();
    const kalender = page.getByRole('table', { name: / — / });
    await expect(kalender.getByRole('columnheader', { name: 'Senin' })).toBeVisible();
    await expect(kalender.locator('td[data-tanggal]')).toHaveCount(
      new Date(Number(bulan.slice(0, 4)), Number(bulan.slice(5)), 0).getDate(),
    );
    await expect(kalender.getByText('Bukan hari kerja').first()).toBeVisible();
    await expect(
      kalender.getByText(/(Tepat waktu|Terlambat|Tidak diisi|Dikecualikan)$/).first(),
    ).toBeVisible();
  });

  await test.step('an employee opens his own calendar from Progres Harian Saya, and goes back', async () => {
    const sendiri = await browser.newPage();
    await masuk(sendiri, staf);
    await sendiri.goto(`/progres-harian?bulan=${bulan}`);
    await sendiri.getByRole('link', { name: 'Kepatuhan pengisian saya' }).click();
    await expect(sendiri).toHaveURL(/\/monitoring\/progres-harian\/pegawai\/\d+/);
    await expect(sendiri.getByRole('heading', { name: new RegExp(`^${staf.nama} — `) })).toBeVisible();
    await sendiri.getByRole('link', { name: '← Progres Harian Saya' }).click();
    await expect(sendiri.getByRole('heading', { name: 'Progres Harian Saya' })).toBeVisible();
    await sendiri.close();
  });

  await test.step('back to the default for the other journeys', async () => {
    await aturan(page, false);
  });
});
