/**
 * The chaining step of the audit log (ADR 0019). Writers append rows without hashes and take no lock;
 * this step, after they commit, gives each row of an instansi its place in the chain and its hashes,
 * in batches, one chainer per instansi at a time (an advisory lock only chainers take). A row's place
 * follows the order rows became visible to the chainer, so a transaction that commits late is simply
 * chained later; the chain and its checkpoints are ordered by place, never by id.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { chainHead, instansiUnchained, lockChain, setChained, unchainedPage } from './audit.queries.js';
import { chainHash, GENESIS_HASH, storedContent } from './audit-chain.js';

const BATCH = 2000;

/** Chains every waiting row of one instansi; returns how many it chained. */
async function chainInstansi(db: Db, instansiId: number): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await lockChain(tx, instansiId);
      const page = await unchainedPage(tx, instansiId, BATCH);
      if (page.length === 0) return 0;
      const head = await chainHead(tx, instansiId);
      let urutan = head?.urutan ?? 0;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const links = page.map((r) => {
        const hash = chainHash(prevHash, storedContent(r));
        const link = { id: r.id, tahun: r.tahun, urutan: ++urutan, prevHash, hash };
        prevHash = hash;
        return link;
      });
      await setChained(tx, links);
      return links.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/** Chains the waiting rows of every instansi; returns how many it chained. */
export async function rantaiAudit(db: Db): Promise<number> {
  let total = 0;
  for (const instansiId of await instansiUnchained(db)) total += await chainInstansi(db, instansiId);
  return total;
}

/** How soon after a write the chaining runs: writes of one request or burst share one run. */
const TUNDA_MS = 50;

/**
 * Runs the chaining step shortly after audited writes in this process (`bangunkan`), one run at a
 * time; a write committed after a run started is taken by the next wake or the periodic sweep.
 */
export function createPenautAudit(db: Db, log: Pick<FastifyBaseLogger, 'error'>) {
  let timer: NodeJS.Timeout | null = null;
  let berjalan: Promise<void> | null = null;
  let lagi = false;
  let berhenti = false;

  async function jalan() {
    try {
      await rantaiAudit(db);
    } catch (err) {
      if (!berhenti) log.error({ err }, 'perantaian log audit gagal');
    }
  }

  function mulai() {
    timer = null;
    if (berhenti) return;
    if (berjalan) {
      lagi = true;
      return;
    }
    berjalan = jalan().finally(() => {
      berjalan = null;
      if (lagi && !berhenti) {
        lagi = false;
        bangunkan();
      }
    });
  }

  function bangunkan() {
    if (berhenti || timer) return;
    timer = setTimeout(mulai, TUNDA_MS);
    timer.unref();
  }

  return {
    bangunkan,
    /** Chains now and waits for it (the periodic sweep, the checkpoint, tests). */
    async rantai() {
      if (berjalan) await berjalan;
      return rantaiAudit(db);
    },
    /** No further runs; resolves once a run in progress has finished (before the database closes). */
    async hentikan() {
      berhenti = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (berjalan) await berjalan;
    },
  };
}

export type PenautAudit = ReturnType<typeof createPenautAudit>;
