/**
 * The caller's schedule (GET /api/jadwal): the instansi's zone for dates and times, the server's
 * clock for countdowns (not the browser's), and the period to open by default.
 */
import { useQuery } from '@tanstack/react-query';
import { jadwalQuery } from './api';

export function useJadwal() {
  const query = useQuery(jadwalQuery);
  const data = query.data;
  return {
    query,
    zona: data ? { zonaWaktu: data.zonaWaktu, singkatan: data.zona } : null,
    /** The server's now, moved on by the time since it answered. */
    sekarang: () => (data ? Date.parse(data.sekarang) + (Date.now() - query.dataUpdatedAt) : Date.now()),
    /** The period whose window is open now, else the previous one (the last that ended). */
    periodeAwal: data ? (data.jendelaAktif?.periodeKode ?? data.jadwal[0]!.kode) : null,
    /** A month of the running period, for the period picker. */
    bulanBerjalan: data?.periodeBerjalan.akhir ?? null,
    jenisPeriode: data?.periode ?? 'BULANAN',
  };
}
