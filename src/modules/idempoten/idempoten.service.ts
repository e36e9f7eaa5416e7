/**
 * Idempotent writes (ADR 0010). A client that may lose the answer (a phone on a poor connection, the
 * offline outbox) sends a UUID in `Idempotency-Key`; the first request with that key claims it inside
 * its own write transaction and stores its answer afterwards, so a replay returns the same status and
 * body and writes nothing, and two concurrent requests with one key write once. The same key with a
 * different request is refused. Without the header a write works as before.
 */
import { createHash } from 'node:crypto';
import { KunciIdempoten } from '../../contracts/idempoten.js';
import type { Db, Tx } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import * as q from './idempoten.queries.js';

/** Days a key is kept: longer than a phone plausibly waits to retry a write whose answer it lost. */
export const KUNCI_IDEMPOTEN_HARI = 30;

/** Called first inside the write's transaction; throws when the key was taken meanwhile. */
export type Klaim = (tx: Tx) => Promise<void>;

export interface Permintaan {
  actor: Actor;
  /** The raw header value (absent: no idempotency). */
  kunci: string | string[] | undefined;
  /** Method and route pattern: a key belongs to one route. */
  rute: string;
  /** Parameters and body; `version` is left out of the fingerprint (see `sidikDari`). */
  isi: unknown;
  /** The status of a first, successful answer. */
  status: number;
}

class KunciTerpakai extends Error {}

/** JSON with sorted keys, so the fingerprint does not depend on property order. */
function kanonik(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(kanonik);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'version')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, kanonik(x)]),
    );
  return v;
}

/**
 * The request's fingerprint. `version` (the optimistic lock) is not part of it: a client retrying
 * after a lost answer may have re-read a newer version, and the write it asks for already happened.
 */
export function sidikDari(rute: string, isi: unknown) {
  return createHash('sha256')
    .update(JSON.stringify([rute, kanonik(isi)]))
    .digest('hex');
}

export function parseKunci(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const parsed = KunciIdempoten.safeParse(Array.isArray(header) ? '' : header.trim());
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', { field: 'Idempotency-Key' }, parsed.error.issues[0]!.message);
  return parsed.data.toLowerCase();
}

export function createIdempotenService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** What an earlier request with this key answered, or the refusal when this one differs. */
  function jawabanTersimpan(ada: NonNullable<Awaited<ReturnType<typeof q.findKunci>>>, sidik: string) {
    if (ada.sidik !== sidik) throw new AppError('IDEMPOTENSI_TIDAK_COCOK');
    // The write committed but its answer is not stored yet (in flight, or the process stopped between).
    if (ada.status === null) throw new AppError('IDEMPOTENSI_DIPROSES');
    return { status: ada.status, body: ada.respons, ulangan: true };
  }

  return {
    /**
     * Runs `tulis` once per (employee, key). `tulis` receives the claim to call first inside its
     * transaction (undefined without a key) and returns the answer's body.
     */
    async sekali<T>(
      p: Permintaan,
      tulis: (klaim: Klaim | undefined) => Promise<T>,
    ): Promise<{ status: number; body: T; ulangan: boolean }> {
      const kunci = parseKunci(p.kunci);
      if (kunci === null) return { status: p.status, body: await tulis(undefined), ulangan: false };
      const sidik = sidikDari(p.rute, p.isi);
      const pegawaiId = p.actor.id;
      const ada = await q.findKunci(db, pegawaiId, kunci);
      if (ada) return jawabanTersimpan(ada, sidik) as { status: number; body: T; ulangan: boolean };
      let body: T;
      try {
        body = await tulis(async (tx) => {
          const baru = await q.klaim(tx, {
            instansiId: p.actor.instansiId,
            pegawaiId,
            kunci,
            rute: p.rute,
            sidik,
            createdAt: clock.now(),
          });
          if (!baru) throw new KunciTerpakai();
        });
      } catch (err) {
        if (!(err instanceof KunciTerpakai)) throw err;
        // A concurrent request with the same key committed first; this one rolled back.
        const pemenang = await q.findKunci(db, pegawaiId, kunci);
        if (!pemenang) throw new AppError('IDEMPOTENSI_DIPROSES');
        return jawabanTersimpan(pemenang, sidik) as { status: number; body: T; ulangan: boolean };
      }
      await q.simpanRespons(db, pegawaiId, kunci, p.status, body);
      return { status: p.status, body, ulangan: false };
    },

    /** Drops keys older than KUNCI_IDEMPOTEN_HARI days (the hourly job); returns how many. */
    bersihkan: () => q.hapusSebelum(db, new Date(clock.now().getTime() - KUNCI_IDEMPOTEN_HARI * 86_400_000)),
  };
}

export type IdempotenService = ReturnType<typeof createIdempotenService>;
