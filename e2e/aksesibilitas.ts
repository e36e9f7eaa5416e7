/**
 * axe-core in the journeys: a page passes when it has no critical or serious WCAG 2.1 A/AA
 * violation. The failure message names each rule, its impact, how many nodes and the first targets,
 * so a red run says what to fix without opening a trace.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BERAT = new Set(['critical', 'serious']);

export interface Pelanggaran {
  id: string;
  impact: string;
  jumlah: number;
  target: string[];
}

/** The critical and serious violations on the page as it is now. */
export async function pelanggaranBerat(page: Page): Promise<Pelanggaran[]> {
  // Violations only, aggregated in the page itself: the passes' details and the blank page AxeBuilder
  // opens to merge frames' results cost 1 s of a check's 1.7 s, and the app has no cross-origin frames.
  // `options` replaces what `withTags` would set, so the tags go in here.
  const hasil = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  return hasil.violations
    .filter((v) => BERAT.has(v.impact ?? ''))
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      jumlah: v.nodes.length,
      target: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
}

/** `test-results/layar/<nama>.png`: the screen a journey checks, kept for review and printed in the run's output. */
async function potret(page: Page, nama: string) {
  const berkas = `test-results/layar/${nama
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.png`;
  await page.screenshot({ path: berkas, fullPage: true });
  process.stdout.write(`layar: ${berkas}\n`);
}

/**
 * Fails the test when `nama` (the screen, as the journey calls it) has a critical or serious
 * violation; the screen is kept as a named screenshot either way.
 */
export async function periksaAksesibilitas(page: Page, nama: string) {
  await potret(page, nama);
  const daftar = await pelanggaranBerat(page);
  const ringkasan = daftar
    .map((v) => `- ${v.id} (${v.impact}, ${v.jumlah} elemen): ${v.target.join(' | ')}`)
    .join('\n');
  expect(daftar, `Pelanggaran aksesibilitas di ${nama}:\n${ringkasan}`).toEqual([]);
}
