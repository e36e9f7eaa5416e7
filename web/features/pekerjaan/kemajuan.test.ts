import { describe, expect, it } from 'vitest';
import type { JenisPekerjaan } from '../../../src/contracts/pekerjaan';
import { pengumumanAkhir, persenPekerjaan, selangTanya, teksKemajuan } from './kemajuan';

const p = (over: Partial<Parameters<typeof teksKemajuan>[0]>) => ({
  jenis: 'TPP_HITUNG' as JenisPekerjaan,
  judul: 'Hitung TPP Juli 2026',
  status: 'BERJALAN' as const,
  total: null,
  selesai: 0,
  pesan: null,
  ...over,
});

describe('a job’s progress in words', () => {
  it('counts rows with Indonesian thousands and a whole percent, never 100 before the end', () => {
    expect(teksKemajuan(p({ total: 10_000, selesai: 1_234 }))).toBe('1.234 dari 10.000 pegawai (12 %)');
    expect(teksKemajuan(p({ jenis: 'EKSPOR', total: 100_000, selesai: 2_500 }))).toBe(
      '2.500 dari 100.000 baris (2 %)',
    );
    expect(persenPekerjaan(p({ total: 10_000, selesai: 9_999 }))).toBe(99);
    expect(persenPekerjaan(p({ total: 3, selesai: 3 }))).toBe(99);
    expect(persenPekerjaan(p({ total: 0 }))).toBe(0);
    expect(persenPekerjaan(p({ status: 'SELESAI', total: 3, selesai: 3 }))).toBe(100);
  });

  it('shows the step while the total is unknown', () => {
    expect(persenPekerjaan(p({}))).toBeNull();
    expect(teksKemajuan(p({}))).toBe('Menyiapkan…');
    expect(teksKemajuan(p({ pesan: 'Mengumpulkan kehadiran' }))).toBe('Mengumpulkan kehadiran');
  });

  it('says how it ended, and announces it', () => {
    const selesai = p({ status: 'SELESAI', total: 2_000, selesai: 2_000 });
    expect(teksKemajuan(selesai)).toBe('Selesai: 2.000 pegawai.');
    expect(pengumumanAkhir(selesai)).toBe('Hitung TPP Juli 2026 selesai.');
    const gagal = p({ status: 'GAGAL', pesan: 'Server dimulai ulang.' });
    expect(teksKemajuan(gagal)).toBe('Gagal: Server dimulai ulang.');
    expect(pengumumanAkhir(gagal)).toBe('Hitung TPP Juli 2026 gagal. Server dimulai ulang.');
  });
});

describe('polling the tray', () => {
  const t = Date.parse('2026-08-05T02:00:00Z');
  const job = (status: 'BERJALAN' | 'SELESAI', detikLalu: number) => ({
    status,
    mulaiAt: new Date(t - detikLalu * 1000).toISOString(),
  });

  it('stops when nothing runs, asks every second for a young job, then every four seconds', () => {
    expect(selangTanya([], t)).toBe(false);
    expect(selangTanya([job('SELESAI', 1)], t)).toBe(false);
    expect(selangTanya([job('BERJALAN', 2)], t)).toBe(1000);
    expect(selangTanya([job('BERJALAN', 60)], t)).toBe(4000);
    expect(selangTanya([job('BERJALAN', 60), job('BERJALAN', 3)], t)).toBe(1000);
  });
});
