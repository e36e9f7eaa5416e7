/** On PostgreSQL, every minute: fail the running jobs whose process stopped writing (another instance died). */
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { PekerjaanService } from './pekerjaan.service.js';

export function jadwalkanPenyapuPekerjaan(
  pekerjaan: Pick<PekerjaanService, 'gagalkanTerputus'>,
  log: FastifyBaseLogger,
) {
  const job = new Cron('* * * * *', { name: 'penyapu-pekerjaan', protect: true }, async () => {
    try {
      const n = await pekerjaan.gagalkanTerputus({ semua: false });
      if (n > 0) log.warn({ terputus: n }, 'pekerjaan tanpa kabar ditandai gagal');
    } catch (err) {
      log.error({ err }, 'penyapu pekerjaan gagal');
    }
  });
  return {
    async stop() {
      job.stop();
      while (job.isBusy()) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
