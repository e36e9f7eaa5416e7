import {
  type APIRequestContext,
  type Browser,
  expect,
  type Page,
  type PlaywrightWorkerArgs,
} from '@playwright/test';
import { type DemoAccount, demoAccounts, masuk } from './accounts.js';
import { apiLogin, bukaJendela } from './api.js';
import { test } from './fixtures.js';

const bkd = demoAccounts().admin_instansi!;
// A functional position found only in Dinas Pendidikan, whose people no other journey touches.
const JABATAN = 'Pamong Budaya Ahli Pertama';

interface Orang {
  id: number;
  akun: DemoAccount;
}
interface UnorDetail {
  jabatan: {
    id: number;
    nama: string;
    atasanJabatanId: number | null;
    pemangku: { id: number; nip: string; namaLengkap: string }[];
  }[];
}
type Bulan = {
  skp: { id: number } | null;
  items: { rhk: { id: number }; realisasi: { status: string; version: number } | null }[];
  penilaian: unknown;
};

let tahun: number;
let pegawai: Orang;
let penilaiLama: Orang;
let penilaiBaru: Orang;
let tujuan: { id: number; unorNama: string };
let skpLama: number;

const akun = (p: { id: number; nip: string; namaLengkap: string }): Orang => ({
  id: p.id,
  akun: { role: 'pegawai', nip: p.nip, nama: p.namaLengkap, password: bkd.password },
});

async function sesiApi(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, a: DemoAccount) {
  const api = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(api, a);
  return { api, csrf, headers: { 'x-csrf-token': csrf } };
}

async function json<T>(res: ReturnType<APIRequestContext['get']>): Promise<T> {
  const r = await res;
  expect(r.ok(), await r.text()).toBeTruthy();
  return (await r.json()) as T;
}

/** The employee fills every RHK of the month not yet submitted and submits them. */
async function lapor(api: APIRequestContext, headers: Record<string, string>, periode: string) {
  const bulan = await json<Bulan>(api.get(`/api/realisasi?periode=${periode}`));
  const terbuka = bulan.items.filter((i) => !i.realisasi || i.realisasi.status === 'DRAF');
  for (const { rhk, realisasi } of terbuka)
    await json(
      api.put(`/api/realisasi/${rhk.id}/${periode}`, {
        headers,
        data: { nilai: 1, satuan: 'dokumen', version: realisasi?.version },
      }),
    );
  if (terbuka.length) await json(api.post('/api/realisasi/ajukan', { headers, data: { periode } }));
  return bulan;
}

// The demo year's November and December are the story, whatever today's date: the BKD opens the
// input and assessment windows of both months for the employee. The employee is the first holder of
// the position whose year's plan is approved and whose November is neither assessed nor sent back;
// the employee moves to the same position in another seksi, under another kepala seksi.
test.beforeAll(async ({ playwright, baseURL }) => {
  const { api: admin, csrf } = await sesiApi(playwright, baseURL!, bkd);
  const jadwal = await json<{ sekarang: string; periodeBerjalan: { kode: string } }>(
    admin.get('/api/jadwal'),
  );
  tahun = Number(jadwal.periodeBerjalan.kode.slice(0, 4));
  const posisi = (
    await json<{ items: { id: number; nama: string; unorId: number; unorNama: string }[] }>(
      admin.get(`/api/jabatan?limit=50&q=${encodeURIComponent(JABATAN)}`),
    )
  ).items.filter((j) => j.nama === JABATAN);
  expect(posisi.length).toBeGreaterThanOrEqual(2);
  const atasanDari = async (j: { id: number; unorId: number }) => {
    const unor = await json<UnorDetail>(admin.get(`/api/unor/${j.unorId}`));
    const jab = unor.jabatan.find((x) => x.id === j.id)!;
    const atasan = unor.jabatan.find((x) => x.id === jab.atasanJabatanId)!;
    return { pemangku: jab.pemangku, atasan: atasan.pemangku[0]! };
  };

  cari: for (const [i, asal] of posisi.entries()) {
    const { pemangku, atasan } = await atasanDari(asal);
    for (const p of pemangku) {
      const { api } = await sesiApi(playwright, baseURL!, akun(p).akun);
      const skp = await json<{
        items: { id: number; status: string; periodeMulai: string; periodeAkhir: string }[];
      }>(api.get(`/api/skp?tahun=${tahun}`));
      const nov = await json<Bulan>(api.get(`/api/realisasi?periode=${tahun}-11`));
      await api.dispose();
      const rencana = skp.items.length === 1 ? skp.items[0]! : null;
      const bersih = nov.items.every(
        (x) => !x.realisasi || ['DRAF', 'DIAJUKAN'].includes(x.realisasi.status),
      );
      if (
        rencana?.status === 'DISETUJUI' &&
        rencana.periodeMulai === `${tahun}-01-01` &&
        rencana.periodeAkhir === `${tahun}-12-31` &&
        nov.items.length > 0 &&
        bersih &&
        !nov.penilaian
      ) {
        pegawai = akun(p);
        penilaiLama = akun(atasan);
        skpLama = rencana.id;
        const lain = posisi[(i + 1) % posisi.length]!;
        tujuan = lain;
        penilaiBaru = akun((await atasanDari(lain)).atasan);
        break cari;
      }
    }
  }
  expect(pegawai, `a holder of ${JABATAN} with an approved plan and November open`).toBeTruthy();
  expect(penilaiBaru.id).not.toBe(penilaiLama.id);

  const berakhir = new Date(Date.parse(jadwal.sekarang) + 2 * 86_400_000).toISOString();
  for (const periodeKode of [`${tahun}-11`, `${tahun}-12`])
    for (const jenis of ['INPUT', 'PENILAIAN'] as const)
      await bukaJendela(admin, csrf, {
        jenis,
        periodeKode,
        pegawaiId: pegawai.id,
        alasan: 'Uji e2e mutasi tengah tahun',
        berakhir,
      });
  await admin.dispose();
});

