import { expect, type Page } from '@playwright/test';

/**
 * Neither the page nor its main content scrolls sideways at `lebar` px. Polled until settled: right
 * after a viewport change or a navigation the shell is still moving into the narrow layout (a busy CI
 * run once measured 372 px mid-transition); only the settled page counts, and one that keeps
 * overflowing fails.
 */
export async function tanpaGeserSamping(page: Page, lebar = 360) {
  await expect
    .poll(() =>
      page.evaluate(() =>
        Math.max(document.documentElement.scrollWidth, document.querySelector('main')?.scrollWidth ?? 0),
      ),
    )
    .toBeLessThanOrEqual(lebar);
}
