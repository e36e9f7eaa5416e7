/**
 * The periodic sweep of the audit chaining step: rows whose transaction committed after the wake-up
 * that followed them, or written by another instance or a command, are chained within seconds.
 */
import type { FastifyBaseLogger } from 'fastify';
import { jadwalkanTugas } from '../../platform/tugas-berkala.js';
import type { PenautAudit } from './audit-rantai.js';

export function jadwalkanPerantaianAudit(penaut: Pick<PenautAudit, 'rantai'>, log: FastifyBaseLogger) {
  return jadwalkanTugas('*/10 * * * * *', 'rantai-audit', log, {
    jalankan: async () => {
      await penaut.rantai();
    },
    gagal: 'perantaian log audit gagal',
  });
}