/** A fresh browser session of one person. */
async function sebagai(browser: Browser, o: Orang | DemoAccount) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await masuk(page, 'akun' in o ? o.akun : o);
  return page;
}

const nav = (page: Page, nama: string) =>
  page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: nama, exact: true })
    .click();

/** The assessor accepts every item of the month from the keyboard and rates it: Baik. */
async function nilaiBulan(page: Page) {
  const kartu = page.getByRole('article');
  await expect(kartu.first()).toBeVisible();
  const n = await kartu.count();
  for (let i = 0; i < n; i++) {
    const card = kartu.nth(i);
    await card.focus();
    await page.keyboard.press('2');
    await expect(card.getByText('Diterima', { exact: true }).first()).toBeVisible();
  }
  const penilaian = page.getByRole('region', { name: 'Penilaian periode' });
  for (const rating of ['Rating hasil kerja', 'Rating perilaku kerja'])
    await penilaian
      .getByRole('radiogroup', { name: rating })
      .getByRole('radio', { name: 'Sesuai Ekspektasi' })
      .check();
  await penilaian.getByRole('button', { name: 'Simpan penilaian' }).click();
  await expect(penilaian.getByText('Tersimpan: predikat Baik')).toBeVisible();
}

/** From Kotak Masuk: the month's item for the employee, opened, rated. */
async function nilaiDariKotakMasuk(page: Page, label: string, periode: string) {
  await nav(page, 'Kotak Masuk');
  const item = page
    .getByRole('list', { name: 'Yang menunggu Anda' })
    .getByRole('listitem', { name: 'Nilai realisasi' })
    .filter({ hasText: pegawai.akun.nama });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`realisasi ${label} menunggu penilaian`);
  await item.getByRole('link', { name: /^Nilai/ }).click();
  await expect(page).toHaveURL(new RegExp(`/realisasi/bawahan/${pegawai.id}\\?periode=${periode}$`));
  await nilaiBulan(page);
}

/** Kotak Masuk loaded, with nothing about the employee. */
async function kotakMasukTanpaPegawai(page: Page) {
  await nav(page, 'Kotak Masuk');
  await expect(page.getByLabel('Ringkasan')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: pegawai.akun.nama })).toHaveCount(0);
}

/** From Evaluasi Tahunan: the assessor opens the employee's plan, rates the year Baik and signs. */
async function evaluasiTahunan(page: Page, masa: string) {
  await nav(page, 'Evaluasi Tahunan');
  await page.getByRole('textbox', { name: 'Tahun' }).fill(String(tahun));
  await page.getByRole('textbox', { name: 'Tahun' }).blur();
  const baris = page.getByRole('row').filter({ hasText: pegawai.akun.nama });
  await expect(baris).toHaveCount(1);
  await expect(baris).toContainText(masa);
  await baris.getByRole('link', { name: JABATAN }).click();
  await expect(page.getByRole('heading', { name: 'Evaluasi Kinerja Tahunan', exact: true })).toBeVisible();
  await expect(page.getByText(masa).first()).toBeVisible();
  return async () => {
    for (const rating of ['Rating hasil kerja', 'Rating perilaku kerja']) {
      await page.getByRole('combobox', { name: rating }).click();
      await page.getByRole('option', { name: 'Sesuai Ekspektasi', exact: true }).click();
    }
    await expect(page.getByText('Predikat: Baik')).toBeVisible();
    await page.getByRole('button', { name: 'Simpan evaluasi' }).click();
    await page.getByRole('button', { name: 'Tanda tangani evaluasi' }).click();
    await expect(page.getByText(/^Ditandatangani pejabat penilai: \d.* · pegawai: belum$/)).toBeVisible();
  };
}

