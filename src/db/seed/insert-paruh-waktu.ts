/**
 * The demo's PPPK paruh waktu (SPEC §12): the seeded monthly cycle covers only its last few months,
 * so the latest quarter already over usually lacks its first month(s). Those come as the national
 * application's results would (sumber IMPOR_NASIONAL, ADR 0015: rated Baik, the plan's assessor) for
 * every paruh waktu employee but the last by name, who keeps the gap: the quarterly report shows both
 * a complete quarter and a "belum dinilai" month.
 */
import { sql } from 'drizzle-orm';
import { formatYearMonth, parseYearMonth, prevYearMonth } from '../../domain/jadwal.js';
import { dateInZone } from '../../platform/clock.js';
import { type DbOrTx, rows } from '../client.js';

/** The months of the latest quarter whose last month is before `lalu` (the month still in progress). */
export function bulanTriwulanSelesai(lalu: string): string[] {
  const { tahun, bulan } = parseYearMonth(prevYearMonth(lalu));
  const ke = Math.floor(bulan / 3);
  const [t, akhir] = ke === 0 ? [tahun - 1, 12] : [tahun, ke * 3];
  return [akhir - 2, akhir - 1, akhir].map((b) => formatYearMonth(t, b));
}

export async function insertParuhWaktu(
  tx: DbOrTx,
  { instansiId, now, zonaWaktu }: { instansiId: number; now: Date; zonaWaktu: string },
): Promise<{ periodik: number }> {
  const lalu = prevYearMonth(dateInZone(now, zonaWaktu).slice(0, 7));
  const bulan = bulanTriwulanSelesai(lalu);
  const tahun = parseYearMonth(bulan[0]!).tahun;
  // Recorded on the first of the month before the current one: after the quarter, before `now`.
  const at = new Date(`${lalu}-01T00:00:00Z`);
  const found = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku,
                                        predikat, penilai_id, sumber, at)
        SELECT s.instansi_id, s.id, m.kode, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', s.pejabat_penilai_id,
               'IMPOR_NASIONAL', ${at}
          FROM (SELECT id FROM (SELECT id, row_number() OVER (ORDER BY nama DESC, id DESC) AS dari_akhir
                                  FROM pegawai WHERE instansi_id = ${instansiId} AND jenis_asn = 'PPPK_PW' AND is_active) x
                 WHERE dari_akhir > 1) p
         CROSS JOIN unnest(${`{${bulan.join(',')}}`}::text[]) AS m(kode)
          JOIN LATERAL (SELECT s.id, s.instansi_id, s.pejabat_penilai_id FROM skp s
                         WHERE s.pegawai_id = p.id AND s.tahun = ${tahun} AND s.status = 'DISETUJUI'
                           AND s.pejabat_penilai_id IS NOT NULL
                           AND s.periode_mulai <= (to_date(m.kode, 'YYYY-MM') + interval '1 month - 1 day')::date
                           AND s.periode_akhir >= to_date(m.kode, 'YYYY-MM')
                         ORDER BY s.id DESC LIMIT 1) s ON true
         WHERE NOT EXISTS (SELECT 1 FROM penilaian_periodik pp JOIN skp k ON k.id = pp.skp_id
                            WHERE k.pegawai_id = p.id AND pp.periode_kode = m.kode)
        RETURNING id`,
  );
  return { periodik: found.length };
}
