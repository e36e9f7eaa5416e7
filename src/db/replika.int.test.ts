/**
 * The read replica (ADR 0024) against a real streaming replica of the test server (test/replika.ts).
 * Which server answered is told by the data: while the replica's replay is paused, a change made
 * straight on the primary is seen only by reads the primary answers.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';
import { buildOrg, type Org } from '../../test/org.js';
import { mulaiReplika, type ReplikaUji } from '../../test/replika.js';

const PG = process.env.TEST_DATABASE_URL;
const NAMA_BARU = 'Nama Hanya Di Primer';

type Client = Awaited<ReturnType<Harness['login']>>;

/** Name and SKP status per NIP in the national SKP export the client downloads. */
async function eksporSkp(c: Client) {
  const res = await c.get('/api/laporan/skp.xlsx?tahun=2026');
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const baris = new Map<string, { nama: unknown; status: unknown }>();
  wb.worksheets[0]!.eachRow((row, n) => {
    const v = (row.values as unknown[]).slice(1);
    if (n > 1) baris.set(v[0] as string, { nama: v[1], status: v[5] });
  });
  return baris;
}

async function kesehatan(h: Harness) {
  return (await h.app.inject({ url: '/api/health' })).json() as {
    database: string;
    replika: { status: string; lagMs: number | null };
  };
}

/** Renames an employee on the primary only, as another node would: no user of this app wrote it. */
async function ubahDiPrimer(h: Harness, org: Org) {
  await h.db.execute(sql`UPDATE pegawai SET nama = ${NAMA_BARU} WHERE id = ${org.fungsional.id}`);
}

describe('without DATABASE_REPLICA_URL', () => {
  it('/api/health says the replica is not used', async () => {
    const h = await createHarness();
    try {
      expect((await kesehatan(h)).replika).toEqual({ status: 'tidak_dipakai', lagMs: null });
    } finally {
      await h.close();
    }
  });
});

