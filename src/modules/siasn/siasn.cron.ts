/** Sends the SIASN outbox in this process every few minutes; the advisory lock lets one instance claim at a time. */
import type { FastifyBaseLogger } from 'fastify';
import { jadwalkanTugas } from '../../platform/tugas-berkala.js';
import type { SiasnService } from './siasn.service.js';

/** Every five minutes: the first wait after a busy answer is one minute, so retries are not late by much. */
const POLA = '*/5 * * * *';

export function jadwalkanSiasn(siasn: Pick<SiasnService, 'jalankan'>, log: FastifyBaseLogger) {
  return jadwalkanTugas(POLA, 'kirim-siasn', log, {
    jalankan: async () => {
      const hasil = await siasn.jalankan();
      if (hasil.diproses > 0) log.info(hasil, 'kiriman SIASN diproses');
    },
    gagal: 'pengiriman SIASN gagal',
  });
}
