import { randomBytes } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { encodePng } from '../scripts/png.js';
import { type DemoAccount, demoAccounts, masuk } from './accounts.js';
import { periksaAksesibilitas } from './aksesibilitas.js';
import { apiLogin, bukaJendela } from './api.js';
import { test } from './fixtures.js';
import { hariKerja } from './hari-kerja.js';

const accounts = demoAccounts();
// A colleague of Salim under the same pejabat penilai whose month no other journey touches (the
// inbox journey submits Salim's running month, the realisasi journey reports his previous one).
const salim = accounts.staf!;
const bkd = accounts.admin_instansi!;
const MB2 = 2 * 1024 * 1024;

interface Bulan {
  periode: { kode: string; label: string; mulai: string };
  skp: unknown;
  items: {
    rhk: { id: number };
    realisasi: {
      id: number;
      buktiDukung: { jenis: string; namaBerkas: string | null; ukuran: number | null }[];
    } | null;
  }[];
}

let periode: string;
/** Working days of the period's first month: progres harian refuses weekends and holidays. */
let hari: string[];
let pegawaiId: number;
let pegawai: DemoAccount;
let penilai: DemoAccount;

interface Bawahan {
  items: {
    pegawaiId: number;
    nip: string;
    namaLengkap: string;
    peran: string;
    skpId: number | null;
    jumlah: Record<string, number>;
  }[];
}

// The input window of Salim's period is opened by the BKD's exception, so the journey does
// not depend on today's date.
test.beforeAll(async ({ playwright, baseURL }) => {
  const own = await playwright.request.newContext({ baseURL });
  await apiLogin(own, salim);
  const me = (await (await own.get('/api/me')).json()) as { rantaiAtasan: { nip: string }[] };
  const atasan = Object.values(accounts).find((a) => a.nip === me.rantaiAtasan[0]?.nip);
  expect(atasan, 'Salim’s pejabat penilai is a demo account').toBeTruthy();
  penilai = atasan!;
  const jadwal = (await (await own.get('/api/jadwal')).json()) as { jadwal: { kode: string }[] };
  await own.dispose();

  // The latest period in which a direct subordinate (not a demo account) has a plan and sent nothing.
  const atasanApi = await playwright.request.newContext({ baseURL });
  await apiLogin(atasanApi, penilai);
  const akunDemo = new Set(Object.values(accounts).map((a) => a.nip));
  for (const p of jadwal.jadwal.map((j) => j.kode).reverse()) {
    const { items } = (await (await atasanApi.get(`/api/realisasi/bawahan?periode=${p}`)).json()) as Bawahan;
    const rekan = items.find(
      (i) =>
        i.peran === 'LANGSUNG' &&
        i.skpId !== null &&
        !akunDemo.has(i.nip) &&
        Object.values(i.jumlah).every((n) => n === 0),
    );
    if (!rekan) continue;
    // Every demo employee has the demo password.
    const akun = { role: 'pegawai', nip: rekan.nip, nama: rekan.namaLengkap, password: bkd.password };
    const api = await playwright.request.newContext({ baseURL });
    await apiLogin(api, akun);
    const bulan = (await (await api.get(`/api/realisasi?periode=${p}`)).json()) as Bulan;
    await api.dispose();
    if (bulan.skp && bulan.items.length > 1) {
      pegawai = akun;
      pegawaiId = rekan.pegawaiId;
      periode = bulan.periode.kode;
      hari = await hariKerja(atasanApi, bulan.periode.mulai);
      break;
    }
  }
  await atasanApi.dispose();
  expect(
    periode,
    'a colleague of Salim has an approved plan with two RHK and an untouched month',
  ).toBeTruthy();

  const admin = await playwright.request.newContext({ baseURL });
  await bukaJendela(admin, await apiLogin(admin, bkd), {
    jenis: 'INPUT',
    periodeKode: periode,
    pegawaiId,
    alasan: 'Uji e2e pencatatan luring',
  });
  await admin.dispose();
});

/** A 1000 × 1000 PNG of noise: about 3 MB that no encoder squeezes, like a phone camera's photo. */
function fotoBesar() {
  const acak = randomBytes(1000 * 1000 * 3);
  return encodePng(1000, 1000, (x, y) => {
    const i = (y * 1000 + x) * 3;
    return [acak[i]!, acak[i + 1]!, acak[i + 2]!];
  });
}

const kartu = (page: Page) => page.getByRole('article');
const antrean = (page: Page, teks: string) => page.getByRole('banner').getByRole('button', { name: teks });

