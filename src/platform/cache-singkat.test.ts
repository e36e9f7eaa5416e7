import { describe, expect, it } from 'vitest';
import { createCacheSingkat } from './cache-singkat.js';

function jam() {
  let t = 0;
  return { now: () => t, maju: (ms: number) => (t += ms) };
}

describe('createCacheSingkat', () => {
  it('keeps a value for its lifetime, then loads again', async () => {
    const j = jam();
    const cache = createCacheSingkat<number>({ ttlMs: 1000, maks: 10, now: j.now });
    let n = 0;
    const muat = async () => ++n;
    expect(await cache.ambil('a', muat)).toBe(1);
    j.maju(999);
    expect(await cache.ambil('a', muat)).toBe(1);
    j.maju(1);
    expect(await cache.ambil('a', muat)).toBe(2);
  });

  it('forgets everything on kosongkan()', async () => {
    const cache = createCacheSingkat<number>({ ttlMs: 1000, maks: 10, now: jam().now });
    let n = 0;
    await cache.ambil('a', async () => ++n);
    cache.kosongkan();
    expect(await cache.ambil('a', async () => ++n)).toBe(2);
  });

  it('does not keep a value whose load overlapped a kosongkan()', async () => {
    const cache = createCacheSingkat<string>({ ttlMs: 1000, maks: 10, now: jam().now });
    let lepas!: () => void;
    const lama = cache.ambil('a', () => new Promise<string>((r) => (lepas = () => r('lama'))));
    cache.kosongkan();
    lepas();
    expect(await lama).toBe('lama');
    expect(await cache.ambil('a', async () => 'baru')).toBe('baru');
  });

  it('forgets only what lupakanJika() picks, and a load that overlapped it', async () => {
    const cache = createCacheSingkat<{ pegawai: number; n: number }>({
      ttlMs: 1000,
      maks: 10,
      now: jam().now,
    });
    await cache.ambil('s1', async () => ({ pegawai: 1, n: 1 }));
    await cache.ambil('s2', async () => ({ pegawai: 2, n: 1 }));
    let lepas!: () => void;
    const lama = cache.ambil('s3', () => new Promise((r) => (lepas = () => r({ pegawai: 3, n: 1 }))));
    cache.lupakanJika((_, v) => v.pegawai === 1);
    lepas();
    await lama;
    expect((await cache.ambil('s1', async () => ({ pegawai: 1, n: 2 }))).n).toBe(2);
    expect((await cache.ambil('s2', async () => ({ pegawai: 2, n: 2 }))).n).toBe(1);
    expect((await cache.ambil('s3', async () => ({ pegawai: 3, n: 2 }))).n).toBe(2);
  });

  it('loads again a cached value that berlaku rejects, and ganti() replaces a cached value', async () => {
    const cache = createCacheSingkat<number>({ ttlMs: 1000, maks: 10, now: jam().now });
    await cache.ambil('a', async () => 1);
    cache.ganti('a', 5);
    cache.ganti('b', 7);
    expect(await cache.ambil('a', async () => 2)).toBe(5);
    expect(await cache.ambil('b', async () => 3)).toBe(3);
    expect(
      await cache.ambil(
        'a',
        async () => 9,
        (v) => v < 5,
      ),
    ).toBe(9);
  });

  it('keeps nothing with a zero lifetime, and at most maks entries', async () => {
    const mati = createCacheSingkat<number>({ ttlMs: 0, maks: 10, now: jam().now });
    let n = 0;
    await mati.ambil('a', async () => ++n);
    expect(await mati.ambil('a', async () => ++n)).toBe(2);
    const kecil = createCacheSingkat<string>({ ttlMs: 1000, maks: 2, now: jam().now });
    for (const k of ['a', 'b', 'c']) await kecil.ambil(k, async () => k);
    expect(await kecil.ambil('a', async () => 'lagi')).toBe('lagi');
    expect(await kecil.ambil('c', async () => 'lagi')).toBe('c');
  });
});
