import { describe, expect, it } from 'vitest';
import { persenUnggah, teksKemajuanImpor } from './impor-kemajuan';

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
