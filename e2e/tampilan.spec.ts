import { type Browser, expect as base, type Locator, type Page } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { test } from './fixtures.js';

// The first loads compute the recap of a period, and the demo server may still be warming up.
const expect = base.configure({ timeout: 30_000 });

const accounts = demoAccounts();
const bkd = accounts.admin_instansi!;
const kepala = accounts.kepala_opd!;
const pengawas = accounts.pengawas!;

/** The month before last: complete in the demo whatever today's date. */
function bulanSebelumLalu(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 2);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** A percentage written the English way ("46.8 %"): never, in text or in accessible names. */
const PERSEN_TITIK = /\d\.\d+\s?%/;

async function tanpaPersenTitik(page: Page) {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a reader sees; textContent holds <style> rules too
  const teks = await page.locator('body').innerText();
  expect(teks.match(PERSEN_TITIK)?.[0] ?? null).toBeNull();
  const label = await page
    .locator('[aria-label]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(label.filter((l) => l && /\d\.\d+\s?%/.test(l))).toEqual([]);
}

type Kotak = { x: number; y: number; width: number; height: number };
const bertumpuk = (a: Kotak, b: Kotak) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The name labels of one chart's category axis: none overlaps another; each carries the full name. */
async function labelTidakBertumpuk(grafik: Locator, namaLengkap: string[]) {
  const label = grafik.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(label.first()).toBeVisible();
  const kotak = await label.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  expect(kotak.length).toBeGreaterThan(3);
  for (let i = 0; i < kotak.length; i++)
    for (let j = i + 1; j < kotak.length; j++)
      expect(bertumpuk(kotak[i]!, kotak[j]!), `label ${i} dan ${j} bertumpuk`).toBe(false);
  const judul = await label.locator('title').allTextContents();
  expect(judul.length).toBe(kotak.length);
  for (const j of judul) expect(namaLengkap).toContain(j);
}

async function bukaMonitoring(page: Page) {
  const periode = bulanSebelumLalu();
  await page.goto(`/monitoring?periode=${periode}`);
  await expect(page.getByRole('heading', { name: 'Kepatuhan pelaporan per OPD' })).toBeVisible({
    timeout: 60_000,
  });
  const res = await page.request.get(`/api/monitoring/ringkasan?periode=${periode}`);
  return ((await res.json()) as { opd: { nama: string }[] }).opd.map((o) => o.nama);
}

for (const lebar of [1280, 360]) {
  test(`OPD names on the monitoring charts never overlap and percentages use a comma, at ${lebar} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: lebar, height: 900 });
    await masuk(page, bkd);
    const nama = await bukaMonitoring(page);
    // The demo's longest OPD names are cut on the axis; the full names stay in the chart's text.
    expect(nama.some((n) => n.length > 40)).toBe(true);
    const kepatuhan = page.getByRole('figure', { name: /^Grafik kepatuhan pelaporan per OPD: / });
    await labelTidakBertumpuk(kepatuhan, nama);
    for (const n of nama)
      await expect(kepatuhan).toHaveAttribute('aria-label', new RegExp(n.replace(/[.()]/g, '\\$&')));
    const predikat = page.getByRole('figure', { name: /^Grafik distribusi predikat: / });
    await labelTidakBertumpuk(predikat, nama);
    await expect(page.getByRole('figure', { name: /^Grafik tren / })).toBeVisible();
    await tanpaPersenTitik(page);
    await periksaAksesibilitas(page, `Monitoring ${lebar} px`);
  });
}

test('unit names on the Dibagi Habis chart never overlap, at 1280 and 360 px', async ({ page }) => {
  await masuk(page, bkd);
  const tahun = new Date().getFullYear();
  const res = await page.request.get(`/api/cakupan?tahun=${tahun}`);
  const nama = ((await res.json()) as { unit: { nama: string }[] }).unit.map((u) => u.nama);
  for (const lebar of [1280, 360]) {
    await page.setViewportSize({ width: lebar, height: 900 });
    await page.goto(`/cakupan?tahun=${tahun}`);
    const grafik = page.getByRole('img', { name: 'Grafik persentase IKI lengkap per unit' });
    await expect(grafik).toBeVisible();
    await labelTidakBertumpuk(grafik, nama);
    await tanpaPersenTitik(page);
  }
  await periksaAksesibilitas(page, 'Dibagi Habis 360 px');
});

test('the curve chart writes its percentages with a comma', async ({ page }) => {
  await masuk(page, kepala);
  const units = (
    (await (await page.request.get('/api/kurva/unit-saya')).json()) as { items: { id: number }[] }
  ).items;
  // A unit and past month whose shares are not whole numbers (e.g. 3 of 7 = 42,9 %).
  let pilihan: { unorId: number; periode: string } | null = null;
  const d = new Date();
  for (let i = 0; i < 6 && !pilihan; i++) {
    d.setDate(1);
    d.setMonth(d.getMonth() - 1);
    const periode = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    for (const u of units) {
      const k = (await (await page.request.get(`/api/kurva/unor/${u.id}?periode=${periode}`)).json()) as {
        distribusi: Record<string, number>;
      };
      const jumlah = Object.values(k.distribusi);
      const n = jumlah.reduce((a, b) => a + b, 0);
      if (n > 0 && jumlah.some((x) => (x * 100) % n !== 0)) {
        pilihan = { unorId: u.id, periode };
        break;
      }
    }
  }
  expect(pilihan).not.toBeNull();
  await page.goto(`/kurva?unorId=${pilihan!.unorId}&periode=${pilihan!.periode}`);
  await expect(page.getByRole('heading', { name: 'Kurva distribusi' })).toBeVisible();
  // The tooltip of each bar shows its percentage; at least one has decimals, written with a comma.
  const batang = page.locator('.recharts-bar-rectangle');
  await expect(batang.first()).toBeVisible();
  let desimal = 0;
  for (const b of await batang.all()) {
    // A bar of 0 % has no area to point at.
    if (((await b.boundingBox())?.height ?? 0) < 2) continue;
    await b.hover();
    const tooltip = page.locator('.recharts-tooltip-wrapper');
    await expect(tooltip).toContainText('%');
    if (/\d,\d+ %/.test((await tooltip.textContent()) ?? '')) desimal++;
    await tanpaPersenTitik(page);
  }
  expect(desimal).toBeGreaterThan(0);
  await periksaAksesibilitas(page, 'Kurva & Predikat');
});

async function konteks(browser: Browser, ponsel: boolean) {
  return browser.newContext(
    ponsel
      ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID' }
      : { viewport: { width: 1280, height: 800 }, locale: 'id-ID' },
  );
}

for (const ponsel of [false, true]) {
  test(`keyboard hints on the assessment list are ${ponsel ? 'hidden on a phone' : 'shown on a desktop'}`, async ({
    browser,
  }) => {
    const ctx = await konteks(browser, ponsel);
    const page = await ctx.newPage();
    await masuk(page, pengawas);
    await page.goto(`/realisasi/bawahan?periode=${bulanSebelumLalu()}`);
    const daftar = page.getByRole('list', { name: 'Bawahan langsung' });
    await expect(daftar.getByRole('link').first()).toBeVisible();
    const petunjuk = page.getByText(/^Papan ketik:/);
    if (ponsel) {
      await expect(petunjuk).toHaveCount(0);
      await expect(page.locator('kbd')).toHaveCount(0);
    } else {
      await expect(petunjuk).toBeVisible();
      // The keyboard path still works where the hint is shown.
      await expect(daftar.getByRole('link').first()).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('kbd').first()).toBeVisible();
    }
    await periksaAksesibilitas(page, `Penilaian Bawahan ${ponsel ? 'ponsel' : 'desktop'}`);
    await ctx.close();
  });
}

test('the audit log names actions and data in words, the code beside for auditors', async ({ page }) => {
  await masuk(page, bkd);
  await page.goto('/audit');
  const tabel = page.getByRole('table', { name: 'Log audit' });
  const baris = tabel.getByRole('row').filter({ hasText: 'auth.login' }).first();
  await expect(baris).toBeVisible();
  // Her own login: "Masuk", and the data is her name with the NIP formatted, not "pegawai #533".
  await expect(baris.getByRole('cell').nth(2)).toContainText('Masuk');
  await expect(baris.getByRole('cell').nth(3)).toContainText(`${bkd.nama} (NIP `);
  await expect(tabel.getByRole('cell', { name: /^pegawai #\d+$/ })).toHaveCount(0);
  await expect(tabel.getByRole('cell', { name: /^skp #\d+$/ })).toHaveCount(0);
  await periksaAksesibilitas(page, 'Log audit');
});

/** A refusal shown by the one form-error helper: the summary in view and focused, no API path in it. */
async function galatTerlihat(wadah: Locator, teks: RegExp) {
  const ringkasan = wadah.getByRole('alert').filter({ hasText: teks });
  await expect(ringkasan).toBeFocused();
  await expect(ringkasan).toBeInViewport();
  await expect(wadah).not.toContainText('body.');
}

test('the SKP form shows its refusals in view and focused, on the field too', async ({ page }) => {
  const pelaksana = accounts.pelaksana!;
  await masuk(page, pelaksana);
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'SKP Saya' })
    .click();
  // Next year's plan: the skp journey may already have made this year's on the same server.
  const tahun = String(new Date().getFullYear() + 1);
  const buat = page.getByRole('dialog', { name: 'Buat SKP' });
  const bukaBuat = async () => {
    await page.getByRole('button', { name: 'Buat SKP' }).click();
    await buat.getByRole('combobox', { name: 'Tahun' }).click();
    await page.getByRole('option', { name: tahun }).click();
    await buat.getByLabel('Kuantitatif').check();
    await buat.getByRole('button', { name: 'Buat', exact: true }).click();
  };
  await bukaBuat();
  await expect(page.getByRole('heading', { name: `SKP ${tahun}` })).toBeVisible();

  // Saving an RHK without its plan: the field says so, the summary is where the eye is.
  const rhk = page.getByRole('group', { name: 'RHK Utama 1' });
  await rhk.getByLabel('Rencana Hasil Kerja').fill('x');
  await rhk.getByLabel('Rencana Hasil Kerja').fill('');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await galatTerlihat(page.locator('main'), /Lengkapi dulu isian yang wajib/);
  await expect(rhk.getByText('Rencana hasil kerja wajib diisi.')).toBeVisible();
  await expect(rhk.getByLabel('Rencana Hasil Kerja')).toHaveAttribute('aria-invalid', 'true');

  // A second plan for the same year is refused by the server, in the dialog.
  await page.goto('/skp');
  await bukaBuat();
  await galatTerlihat(buat, /./);
  const tahunDitolak = buat.getByRole('combobox', { name: 'Tahun' });
  await expect(tahunDitolak).toHaveAttribute('aria-invalid', 'true');
  await expect(tahunDitolak).toHaveAccessibleDescription(/SKP untuk jabatan dan tahun ini sudah ada/);
  await periksaAksesibilitas(page, 'Buat SKP (ditolak)');
});

test('a pegawai admin form puts the server’s refusal on its field and in a focused summary', async ({
  page,
}) => {
  const fungsional = accounts.fungsional!;
  await masuk(page, bkd);
  await page.goto('/pegawai');
  await page.getByLabel('Cari pegawai').fill(fungsional.nip);
  await page.getByRole('link', { name: fungsional.nama }).click();
  await expect(page.getByRole('heading', { name: fungsional.nama })).toBeVisible();
  const id = page.url().match(/\/pegawai\/(\d+)/)![1];
  const detail = (await (await page.request.get(`/api/pegawai/${id}`)).json()) as {
    jabatan: { nama: string; unorNama: string };
  };

  // A mutation to the position she already holds.
  const form = page.getByRole('form', { name: 'Mutasi jabatan' });
  const jabatan = form.getByRole('combobox', { name: 'Jabatan tujuan' });
  await jabatan.fill(detail.jabatan.nama);
  await page
    .getByRole('option', { name: `${detail.jabatan.nama} — ${detail.jabatan.unorNama}` })
    .first()
    .click();
  await form.getByLabel('Alasan').fill('Uji mutasi ke jabatan yang sama');
  await form.getByRole('button', { name: 'Simpan mutasi' }).click();
  await galatTerlihat(form, /sudah menduduki jabatan/);
  await expect(form.getByText('Pegawai sudah menduduki jabatan tersebut.').last()).toBeVisible();
  await expect(jabatan).toHaveAttribute('aria-invalid', 'true');
  await periksaAksesibilitas(page, 'Pegawai (mutasi ditolak)');
});

test('a late SKP says against which deadline, and an on-time one has no late badge', async ({ page }) => {
  await masuk(page, pengawas);
  const tahun = new Date().getFullYear();
  const daftar = (await (await page.request.get(`/api/skp-bawahan?tahun=${tahun}`)).json()) as {
    items: { namaLengkap: string; terlambat: boolean; keteranganTerlambat: string | null }[];
  };
  expect(daftar.items.some((i) => i.terlambat)).toBe(true);
  await page.goto('/skp-bawahan');
  const tabel = page.getByRole('table', { name: 'SKP bawahan' });
  for (const p of daftar.items) {
    const baris = tabel.getByRole('row').filter({ hasText: p.namaLengkap });
    const lencana = baris.getByTestId('terlambat');
    if (!p.terlambat) await expect(lencana).toHaveCount(0);
    else {
      await expect(lencana).toContainText(
        /^Terlambat(Disetujui \d+ \w+ \d{4}|Belum disetujui), tenggat \d+ \w+ \d{4}$/,
      );
      await expect(lencana).toContainText(p.keteranganTerlambat!);
    }
  }
  await periksaAksesibilitas(page, 'SKP Bawahan');
});