async function catatLog(page: Page, tanggal: string, kegiatan: string, kuantitas: string) {
  const card = kartu(page).first();
  await card.getByRole('button', { name: 'Tambah entri' }).click();
  const form = card.getByRole('form', { name: /^Tambah entri progres harian/ });
  await form.getByLabel('Tanggal Kegiatan').fill(tanggal);
  await form.getByLabel('Jam Mulai').fill('08:00');
  await form.getByLabel('Jam Selesai').fill('11:00');
  await form.getByLabel('Kegiatan Harian').fill(kegiatan);
  await form.getByRole('textbox', { name: 'Realisasi', exact: true }).fill(kuantitas);
  await form.getByLabel('Satuan').fill('kegiatan');
  await form.getByRole('button', { name: 'Tambah', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(card.getByRole('list', { name: /yang menunggu dikirim$/ }).first()).toContainText(kegiatan);
}

test('a field employee records two daily entries and a camera photo offline, reloads, reconnects: each arrives once and his assessor sees them', async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const foto = fotoBesar();
  expect(foto.length).toBeGreaterThan(MB2);
  const kegiatan = ['Posyandu balita Desa Tapa', 'Penyuluhan gizi Desa Bulango'];

  // Online: the page opens, the service worker installs and takes control, a draft exists for RHK 1.
  await masuk(page, pegawai);
  await page.goto(`/realisasi?periode=${periode}`);
  await expect(kartu(page).first()).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const pertama = kartu(page).first();
  if (await pertama.getByText('Belum diisi', { exact: true }).count()) {
    await pertama.getByLabel('Rencana aksi').fill('Pelayanan kesehatan di desa binaan');
    await pertama.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(pertama.getByText('Draf', { exact: true }).first()).toBeVisible();
  }
  // Once more through the service worker, so the page's reads are in its cache.
  await page.reload();
  await expect(kartu(page).first().getByRole('group', { name: 'Berkas bukti dukung' })).toBeVisible();

  // Offline: the page says so; the entries and the photo go to the outbox.
  await context.setOffline(true);
  await expect(page.getByText('Anda sedang luring — entri disimpan di perangkat')).toBeVisible();
  await catatLog(page, hari[2]!, kegiatan[0]!, '3');
  await catatLog(page, hari[3]!, kegiatan[1]!, '2');

  const card = kartu(page).first();
  await card.locator('input[type="file"][capture]').setInputFiles({
    name: 'foto-kegiatan.png',
    mimeType: 'image/png',
    buffer: foto,
  });
  await expect(card.getByText(/^Foto diperkecil dari/)).toBeVisible();
  await card.getByLabel('Deskripsi berkas').fill('Foto posyandu');
  await card.getByRole('button', { name: 'Unggah' }).click();
  await expect(card.getByRole('list', { name: 'Berkas yang menunggu dikirim' })).toContainText(
    'foto-kegiatan.jpg',
  );
  await expect(antrean(page, '3 entri menunggu dikirim')).toBeVisible();

  // A reload without a connection: the shell and the data come from the cache, the outbox stays.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Realisasi Saya' })).toBeVisible();
  await expect(kartu(page).first()).toBeVisible();
  await expect(page.getByText('Anda sedang luring — entri disimpan di perangkat')).toBeVisible();
  await expect(antrean(page, '3 entri menunggu dikirim')).toBeVisible();
  await periksaAksesibilitas(page, 'Realisasi Saya luring dengan antrean');
  await antrean(page, '3 entri menunggu dikirim').click();
  const panel = page.getByRole('dialog', { name: 'Antrean luring' });
  await expect(panel.getByRole('list', { name: 'Entri dalam antrean' }).getByRole('listitem')).toHaveCount(3);
  await expect(panel.getByRole('button', { name: 'Kirim sekarang' })).toBeDisabled();
  await periksaAksesibilitas(page, 'panel Antrean luring');
  await page.keyboard.press('Escape');

  // Back online: the outbox empties by itself.
  await context.setOffline(false);
  await expect(page.getByRole('banner').getByRole('button', { name: /entri/ })).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(page.getByText('Anda sedang luring — entri disimpan di perangkat')).toBeHidden();

  // Each entry exactly once on the server; the photo arrived at most 2 MB.
  const own = await playwright.request.newContext({ baseURL });
  await apiLogin(own, pegawai);
  const bulan = (await (await own.get(`/api/realisasi?periode=${periode}`)).json()) as Bulan;
  const r = bulan.items[0]!.realisasi!;
  const log = (await (await own.get(`/api/realisasi/${r.id}/log`)).json()) as {
    entri: { kegiatan: string }[];
  };
  for (const k of kegiatan) expect(log.entri.filter((e) => e.kegiatan === k)).toHaveLength(1);
  const berkas = r.buktiDukung.filter((b) => b.namaBerkas === 'foto-kegiatan.jpg');
  expect(berkas).toHaveLength(1);
  expect(berkas[0]!.ukuran).toBeGreaterThan(0);
  expect(berkas[0]!.ukuran).toBeLessThanOrEqual(MB2);
  await own.dispose();

  // His pejabat penilai reads the month: both entries in the daily log and the photo.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await masuk(page, penilai);
  await page.goto(`/realisasi/bawahan/${pegawaiId}?periode=${periode}`);
  const item = kartu(page).first();
  await expect(item.getByRole('link', { name: 'foto-kegiatan.jpg' })).toBeVisible();
  for (const k of kegiatan) await expect(item.getByText(k)).toBeVisible();
  await periksaAksesibilitas(page, 'Penilaian bawahan dengan progres harian');
});

test('an entry refused on arrival (the month was submitted from another device meanwhile) is a conflict with what to do; discarded, it never reaches the server', async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  const kegiatan = 'Kunjungan rumah ibu hamil Desa Tapa';
  await masuk(page, pegawai);
  await page.goto(`/realisasi?periode=${periode}`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(kartu(page).first().getByRole('button', { name: 'Tambah entri' })).toBeVisible();

  await context.setOffline(true);
  await catatLog(page, hari[4]!, kegiatan, '1');
  await expect(antrean(page, '1 entri menunggu dikirim')).toBeVisible();

  // Meanwhile Salim submits the month from his office computer.
  const kantor = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(kantor, pegawai);
  const ajukan = await kantor.post('/api/realisasi/ajukan', {
    headers: { 'x-csrf-token': csrf },
    data: { periode },
  });
  expect(ajukan.ok(), await ajukan.text()).toBeTruthy();

  await context.setOffline(false);
  await antrean(page, '1 konflik').click();
  const panel = page.getByRole('dialog', { name: 'Antrean luring' });
  const entri = panel.getByRole('listitem');
  await expect(entri).toHaveCount(1);
  await expect(entri).toContainText('Realisasi sudah diajukan atau dinilai.');
  await expect(entri).toContainText('Yang dapat dilakukan: Buang entri ini');
  await periksaAksesibilitas(page, 'panel Antrean luring dengan konflik');
  await entri.getByRole('button', { name: `Buang entri` }).click();
  await entri.getByRole('button', { name: /^Yakin buang\?/ }).click();
  await expect(antrean(page, '1 konflik')).toHaveCount(0);

  const bulan = (await (await kantor.get(`/api/realisasi?periode=${periode}`)).json()) as Bulan;
  const log = (await (await kantor.get(`/api/realisasi/${bulan.items[0]!.realisasi!.id}/log`)).json()) as {
    entri: { kegiatan: string }[];
  };
  expect(log.entri.filter((e) => e.kegiatan === kegiatan)).toHaveLength(0);
  await kantor.dispose();
});

test('a realisasi draft saved offline goes once the connection returns', async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  const rencana = 'Pendataan sasaran imunisasi di dusun terpencil';
  await masuk(page, pegawai);
  await page.goto(`/realisasi?periode=${periode}`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The second RHK: still without a realisasi after the month's first one was submitted.
  const card = kartu(page).nth(1);
  await expect(card.getByRole('button', { name: 'Simpan draf' })).toBeVisible();

  await context.setOffline(true);
  await card.getByLabel('Rencana aksi').fill(rencana);
  await card.getByRole('button', { name: 'Simpan draf' }).click();
  await expect(card.getByText('Disimpan di perangkat; menunggu dikirim.')).toBeVisible();
  await expect(antrean(page, '1 entri menunggu dikirim')).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByRole('banner').getByRole('button', { name: /entri/ })).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(card.getByText('Draf', { exact: true }).first()).toBeVisible();
  const own = await playwright.request.newContext({ baseURL });
  await apiLogin(own, pegawai);
  const bulan = (await (await own.get(`/api/realisasi?periode=${periode}`)).json()) as {
    items: { realisasi: { rencanaAksi: string | null; status: string } | null }[];
  };
  expect(bulan.items[1]!.realisasi).toMatchObject({ rencanaAksi: rencana, status: 'DRAFT' });
  await own.dispose();
});
