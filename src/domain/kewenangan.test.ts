import { describe, expect, it } from 'vitest';
import {
  type AkibatKuasa,
  KUASA_ADMIN,
  type KuasaAdmin,
  type PelakuAdmin,
  pesanTolak,
  putusanKuasa,
  type SasaranAdmin,
} from './kewenangan.js';

const OPD = 10;
const PELAKU: Record<'bkd' | 'adminOpd' | 'biasa', PelakuAdmin> = {
  bkd: { id: 1, bkd: true, opdIds: [] },
  adminOpd: { id: 1, bkd: false, opdIds: [OPD] },
  biasa: { id: 1, bkd: false, opdIds: [] },
};

const biasa: SasaranAdmin = {
  id: 2,
  opdId: OPD,
  adminInstansi: false,
  adminOpd: false,
  jpt: false,
  atasanPelaku: false,
  kepalaUnitPelaku: false,
};

/** Target kinds; the expected answer per actor kind ('+' allowed, '+!' allowed with a reason, else the refusal). */
const SASARAN: [nama: string, sasaran: SasaranAdmin, bkd: string, adminOpd: string, biasa: string][] = [
  ['himself', { ...biasa, id: 1 }, 'DIRI_SENDIRI', 'DIRI_SENDIRI', 'DIRI_SENDIRI'],
  [
    'his own superior',
    { ...biasa, atasanPelaku: true },
    'ATASAN_SENDIRI',
    'ATASAN_SENDIRI',
    'ATASAN_SENDIRI',
  ],
  ['an ordinary employee of the OPD', biasa, '+', '+', 'BUKAN_ADMIN'],
  ['an ordinary employee of another OPD', { ...biasa, opdId: 11 }, '+', 'DI_LUAR_OPD', 'BUKAN_ADMIN'],
  ['an employee without an OPD', { ...biasa, opdId: null }, '+', 'DI_LUAR_OPD', 'BUKAN_ADMIN'],
  ['another OPD admin', { ...biasa, adminOpd: true }, '+', 'SASARAN_ADMIN', 'BUKAN_ADMIN'],
  ['a BKD admin', { ...biasa, adminInstansi: true }, '+!', 'SASARAN_ADMIN', 'BUKAN_ADMIN'],
  [
    'the head of a unit above him',
    { ...biasa, kepalaUnitPelaku: true },
    '+',
    'SASARAN_KEPALA_UNIT',
    'BUKAN_ADMIN',
  ],
  ['a JPT of the OPD', { ...biasa, jpt: true }, '+', 'SASARAN_JPT', 'BUKAN_ADMIN'],
];

const HANYA_BKD: KuasaAdmin[] = ['PERAN', 'IMPOR'];

function tampil(p: ReturnType<typeof putusanKuasa>): string {
  return p.boleh ? (p.perluAlasan ? '+!' : '+') : p.alasan;
}

describe('putusanKuasa: every admin power × actor kind × target kind', () => {
  for (const kuasa of KUASA_ADMIN) {
    for (const [nama, sasaran, ...harapan] of SASARAN) {
      (['bkd', 'adminOpd', 'biasa'] as const).forEach((jenis, i) => {
        let expected = harapan[i]!;
        // Roles and employee imports are the BKD's alone.
        const sendiri = expected === 'DIRI_SENDIRI' || expected === 'ATASAN_SENDIRI';
        if (jenis === 'adminOpd' && HANYA_BKD.includes(kuasa) && !sendiri) expected = 'HANYA_BKD';
        it(`${kuasa}: ${jenis} → ${nama} = ${expected}`, () => {
          expect(tampil(putusanKuasa(PELAKU[jenis], sasaran, kuasa))).toBe(expected);
        });
      });
    }
  }
});

describe('what a power would do', () => {
  const kasus: [AkibatKuasa, KuasaAdmin, bkd: string, adminOpd: string][] = [
    [{ pelakuMenjadiAtasan: true }, 'ATASAN', 'MENJADI_ATASAN', 'MENJADI_ATASAN'],
    [{ pelakuMenjadiAtasan: true }, 'MUTASI', 'MENJADI_ATASAN', 'MENJADI_ATASAN'],
    [{ pelakuMenjadiAtasan: true }, 'PLT', 'MENJADI_ATASAN', 'MENJADI_ATASAN'],
    [{ jabatanJpt: true }, 'MUTASI', '+', 'JABATAN_JPT'],
    [{ jabatanJpt: true }, 'PLT', '+', 'JABATAN_JPT'],
    [{ pelakuMenjadiAtasan: false, jabatanJpt: false }, 'ATASAN', '+', '+'],
  ];
  for (const [akibat, kuasa, bkd, adminOpd] of kasus) {
    it(`${kuasa} ${JSON.stringify(akibat)}: BKD ${bkd}, admin OPD ${adminOpd}`, () => {
      expect(tampil(putusanKuasa(PELAKU.bkd, biasa, kuasa, akibat))).toBe(bkd);
      expect(tampil(putusanKuasa(PELAKU.adminOpd, biasa, kuasa, akibat))).toBe(adminOpd);
    });
  }
});

describe('pesanTolak', () => {
  it('names the power in Indonesian', () => {
    expect(pesanTolak('SASARAN_KEPALA_UNIT', 'RESET_KATA_SANDI')).toBe(
      'Admin OPD tidak dapat mereset kata sandi kepala unit yang membawahi Anda; hubungi admin instansi (BKD).',
    );
    expect(pesanTolak('DIRI_SENDIRI', 'ATASAN')).toBe('Anda tidak dapat mengubah atasan diri sendiri.');
  });
});
