/** Sends the SIASN outbox in this process every few minutes; the advisory lock lets one instance claim at a time. */
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { SiasnService } from './siasn.service.js';

/** Every five minutes: the first wait after a busy answer is one minute, so retries are not late by much. */
const POLA = '*/5 * * * *';

export function jadwalkanSiasn(siasn: Pick<SiasnService, 'jalankan'>, log: FastifyBaseLogger) {
  const job = new Cron(POLA, { name: 'kirim-siasn', protect: true }, async () => {
    try {
      const hasil = await siasn.jalankan();
      if (hasil.diproses > 0) log.info(hasil, 'kiriman SIASN diproses');
    } catch (err) {
      log.error({ err }, 'pengiriman SIASN gagal');
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
