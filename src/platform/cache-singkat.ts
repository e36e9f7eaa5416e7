/**
 * A short-lived in-process cache (ADR 0021): an entry lives `ttlMs`, `kosongkan()` forgets
 * everything and `lupakanJika()` the entries it picks. A value loaded while either happened is not
 * kept, so a read that started before a write committed cannot store what the write changed. At
 * most `maks` entries: the oldest goes first.
 */
export interface CacheSingkat<V> {
  /**
   * The cached value of `key`, or `muat()`'s (kept for ttlMs unless the cache was emptied meanwhile).
   * A cached value that `berlaku` rejects is loaded again.
   */
  ambil(key: string, muat: () => Promise<V>, berlaku?: (value: V) => boolean): Promise<V>;
  kosongkan(): void;
  lupakanJika(pilih: (key: string, value: V) => boolean): void;
  /** Replaces a cached entry's value (its lifetime unchanged); nothing when it is not cached. */
  ganti(key: string, value: V): void;
}

export function createCacheSingkat<V>(options: {
  ttlMs: number;
  maks: number;
  now?: () => number;
  /** Whether a loaded value is kept at all (e.g. not "no such session"); all are by default. */
  simpan?: (value: V) => boolean;
}): CacheSingkat<V> {
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { value: V; until: number }>();
  let epoch = 0;
  return {
    async ambil(key, muat, berlaku) {
      const found = entries.get(key);
      if (found && found.until > now() && (!berlaku || berlaku(found.value))) return found.value;
      if (found) entries.delete(key);
      const started = epoch;
      const value = await muat();
      if (options.ttlMs > 0 && started === epoch && (options.simpan?.(value) ?? true)) {
        if (entries.size >= options.maks) entries.delete(entries.keys().next().value as string);
        entries.set(key, { value, until: now() + options.ttlMs });
      }
      return value;
    },
    kosongkan() {
      epoch++;
      entries.clear();
    },
    lupakanJika(pilih) {
      epoch++;
      for (const [key, e] of entries) if (pilih(key, e.value)) entries.delete(key);
    },
    ganti(key, value) {
      const found = entries.get(key);
      if (found) found.value = value;
    },
  };
}
