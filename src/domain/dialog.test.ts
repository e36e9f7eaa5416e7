import { describe, expect, it } from 'vitest';
import {
  bolehMenilaiDialog,
  bolehMenyelesaikan,
  JENIS_DIALOG,
  JENIS_DIALOG_DINILAI,
  JENIS_DIALOG_LABEL,
  type JenisDialog,
  orangDialog,
  PERNYATAAN_B18,
  periksaTanggalDialog,
  rataRataSkor,
  SKALA_B18,
  SKOR_MAKS,
  SKOR_MIN,
  terlambat,
} from './dialog.js';

const PEGAWAI = 10;
const PIMPINAN = 20;
const PESERTA = 30;

describe('Format B.1.8 (SPEC §5.4)', () => {
  it('has the nine statements, each a distinct Indonesian sentence', () => {
    expect(PERNYATAAN_B18).toHaveLength(9);
    expect(new Set(PERNYATAAN_B18).size).toBe(9);
    for (const p of PERNYATAAN_B18) expect(p).toMatch(/^[A-Z].+\.$/);
    expect(PERNYATAAN_B18[0]).toMatch(/didengarkan/);
    expect(PERNYATAAN_B18[5]).toMatch(/bertanya daripada menggurui/);
    expect(PERNYATAAN_B18[8]).toMatch(/tujuan/);
  });

  it('scores on a 4-point agreement scale', () => {
    expect(SKALA_B18.map((s) => s.skor)).toEqual([1, 2, 3, 4]);
    expect([SKOR_MIN, SKOR_MAKS]).toEqual([1, 4]);
    expect(SKALA_B18.at(-1)!.label).toBe('Sangat setuju');
  });

  it.each([
    [[4, 4, 4, 4, 4, 4, 4, 4, 4], 4],
    [[1, 2, 3, 4, 1, 2, 3, 4, 1], 2.33],
    [[3, 3, 3, 3, 3, 3, 3, 3, 4], 3.11],
    [[], 0],
  ])('averages %o to %d', (skor, rata) => {
    expect(rataRataSkor(skor)).toBe(rata);
  });
});

describe('who may rate a dialog', () => {
  const dialog = (jenis: JenisDialog, sudahDinilai = false) => ({ jenis, pegawaiId: PEGAWAI, sudahDinilai });

  it('labels every kind', () => {
    expect(JENIS_DIALOG.map((j) => JENIS_DIALOG_LABEL[j])).toEqual([
      'Perencanaan',
      'Pemantauan',
      'Bimbingan',
      'Konseling',
      'Evaluasi',
    ]);
  });

  it.each(JENIS_DIALOG_DINILAI)('the employee rates a %s once', (jenis) => {
    expect(bolehMenilaiDialog(dialog(jenis), PEGAWAI)).toEqual({ ok: true });
    expect(bolehMenilaiDialog(dialog(jenis, true), PEGAWAI)).toMatchObject({
      ok: false,
      code: 'DIALOG_SUDAH_DINILAI',
    });
  });

  it.each(JENIS_DIALOG.filter((j) => !JENIS_DIALOG_DINILAI.includes(j)))('a %s is not rated', (jenis) => {
    const r = bolehMenilaiDialog(dialog(jenis), PEGAWAI);
    expect(r).toMatchObject({ ok: false, code: 'DIALOG_BUKAN_BIMBINGAN' });
    expect(!r.ok && r.message).toMatch(/bimbingan atau konseling/);
  });

  it.each([PIMPINAN, PESERTA])('nobody but the employee rates (actor %i)', (actor) => {
    expect(bolehMenilaiDialog(dialog('BIMBINGAN'), actor)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('follow-ups', () => {
  const d = { pegawaiId: PEGAWAI, pimpinanId: PIMPINAN, pesertaIds: [PESERTA] };

  it('may be answered for by the employee, the leader or a participant', () => {
    expect([...orangDialog(d)].sort()).toEqual([PEGAWAI, PIMPINAN, PESERTA].sort());
    expect(orangDialog(d).has(99)).toBe(false);
  });

  it.each([
    [PESERTA, PESERTA, true],
    [PESERTA, PIMPINAN, true],
    [PESERTA, PEGAWAI, false],
    [PEGAWAI, PEGAWAI, true],
    [PEGAWAI, PESERTA, false],
    [PIMPINAN, 99, false],
  ])('answered for by %i: closed by %i → %s', (pj, actor, boleh) => {
    expect(bolehMenyelesaikan({ penanggungJawabId: pj }, d, actor)).toBe(boleh);
  });

  it.each([
    ['2026-08-09', false, '2026-08-10', true],
    ['2026-08-10', false, '2026-08-10', false],
    ['2026-08-09', true, '2026-08-10', false],
  ])('due %s, done %s, on %s: late %s', (tenggat, selesai, hariIni, late) => {
    expect(terlambat({ tenggat, selesai }, hariIni)).toBe(late);
  });
});

describe('dialog date', () => {
  it.each([
    ['2026-08-10', '2026-08-10', null],
    ['2026-01-31', '2026-08-10', null],
    ['2026-08-11', '2026-08-10', /tidak boleh setelah hari ini/],
  ])('%s on %s', (tanggal, hariIni, pesan) => {
    const r = periksaTanggalDialog(tanggal, hariIni);
    if (pesan === null) expect(r).toBeNull();
    else expect(r).toMatch(pesan);
  });
});