describe.skipIf(!PG)('with a streaming replica', () => {
  let replika: ReplikaUji;

  beforeAll(async () => {
    replika = await mulaiReplika(PG!);
  });

  afterAll(async () => {
    await replika?.hapus();
  });

  /** A harness whose database has reached the replica, judged current. */
  async function siapkan(maxLagMs: number) {
    const h = await createHarness({ replika: { url: replika.url, maxLagMs } });
    const org = await buildOrg(h.db);
    const c = { adminBkd: await h.login(org.adminBkd.nip), adminOpd: await h.login(org.adminOpd.nip) };
    await replika.tungguSusul();
    expect((await h.database.replika!.periksa()).status).toBe('aktif');
    return { h, org, c };
  }

  describe('within the lag bound', () => {
    let s: Awaited<ReturnType<typeof siapkan>>;
    beforeAll(async () => {
      s = await siapkan(60_000);
    });
    afterAll(async () => {
      await replika.lanjutReplay();
      await s?.h.close();
    });

    it('heavy reads go to the replica; a user who wrote reads from the primary until it has his write', async () => {
      const { h, org, c } = s;
      expect((await kesehatan(h)).replika.status).toBe('aktif');
      await replika.jedaReplay();
      try {
        await ubahDiPrimer(h, org);
        expect((await h.database.replika!.periksa()).status).toBe('aktif');

        // The replica answers: it has not replayed the rename.
        const sebelum = await eksporSkp(c.adminBkd);
        expect(sebelum.get(org.fungsional.nip)!.nama).toBe('Fungsional Satu');
        expect(sebelum.get(org.adminBkd.nip)!.status).toBe('Belum ada SKP');

        // His own write, then at once his export: it has his plan (and so the primary's rename).
        const dibuat = await c.adminBkd.post('/api/skp', { tahun: 2026, pendekatan: 'KUANTITATIF' });
        expect(dibuat.statusCode, dibuat.body).toBe(200);
        const sesudah = await eksporSkp(c.adminBkd);
        expect(sesudah.get(org.adminBkd.nip)!.status).toBe('Draf');
        expect(sesudah.get(org.fungsional.nip)!.nama).toBe(NAMA_BARU);

        // Another admin, who wrote nothing, still reads the replica.
        expect((await eksporSkp(c.adminOpd)).get(org.fungsional.nip)!.nama).toBe('Fungsional Satu');
      } finally {
        await replika.lanjutReplay();
      }

      // Replayed, the replica has it all; the writer reads there again.
      await replika.tungguSusul();
      await h.database.replika!.periksa();
      expect(h.database.replika!.bolehUntuk(org.adminBkd.id)).toBe(true);
      const disusul = await eksporSkp(c.adminBkd);
      expect(disusul.get(org.adminBkd.nip)!.status).toBe('Draf');
      expect(disusul.get(org.fungsional.nip)!.nama).toBe(NAMA_BARU);
    });

    it('a monitoring dashboard reads the replica too', async () => {
      const { h, org, c } = s;
      await replika.jedaReplay();
      try {
        await h.db.execute(
          sql`UPDATE unor SET nama = 'Seksi Hanya Di Primer' WHERE id = ${org.unor.seksi.id}`,
        );
        await h.database.replika!.periksa();
        const res = await c.adminBkd.get(`/api/monitoring/opd/${org.unor.opd.id}?periode=2026-02`);
        expect(res.statusCode, res.body).toBe(200);
        const unit = (res.json().units as { unor: { id: number; nama: string } }[]).find(
          (u) => u.unor.id === org.unor.seksi.id,
        );
        expect(unit!.unor.nama).toBe('Seksi Kurikulum');
      } finally {
        await replika.lanjutReplay();
      }
    });

    it('a stopped replica: reads still answer, from the primary, and /api/health says tidak_tersedia', async () => {
      const { h, org, c } = s;
      await replika.tungguSusul();
      await h.database.replika!.periksa();
      await ubahDiPrimer(h, org);
      await replika.berhenti();
      try {
        // Before any check has noticed: the failed read is answered by the primary.
        const baris = await eksporSkp(c.adminOpd);
        expect(baris.get(org.fungsional.nip)!.nama).toBe(NAMA_BARU);
        expect((await kesehatan(h)).replika).toEqual({ status: 'tidak_tersedia', lagMs: null });
        expect((await h.database.replika!.periksa()).status).toBe('tidak_tersedia');
        expect((await eksporSkp(c.adminOpd)).get(org.fungsional.nip)!.nama).toBe(NAMA_BARU);
      } finally {
        await replika.mulai();
      }
      await replika.tungguSusul();
      expect((await h.database.replika!.periksa()).status).toBe('aktif');
    });
  });

  describe('behind the lag bound', () => {
    let s: Awaited<ReturnType<typeof siapkan>>;
    beforeAll(async () => {
      s = await siapkan(300);
    });
    afterAll(async () => {
      await replika.lanjutReplay();
      await s?.h.close();
    });

    it('a paused replica with writes is tertinggal and reads go to the primary', async () => {
      const { h, org, c } = s;
      await replika.jedaReplay();
      await ubahDiPrimer(h, org);
      // Waits for the state, not for a duration: the lag passes the bound while replay is paused.
      let status = (await h.database.replika!.periksa()).status;
      for (let i = 0; i < 100 && status !== 'tertinggal'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await h.database.replika!.periksa()).status;
      }
      const sehat = await kesehatan(h);
      expect(sehat.replika.status).toBe('tertinggal');
      expect(sehat.replika.lagMs).toBeGreaterThan(300);
      expect((await eksporSkp(c.adminOpd)).get(org.fungsional.nip)!.nama).toBe(NAMA_BARU);

      await replika.lanjutReplay();
      await replika.tungguSusul();
      expect((await h.database.replika!.periksa()).status).toBe('aktif');
    });
  });
});
