/** Runs the reminder job in this process, hourly; the advisory lock keeps other instances out. */
import type { FastifyBaseLogger } from 'fastify';
import { jadwalkanTugas } from '../../platform/tugas-berkala.js';
import type { PengingatService } from './pengingat.service.js';

/** Minute 7 of every hour: reminders go out within the hour a window enters its last days. */
const POLA = '7 * * * *';

export function jadwalkanPengingat(pengingat: Pick<PengingatService, 'jalankan'>, log: FastifyBaseLogger) {
  return jadwalkanTugas(POLA, 'pengingat-tenggat', log, {
    jalankan: async () => {
      const hasil = await pengingat.jalankan();
      if (hasil.dikirim) log.info(hasil, 'pengingat tenggat dikirim');
    },
    gagal: 'pengingat tenggat gagal',
  });
}
