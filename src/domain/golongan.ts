/** Golongan/ruang and pangkat (PNS I/a–IV/e) and PPPK golongan I–XVII. */
import type { JenisAsn } from './nip.js';

export const PANGKAT_PNS = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
} as const;

export type GolonganPns = keyof typeof PANGKAT_PNS;

export const GOLONGAN_PPPK = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;

export const GOLONGAN_PNS = Object.keys(PANGKAT_PNS) as GolonganPns[];

export function isGolonganValid(jenisAsn: JenisAsn, golongan: string): boolean {
  return jenisAsn === 'PNS'
    ? Object.hasOwn(PANGKAT_PNS, golongan)
    : (GOLONGAN_PPPK as readonly string[]).includes(golongan);
}

/** "Penata Muda, III/a" for PNS; PPPK (paruh waktu too) have no pangkat, only "Golongan IX". */
export function pangkatGolongan(jenisAsn: JenisAsn, golongan: string): string {
  if (jenisAsn === 'PNS' && Object.hasOwn(PANGKAT_PNS, golongan)) {
    return `${PANGKAT_PNS[golongan as GolonganPns]}, ${golongan}`;
  }
  return `Golongan ${golongan}`;
}
