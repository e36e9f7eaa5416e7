/**
 * Writes the PWA icons web/public/ikon-192.png and ikon-512.png: three rising white bars (a
 * performance chart) on the app's teal, inside the middle 60 % so a maskable crop keeps them.
 * Run: npx tsx scripts/ikon-pwa.ts
 */
import { writeFileSync } from 'node:fs';
import { encodePng } from './png.js';

const TEAL = [0x08, 0x7f, 0x5b] as const;
const PUTIH = [0xff, 0xff, 0xff] as const;
/** Bars as fractions of the side: [left, top, right], all reaching the same baseline. */
const BATANG = [
  [0.24, 0.56, 0.36],
  [0.44, 0.42, 0.56],
  [0.64, 0.26, 0.76],
] as const;
const DASAR = 0.76;

for (const sisi of [192, 512]) {
  const png = encodePng(sisi, sisi, (x, y) => {
    const fx = x / sisi;
    const fy = y / sisi;
    const kena = BATANG.some(([kiri, atas, kanan]) => fx >= kiri && fx < kanan && fy >= atas && fy < DASAR);
    return kena ? PUTIH : TEAL;
  });
  writeFileSync(new URL(`../web/public/ikon-${sisi}.png`, import.meta.url), png);
}
