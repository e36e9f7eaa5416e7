/**
 * `npm run test:cluster` (issue 17): more than one machine, on the parts a deployment uses
 * (klaster.ts, docs/deploy.md). Through HAProxy and past it, it proves: a login and a month's
 * realisasi with evidence uploaded on one node and downloaded through the other; a report read from
 * the streaming replica; a logout through one node refused by the other; under a bounded load of writes, one node killed with SIGKILL loses no
 * acknowledged write, HAProxy takes it out after its failed checks and the survivor answers
 * everything; the periodic job runs once per scheduled time, on one node, before and after the kill.
 * Each proof is printed as it passes.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../../src/db/seed/demo-gorontalo.js';
import { DEMO_PASSWORD_TERBIT } from '../../src/platform/config.js';
import { withClient } from '../pg-admin.js';
import { CEK_GAGAL, CEK_INTERVAL_MS, type Klaster, mulaiKlaster } from './klaster.js';
import { Klien } from './klien.js';

const akun = Object.fromEntries(demoAccounts(DEMO_PASSWORD_TERBIT).map((a) => [a.role, a]));
const bukti = (teks: string) => process.stdout.write(`  terbukti: ${teks}\n`);

let k: Klaster;
/** A query on the cluster's database on the primary, as an operator would run it. */
const sql = <T extends Record<string, unknown>>(q: string, params: unknown[] = []) =>
  withClient(k.primaryUrl, async (c) => (await c.query<T>(q, params)).rows);

beforeAll(async () => {
  k = await mulaiKlaster();
  bukti(
    `klaster berjalan: PostgreSQL primer + replika streaming :${k.replika.port}, node ${k.nodes
      .map((n) => `${n.nama} :${n.port}`)
      .join(' dan ')}, HAProxy ${k.url} (cek tiap ${CEK_INTERVAL_MS} ms, ${CEK_GAGAL} gagal = turun)`,
  );
}, 600_000);
afterAll(async () => {
  await k?.hentikan();
}, 120_000);

