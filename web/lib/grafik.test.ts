import { describe, expect, it } from 'vitest';
import { potongLabel } from './grafik';

describe('potongLabel: one line per name on a chart axis', () => {
  it('keeps a name that fits', () => {
    expect(potongLabel('Dinas Kesehatan', 180, 11)).toBe('Dinas Kesehatan');
  });

  it('cuts a long name to the width, ending with an ellipsis and no trailing space', () => {
    const teks = potongLabel('Biro Perekonomian dan Administrasi Pembangunan', 100, 11);
    expect(teks).toBe('Biro Perekonom…');
    expect(teks.length * 11 * 0.6).toBeLessThanOrEqual(100);
  });

  it('drops the space before the ellipsis', () => {
    expect(potongLabel('Badan Kepegawaian Daerah', 47, 11)).toBe('Badan…');
  });

  it('keeps at least a few letters on a very narrow axis', () => {
    expect(potongLabel('Inspektorat', 10, 11)).toBe('Ins…');
  });
});
