/** On PostgreSQL, every minute: fail the running jobs whose process stopped writing (another instance died). */
import type { FastifyBaseLogger } from 'fastify';
import { jadwalkanTugas } from '../../platform/tugas-berkala.js';
import type { PekerjaanService } from './pekerjaan.service.js';

export function jadwalkanPenyapuPekerjaan(
  pekerjaan: Pick<PekerjaanService, 'gagalkanTerputus'>,
  log: FastifyBaseLogger,
) {
  return jadwalkanTugas('* * * * *', 'penyapu-pekerjaan', log, {
    jalankan: async () => {
      const n = await pekerjaan.gagalkanTerputus({ semua: false });
      if (n > 0) log.warn({ terputus: n }, 'pekerjaan tanpa kabar ditandai gagal');
    },
    gagal: 'penyapu pekerjaan gagal',
  });
}
