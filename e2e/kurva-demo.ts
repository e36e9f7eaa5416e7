import type { APIRequestContext } from '@playwright/test';

/**
 * The past month (of the last six) with the most rated employees in a unit, whatever today's date,
 * and how many: the demo's curve months move with the calendar.
 */
export async function periodeKurvaTerbanyak(
  api: APIRequestContext,
  unorId: number,
): Promise<{ periode: string; jumlah: number }> {
  let terbanyak = { periode: '', jumlah: -1 };
  const d = new Date();
  for (let i = 0; i < 6; i++) {
    d.setDate(1);
    d.setMonth(d.getMonth() - 1);
    const kode = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    const k = (await (await api.get(`/api/kurva/unor/${unorId}?periode=${kode}`)).json()) as {
      distribusi: Record<string, number>;
    };
    const n = Object.values(k.distribusi).reduce((a, b) => a + b, 0);
    if (n > terbanyak.jumlah) terbanyak = { periode: kode, jumlah: n };
  }
  return terbanyak;
}
