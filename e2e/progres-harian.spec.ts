import { expect, type Locator } from '@playwright/test';
import { namaTanggal } from '../src/domain/progres-harian.js';
import { type DemoAccount, demoAccounts, masuk } from './accounts.js';
import { apiLogin, bukaJendela } from './api.js';
import { test } from './fixtures.js';
import { hariKerja } from './hari-kerja.js';

const accounts = demoAccounts();
const salim = accounts.staf!;
const bkd = accounts.admin_instansi!;

let periode: string;
let hari: string[];
let pegawai: DemoAccount;
let penilai: DemoAccount;

// A colleague of Salim with an approved plan and an untouched month: the second such colleague, so
// the offline journey (which takes the first) never shares his month. The BKD opens his input window.
test.beforeAll(async ({ playwright, baseURL }) => {
  const own = await playwright.request.newContext({ baseURL });
  await apiLogin(own, salim);
  const me = (await (await own.get('/api/me')).json()) as { rantaiAtasan: { nip: string }[] };
  const jadwal = (await (await own.get('/api/jadwal')).json()) as { jadwal: { kode: string }[] };
  await own.dispose();
  penilai = Object.values(accounts).find((a) => a.nip === me.rantaiAtasan[0]?.nip)!;
  const atasanApi = await playwright.request.newContext({ baseURL });
  await apiLogin(atasanApi, penilai);
  const akunDemo = new Set(Object.values(accounts).map((a) => a.nip));
  let pegawaiId = 0;
  for (const p of jadwal.jadwal.map((j) => j.kode).reverse()) {
    const { items } = (await (await atasanApi.get(`/api/realisasi/bawahan?periode=${p}`)).json()) as {
      items: {
        pegawaiId: number;
        nip: string;
        namaLengkap: string;
        peran: string;
        skpId: number | null;
        jumlah: Record<string, number>;
      }[];
    };
    const rekan = items.filter(
      (i) =>
        i.peran === 'LANGSUNG' &&
        i.skpId !== null &&
        !akunDemo.has(i.nip) &&
        Object.values(i.jumlah).every((n) => n === 0),
    )[1];
    if (!rekan) continue;
    pegawai = { role: 'pegawai', nip: rekan.nip, nama: rekan.namaLengkap, password: bkd.password };
    pegawaiId = rekan.pegawaiId;
    periode = p;
    const mulai = (
      (await (await atasanApi.get(`/api/realisasi/pegawai/${rekan.pegawaiId}?periode=${p}`)).json()) as {
        periode: { mulai: string };
      }
    ).periode.mulai;
    hari = await hariKerja(atasanApi, mulai);
    break;
  }
  await atasanApi.dispose();
  expect(periode, 'a second colleague of Salim has an approved plan and an untouched month').toBeTruthy();

  const admin = await playwright.request.newContext({ baseURL });
  await bukaJendela(admin, await apiLogin(admin, bkd), {
    jenis: 'INPUT',
    periodeKode: periode,
    pegawaiId,
    alasan: 'Uji e2e progres harian',
  });
  await admin.dispose();
});

async function isi(
  form: Locator,
  tanggal: string,
  mulai: string,
  selesai: string,
  kegiatan: string,
  n: string,
) {
  await form.getByLabel('Tanggal Kegiatan').fill(tanggal);
  await form.getByLabel('Jam Mulai').fill(mulai);
  await form.getByLabel('Jam Selesai').fill(selesai);
  await form.getByLabel('Kegiatan Harian').fill(kegiatan);
  await form.getByRole('textbox', { name: 'Realisasi', exact: true }).fill(n);
  await form.getByLabel('Satuan').fill('kegiatan');
  await form.getByRole('button', { name: 'Tambah', exact: true }).click();
}

test('on a phone, an employee records three days of progres harian, one refused for overlap at its field; the month sums them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await masuk(page, pegawai);
  await page.goto(`/realisasi?periode=${periode}`);
  const card = page.getByRole('article').first();
  const form = card.getByRole('form', { name: /^Tambah entri progres harian/ });

  await card.getByRole('button', { name: 'Tambah entri' }).click();
  await isi(form, hari[1]!, '08:00', '10:00', 'Posyandu balita', '2');
  await expect(form).toBeHidden();
  await card.getByRole('button', { name: 'Tambah entri' }).click();
  await isi(form, hari[2]!, '08:00', '09:30', 'Penyuluhan gizi', '3');
  await expect(form).toBeHidden();

  // The same day as the first, overlapping it: refused, the reason on the start time.
  await card.getByRole('button', { name: 'Tambah entri' }).click();
  await isi(form, hari[1]!, '09:00', '11:00', 'Kunjungan rumah', '4');
  await expect(form.getByLabel('Jam Mulai')).toHaveAccessibleDescription(
    /bertumpang tindih dengan kegiatan 08:00–10:00/,
  );
  await form.getByLabel('Tanggal Kegiatan').fill(hari[3]!);
  await form.getByRole('button', { name: 'Tambah', exact: true }).click();
  await expect(form).toBeHidden();

  const log = card.getByRole('region', { name: /^Progres harian/ });
  await expect(log.getByRole('row')).toHaveCount(4);
  await expect(log.getByText(/jumlah progres harian\): 9 kegiatan/)).toBeVisible();
});

test('the assessor sees the team month at a glance and comments on one day; the employee reads it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const bulan = hari[1]!.slice(0, 7);
  const komentar = 'Lampirkan daftar hadir posyandu.';
  await masuk(page, penilai);
  await page.goto(`/progres-harian/tim?bulan=${bulan}`);
  await page.getByRole('button', { name: pegawai.nama }).click();
  const hariItu = page.getByRole('region', { name: namaTanggal(hari[1]!) });
  await expect(hariItu.getByText('Posyandu balita')).toBeVisible();
  await hariItu.getByRole('button', { name: 'Beri komentar' }).click();
  await hariItu.getByRole('textbox', { name: 'Komentar' }).fill(komentar);
  await hariItu.getByRole('button', { name: 'Simpan komentar' }).click();
  await expect(hariItu.getByText(komentar)).toBeVisible();

  await page.context().clearCookies();
  await masuk(page, pegawai);
  await page.goto(`/progres-harian?bulan=${bulan}`);
  await expect(page.getByRole('region', { name: namaTanggal(hari[1]!) }).getByText(komentar)).toBeVisible();
});
