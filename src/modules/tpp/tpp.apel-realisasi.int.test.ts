/**
 * The two per-instansi TPP rules of SPEC §7.1 beyond the defaults, through the HTTP API: missed
 * ceremonies (apel/upacara) read from the attendance import as a discipline deduction, and the
 * productivity part from the share of approved realisasi instead of the predikat factor table.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { multipart } from '../../../test/multipart.js';
import { buildOrg, type Org } from '../../../test/org.js';
import type { ParameterTppOut, TppBarisDetail, TppBarisPage, TppBulanOut } from '../../contracts/tpp.js';
import { rows } from '../../db/client.js';
import { PARAMETER_TPP_BAKU } from '../../domain/tpp.js';

let h: Harness;
let org: Org;
let bkd: Awaited<ReturnType<Harness['login']>>;

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

/** An approved 2026 plan with one RHK per given July realisasi status (null: nothing reported). */
async function skpDenganRealisasi(pegawaiId: number, status: (string | null)[], predikat: string | null) {
  const [skp] = await rows<{ id: number }>(
    h.db,
    sql`INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt, status)
        VALUES (${org.instansiId}, ${pegawaiId}, ${org.jabatan.jStaf}, 2026, '2026-01-01', '2026-12-31', 'KUANTITATIF', false, 'DISETUJUI')
        RETURNING id`,
  );
  const rhk: number[] = [];
  for (const [i, s] of status.entries()) {
    const [r] = await rows<{ id: number }>(
      h.db,
      sql`INSERT INTO rhk (skp_id, jenis, urutan, rencana) VALUES (${skp!.id}, 'UTAMA', ${i + 1}, ${`RHK ${i + 1}`})
          RETURNING id`,
    );
    rhk.push(r!.id);
    if (s)
      await h.db.execute(
        sql`INSERT INTO realisasi (instansi_id, skp_id, rhk_id, pegawai_id, periode_kode, tahun, status)
            VALUES (${org.instansiId}, ${skp!.id}, ${r!.id}, ${pegawaiId}, '2026-07', 2026, ${s})`,
      );
  }
  if (predikat)
    await h.db.execute(
      sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
          VALUES (${org.instansiId}, ${skp!.id}, '2026-07', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', ${predikat}, ${org.pengawas.id}, now())`,
    );
  return rhk;
}

/** July 2026 has 23 weekdays (no holiday set here). */
const HARI_KERJA_JULI = Array.from(
  { length: 31 },
  (_, i) => `2026-07-${String(i + 1).padStart(2, '0')}`,
).filter((t) => ![0, 6].includes(new Date(`${t}T00:00:00Z`).getUTCDay()));

/** The attendance file with the ceremony column: each employee's special days, else on time with apel. */
function berkasJuli(khusus: Record<string, Record<string, [string, string]>>) {
  const baris = ['NIP;Tanggal;Jam Masuk;Jam Pulang;Status;Apel'];
  for (const [nip, hari] of Object.entries(khusus))
    for (const t of HARI_KERJA_JULI) {
      const [status, apel] = hari[t] ?? ['H', 'Hadir'];
      const jam = status === 'H' ? '07:25;16:30' : ';';
      baris.push(`${nip};${t};${jam};${status};${apel}`);
    }
  return baris.join('\n');
}

const uraian = (b: TppBarisDetail) => b.rincian.map((r) => r.uraian);
let rhkStaf: number[];

beforeAll(async () => {
  h = await createHarness({ now: '2026-08-05T02:00:00Z' });
  org = await buildOrg(h.db);
  bkd = await h.login(org.adminBkd.nip);
  // Pelaksana: Baik; 2 of 3 July realisasi accepted, one sent back. Pelaksana Dua: no predikat,
  // one accepted and one still waiting for the assessor.
  rhkStaf = await skpDenganRealisasi(org.pelaksana.id, ['DITERIMA', 'DITERIMA', 'PERLU_PERBAIKAN'], 'BAIK');
  await skpDenganRealisasi(org.pelaksana2.id, ['DITERIMA', 'DIAJUKAN'], null);
});

afterAll(async () => {
  await h?.close();
});

describe('missed ceremonies, imported with the attendance', () => {
  it('the import carries the ceremony column; the computed line deducts each miss on a day present', async () => {
    const file = berkasJuli({
      // Two misses at work count; on official travel and on an absence they never do.
      [org.pelaksana.nip]: {
        '2026-07-06': ['H', 'Tidak Hadir'],
        '2026-07-13': ['H', 'TH'],
        '2026-07-20': ['DL', 'Tidak Hadir'],
        '2026-07-27': ['TK', 'Tidak Hadir'],
        '2026-07-28': ['H', ''],
      },
      [org.pelaksana2.nip]: {},
    });
    const { payload, headers } = multipart('presensi-juli.csv', Buffer.from(file));
    const impor = await h.app.inject({
      method: 'POST',
      url: '/api/kehadiran/impor?mode=commit',
      payload,
      headers: { ...headers, cookie: bkd.cookie, 'x-csrf-token': bkd.csrfToken },
    });
    expect(impor.statusCode, impor.body).toBe(200);
    expect(impor.json()).toMatchObject({ barisValid: 46, kesalahan: [] });

    const m = await ok<TppBulanOut>(bkd.post('/api/tpp/2026-07/hitung'));
    expect(m.parameter).toMatchObject({ persenApel: 1, dasarProduktivitas: 'PREDIKAT' });
    const b = await ok<TppBarisDetail>(bkd.get(`/api/tpp/2026-07/pegawai/${org.pelaksana.id}`));
    // kelas 9 = Rp 3.900.000: 60 % × Baik; 40 % × (100 % − 3 % − 2 × 1 %).
    expect(b).toMatchObject({ produktivitas: 2_340_000, disiplin: 1_482_000, potonganPersen: 5 });
    expect(uraian(b).slice(2)).toEqual([
      'Hari kerja bulan ini: 23 hari.',
      'Tanpa keterangan (termasuk hari kerja tanpa catatan kehadiran): 1 hari × 3 % = 3 %.',
      'Tidak mengikuti apel/upacara (pada hari hadir): 2 kali × 1 % = 2 %.',
      'Tidak dipotong: dinas luar 1 hari.',
      'Disiplin: Rp 3.900.000 × 40 % × (100 % − 5 %) = Rp 1.482.000.',
      'Jumlah: Rp 2.340.000 + Rp 1.482.000 = Rp 3.822.000.',
    ]);
  });
});

describe('the two parameters on the parameter page', () => {
  it('invalid values are refused in Indonesian and nothing is saved', async () => {
    const kirim = (over: Record<string, unknown>) =>
      bkd.put('/api/tpp/parameter', { parameter: { ...PARAMETER_TPP_BAKU, ...over }, dasarHukum: null });
    const cases: [Record<string, unknown>, string][] = [
      [{ persenApel: 101 }, 'Potongan tidak mengikuti apel/upacara paling tinggi 100 %.'],
      [{ persenApel: -1 }, 'Potongan tidak mengikuti apel/upacara tidak boleh negatif.'],
      [{ persenApel: 0.125 }, 'paling banyak dua angka desimal'],
      [{ dasarProduktivitas: 'CAPAIAN' }, 'Dasar produktivitas harus PREDIKAT'],
      [{ dasarProduktivitas: undefined }, 'Dasar produktivitas harus PREDIKAT'],
    ];
    for (const [over, pesan] of cases) {
      const res = await kirim(over);
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(pesan);
    }
    expect((await ok<ParameterTppOut>(bkd.get('/api/tpp/parameter'))).version).toBeNull();
    const [audit] = await rows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE instansi_id = ${org.instansiId} AND entity = 'tpp_parameter'`,
    );
    expect(audit!.n).toBe(0);
  });

  it('REALISASI: productivity follows the share of approved realisasi; no judgement yet waits', async () => {
    const simpan = await ok<ParameterTppOut>(
      bkd.put('/api/tpp/parameter', {
        parameter: { ...PARAMETER_TPP_BAKU, persenApel: 2, dasarProduktivitas: 'REALISASI' },
        dasarHukum: 'Pergub Uji 7/2026',
      }),
    );
    expect(simpan).toMatchObject({
      version: 1,
      parameter: { persenApel: 2, dasarProduktivitas: 'REALISASI' },
    });
    const [audit] = await rows<{ after: { parameter: Record<string, unknown> } }>(
      h.db,
      sql`SELECT after FROM audit_log WHERE instansi_id = ${org.instansiId} AND action = 'tpp_parameter.ubah'`,
    );
    expect(audit!.after.parameter).toMatchObject({ persenApel: 2, dasarProduktivitas: 'REALISASI' });

    const m = await ok<TppBulanOut>(bkd.post('/api/tpp/2026-07/hitung'));
    expect(m.parameter).toMatchObject({ persenApel: 2, dasarProduktivitas: 'REALISASI' });
    const b = await ok<TppBarisDetail>(bkd.get(`/api/tpp/2026-07/pegawai/${org.pelaksana.id}`));
    // 3.900.000 × 60 % × 2/3; 40 % × (100 % − 3 % − 2 × 2 %)
    expect(b).toMatchObject({ produktivitas: 1_560_000, disiplin: 1_450_800, menungguPenilaian: false });
    expect(uraian(b)).toContain(
      'Produktivitas: Rp 3.900.000 × 60 % × 2/3 (2 dari 3 realisasi Juli 2026 disetujui = 66,67 %; 1 perlu perbaikan) = Rp 1.560.000.',
    );
    expect(uraian(b)).toContain('Tidak mengikuti apel/upacara (pada hari hadir): 2 kali × 2 % = 4 %.');

    // One item still with the assessor: menunggu penilaian, counted and listed as such, never 0 %.
    const dua = await ok<TppBarisDetail>(bkd.get(`/api/tpp/2026-07/pegawai/${org.pelaksana2.id}`));
    expect(dua).toMatchObject({ produktivitas: 0, menungguPenilaian: true });
    expect(uraian(dua)[1]).toContain(
      'menunggu penilaian — 1 dari 2 realisasi Juli 2026 masih menunggu penilaian atasan',
    );
    expect(m.kekurangan.menungguPenilaian).toBe(1);
    const menunggu = await ok<TppBarisPage>(bkd.get('/api/tpp/2026-07/baris?catatan=MENUNGGU_PENILAIAN'));
    expect(menunggu.items.map((i) => i.pegawaiId)).toEqual([org.pelaksana2.id]);

    // The corrected item accepted: a recomputation pays the whole productivity part.
    await h.db.execute(sql`UPDATE realisasi SET status = 'DITERIMA' WHERE rhk_id = ${rhkStaf[2]!}`);
    await ok<TppBulanOut>(bkd.post('/api/tpp/2026-07/hitung'));
    const lagi = await ok<TppBarisDetail>(bkd.get(`/api/tpp/2026-07/pegawai/${org.pelaksana.id}`));
    expect(lagi.produktivitas).toBe(2_340_000);
    expect(uraian(lagi)[1]).toContain('(3 dari 3 realisasi Juli 2026 disetujui = 100 %)');
  });

  it('the computed month keeps the parameters it was computed with', async () => {
    const now = await ok<ParameterTppOut>(bkd.get('/api/tpp/parameter'));
    await ok(
      bkd.put('/api/tpp/parameter', {
        parameter: { ...now.parameter, persenApel: 0, dasarProduktivitas: 'PREDIKAT' },
        dasarHukum: null,
        version: now.version,
      }),
    );
    const m = await ok<TppBulanOut>(bkd.get('/api/tpp/2026-07'));
    expect(m.parameter).toMatchObject({ persenApel: 2, dasarProduktivitas: 'REALISASI' });
    const b = await ok<TppBarisDetail>(bkd.get(`/api/tpp/2026-07/pegawai/${org.pelaksana.id}`));
    expect(uraian(b)[1]).toContain('3 dari 3 realisasi');

    // Recomputed with the rate 0 and the predikat basis: no ceremony line, the factor table again.
    await ok<TppBulanOut>(bkd.post('/api/tpp/2026-07/hitung'));
    const ulang = await ok<TppBarisDetail>(bkd.get(`/api/tpp/2026-07/pegawai/${org.pelaksana.id}`));
    expect(ulang).toMatchObject({ produktivitas: 2_340_000, potonganPersen: 3 });
    expect(uraian(ulang).some((u) => u.includes('apel'))).toBe(false);
  });
});
