/**
 * Issue 14: dates and countdowns follow the instansi's zone, not the browser's. The same journey
 * runs with the browser in UTC and in Asia/Jakarta (WIB) against the demo instansi in WITA: every
 * window card of Realisasi Saya shows the server's local dates and the inbox's own countdown words.
 */
import { expect } from '@playwright/test';
import { NAMA_BULAN } from '../src/domain/jadwal.js';
import { demoAccounts, masuk } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { test } from './fixtures.js';

const staf = demoAccounts().staf!;

interface Jendela {
  label: string;
  status: 'BELUM_DIBUKA' | 'DIBUKA' | 'DITUTUP';
  izin: boolean;
  tanggalMulai: string;
  tanggalAkhir: string;
  tenggat: { label: string };
}

for (const zonaBrowser of ['UTC', 'Asia/Jakarta']) {
  test.describe(`browser in ${zonaBrowser}`, () => {
    test.use({ timezoneId: zonaBrowser });

    test(`window cards show WITA dates and the inbox's countdown (browser ${zonaBrowser})`, async ({
      page,
    }) => {
      await masuk(page, staf);
      const jadwal = (await (await page.request.get('/api/jadwal')).json()) as {
        zona: string;
        jendelaAktif: { periodeKode: string } | null;
        jadwal: { kode: string }[];
      };
      // The period Realisasi Saya opens on (useJadwal: the open window's, else the last that ended).
      const periode = jadwal.jendelaAktif?.periodeKode ?? jadwal.jadwal[0]!.kode;
      const bulan = (await (await page.request.get(`/api/realisasi?periode=${periode}`)).json()) as {
        jendela: Jendela[];
      };
      await page.goto(`/realisasi?periode=${periode}`);
      const kartu = page.getByRole('list', { name: 'Jadwal periode' });
      for (const j of bulan.jendela) {
        const item = kartu.getByRole('listitem', { name: j.label });
        // The window's last day as the server dates it in WITA, e.g. "7 Desember", and the zone.
        const [, m, d] = j.tanggalAkhir.split('-').map(Number) as [number, number, number];
        await expect(item).toContainText(`${d} ${NAMA_BULAN[m - 1]}`);
        await expect(item).toContainText(`(${jadwal.zona})`);
        const khusus = j.izin && j.status !== 'DIBUKA';
        if (j.status !== 'DITUTUP' && !khusus) await expect(item).toContainText(j.tenggat.label);
      }
      await periksaAksesibilitas(page, `Realisasi Saya (peramban ${zonaBrowser})`);
    });
  });
}
