/**
 * A short-lived in-process cache (ADR 0021): an entry lives `ttlMs`, and `kosongkan()` forgets
 * everything. A value loaded while a `kosongkan()` happened is not kept, so a read that started
 * before a write committed cannot store what the write changed. At most `maks` entries: the
 * oldest goes first.
 */
export interface CacheSingkat<V> {
  /** The cached value of `key`, or `muat()`'s (kept for ttlMs unless the cache was emptied meanwhile). */
  ambil(key: string, muat: () => Promise<V>): Promise<V>;
  kosongkan(): void;
}

export function createCacheSingkat<V>(options: {
  ttlMs: number;
  maks: number;
  now?: () => number;
}): CacheSingkat<V> {
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { value: V; until: number }>();
  let epoch = 0;
  return {
    async ambil(key, muat) {
      const found = entries.get(key);
      if (found && found.until > now()) return found.value;
      if (found) entries.delete(key);
      const started = epoch;
      const value = await muat();
      if (options.ttlMs > 0 && started === epoch) {
        if (entries.size >= options.maks) entries.delete(entries.keys().next().value as string);
        entries.set(key, { value, until: now() + options.ttlMs });
      }
      return value;
    },
    kosongkan() {
      epoch++;
      entries.clear();
    },
  };
}
