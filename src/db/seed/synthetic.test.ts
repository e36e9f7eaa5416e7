import { describe, expect, it } from 'vitest';
import { syntheticPlan } from './synthetic.js';

describe('synthetic instansi', () => {
  it('several on one installation share no instansi code and no NIP', () => {
    const plans = [1, 2, 3].map((nomor) => syntheticPlan(3000, { nomor, dari: 3 }));
    expect(new Set(plans.map((p) => p.instansi.kode)).size).toBe(3);
    const nips = plans.flatMap((p) => p.pegawai.map((g) => g.nip));
    expect(nips).toHaveLength(9000);
    expect(new Set(nips).size).toBe(9000);
  });
});
