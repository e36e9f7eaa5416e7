/**
 * The `test` every journey uses: besides Playwright's own fixtures it checks accessibility on every
 * page the journey opens, for every role it logs in as, without the journey asking.
 *
 * After each navigation to another page of the product (a full load or a client-side route
 * change), the journey's next action first waits while the page settles and axe checks it
 * (Playwright's locator handler on an unchecked `<html>`): the page is checked as the journey sees
 * it, with the session in force at that moment, and the check never races the journey's own
 * actions. A page is checked once per session, viewport and time zone. The journey fails at its end
 * when any page had a critical or serious violation.
 */
import {
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
} from '@playwright/test';
import { type Pelanggaran, pelanggaranBerat } from './aksesibilitas.js';

const TANDA = 'data-axe-diperiksa';

/** Runs in every page: a route change to another path takes the mark off, so the page is checked anew. */
function lepasTandaSaatPindah(tanda: string) {
  let jalur = location.pathname;
  const periksa = () => {
    if (location.pathname === jalur) return;
    jalur = location.pathname;
    document.documentElement.removeAttribute(tanda);
  };
  for (const nama of ['pushState', 'replaceState'] as const) {
    const asli = history[nama].bind(history);
    history[nama] = (...args: Parameters<History['pushState']>) => {
      asli(...args);
      periksa();
    };
  }
  addEventListener('popstate', periksa);
}

interface HasilHalaman {
  halaman: string;
  pelanggaran: Pelanggaran[];
}

/** Waits until nothing is loading; a page that never settles is checked as it is. */
async function tunggu(page: Page) {
  await page.waitForLoadState('load').catch(() => undefined);
  await page
    .waitForFunction(() => !document.querySelector('.mantine-Loader-root, [aria-busy="true"]'), null, {
      timeout: 3_000,
    })
    .catch(() => undefined);
}

/** The checks of one journey, over every page of every context it opens. */
class Pemeriksa {
  private readonly sudah = new Set<string>();
  readonly hasil: HasilHalaman[] = [];
  private readonly halaman = new Set<Page>();

  constructor(private readonly origin: string) {}

  async periksa(page: Page) {
    const u = new URL(page.url());
    if (u.origin !== this.origin || u.pathname.startsWith('/api/')) return;
    const sesi = (await page.context().cookies(this.origin)).map((c) => `${c.name}=${c.value}`).join(';');
    const kunci = `${u.pathname}|${sesi}|${page.viewportSize()?.width}`;
    if (this.sudah.has(kunci)) return;
    this.sudah.add(kunci);
    await tunggu(page);
    try {
      this.hasil.push({ halaman: u.pathname, pelanggaran: await pelanggaranBerat(page) });
    } catch (e) {
      // The page moved on while axe ran (a redirect): the page it landed on is checked in its turn.
      if (page.url() === u.href) throw e;
      this.sudah.delete(kunci);
    }
  }

  private async tandai(page: Page) {
    await page.evaluate((t) => document.documentElement.setAttribute(t, ''), TANDA).catch(() => undefined);
  }

  async awasiHalaman(page: Page) {
    this.halaman.add(page);
    page.on('close', () => this.halaman.delete(page));
    await page.addLocatorHandler(
      page.locator(`html:not([${TANDA}])`),
      async () => {
        await this.periksa(page);
        await this.tandai(page);
      },
      { noWaitAfter: true },
    );
  }

  async awasiKonteks(ctx: BrowserContext) {
    await ctx.addInitScript(lepasTandaSaatPindah, TANDA);
    ctx.on('page', (p) => void this.awasiHalaman(p));
    for (const p of ctx.pages()) await this.awasiHalaman(p);
  }

  /** The pages a journey ended on, with no action after their last navigation. */
  async periksaSisa() {
    for (const page of this.halaman) {
      const belum = await page
        .evaluate((t) => !document.documentElement.hasAttribute(t), TANDA)
        .catch(() => false);
      if (belum) await this.periksa(page);
    }
  }
}

function laporkan(hasil: HasilHalaman[]) {
  const berat = hasil.filter((h) => h.pelanggaran.length > 0);
  // One line per journey in the run's output: the totals the closing note quotes.
  process.stdout.write(
    `axe: ${hasil.length} halaman diperiksa, ${berat.length} dengan pelanggaran kritis/serius\n`,
  );
  const ringkasan = berat
    .flatMap((h) =>
      h.pelanggaran.map((v) => `${h.halaman}: ${v.id} (${v.impact}, ${v.jumlah}) ${v.target.join(' | ')}`),
    )
    .join('\n');
  expect(berat, `Pelanggaran aksesibilitas:\n${ringkasan}`).toEqual([]);
}

interface Opsi {
  /** Off for a journey that already checks each page itself (the accessibility sweep). */
  axeTiapHalaman: boolean;
}

export const test = base.extend<Opsi & { _axeTiapHalaman: undefined }>({
  axeTiapHalaman: [true, { option: true }],
  _axeTiapHalaman: [
    async ({ browser, context, axeTiapHalaman, baseURL }, use, testInfo) => {
      if (!axeTiapHalaman || !baseURL) {
        await use(undefined);
        return;
      }
      const pemeriksa = new Pemeriksa(new URL(baseURL).origin);
      await pemeriksa.awasiKonteks(context);
      // Journeys that open their own contexts (several roles side by side) are watched too.
      const newContext = browser.newContext.bind(browser);
      const newPage = browser.newPage.bind(browser);
      browser.newContext = async (options?: BrowserContextOptions) => {
        const ctx = await newContext(options);
        await pemeriksa.awasiKonteks(ctx);
        return ctx;
      };
      const konteksHalaman = new Set<BrowserContext>();
      browser.newPage = async (options?: BrowserContextOptions) => {
        const ctx = await browser.newContext(options);
        konteksHalaman.add(ctx);
        const page = await ctx.newPage();
        // As with Browser.newPage: the page owns its context, closed before `page.close()` resolves.
        // Left closing in the background, it failed the next test's "Before Hooks" ("Target page,
        // context or browser has been closed"): the runner starts tracing on every open context.
        const tutupHalaman = page.close.bind(page);
        page.close = async (options) => {
          await tutupHalaman(options);
          await ctx.close();
        };
        return page;
      };
      try {
        await use(undefined);
        if (testInfo.status === testInfo.expectedStatus) await pemeriksa.periksaSisa();
      } finally {
        browser.newContext = newContext;
        browser.newPage = newPage;
        // Those the journey left open close before the next test starts, for the same reason.
        await Promise.all([...konteksHalaman].map((c) => c.close().catch(() => undefined)));
      }
      if (testInfo.status !== testInfo.expectedStatus) return;
      await testInfo.attach('axe-tiap-halaman.json', {
        body: JSON.stringify(pemeriksa.hasil, null, 2),
        contentType: 'application/json',
      });
      laporkan(pemeriksa.hasil);
    },
    { auto: true, timeout: 120_000 },
  ],
});

export { expect };