/** The employee signs the plan's evaluation: final. */
async function tandaTanganPegawai(browser: Browser, masa: string) {
  const page = await sebagai(browser, pegawai);
  await nav(page, 'Evaluasi Tahunan');
  await page.getByRole('textbox', { name: 'Tahun' }).fill(String(tahun));
  await page.getByRole('textbox', { name: 'Tahun' }).blur();
  const baris = page.getByRole('row').filter({ hasText: masa });
  await expect(baris).toContainText('Ditandatangani Pejabat Penilai');
  await baris.getByRole('link', { name: JABATAN }).click();
  await page.getByRole('button', { name: 'Tanda tangani evaluasi' }).click();
  await expect(page.getByText(/^Ditandatangani pejabat penilai: \d.* · pegawai: \d/)).toBeVisible();
  await expect(page.getByText('Final', { exact: true })).toBeVisible();
  await page.context().close();
}

const masaLama = () => `1 Januari ${tahun} – 14 November ${tahun}`;
const masaBaru = () => `15 November ${tahun} – 31 Desember ${tahun}`;

/** The angka kredit page: each SKP part's source and months, and the year's months. */
async function angkaKredit(page: Page, sumberLama: string, sumberBaru: string | RegExp) {
  await nav(page, 'Angka Kredit');
  await page.getByRole('textbox', { name: 'Tahun' }).fill(String(tahun));
  await page.getByRole('textbox', { name: 'Tahun' }).blur();
  const tabel = page.getByRole('table', { name: 'Angka kredit per SKP' });
  const sel = (teks: string) => tabel.getByRole('row').filter({ hasText: teks }).getByRole('cell');
  await expect(tabel.getByRole('row')).toHaveCount(4);
  await expect(sel(masaLama()).nth(0)).toContainText(JABATAN);
  await expect(sel(masaLama()).nth(1)).toHaveText(sumberLama);
  await expect(sel(masaLama()).nth(2)).toHaveText('11');
  await expect(sel(masaBaru()).nth(0)).toContainText(JABATAN);
  await expect(sel(masaBaru()).nth(1)).toHaveText(sumberBaru);
  await expect(sel(masaBaru()).nth(2)).toHaveText('1');
  await expect(sel(`Jumlah tahun ${tahun}`).nth(1)).toHaveText('12');
}

