import { describe, expect, it } from 'vitest';
import { persenImpor, persenUnggah, teksKemajuanImpor } from './impor-kemajuan';

describe('an import’s progress in words', () => {
  it('counts the upload in whole percent, 100 only once every byte is sent', () => {
    expect(persenUnggah(0, 0)).toBe(0);
    expect(persenUnggah(450, 1000)).toBe(45);
    expect(persenUnggah(999, 1000)).toBe(99);
    expect(persenUnggah(1000, 1000)).toBe(100);
    expect(teksKemajuanImpor({ tahap: 'unggah', persen: 45 })).toBe('Mengunggah berkas… 45 %');
  });

  it('then the rows being processed, when a dry run counted them', () => {
    expect(teksKemajuanImpor({ tahap: 'proses', baris: 20_000 })).toBe('Memproses 20.000 baris…');
    expect(teksKemajuanImpor({ tahap: 'proses', baris: null })).toBe('Memproses berkas…');
  });
});

describe('an import applied as a job', () => {
  it('counts the rows applied, and says the page may be left', () => {
    const k = { tahap: 'latar', selesai: 1200, total: 20_000 } as const;
    expect(persenImpor(k)).toBe(6);
    expect(teksKemajuanImpor(k)).toBe(
      'Diterapkan 1.200 dari 20.000 baris… Anda boleh meninggalkan halaman ini; kemajuannya tampil di panel Pekerjaan.',
    );
    expect(persenImpor({ tahap: 'latar', selesai: 0, total: null })).toBe(100);
    expect(persenImpor({ tahap: 'latar', selesai: 20_000, total: 20_000 })).toBe(99);
  });
});
