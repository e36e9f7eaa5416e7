/**
 * The demo's mid-year cases (SPEC §4.1), written as the app would have left them, after the year's
 * plans exist: a head of a position takes early retirement and an official of another unit acts for
 * it (Plt); a functional employee is moved to another unit, closing the old plan the day before the
 * TMT and starting an approved one for the new position at the TMT. A few statements each.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../client.js';

const HARI = 86_400_000;

const sehariSebelum = (tanggal: string) =>
  new Date(Date.parse(`${tanggal}T00:00:00Z`) - HARI).toISOString().slice(0, 10);

/** An instant in office hours `hari` days after a date, never after `now`. */
function pada(tanggal: string, hari: number, now: Date) {
  const t = Date.parse(`${tanggal}T01:30:00Z`) + hari * HARI;
  return new Date(Math.min(t, now.getTime() - 60_000)).toISOString();
}

export interface PltSeed {
  /** The definitive holder who retires the day before `tmt`; the plan for the position ends then. */
  pensiunId: number;
  pltId: number;
  jabatanId: number;
  tmt: string;
  tahun: number;
  /** The BKD admin who recorded it. */
  olehId: number;
  now: Date;
}

/**
 * The retired head's plan stays the plan written for the position: the former subordinates keep
 * intervening it, and rencana_atasan() leads them there through the Plt.
 */
export async function insertPlt(tx: DbOrTx, o: PltSeed) {
  const akhir = sehariSebelum(o.tmt);
  await tx.execute(sql`UPDATE pegawai SET is_active = false, version = version + 1, updated_at = ${pada(o.tmt, 0, o.now)}
                        WHERE id = ${o.pensiunId}`);
  await tx.execute(sql`UPDATE penugasan SET tmt_selesai = ${akhir}::date
                        WHERE pegawai_id = ${o.pensiunId} AND jenis = 'DEFINITIF' AND tmt_selesai IS NULL`);
  await tx.execute(sql`UPDATE skp SET periode_akhir = ${akhir}::date
                        WHERE pegawai_id = ${o.pensiunId} AND tahun = ${o.tahun}`);
  await tx.execute(sql`INSERT INTO penugasan (pegawai_id, jabatan_id, jenis, tmt_mulai, alasan, created_by, created_at)
                       VALUES (${o.pltId}, ${o.jabatanId}, 'PLT', ${o.tmt}::date,
                               'Pejabat definitif berhenti atas permintaan sendiri (pensiun dini)', ${o.olehId}, ${pada(o.tmt, -3, o.now)})`);
}

export interface MutasiSeed {
  pegawaiId: number;
  /** The new position: a functional one held by a colleague whose approved plan the new one follows. */
  jabatanId: number;
  tmt: string;
  tahun: number;
  olehId: number;
  now: Date;
}

/**
 * Moves the employee at the TMT (position history, current position), closes the year's plan the day
 * before, and writes the new position's plan from the TMT: approved by the new superior, the RHKs a
 * colleague in the same position carries (so they intervene the new superior's plan), KUANTITAS
 * targets for the months left and WAKTU in those months. Returns the new plan's id.
 */