/** A one-page PDF, the kind of evidence an employee uploads. */
function pdfKecil(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('two app nodes behind HAProxy, a streaming replica, shared evidence', () => {
  it('a month of realisasi with evidence: uploaded on one node, downloaded through the other, submitted', async () => {
    const bkd = await new Klien(k.url).masuk(akun.admin_instansi!.nip, akun.admin_instansi!.password);
    const staf = await new Klien(k.url).masuk(akun.staf!.nip, akun.staf!.password);
    const stafId = (await staf.get('/api/me')).json<{ id: number }>().id;
    const jadwal = (await staf.get('/api/jadwal')).json<{ jadwal: { kode: string }[] }>().jadwal;
    let bulan: { periode: { kode: string }; skp: unknown; items: { rhk: { id: number } }[] } | undefined;
    for (const { kode } of jadwal) {
      const b = (await staf.get(`/api/realisasi?periode=${kode}`)).json<NonNullable<typeof bulan>>();
      if (b.skp && b.items.length) {
        bulan = b;
        break;
      }
    }
    expect(bulan, 'the demo staf has an approved plan for a period of the schedule').toBeDefined();
    const periode = bulan!.periode.kode;
    const buka = await bkd.post('/api/jadwal/bukaan', {
      jenis: 'INPUT',
      periodeKode: periode,
      pegawaiId: stafId,
      alasan: 'Uji klaster',
      berakhir: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(buka.status, buka.body.toString()).toBeLessThan(300);

    const [n1, n2] = k.nodes;
    const diN1 = staf.di(`http://127.0.0.1:${n1!.port}`);
    const diN2 = staf.di(`http://127.0.0.1:${n2!.port}`);
    for (const item of bulan!.items) {
      const simpan = await diN1.put(`/api/realisasi/${item.rhk.id}/${periode}`, {
        nilai: 1,
        satuan: 'dokumen',
        teks: 'Realisasi uji klaster',
      });
      expect(simpan.status, simpan.body.toString()).toBe(200);
    }
    const realisasiId = (await diN1.get(`/api/realisasi?periode=${periode}`)).json<{
      items: { realisasi: { id: number } | null }[];
    }>().items[0]!.realisasi!.id;
    const form = new FormData();
    form.append('deskripsi', 'Notulen rapat');
    form.append('file', new Blob([new Uint8Array(pdfKecil())], { type: 'application/pdf' }), 'notulen.pdf');
    const unggah = await diN1.minta('POST', `/api/realisasi/${realisasiId}/berkas`, form);
    expect(unggah.status, unggah.body.toString()).toBe(201);
    const buktiId = unggah.json<{ bukti: { id: number } }>().bukti.id;
    const unduh = await diN2.get(`/api/realisasi/${realisasiId}/berkas/${buktiId}`);
    expect(unduh.status).toBe(200);
    expect(sha(unduh.body)).toBe(sha(pdfKecil()));
    bukti(`berkas bukti diunggah ke ${n1!.nama}, diunduh utuh dari ${n2!.nama} (SHA-256 sama)`);

    const ajukan = await staf.post('/api/realisasi/ajukan', { periode });
    expect(ajukan.status, ajukan.body.toString()).toBe(200);
    bukti(`realisasi ${periode} diajukan lewat HAProxy (node ${ajukan.node})`);
  });

  it('a report is read from the replica: with its replay paused it shows the state before a change', async () => {
    // An OPD admin who wrote nothing: his heavy reads may go to the replica (ADR 0024).
    const opd = await new Klien(k.url).masuk(akun.admin_opd!.nip, akun.admin_opd!.password);
    const tahun = new Date().getFullYear();
    const namaDi = async () => {
      const res = await opd.get(`/api/laporan/skp.xlsx?tahun=${tahun}`);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      const baris = new Map<string, string>();
      wb.worksheets[0]!.eachRow((row, n) => {
        const v = (row.values as unknown[]).slice(1);
        if (n > 1) baris.set(String(v[0]), String(v[1]));
      });
      return baris;
    };
    const sebelum = await namaDi();
    const [nip, namaLama] = [...sebelum][0]!;
    await k.replika.jedaReplay();
    try {
      await sql(`UPDATE pegawai SET nama = 'Nama Hanya Di Primer' WHERE nip = $1`, [nip]);
      expect((await namaDi()).get(nip)).toBe(namaLama);
    } finally {
      await k.replika.lanjutReplay();
    }
    await k.replika.tungguSusul();
    expect((await namaDi()).get(nip)).toMatch(/^Nama Hanya Di Primer/);
    const sehat = (await opd.get('/api/health')).json<{ replika: { status: string } }>();
    expect(sehat.replika.status).toBe('aktif');
    bukti('laporan SKP dibaca dari replika (nama lama selama replay dijeda, nama baru setelah menyusul)');
  });

  it('a logout through one node: the other refuses the session, a write at once and a read once told', async () => {
    const staf = await new Klien(k.url).masuk(akun.staf!.nip, akun.staf!.password);
    const [n1, n2] = k.nodes;
    const diN1 = staf.di(`http://127.0.0.1:${n1!.port}`);
    const diN2 = staf.di(`http://127.0.0.1:${n2!.port}`);
    // Read twice on n2: its second answer comes from n2's actor cache (ADR 0032).
    expect((await diN2.get('/api/me')).status).toBe(200);
    expect((await diN2.get('/api/me')).status).toBe(200);
    expect((await diN1.post('/api/auth/logout')).status).toBe(200);
    expect((await diN2.post('/api/notifikasi/baca')).status).toBe(401);
    // The notification crosses PostgreSQL to n2's listening connection; the cache's lifetime here
    // (60 s, klaster.ts) is far beyond this bound, so a 401 within it is the notification's doing.
    const mulai = Date.now();
    let status = 200;
    while (status !== 401 && Date.now() - mulai < 5_000) {
      status = (await diN2.get('/api/me')).status;
      if (status !== 401) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(401);
    bukti(
      `logout lewat ${n1!.nama}: ${n2!.nama} menolak tulisan sesi itu seketika dan bacaannya setelah diberi tahu PostgreSQL (${Date.now() - mulai} ms)`,
    );
  });

  it('SIGKILL of one node under load: no acknowledged write lost, HAProxy takes it out, the other answers; the job runs once per slot', async () => {
    const pengawas = akun.pengawas!;
    const stafId = (
      await (await new Klien(k.url).masuk(akun.staf!.nip, akun.staf!.password)).get('/api/me')
    ).json<{
      id: number;
    }>().id;
    // Eight browsers of one assessor, spread over both nodes by HAProxy's round robin.
    const klien = await Promise.all(
      Array.from({ length: 8 }, () => new Klien(k.url).masuk(pengawas.nip, pengawas.password)),
    );
    const [korban, penyintas] = k.nodes;
    expect(new Set((await Promise.all(klien.map((c) => c.get('/api/me')))).map((r) => r.node))).toEqual(
      new Set([korban!.nama, penyintas!.nama]),
    );
    const hariIni = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const diakui: { id: number; node: string | null }[] = [];
    const gagal: string[] = [];
    let berhenti = false;
    let n = 0;
    const beban = klien.map(async (c) => {
      while (!berhenti) {
        const topik = `Uji klaster ${++n}`;
        const res = await c
          .post(`/api/dialog/pegawai/${stafId}`, {
            tanggal: hariIni,
            jenis: 'PEMANTAUAN',
            topik,
            tindakLanjut: [],
          })
          .catch((e: Error) => ({ status: 0, node: null, body: Buffer.from(e.message), json: () => ({}) }));
        if (res.status === 200 || res.status === 201)
          diakui.push({ id: (res.json() as { id: number }).id, node: res.node });
        else gagal.push(`${res.status} ${res.node ?? ''} ${res.body.toString().slice(0, 80)}`);
      }
    });
    await new Promise((r) => setTimeout(r, 3_000));
    const sebelumMati = diakui.length;
    const slotSebelum = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM tugas_jalan WHERE nama = 'pengingat-tenggat'`,
    );
    korban!.proses.kill('SIGKILL');
    // Out after CEK_GAGAL failed checks: HAProxy's own counters say so (no clock is read; a busy
    // machine delays checks).
    let dibunuhStat = await k.statServer(korban!.nama);
    while (!dibunuhStat.status?.startsWith('DOWN')) {
      await new Promise((r) => setTimeout(r, 50));
      dibunuhStat = await k.statServer(korban!.nama);
    }
    expect(Number(dibunuhStat.chkfail)).toBeGreaterThanOrEqual(CEK_GAGAL);
    expect(Number(dibunuhStat.chkfail)).toBeLessThanOrEqual(CEK_GAGAL + 1);
    const sesudahTurun = diakui.length;
    // The last slot claimed by then; every later one was claimed with the dead node gone.
    const [{ akhir: slotTerakhirSaatTurun }] = (await sql<{ akhir: Date }>(
      `SELECT max(slot) AS akhir FROM tugas_jalan WHERE nama = 'pengingat-tenggat'`,
    )) as [{ akhir: Date }];
    // Requests already retrying their connection to it when it went out finish within a moment;
    // after that nothing more is sent to the dead node, while the load goes on.
    await new Promise((r) => setTimeout(r, 1_000));
    const kirimanKeKorban = (await k.statServer(korban!.nama)).stot;
    await new Promise((r) => setTimeout(r, 3_000));
    berhenti = true;
    await Promise.all(beban);
    expect((await k.statServer(korban!.nama)).stot).toBe(kirimanKeKorban);

    expect(sebelumMati).toBeGreaterThan(0);
    expect(diakui.length).toBeGreaterThan(sesudahTurun);
    const ada = new Set(
      (await sql<{ id: number }>(`SELECT id FROM dialog_kinerja WHERE topik LIKE 'Uji klaster %'`)).map(
        (r) => r.id,
      ),
    );
    const hilang = diakui.filter((d) => !ada.has(d.id));
    expect(hilang).toEqual([]);
    bukti(
      `${diakui.length} tulisan diakui (${sebelumMati} sebelum SIGKILL ${korban!.nama}), semuanya ada di basis data; ` +
        `${gagal.length} permintaan yang sedang di node itu gagal tanpa diakui`,
    );
    bukti(
      `HAProxy menandai ${korban!.nama} DOWN setelah ${dibunuhStat.chkfail} cek gagal (cek tiap ${CEK_INTERVAL_MS} ms) dan tidak mengirim apa pun lagi ke sana`,
    );

    // After the node is out, every request is answered, by the survivor.
    const setelah = await Promise.all(klien.flatMap((c) => [c.get('/api/me'), c.get('/api/kotak-masuk')]));
    expect(setelah.map((r) => [r.status, r.node])).toEqual(setelah.map(() => [200, penyintas!.nama]));
    bukti(
      `setelah ${korban!.nama} turun, ${setelah.length} permintaan dijawab semuanya oleh ${penyintas!.nama}`,
    );

    // The reminder job (PENGINGAT_POLA every 2 s on both nodes): one run per slot, still running.
    const slot = await sql<{ slot: Date; node: string }>(
      `SELECT slot, node FROM tugas_jalan WHERE nama = 'pengingat-tenggat' ORDER BY slot`,
    );
    expect(slot.length).toBeGreaterThan(slotSebelum[0]!.n);
    const pidKorban = String(korban!.proses.pid);
    const setelahMati = slot.filter((s) => s.slot.getTime() > slotTerakhirSaatTurun.getTime());
    expect(setelahMati.length).toBeGreaterThan(0);
    expect(setelahMati.every((s) => !s.node.endsWith(`:${pidKorban}`))).toBe(true);
    const perDetik = new Set(slot.map((s) => s.slot.getTime()));
    expect(perDetik.size).toBe(slot.length);
    bukti(
      `tugas pengingat: ${slot.length} jadwal, masing-masing dijalankan satu node; ${setelahMati.length} setelah SIGKILL, oleh ${penyintas!.nama}`,
    );
  });
});
