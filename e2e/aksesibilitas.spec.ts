import { expect } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { pelanggaranBerat, periksaAksesibilitas } from './aksesibilitas.js';
import { test } from './fixtures.js';

// This sweep checks each page itself, at both widths; the per-page check would repeat it.
test.use({ axeTiapHalaman: false });

const accounts = demoAccounts();
const PERAN = ['admin_instansi', 'pengawas', 'staf', 'fungsional'];
const LEBAR = [1280, 360];

test('the login page has no critical or serious violation, on a desk and on a phone', async ({ page }) => {
  for (const width of LEBAR) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/masuk');
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await periksaAksesibilitas(page, `/masuk @${width}px`);
  }
});

// The check as configured (violations only, aggregated in the page) still sees what it must, in a
// frame too: otherwise every sweep below would pass on nothing.
test('the check finds critical violations on the page and inside a frame', async ({ page }) => {
  await page.goto('/masuk');
  await expect(page.getByRole('main')).toBeVisible();
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = '/favicon.ico';
    document.body.append(img);
    const frame = document.createElement('iframe');
    frame.srcdoc = '<!doctype html><html lang="id"><body><button></button></body></html>';
    document.body.append(frame);
  });
  await expect.poll(() => page.frames().length).toBe(2);
  const ids = (await pelanggaranBerat(page)).map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
});

for (const peran of PERAN) {
  for (const width of LEBAR) {
    test(`${peran} @${width}px: every page in the navigation has no critical or serious violation`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width, height: 800 });
      await masuk(page, accounts[peran]!);
      // The navigation is in the DOM on phones too (a drawer), so one list serves both widths.
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      const hrefs = await nav.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(5);
      for (const href of hrefs) {
        await page.goto(href);
        await page.waitForLoadState('networkidle');
        await expect(page.getByRole('heading', { level: 1 }), href).toHaveCount(1);
        await expect(page.getByRole('main'), href).toHaveCount(1);
        await periksaAksesibilitas(page, `${href} (${peran} @${width}px)`);
      }
    });
  }
}
