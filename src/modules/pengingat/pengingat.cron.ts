/** Runs the reminder job in this process, hourly; the advisory lock keeps other instances out. */
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { PengingatService } from './pengingat.service.js';

/** Minute 7 of every hour: reminders go out within the hour a window enters its last days. */
const POLA = '7 * * * *';

export function jadwalkanPengingat(pengingat: Pick<PengingatService, 'jalankan'>, log: FastifyBaseLogger) {
  const job = new Cron(POLA, { name: 'pengingat-tenggat', protect: true }, async () => {
    try {
      const hasil = await pengingat.jalankan();
      if (hasil.dikirim) log.info(hasil, 'pengingat tenggat dikirim');
    } catch (err) {
      log.error({ err }, 'pengingat tenggat gagal');
    }
  });
  return {
    /** No further runs; resolves once a run in progress has finished (before the database closes). */
    async stop() {
      job.stop();
      while (job.isBusy()) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
