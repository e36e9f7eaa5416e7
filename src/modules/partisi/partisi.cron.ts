/** Every night: next year's partitions of the history tables, long before its first row (ADR 0025). */
import type { FastifyBaseLogger } from 'fastify';
import { jadwalkanTugas } from '../../platform/tugas-berkala.js';
import type { PartisiService } from './partisi.service.js';

export function jadwalkanPartisi(partisi: PartisiService, log: FastifyBaseLogger) {
  return jadwalkanTugas('23 1 * * *', 'partisi-tahunan', log, {
    jalankan: async () => {
      const dibuat = await partisi.siapkan();
      if (dibuat.length) log.info({ dibuat }, 'partisi tahunan dibuat');
    },
    gagal: 'pembuatan partisi tahunan gagal',
  });
}
