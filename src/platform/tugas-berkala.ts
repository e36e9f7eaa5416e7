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
  tugas: {
    jalankan: () => Promise<void>;
    gagal: string;
    /**
     * For jobs that must run once per scheduled time however many instances schedule them: claims
     * the slot (the scheduled instant, the same on every instance); a run whose claim fails skips.
     */
    klaimSlot?: (nama: string, slot: Date) => Promise<boolean>;
  },
): TugasBerkala {
  const job = new Cron(pola, { protect: true }, async (self) => {
    try {
      // croner's currentRun is when this run started; the slot is the schedule's instant at or before it.
      const mulai = self.currentRun() ?? new Date();
      const slot = self.previousRuns(1, new Date(mulai.getTime() + 1))[0] ?? mulai;
      if (tugas.klaimSlot && !(await tugas.klaimSlot(nama, slot))) return;
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
