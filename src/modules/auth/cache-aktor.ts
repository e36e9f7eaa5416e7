/**
 * The actor behind each session, kept a short while per node (ADR 0032) so that a read does not
 * ask the database who is calling. Kept only while the node hears channel `aktor_berubah`, which
 * the database's triggers fill with the employees whose session, account or roles changed: those
 * are forgotten on every node. Not hearing it (connection lost, not yet open) means no cache.
 */
import type { BerhentiDengar, Pendengar } from '../../db/client.js';
import { createCacheSingkat } from '../../platform/cache-singkat.js';
import type { Actor } from './actor.js';

export const KANAL_AKTOR = 'aktor_berubah';

export type AktorSesi = Actor & {
  csrfToken: string;
  expiresAt: Date | string;
  berakhirMutlakAt: Date | string;
};

export function createCacheAktor(options: {
  ttlMs: number;
  dengar: (kanal: string, p: Pendengar) => BerhentiDengar;
}) {
  const cache = createCacheSingkat<AktorSesi | null>({
    ttlMs: options.ttlMs,
    maks: 20_000,
    simpan: (aktor) => aktor !== null,
  });
  let mendengar = false;
  let diberitahu = 0;
  const berhenti =
    options.ttlMs > 0
      ? options.dengar(KANAL_AKTOR, {
          pesan(isi) {
            diberitahu++;
            if (isi === '*') return cache.kosongkan();
            const ids = new Set(isi.split(',').map(Number));
            cache.lupakanJika((_, aktor) => aktor !== null && ids.has(aktor.id));
          },
          keadaan(m) {
            // Whatever changed while nobody listened is unknown: start empty either way.
            cache.kosongkan();
            mendengar = m;
          },
        })
      : async () => {};
  return {
    /** The cached actor of session `id` while it is still valid at `nowMs`, else `muat()`'s. */
    ambil(id: string, nowMs: number, muat: () => Promise<AktorSesi | null>) {
      if (!mendengar) return muat();
      return cache.ambil(id, muat, (a) => a !== null && new Date(a.expiresAt).getTime() > nowMs);
    },
    /** The session's idle end moved (its renewal tells no other node: theirs reload on expiry). */
    perpanjang(id: string, aktor: AktorSesi) {
      cache.ganti(id, aktor);
    },
    lupakanSesi(id: string) {
      cache.lupakanJika((key) => key === id);
    },
    kosongkan: () => cache.kosongkan(),
    /** Notifications applied so far (tests wait for another node's change to arrive). */
    get diberitahu() {
      return diberitahu;
    },
    get mendengar() {
      return mendengar;
    },
    berhenti,
  };
}

export type CacheAktor = ReturnType<typeof createCacheAktor>;
