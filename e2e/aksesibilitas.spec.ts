import { expect } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
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