export async function insertMutasi(tx: DbOrTx, o: MutasiSeed): Promise<number> {
  const akhir = sehariSebelum(o.tmt);
  const [lama] = await rows<{ skpId: number; rekanSkpId: number | null }>(
    tx,
    sql`SELECT (SELECT id FROM skp WHERE pegawai_id = ${o.pegawaiId} AND tahun = ${o.tahun} AND status = 'DISETUJUI'
                 ORDER BY versi DESC LIMIT 1) AS "skpId",
               (SELECT s.id FROM skp s JOIN pegawai p ON p.id = s.pegawai_id
                 WHERE p.jabatan_id = ${o.jabatanId} AND p.id <> ${o.pegawaiId} AND s.tahun = ${o.tahun}
                   AND s.status = 'DISETUJUI' ORDER BY s.id LIMIT 1) AS "rekanSkpId"`,
  );
  if (!lama?.skpId || !lama.rekanSkpId)
    throw new Error('Seed mutasi: pegawai atau rekan di jabatan tujuan tanpa SKP disetujui.');
  await tx.execute(sql`UPDATE penugasan SET tmt_selesai = ${akhir}::date
                        WHERE pegawai_id = ${o.pegawaiId} AND jenis = 'DEFINITIF' AND tmt_selesai IS NULL`);
  await tx.execute(sql`INSERT INTO penugasan (pegawai_id, jabatan_id, jenis, tmt_mulai, alasan, created_by, created_at)
                       VALUES (${o.pegawaiId}, ${o.jabatanId}, 'DEFINITIF', ${o.tmt}::date,
                               'Mutasi antar-OPD untuk pemerataan jabatan fungsional', ${o.olehId}, ${pada(o.tmt, -7, o.now)})`);
  await tx.execute(sql`UPDATE pegawai g SET jabatan_id = j.id, unor_id = j.unor_id, opd_id = u.opd_id,
                              version = g.version + 1, updated_at = ${pada(o.tmt, -7, o.now)}
                         FROM jabatan j JOIN unor u ON u.id = j.unor_id
                        WHERE g.id = ${o.pegawaiId} AND j.id = ${o.jabatanId}`);
  await tx.execute(sql`UPDATE skp SET periode_akhir = ${akhir}::date WHERE id = ${lama.skpId}`);

  const bulan = 13 - Number(o.tmt.slice(5, 7));
  const [baru] = await rows<{ id: number }>(
    tx,
    sql`WITH rekan AS (SELECT * FROM skp WHERE id = ${lama.rekanSkpId}),
        s AS (
          INSERT INTO skp (instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir, pendekatan, is_jpt,
                           format_jpt, status, pejabat_penilai_id, diajukan_at, disetujui_at, disetujui_oleh_id, identitas,
                           created_at, updated_at)
          SELECT r.instansi_id, ${o.pegawaiId}, r.jabatan_id, r.tahun, ${o.tmt}::date, r.periode_akhir, r.pendekatan, r.is_jpt,
                 r.format_jpt, 'DISETUJUI', r.pejabat_penilai_id, ${pada(o.tmt, 3, o.now)}, ${pada(o.tmt, 5, o.now)},
                 r.pejabat_penilai_id,
                 jsonb_build_object(
                   'pegawai', (l.identitas -> 'pegawai') || jsonb_build_object(
                     'jabatan', r.identitas -> 'pegawai' -> 'jabatan', 'unitKerja', r.identitas -> 'pegawai' -> 'unitKerja'),
                   'pejabatPenilai', r.identitas -> 'pejabatPenilai'),
                 ${pada(o.tmt, 1, o.now)}, ${pada(o.tmt, 5, o.now)}
            FROM rekan r, skp l WHERE l.id = ${lama.skpId}
          RETURNING id, instansi_id, tahun),
        r AS (
          INSERT INTO rhk (skp_id, instansi_id, tahun, jenis, urutan, rencana)
          SELECT s.id, s.instansi_id, s.tahun, x.jenis, x.urutan, x.rencana FROM s, rhk x WHERE x.skp_id = ${lama.rekanSkpId}
          RETURNING id, urutan, instansi_id, tahun),
        x AS (
          SELECT r.id AS baru, r.instansi_id, r.tahun, x.id AS asal
            FROM r JOIN rhk x ON x.skp_id = ${lama.rekanSkpId} AND x.urutan = r.urutan),
        i AS (
          INSERT INTO iki (rhk_id, instansi_id, tahun, urutan, aspek, indikator, target_nilai, target_satuan, perspektif)
          SELECT x.baru, x.instansi_id, x.tahun, k.urutan, k.aspek, k.indikator,
                 CASE k.aspek WHEN 'KUANTITAS' THEN greatest(1, round(k.target_nilai * ${bulan} / 12))
                              WHEN 'WAKTU' THEN ${bulan} ELSE k.target_nilai END,
                 k.target_satuan, k.perspektif
            FROM x JOIN iki k ON k.rhk_id = x.asal),
        v AS (
          INSERT INTO rhk_intervensi (rhk_id, atasan_rhk_id, instansi_id, tahun)
          SELECT x.baru, v.atasan_rhk_id, x.instansi_id, x.tahun FROM x JOIN rhk_intervensi v ON v.rhk_id = x.asal),
        b AS (
          INSERT INTO skp_perilaku (skp_id, kode, ekspektasi)
          SELECT s.id, b.kode, b.ekspektasi FROM s, skp_perilaku b WHERE b.skp_id = ${lama.rekanSkpId}),
        l AS (
          INSERT INTO skp_lampiran (skp_id, jenis, urutan, teks)
          SELECT s.id, l.jenis, l.urutan, l.teks FROM s, skp_lampiran l WHERE l.skp_id = ${lama.rekanSkpId})
        SELECT id FROM s`,
  );
  return baru!.id;
}
