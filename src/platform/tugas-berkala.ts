/** A job run in this process on a croner pattern: one run at a time, failures logged, a stop that waits. */
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';

export interface TugasBerkala {
  /** No further runs; resolves once a run in progress has finished (before the database closes). */
  stop(): Promise<void>;
}

export function jadwalkanTugas(
  pola: string,
  nama: string,
  log: Pick<FastifyBaseLogger, 'error'>,
  /** One run; `gagal` is the log message when it throws. */
  tugas: { jalankan: () => Promise<void>; gagal: string },
): TugasBerkala {
  const job = new Cron(pola, { name: nama, protect: true }, async () => {
    try {
      await tugas.jalankan();
    } catch (err) {
      log.error({ err }, tugas.gagal);
    }
  });
  return {
    async stop() {
      job.stop();
      while (job.isBusy()) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
