import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const full = () => new Error('penuh');

describe('createLimiter', () => {
  it('runs up to the ceiling, queues up to the queue, refuses the rest at once', async () => {
    const limiter = createLimiter({ concurrency: 2, queue: 1, whenFull: full });
    const started: number[] = [];
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g, i) =>
      limiter.run(async () => {
        started.push(i);
        await g.opened;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    await expect(limiter.run(async () => 'late')).rejects.toThrow('penuh');
    gates[0]!.open();
    expect(await runs[0]).toBe(0);
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    // The queue has room again while two still run.
    const queued = limiter.run(async () => 'queued');
    gates[1]!.open();
    gates[2]!.open();
    expect(await Promise.all([runs[1], runs[2], queued])).toEqual([1, 2, 'queued']);
  });

  it('frees the turn when a task fails', async () => {
    const limiter = createLimiter({ concurrency: 1, queue: 0, whenFull: full });
    await expect(limiter.run(async () => Promise.reject(new Error('gagal')))).rejects.toThrow('gagal');
    expect(await limiter.run(async () => 'ok')).toBe('ok');
  });

  it('with no queue, refuses while the only turn is taken', async () => {
    const limiter = createLimiter({ concurrency: 1, queue: 0, whenFull: full });
    const g = gate();
    const first = limiter.run(() => g.opened);
    await expect(limiter.run(async () => 'second')).rejects.toThrow('penuh');
    g.open();
    await first;
    expect(await limiter.run(async () => 'third')).toBe('third');
  });
});
