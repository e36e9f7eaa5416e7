/**
 * A periodic job scheduled on several instances runs once per scheduled time (issue 17: "the
 * scheduler still runs once"): each instance claims the slot first, and the second claim skips.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { jadwalkanTugas } from '../../platform/tugas-berkala.js';
import { createTugasService } from './tugas.service.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const diam = { error: () => {} };

describe('once per scheduled time across instances', () => {
  it('the first claim of a slot wins; a later slot is claimed again; the history names the node', async () => {
    const a = createTugasService({ db: h.db, clock: h.clock, node: 'node-a' });
    const b = createTugasService({ db: h.db, clock: h.clock, node: 'node-b' });
    const slot = new Date('2026-03-03T02:07:00Z');
    const [klaimA, klaimB] = await Promise.all([a.klaim('uji-klaim', slot), b.klaim('uji-klaim', slot)]);
    expect([klaimA, klaimB].filter(Boolean)).toHaveLength(1);
    expect(await b.klaim('uji-klaim', new Date('2026-03-03T03:07:00Z'))).toBe(true);
    expect(await b.riwayat('uji-klaim')).toEqual([
      { slot: expect.stringContaining('2026-03-03 03:07:00'), node: 'node-b' },
      { slot: expect.stringContaining('2026-03-03 02:07:00'), node: klaimA ? 'node-a' : 'node-b' },
    ]);
  });

  it('two schedulers of one job on every second: each second runs on one of them only', async () => {
    const jalan: { node: string; slot: string }[] = [];
    const jadwal = ['node-a', 'node-b'].map((node) => {
      const tugas = createTugasService({ db: h.db, clock: h.clock, node });
      let slotIni = '';
      return jadwalkanTugas('* * * * * *', 'uji-tiap-detik', diam, {
        klaimSlot: async (nama, slot) => {
          slotIni = slot.toISOString();
          return tugas.klaim(nama, slot);
        },
        jalankan: async () => {
          jalan.push({ node, slot: slotIni });
        },
        gagal: 'uji gagal',
      });
    });
    while (jalan.length < 4) await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all(jadwal.map((j) => j.stop()));
    const slots = jalan.map((j) => j.slot);
    expect(new Set(slots).size).toBe(slots.length);
    // Every slot is a whole second: the scheduled instant, not when the callback happened to start.
    for (const s of slots) expect(s).toMatch(/:\d\d\.000Z$/);
    const tercatat = await createTugasService({ db: h.db, clock: h.clock }).riwayat('uji-tiap-detik');
    expect(tercatat.length).toBeGreaterThanOrEqual(slots.length);
  });
});
