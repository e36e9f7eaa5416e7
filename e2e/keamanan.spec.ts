import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page } from '@playwright/test';
import { demoAccounts, masuk } from './accounts.js';
import { test } from './fixtures.js';

const bkd = demoAccounts().admin_instansi!;

/**
 * Records every CSP violation of the page: the `securitypolicyviolation` events (an init script,
 * which Playwright injects outside the page's CSP) and the browser's own "Refused to …" console errors.
 */
async function pantauCsp(page: Page): Promise<string[]> {
  const pelanggaran: string[] = [];
  await page.exposeFunction('laporPelanggaranCsp', (teks: string) => pelanggaran.push(teks));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { laporPelanggaranCsp(t: string): void }).laporPelanggaranCsp(
        `${location.pathname}: ${e.effectiveDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pelanggaran.push(m.text());
  });
  return pelanggaran;
}

test('the app works under its Content Security Policy, which refuses an injected script', async ({
  page,
}) => {
  const pelanggaran = await pantauCsp(page);
  const halaman = await page.goto('/masuk');
  const csp = halaman!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self';");
  expect(csp).toContain("frame-ancestors 'none'");
  await masuk(page, bkd);

  await page.getByRole('link', { name: 'Monitoring', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kepatuhan pelaporan per OPD' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    page
      .getByRole('figure', { name: /^Grafik kepatuhan/ })
      .locator('svg')
      .first(),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await page.getByLabel('Cari pegawai').fill(bkd.nip);
  await expect(page.getByRole('link', { name: bkd.nama })).toBeVisible();
  await page.getByRole('link', { name: 'Struktur organisasi' }).click();
  await expect(page.getByRole('heading', { name: 'Struktur organisasi' })).toBeVisible();
  await page.goto('/verifikasi');
  await expect(page.getByLabel('Kode verifikasi')).toBeVisible();
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /e-Kinerja API/ })).toBeVisible();
  // The documentation calls the API from the page.
  await page.getByRole('button', { name: 'GET /api/health Status layanan' }).click();
  await page.getByRole('button', { name: 'Try it out' }).click();
  await page.getByRole('button', { name: 'Execute' }).click();
  await expect(page.locator('.live-responses-table tbody .response-col_status')).toHaveText('200');
  expect(pelanggaran).toEqual([]);

  // What an XSS would try: an inline script element is not run, and the attempt is reported.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: `Selamat datang, ${bkd.nama}` })).toBeVisible();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.disuntik = true';
    document.body.append(s);
  });
  await expect.poll(() => pelanggaran.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => 'disuntik' in window)).toBe(false);
});

test('a page on another origin cannot frame the logged-in app', async ({ page, baseURL }) => {
  const pelanggaran = await pantauCsp(page);
  await masuk(page, bkd);
  // The attacker's page: another port is another origin (and the same site, so the cookie would go along).
  const jahat: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><h1>Hadiah</h1><iframe src="${baseURL}/" width="900" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => jahat.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = jahat.address() as AddressInfo;
    const aplikasi = page.waitForResponse((r) => r.url() === `${baseURL}/` && r.frame() !== page.mainFrame());
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.getByRole('heading', { name: 'Hadiah' })).toBeVisible();
    // The browser received the app's page for the frame, and refused to show it.
    expect((await aplikasi).headers()['x-frame-options']).toBe('DENY');
    await expect.poll(() => pelanggaran.some((p) => /frame-ancestors/.test(p))).toBe(true);
    const bingkai = page.frameLocator('iframe');
    await expect(bingkai.locator('#root')).toHaveCount(0);
    await expect(bingkai.getByText(/Selamat datang/)).toHaveCount(0);
  } finally {
    await new Promise((resolve) => jahat.close(resolve));
  }
});
