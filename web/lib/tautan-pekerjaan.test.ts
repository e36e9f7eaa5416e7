import { describe, expect, it } from 'vitest';
import { bagianTautan } from './tautan-pekerjaan';

describe('bagianTautan', () => {
  it('reads the section a job link names, whatever else it carries', () => {
    expect(bagianTautan('/impor?bagian=nasional&pekerjaan=7')).toBe('nasional');
    expect(bagianTautan('/impor?pekerjaan=7&bagian=pegawai')).toBe('pegawai');
    expect(bagianTautan('/impor?pekerjaan=7')).toBeNull();
    expect(bagianTautan(null)).toBeNull();
  });
});
