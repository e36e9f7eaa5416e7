import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { wita } from '../../../test/siklus.js';
import type {
  KalenderKepatuhanOut,
  KepatuhanOpdOut,
  KepatuhanPegawaiListOut,
} from '../../contracts/kepatuhan-harian.js';
import type { PengaturanOut } from '../../contracts/pengaturan.js';
import type { TppBarisDetail } from '../../contracts/tpp.js';
import { rows } from '../../db/client.js';
import { PARAMETER_TPP_BAKU } from '../../domain/tpp.js';

type Client = Awaited<ReturnType<Harness['login']>>;
let h: Harness;
let org: Org;
let c: Record<'adminBkd' | 'adminOpd' | 'pengawas' | 'staf' | 'orangLain', Client>;

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

/** A realisasi of July for the employee (written directly: compliance reads the stored rows). */
async function realisasiJuli(pegawaiId: number) {
  const [skp] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status)
        VALUES (${org.instansiId}, ${pegawaiId}, ${org.jabatan.jStaf}, 2026, '2026-01-01', '2026-12-31', 'KUANTITATIF', false, 'DISETUJUI')
        RETURNING id`,
  );
  const [rhk] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO rhk (skp_id, jenis, urutan, rencana) VALUES (${skp!.id}, 'UTAMA', 1, 'RHK uji') RETURNING id`,
  );
  const [r] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO realisasi (instansi_id, skp_id, rhk_id, pegawai_id, periode_kode, tahun)
        VALUES (${org.instansiId}, ${skp!.id}, ${rhk!.id}, ${pegawaiId}, '2026-07', 2026) RETURNING id`,
  );
  return r!.id;
}

/** An entry of `tanggal` that reached the server at `dicatat` (null: before the time was recorded). */
async function entri(realisasiId: number, tanggal: string, dicatat: string | null) {
  await h.db.execute(
    sql`INSERT INTO log_harian (realisasi_id, tahun, tanggal, jam_mulai, jam_selesai, kegiatan, kuantitas, satuan, dicatat_at)
        VALUES (${realisasiId}, 2026, ${tanggal}, '08:00', '10:00', 'Kegiatan uji', 1, 'data', ${dicatat})`,
  );
}

async function aturan(body: Partial<PengaturanOut>) {
  const p = await ok<PengaturanOut>(c.adminBkd.get('/api/pengaturan'));
  return c.adminBkd.put('/api/pengaturan', { ...p, ...body });
}

/**
 * July 2026 in WITA, the 17th (a Friday) a holiday: 22 working days. The pelaksana enters on time on
 * the 1st, by the next working day on the 2nd, over the weekend for the 3rd, over the holiday and the
 * weekend for the 16th, late for the 6th (the 8th), is on leave the 7th, has a legacy entry of unknown
 * time on the 8th; nothing else. The pelaksana2 enters nothing.
 */
beforeAll(async () => {
  h = await createHarness({ now: '2026-08-05T02:00:00Z' });
  org = await buildOrg(h.db);
  c = {
    adminBkd: await h.login(org.adminBkd.nip),
    adminOpd: await h.login(org.adminOpd.nip),
    pengawas: await h.login(org.pengawas.nip),
    staf: await h.login(org.pelaksana.nip),
    orangLain: await h.login(org.orangLain.nip),
  };
  await h.db.execute(
    sql`INSERT INTO hari_libur (instansi_id, tanggal, keterangan) VALUES (${org.instansiId}, '2026-07-17', 'Libur uji')`,
  );
  const r = await realisasiJuli(org.pelaksana.id);
  await entri(r, '2026-07-01', wita('2026-07-01', 15));
  await entri(r, '2026-07-01', wita('2026-07-09', 15)); // a later second entry does not matter
  await entri(r, '2026-07-02', '2026-07-03T15:58:00Z'); // 23:58 WITA the next day
  await entri(r, '2026-07-03', wita('2026-07-06', 20)); // Friday → Monday evening
  await entri(r, '2026-07-16', wita('2026-07-20', 10)); // Thursday → over the holiday and weekend
  await entri(r, '2026-07-06', wita('2026-07-08', 8)); // late
  await entri(r, '2026-07-08', null);
  await h.db.execute(
    sql`INSERT INTO kehadiran (pegawai_id, tanggal, instansi_id, status, sumber)
        VALUES (${org.pelaksana.id}, '2026-07-07', ${org.instansiId}, 'CUTI', 'IMPOR')`,
  );
});
afterAll(() => h.close());

describe('the rule in the settings', () => {
  it('is off by default; the pages say so instead of showing zeros', async () => {
    const opd = await ok<KepatuhanOpdOut>(c.adminBkd.get('/api/kepatuhan-harian/opd?bulan=2026-07'));
    expect(opd).toMatchObject({ aktif: false, total: null, items: [], cakupan: 'INSTANSI' });
    const kal = await ok<KalenderKepatuhanOut>(
      c.adminBkd.get(`/api/kepatuhan-harian/pegawai/${org.pelaksana.id}?bulan=2026-07`),
    );
    expect(kal).toMatchObject({ aktif: false, jumlah: null, hari: [] });
    expect(kal.pegawai.id).toBe(org.pelaksana.id);
    const daftar = await ok<KepatuhanPegawaiListOut>(
      c.adminBkd.get('/api/kepatuhan-harian/pegawai?bulan=2026-07'),
    );
    expect(daftar).toMatchObject({ aktif: false, items: [] });
  });

  it('refuses bad values in Indonesian and anyone but the BKD', async () => {
    const jam = await aturan({ kepatuhanHarian: { aktif: true, batasJam: '24:00', hariKerjaKe: 1 } });
    expect(jam.statusCode).toBe(400);
    expect(jam.json().error.message).toContain('Batas jam pengisian harus berformat JJ:MM');
    const hari = await aturan({ kepatuhanHarian: { aktif: true, batasJam: '23:59', hariKerjaKe: 11 } });
    expect(hari.statusCode).toBe(400);
    expect(hari.json().error.message).toContain('paling lama 10 hari kerja berikutnya');
    const p = await ok<PengaturanOut>(c.adminBkd.get('/api/pengaturan'));
    const opd = await c.adminOpd.put('/api/pengaturan', {
      ...p,
      kepatuhanHarian: { aktif: true, batasJam: '23:59', hariKerjaKe: 1 },
    });
    expect(opd.statusCode).toBe(403);
  });

  it('the BKD switches it on, audited', async () => {
    const res = await aturan({ kepatuhanHarian: { aktif: true, batasJam: '23:59', hariKerjaKe: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().kepatuhanHarian).toEqual({ aktif: true, batasJam: '23:59', hariKerjaKe: 1 });
    const [a] = await rows<{ before: { kepatuhanHarian: unknown }; after: { kepatuhanHarian: unknown } }>(
      h.db,
      sql`SELECT before, after FROM audit_log WHERE action = 'pengaturan.ubah' ORDER BY id DESC LIMIT 1`,
    );
    expect(a!.before.kepatuhanHarian).toEqual({ aktif: false, batasJam: '23:59', hariKerjaKe: 1 });
    expect(a!.after.kepatuhanHarian).toEqual({ aktif: true, batasJam: '23:59', hariKerjaKe: 1 });
  });
});

describe('monitoring per OPD and person', () => {
  const pelaksana = { tepatWaktu: 5, terlambat: 1, tidakAda: 15, belumJatuhTempo: 0, dikecualikan: 1 };

  it("a person's calendar: a status in words per day, deadlines across weekend and holiday", async () => {
    const kal = await ok<KalenderKepatuhanOut>(
      c.adminBkd.get(`/api/kepatuhan-harian/pegawai/${org.pelaksana.id}?bulan=2026-07`),
    );
    expect(kal.ketentuan).toBe(
      'progres harian setiap hari kerja diisi paling lambat pukul 23.59 WITA pada hari kerja berikutnya',
    );
    expect(kal.hari).toHaveLength(31);
    const hari = Object.fromEntries(kal.hari.map((d) => [d.tanggal, d]));
    expect(hari['2026-07-01']).toMatchObject({ status: 'TEPAT_WAKTU', label: 'Tepat waktu' });
    expect(hari['2026-07-03']).toMatchObject({
      status: 'TEPAT_WAKTU',
      tenggat: 'Senin, 6 Juli 2026 pukul 23.59 WITA',
    });
    expect(hari['2026-07-16']!.tenggat).toBe('Senin, 20 Juli 2026 pukul 23.59 WITA');
    expect(hari['2026-07-06']).toMatchObject({ status: 'TERLAMBAT', label: 'Terlambat' });
    expect(hari['2026-07-07']).toMatchObject({ status: 'DIKECUALIKAN', keterangan: 'Cuti' });
    expect(hari['2026-07-08']).toMatchObject({ status: 'TEPAT_WAKTU', pertamaDicatat: null });
    expect(hari['2026-07-09']).toMatchObject({ status: 'TIDAK_ADA', label: 'Tidak diisi' });
    expect(hari['2026-07-17']).toMatchObject({ status: 'BUKAN_HARI_KERJA', keterangan: 'Libur uji' });
    expect(hari['2026-07-04']).toMatchObject({ status: 'BUKAN_HARI_KERJA', tenggat: null });
    expect(kal.jumlah).toEqual({ ...pelaksana, persenPatuh: 23.8 });
  });

  it('per OPD (BKD: the instansi) and per person agree with the calendar', async () => {
    const opd = await ok<KepatuhanOpdOut>(c.adminBkd.get('/api/kepatuhan-harian/opd?bulan=2026-07'));
    expect(opd.aktif).toBe(true);
    const dinas = opd.items.find((o) => o.opdId === org.unor.opd.id)!;
    expect(dinas.opdNama).toBe('Dinas Pendidikan');
    // Seven employees × 22 working days; only the pelaksana entered anything.
    expect(dinas).toMatchObject({
      jumlahPegawai: 7,
      tepatWaktu: 5,
      terlambat: 1,
      dikecualikan: 1,
      tidakAda: 7 * 22 - 7,
    });
    expect(opd.total!.jumlahPegawai).toBe(opd.items.reduce((n, o) => n + o.jumlahPegawai, 0));
    const daftar = await ok<KepatuhanPegawaiListOut>(
      c.adminBkd.get(`/api/kepatuhan-harian/pegawai?bulan=2026-07&opdId=${org.unor.opd.id}`),
    );
    expect(daftar.items).toHaveLength(7);
    expect(daftar.items.find((i) => i.pegawaiId === org.pelaksana.id)).toMatchObject({
      ...pelaksana,
      persenPatuh: 23.8,
    });
    expect(daftar.items.find((i) => i.pegawaiId === org.pelaksana2.id)).toMatchObject({
      tidakAda: 22,
      persenPatuh: 0,
    });
    expect(daftar.nextCursor).toBeNull();

    // Pages of 3 by name: the same employees with the same figures, none twice, then no next page.
    const halaman: KepatuhanPegawaiListOut[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: KepatuhanPegawaiListOut = await ok<KepatuhanPegawaiListOut>(
        c.adminBkd.get(
          `/api/kepatuhan-harian/pegawai?bulan=2026-07&opdId=${org.unor.opd.id}&limit=3` +
            (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
        ),
      );
      halaman.push(page);
      cursor = page.nextCursor;
    }
    expect(halaman.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(halaman.flatMap((p) => p.items)).toEqual(daftar.items);
    const rusak = await c.adminBkd.get('/api/kepatuhan-harian/pegawai?bulan=2026-07&cursor=bukan-kursor');
    expect(rusak.statusCode).toBe(400);
    expect(rusak.json().error.message).toBe('Kursor halaman tidak valid.');
  });

  it('days whose deadline has not passed are not yet due', async () => {
    h.clock.set(wita('2026-07-09', 12));
    try {
      const kal = await ok<KalenderKepatuhanOut>(
        c.adminBkd.get(`/api/kepatuhan-harian/pegawai/${org.pelaksana2.id}?bulan=2026-07`),
      );
      const status = Object.fromEntries(kal.hari.map((d) => [d.tanggal, d.status]));
      expect(status['2026-07-07']).toBe('TIDAK_ADA'); // due the 8th 23:59
      expect(status['2026-07-08']).toBe('BELUM_JATUH_TEMPO'); // due the 9th 23:59
      expect(status['2026-07-31']).toBe('BELUM_JATUH_TEMPO');
      expect(kal.jumlah).toMatchObject({ tidakAda: 5, belumJatuhTempo: 17 });
      const opd = await ok<KepatuhanOpdOut>(c.adminBkd.get('/api/kepatuhan-harian/opd?bulan=2026-07'));
      // The pelaksana's 8th (legacy entry) and 16th (entered before its deadline) are already on time.
      expect(opd.items.find((o) => o.opdId === org.unor.opd.id)!.belumJatuhTempo).toBe(7 * 17 - 2);
    } finally {
      h.clock.set('2026-08-05T02:00:00Z');
    }
  });

  it('is scoped: an OPD admin his OPDs, an assessor his team, an employee only himself', async () => {
    const opd = await ok<KepatuhanOpdOut>(c.adminOpd.get('/api/kepatuhan-harian/opd?bulan=2026-07'));
    expect(opd.cakupan).toBe('OPD');
    expect(opd.items.map((o) => o.opdId)).toEqual([org.unor.opd.id]);
    expect(
      (await c.adminOpd.get(`/api/kepatuhan-harian/pegawai?bulan=2026-07&opdId=${org.unor.opd2.id}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await c.adminOpd.get(`/api/kepatuhan-harian/pegawai/${org.orangLain.id}?bulan=2026-07`)).statusCode,
    ).toBe(403);

    const tim = await ok<KepatuhanPegawaiListOut>(
      c.pengawas.get('/api/kepatuhan-harian/pegawai?bulan=2026-07'),
    );
    const ids = tim.items.map((i) => i.pegawaiId);
    expect(ids).toContain(org.pelaksana.id);
    expect(ids).not.toContain(org.orangLain.id);
    expect(
      (await ok<KepatuhanOpdOut>(c.pengawas.get('/api/kepatuhan-harian/opd?bulan=2026-07'))).cakupan,
    ).toBe('TIM');

    expect(
      (await c.staf.get(`/api/kepatuhan-harian/pegawai/${org.pelaksana.id}?bulan=2026-07`)).statusCode,
    ).toBe(200);
    expect(
      (await c.staf.get(`/api/kepatuhan-harian/pegawai/${org.pelaksana2.id}?bulan=2026-07`)).statusCode,
    ).toBe(403);
    expect((await c.orangLain.get('/api/kepatuhan-harian/opd?bulan=2026-07')).statusCode).toBe(403);
  });
});

