import { describe, expect, it } from 'vitest';
import { isGolonganValid, pangkatGolongan } from './golongan.js';
import { checkNip, formatNip, normalizeNip, parseJenisAsn } from './nip.js';

const TODAY = '2026-12-06';

describe('checkNip (SPEC §9)', () => {
  it.each([
    [
      '198503122010011002',
      'PNS',
      { tanggalLahir: '1985-03-12', tahunMasuk: 2010, bulanMasuk: 1, jenisKelamin: 'L', urutan: 2 },
    ],
    [
      '19900715 201503 2 001',
      'PNS',
      { tanggalLahir: '1990-07-15', tahunMasuk: 2015, bulanMasuk: 3, jenisKelamin: 'P', urutan: 1 },
    ],
    ['200002292024121999', 'PNS', { tanggalLahir: '2000-02-29', bulanMasuk: 12, urutan: 999 }],
    // PPPK: digits 13–14 are a contract code, not a month: 21 must be accepted
    [
      '199201012023211005',
      'PPPK',
      {
        tanggalLahir: '1992-01-01',
        tahunMasuk: 2023,
        bulanMasuk: null,
        kodeKontrak: '21',
        jenisKelamin: 'L',
      },
    ],
    ['199201012023002005', 'PPPK', { kodeKontrak: '00', jenisKelamin: 'P' }],
    // PPPK paruh waktu: the PPPK number rules, contract code included
    ['199201012025211005', 'PPPK_PW', { tahunMasuk: 2025, bulanMasuk: null, kodeKontrak: '21' }],
  ] as const)('accepts %s (%s)', (nip, jenis, parts) => {
    const r = checkNip(nip, jenis, TODAY);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.parts).toMatchObject(parts);
  });

  it.each([
    ['12345', 'PNS', 'NIP harus terdiri atas 18 angka.'],
    ['19850312201001100A', 'PNS', 'NIP harus terdiri atas 18 angka.'],
    ['198502302010011002', 'PNS', '8 angka pertama NIP bukan tanggal lahir yang sah (format TTTTBBHH).'],
    ['199002292010011002', 'PNS', '8 angka pertama NIP bukan tanggal lahir yang sah (format TTTTBBHH).'],
    ['198503122010131002', 'PNS', 'Angka ke-13 dan ke-14 NIP PNS harus bulan TMT CPNS (01–12).'],
    ['198503122010001002', 'PNS', 'Angka ke-13 dan ke-14 NIP PNS harus bulan TMT CPNS (01–12).'],
    ['198503122010013002', 'PNS', 'Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).'],
    ['198503122010011000', 'PNS', 'Nomor urut NIP (3 angka terakhir) harus 001–999.'],
    ['199201012023213005', 'PPPK', 'Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).'],
  ] as const)('rejects %s (%s) with a message', (nip, jenis, message) => {
    const r = checkNip(nip, jenis, TODAY);
    expect(r.valid).toBe(false);
    expect(r.errors).toContain(message);
    expect(r.parts).toBeNull();
  });

  it('the same PPPK number is not a valid PNS number when the code is not a month', () => {
    expect(checkNip('199201012023211005', 'PNS', TODAY).valid).toBe(false);
  });

  it('warns, without rejecting, when appointment is under 17 years after birth', () => {
    const r = checkNip('200001012010011001', 'PNS', TODAY);
    expect(r.valid).toBe(true);
    expect(r.warnings).toHaveLength(1);
    expect(checkNip('198001012010011001', 'PNS', TODAY).warnings).toEqual([]);
  });

  it.each([
    ['20261206 201001 1 002', 'PNS'],
    ['20000101 202612 1 002', 'PNS'],
    ['19920101 2026 21 1 005', 'PPPK'],
    // A TMT CPNS in the current month has already begun.
    ['19850312 202612 2 001', 'PNS'],
  ] as const)('accepts %s (%s): nothing in it lies after today', (nip, jenis) => {
    expect(checkNip(nip, jenis, TODAY).errors).toEqual([]);
  });

  it.each([
    [
      '20261207 201001 1 002',
      'PNS',
      'Tanggal lahir pada NIP (2026-12-07) belum terjadi; periksa kembali NIP.',
    ],
    [
      '20300115 201001 1 002',
      'PPPK',
      'Tanggal lahir pada NIP (2030-01-15) belum terjadi; periksa kembali NIP.',
    ],
    ['19850312 202701 1 002', 'PNS', 'TMT CPNS pada NIP (2027-01) belum terjadi; periksa kembali NIP.'],
    ['19850312 203012 1 002', 'PNS', 'TMT CPNS pada NIP (2030-12) belum terjadi; periksa kembali NIP.'],
    [
      '19920101 2027 21 1 005',
      'PPPK',
      'Tahun pengangkatan pada NI PPPK (2027) belum terjadi; periksa kembali NIP.',
    ],
  ] as const)('refuses %s (%s): %s', (nip, jenis, message) => {
    const r = checkNip(nip, jenis, TODAY);
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([message]);
  });

  it('takes today from the caller: the same NIP is refused before its TMT and accepted after', () => {
    expect(checkNip('19850312 202701 1 002', 'PNS', '2026-12-31').valid).toBe(false);
    expect(checkNip('19850312 202701 1 002', 'PNS', '2027-01-01').valid).toBe(true);
  });

  it('formats 8-6-1-3 and normalizes spaces', () => {
    expect(formatNip('198503122010011002')).toBe('19850312 201001 1 002');
    expect(normalizeNip('19850312 201001 1 002')).toBe('198503122010011002');
  });

  it.each([
    ['PNS', 'PNS'],
    [' pppk ', 'PPPK'],
    ['PPPK Paruh Waktu', 'PPPK_PW'],
    ['pppk_pw', 'PPPK_PW'],
    ['PPPK-PW', 'PPPK_PW'],
    ['Paruh Waktu', null],
    ['CPNS', null],
  ] as const)('reads jenis ASN %j as %s', (text, jenis) => {
    expect(parseJenisAsn(text)).toBe(jenis);
  });

  it("judges a paruh waktu employee's golongan as a PPPK's", () => {
    expect(isGolonganValid('PPPK_PW', 'IX')).toBe(true);
    expect(isGolonganValid('PPPK_PW', 'III/a')).toBe(false);
    expect(pangkatGolongan('PPPK_PW', 'V')).toBe('Golongan V');
  });
});
