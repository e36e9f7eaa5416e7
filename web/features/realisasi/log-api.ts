/** Calls of the daily log and of the spreadsheet entry of realisasi. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { HEADER_IDEMPOTEN } from '../../../src/contracts/idempoten';
import type { LogHarianOut, TambahLogBody, UbahLogBody } from '../../../src/contracts/log-harian';
import { formatYearMonth, type Periode, periodeOf } from '../../../src/domain/jadwal';
import { api, put } from '../../lib/api';

export type { LogHarianOut };
export type LogEntri = LogHarianOut['entri'][number];

/** Under the realisasi keys, so every realisasi write refreshes the log too. */
export const logKey = (realisasiId: number) => ['realisasi', 'log', realisasiId] as const;

export const logHarianQuery = (realisasiId: number) =>
  queryOptions({
    queryKey: logKey(realisasiId),
    queryFn: () => api<LogHarianOut>(`/api/realisasi/${realisasiId}/log`),
  });

/** With the entry's idempotency key: sent again after a lost answer, it is not added twice. */
export const tambahLog = (
  rhkId: number,
  periode: string,
  body: z.input<typeof TambahLogBody>,
  kunci: string,
) =>
  api<LogHarianOut>(`/api/realisasi/${rhkId}/${encodeURIComponent(periode)}/log`, {
    method: 'POST',
    body,
    headers: { [HEADER_IDEMPOTEN]: kunci },
  });

export const ubahLog = (realisasiId: number, logId: number, body: z.input<typeof UbahLogBody>) =>
  put<LogHarianOut>(`/api/realisasi/${realisasiId}/log/${logId}`, body);

export const hapusLog = (realisasiId: number, logId: number, version: number) =>
  api<LogHarianOut>(`/api/realisasi/${realisasiId}/log/${logId}?version=${version}`, { method: 'DELETE' });

export const templatUrl = (periode: string) =>
  `/api/realisasi/templat?periode=${encodeURIComponent(periode)}`;

export const imporUrl = (periode: string) => `/api/realisasi/impor?periode=${encodeURIComponent(periode)}`;

/** The period a code names ('2026-07', '2026-Q3', '2026-S2'), to check dates before sending. */
export function periodeDariKode(kode: string): Periode {
  const m = /^(\d{4})-([QS])([1-4])$/.exec(kode);
  if (!m) return periodeOf(kode, { periode: 'BULANAN' });
  const triwulan = m[2] === 'Q';
  return periodeOf(formatYearMonth(Number(m[1]), Number(m[3]) * (triwulan ? 3 : 6)), {
    periode: triwulan ? 'TRIWULANAN' : 'SEMESTERAN',
  });
}

/** The first and last calendar day of a period, 'YYYY-MM-DD', for the date picker's bounds. */
export function rentangTanggal(p: Periode): { min: string; max: string } {
  const [tahun, bulan] = p.akhir.split('-').map(Number) as [number, number];
  const hari = new Date(Date.UTC(tahun, bulan, 0)).getUTCDate();
  return { min: `${p.mulai}-01`, max: `${p.akhir}-${String(hari).padStart(2, '0')}` };
}