describe('the TPP band', () => {
  const band = {
    persenTidakAda: 1,
    persenTerlambat: 0.5,
    batasPersen: 20,
    dasarHukum: 'Perkada No. 12 Tahun 2026 Pasal 9',
  };
  const simpan = async (kepatuhanHarian: typeof band | null) => {
    const awal = (await c.adminBkd.get('/api/tpp/parameter')).json();
    return c.adminBkd.put('/api/tpp/parameter', {
      parameter: { ...PARAMETER_TPP_BAKU, kepatuhanHarian },
      dasarHukum: null,
      ...(awal.version !== null && { version: awal.version }),
    });
  };
  const baris = (id: number) => ok<TppBarisDetail>(c.adminBkd.get(`/api/tpp/2026-07/pegawai/${id}`));
  let sebelum: TppBarisDetail;

  it('off: the month as before, no band line', async () => {
    expect((await simpan(null)).statusCode).toBe(200);
    expect((await c.adminBkd.post('/api/tpp/2026-07/hitung')).statusCode).toBe(200);
    sebelum = await baris(org.pelaksana.id);
    expect(sebelum.rincian.some((r) => r.uraian.includes('progres harian'))).toBe(false);
  });

  it('needs its Perkada reference', async () => {
    const res = await simpan({ ...band, dasarHukum: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Dasar hukum potongan progres harian wajib diisi');
  });

  it('on: each deduction explained per line, capped, and the discipline part lower', async () => {
    expect((await simpan(band)).statusCode).toBe(200);
    expect((await c.adminBkd.post('/api/tpp/2026-07/hitung')).statusCode).toBe(200);
    const b = await baris(org.pelaksana.id);
    const uraian = b.rincian.map((r) => r.uraian);
    expect(uraian).toContain(
      'Kepatuhan progres harian (Perkada No. 12 Tahun 2026 Pasal 9): progres harian setiap hari kerja diisi paling lambat pukul 23.59 WITA pada hari kerja berikutnya; 15 hari tidak diisi, 1 hari terlambat, 1 hari dikecualikan (dinas luar, cuti, sakit, izin).',
    );
    expect(uraian).toContain('Progres harian tidak diisi: 15 hari × 1 % = 15 %.');
    expect(uraian).toContain('Progres harian terlambat: 1 hari × 0,5 % = 0,5 %.');
    expect(b.disiplin).toBeLessThan(sebelum.disiplin);
    const b2 = await baris(org.pelaksana2.id);
    expect(b2.rincian.map((r) => r.uraian)).toContain(
      'Potongan progres harian 22 % dibatasi 20 % (Perkada No. 12 Tahun 2026 Pasal 9).',
    );
  });

  it('refuses a month whose last deadline has not passed, and a band without the rule', async () => {
    h.clock.set(wita('2026-08-03', 12));
    try {
      const res = await c.adminBkd.post('/api/tpp/2026-07/hitung');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe(
        'TPP bulan 2026-07 belum dapat dihitung: tenggat progres harian 2026-07-31 baru berakhir Senin, 3 Agustus 2026 pukul 23.59 WITA; hitung TPP setelah itu.',
      );
    } finally {
      h.clock.set('2026-08-05T02:00:00Z');
    }
    expect(
      (await aturan({ kepatuhanHarian: { aktif: false, batasJam: '23:59', hariKerjaKe: 1 } })).statusCode,
    ).toBe(200);
    const mati = await c.adminBkd.post('/api/tpp/2026-07/hitung');
    expect(mati.statusCode).toBe(400);
    expect(mati.json().error.message).toContain('aturan kepatuhan progres harian instansi tidak aktif');
  });

  it('switched off again: identical to before', async () => {
    expect((await simpan(null)).statusCode).toBe(200);
    expect((await c.adminBkd.post('/api/tpp/2026-07/hitung')).statusCode).toBe(200);
    const b = await baris(org.pelaksana.id);
    expect(b.rincian).toEqual(sebelum.rincian);
    expect(b.jumlah).toBe(sebelum.jumlah);
  });
});
