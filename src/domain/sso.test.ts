import { describe, expect, it } from 'vitest';
import { amrFaktorKedua, isKataSandiNonaktif, masalahPenerbit, nipDariKlaim } from './sso.js';

const NIP = '198503152010011002';

describe('masalahPenerbit', () => {
  it.each([
    ['https://sso.gorontaloprov.go.id/realms/asn', null],
    ['http://127.0.0.1:4000', null],
    ['http://localhost:8080/realms/uji', null],
    ['http://sso.gorontaloprov.go.id', 'harus memakai https'],
    ['ftp://sso.go.id', 'harus memakai https'],
    ['https://sso.go.id/?a=1', 'tidak boleh memuat'],
    ['sso.go.id', 'bukan URL yang valid'],
  ])('%s', (url, masalah) => {
    const hasil = masalahPenerbit(url);
    if (masalah === null) expect(hasil).toBeNull();
    else expect(hasil).toContain(masalah);
  });
});

describe('nipDariKlaim', () => {
  it.each([
    [{ nip: NIP }, 'nip', NIP],
    [{ nip: '19850315 201001 1 002' }, 'nip', NIP],
    [{ nip: Number(NIP.slice(0, 15)) }, 'nip', null],
    [{ nip_asn: NIP }, 'nip_asn', NIP],
    [{ nip: NIP }, 'nip_asn', null],
    [{ nip: '12345' }, 'nip', null],
    [{ nip: [NIP] }, 'nip', null],
    [{}, 'nip', null],
  ])('%j via %s', (klaim, nama, nip) => {
    expect(nipDariKlaim(klaim, nama)).toBe(nip);
  });
});

describe('amrFaktorKedua', () => {
  it.each([
    [['pwd', 'otp'], true],
    [['mfa'], true],
    [['hwk'], true],
    [['pwd'], false],
    [['pwd', 'kba'], false],
    [[], false],
    [undefined, false],
    ['otp', false],
  ])('%j', (amr, hasil) => {
    expect(amrFaktorKedua(amr)).toBe(hasil);
  });
});

describe('isKataSandiNonaktif', () => {
  const lainnya = { admin: false, penilai: false, lainnya: true };
  it('applies to a group the employee belongs to, "lainnya" only to those in neither other', () => {
    expect(isKataSandiNonaktif(lainnya, { isAdmin: false, isPenilai: false })).toBe(true);
    expect(isKataSandiNonaktif(lainnya, { isAdmin: false, isPenilai: true })).toBe(false);
    const admin = { admin: true, penilai: false, lainnya: false };
    expect(isKataSandiNonaktif(admin, { isAdmin: true, isPenilai: true })).toBe(true);
    expect(isKataSandiNonaktif(admin, { isAdmin: false, isPenilai: true })).toBe(false);
  });
});