test('a functional employee moved on 15 November: the old assessor rates November and signs the old SKP, the new one rates December and the year; angka kredit counts 12 months in two parts', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const november = `${tahun}-11`;
  const desember = `${tahun}-12`;

  // The BKD admin moves the employee from the employee page, TMT 15 November.
  const admin = await sebagai(browser, bkd);
  await nav(admin, 'Pegawai');
  await admin.getByLabel('Cari pegawai').fill(pegawai.akun.nip);
  await admin.getByRole('link', { name: pegawai.akun.nama }).click();
  await expect(admin.getByRole('heading', { name: pegawai.akun.nama })).toBeVisible();
  const form = admin.getByRole('form', { name: 'Mutasi jabatan' });
  await form.getByLabel('Jabatan tujuan').fill(JABATAN);
  await admin.getByRole('option', { name: `${JABATAN} — ${tujuan.unorNama} (Fungsional)` }).click();
  await form.getByLabel('TMT jabatan').fill(`${tahun}-11-15`);
  await form.getByLabel('Alasan').fill('Mutasi ke seksi lain di Dinas Pendidikan dan Kebudayaan');
  await form.getByRole('button', { name: 'Simpan mutasi' }).click();
  await expect(admin.getByText('Mutasi tersimpan.')).toBeVisible();
  const riwayat = admin.getByRole('row').filter({ hasText: tujuan.unorNama }).getByRole('cell');
  await expect(riwayat.nth(2)).toHaveText(`15 November ${tahun}`);
  await expect(admin.getByRole('row').filter({ hasText: `14 November ${tahun}` })).toHaveCount(1);
  await admin.context().close();

  // November stays with the old plan: the employee reports it.
  const { api: milik, headers } = await sesiApi(playwright, baseURL!, pegawai.akun);
  expect((await lapor(milik, headers, november)).skp?.id).toBe(skpLama);

  // The new kepala seksi is not asked about November; the old one is, and rates it.
  let page = await sebagai(browser, penilaiBaru);
  await kotakMasukTanpaPegawai(page);
  await page.context().close();
  page = await sebagai(browser, penilaiLama);
  await nilaiDariKotakMasuk(page, `November ${tahun}`, november);

  // The old assessor fills and signs the old plan's year; the employee signs: final.
  const isiLama = await evaluasiTahunan(page, masaLama());
  await isiLama();
  await page.context().close();
  await tandaTanganPegawai(browser, masaLama());

  // The plan for the new position, against the new kepala seksi's plan, approved by that kepala seksi.
  const baru = await json<{ id: number; version: number; skpAtasan: { rhk: { id: number }[] } | null }>(
    milik.post('/api/skp', { headers, data: { tahun, pendekatan: 'KUANTITATIF' } }),
  );
  const iki = (aspek: string, indikator: string, nilai: number, satuan: string) => ({
    aspek,
    indikator,
    target: { nilai, nilaiMaks: null, satuan, teks: null },
    perspektif: null,
  });
  const isi = await json<{ version: number }>(
    milik.put(`/api/skp/${baru.id}/isi`, {
      headers,
      data: {
        version: baru.version,
        rhk: [
          {
            jenis: 'UTAMA',
            rencana: 'Tersusunnya bahan muatan budaya pada kurikulum',
            intervensi: [baru.skpAtasan!.rhk[0]!.id],
            iki: [
              iki('KUANTITAS', 'Jumlah dokumen', 2, 'dokumen'),
              iki('KUALITAS', 'Persentase sesuai standar', 100, '%'),
              iki('WAKTU', 'Ketepatan waktu', 2, 'bulan'),
            ],
          },
        ],
      },
    }),
  );
  const diajukan = await json<{ version: number }>(
    milik.post(`/api/skp/${baru.id}/ajukan`, { headers, data: { version: isi.version } }),
  );
  const { api: atasan, headers: hAtasan } = await sesiApi(playwright, baseURL!, penilaiBaru.akun);
  await json(
    atasan.post(`/api/skp/${baru.id}/setujui`, { headers: hAtasan, data: { version: diajukan.version } }),
  );
  await atasan.dispose();

  // December belongs to the new plan and goes to the new kepala seksi.
  expect((await lapor(milik, headers, desember)).skp?.id).toBe(baru.id);
  await milik.dispose();
  page = await sebagai(browser, penilaiBaru);
  await nilaiDariKotakMasuk(page, `Desember ${tahun}`, desember);
  await page.context().close();

  // While only the first part is final, the year is provisional and says what is missing.
  let milikHalaman = await sebagai(browser, pegawai);
  await angkaKredit(milikHalaman, 'Evaluasi tahunan', /^Jumlah periodik\s*sementara$/);
  const sementara = milikHalaman
    .getByRole('alert')
    .filter({ hasText: `Angka kredit ${tahun} masih sementara` });
  await expect(sementara).toContainText(`Evaluasi tahunan SKP ${JABATAN} (${masaBaru()}) belum final.`);
  await milikHalaman.context().close();

  // The new assessor sees the earlier plan's final evaluation beside the last one, and decides the year.
  page = await sebagai(browser, penilaiBaru);
  const isiBaru = await evaluasiTahunan(page, masaBaru());
  const sebelumnya = page.getByRole('table', { name: 'SKP sebelumnya' });
  await expect(page.getByRole('heading', { name: `SKP sebelumnya tahun ${tahun}` })).toBeVisible();
  const lama = sebelumnya.getByRole('row').filter({ hasText: masaLama() }).getByRole('cell');
  await expect(lama.nth(1)).toHaveText(penilaiLama.akun.nama);
  await expect(lama.nth(2)).toHaveText('Baik (Final)');
  await isiBaru();
  await page.context().close();
  await tandaTanganPegawai(browser, masaBaru());

  // Both final: twelve months in two parts, nothing provisional.
  milikHalaman = await sebagai(browser, pegawai);
  await angkaKredit(milikHalaman, 'Evaluasi tahunan', 'Evaluasi tahunan');
  await expect(milikHalaman.getByRole('main')).not.toContainText(/sementara/i);
  await milikHalaman.context().close();
});
