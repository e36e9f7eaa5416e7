/**
 * Runs the reminder job in this process, hourly by default. Every instance schedules it; the slot
 * claim (modules/tugas) lets one run per scheduled time and the advisory lock keeps runs apart.
 */
import type { FastifyBaseLogger } from 'fastify';
import { jadwalkanTugas } from '../../platform/tugas-berkala.js';
import type { TugasService } from '../tugas/tugas.service.js';
import type { PengingatService } from './pengingat.service.js';

export function jadwalkanPengingat(
  pengingat: Pick<PengingatService, 'jalankan'>,
  tugas: Pick<TugasService, 'klaim'>,
  log: FastifyBaseLogger,
  /** PENGINGAT_POLA: minute 7 of every hour, so reminders go out within the hour a window enters its last days. */
  pola: string,
) {
  return jadwalkanTugas(pola, 'pengingat-tenggat', log, {
    jalankan: async () => {
      const hasil = await pengingat.jalankan();
      if (hasil.dikirim) log.info(hasil, 'pengingat tenggat dikirim');
    },
    gagal: 'pengingat tenggat gagal',
    klaimSlot: (nama, slot) => tugas.klaim(nama, slot),
  });
}
