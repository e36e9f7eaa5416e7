/**
 * Penilaian records written straight into the tables, for the document tests: the monthly cycle's
 * results of a period and the annual evaluation, objection, organisation predikat and penetapan
 * (whose APIs live in other modules).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { rows } from '../src/db/client.js';
import { tahunKode } from '../src/domain/jadwal.js';

const one = async (db: Db, q: ReturnType<typeof sql>) => (await rows<{ id: number }>(db, q))[0]!.id;

/** An accepted realisasi of one RHK in a period, with the assessor's feedback on it. */
export async function realisasiDinilai(
  db: Db,
  r: { rhkId: number; periode: string; nilai: number; satuan: string; umpanBalik: string; penilaiId: number },
) {
  const id = await one(
    db,
    sql`INSERT INTO realisasi (instansi_id, skp_id, rhk_id, pegawai_id, periode_kode, tahun, nilai, satuan, status,
                               capaian, pejabat_penilai_id, diajukan_at, dinilai_at)
        SELECT s.instansi_id, s.id, h.id, s.pegawai_id, ${r.periode}, ${tahunKode(r.periode)}, ${r.nilai}, ${r.satuan}, 'DITERIMA', 'SESUAI',
               ${r.penilaiId}, now(), now()
          FROM rhk h JOIN skp s ON s.id = h.skp_id WHERE h.id = ${r.rhkId}
        RETURNING id`,
  );
  await db.execute(
    sql`INSERT INTO umpan_balik (skp_id, periode_kode, tahun, realisasi_id, teks, oleh_id, at)
        SELECT skp_id, periode_kode, tahun, id, ${r.umpanBalik}, ${r.penilaiId}, now() FROM realisasi WHERE id = ${id}`,
  );
  return id;
}

export async function umpanBalikPerilaku(
  db: Db,
  u: { skpId: number; periode: string; kode: string; teks: string; olehId: number },
) {
  await db.execute(
    sql`INSERT INTO umpan_balik (skp_id, periode_kode, tahun, kode, teks, oleh_id, at)
        VALUES (${u.skpId}, ${u.periode}, ${tahunKode(u.periode)}, ${u.kode}, ${u.teks}, ${u.olehId}, now())`,
  );
}

export async function penilaianPeriodik(
  db: Db,
  p: {
    instansiId: number;
    skpId: number;
    periode: string;
    hasil: string;
    perilaku: string;
    predikat: string;
    penilaiId: number;
  },
) {
  await db.execute(
    sql`INSERT INTO penilaian_periodik (instansi_id, skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, catatan,
                                        penilai_id, at)
        VALUES (${p.instansiId}, ${p.skpId}, ${p.periode}, ${p.hasil}, ${p.perilaku}, ${p.predikat}, 'Pertahankan kinerja', ${p.penilaiId},
                '2026-08-20T02:00:00Z')`,
  );
}

export async function predikatOrganisasi(
  db: Db,
  p: { instansiId: number; unorId: number; periode: string; predikat: string; olehId: number },
) {
  await db.execute(
    sql`INSERT INTO predikat_organisasi (instansi_id, unor_id, periode_kode, predikat, dasar, ditetapkan_oleh_id)
        VALUES (${p.instansiId}, ${p.unorId}, ${p.periode}, ${p.predikat}, '{}'::jsonb, ${p.olehId})`,
  );
}

export async function penetapan(
  db: Db,
  p: {
    instansiId: number;
    unorId: number;
    periode: string;
    predikat: string;
    distribusi: Record<string, number>;
    olehId: number;
  },
) {
  await db.execute(
    sql`INSERT INTO penetapan_predikat (instansi_id, unor_id, periode_kode, predikat_organisasi, distribusi, pelanggaran,
                                        justifikasi, ditetapkan_oleh_id, ditetapkan_at)
        VALUES (${p.instansiId}, ${p.unorId}, ${p.periode}, ${p.predikat}, ${JSON.stringify(p.distribusi)}::jsonb,
                ${JSON.stringify(['Unit kecil (N < 10): ditandai, tidak dinilai.'])}::jsonb, 'Unit kecil.', ${p.olehId},
                '2026-08-25T02:00:00Z')`,
  );
}

export async function evaluasiTahunan(
  db: Db,
  e: {
    skpId: number;
    penilaiId: number;
    atasanId: number | null;
    hasil: string;
    perilaku: string;
    predikat: string;
    status: 'DRAF' | 'DITANDATANGANI_PENILAI' | 'FINAL';
  },
) {
  const final = e.status === 'FINAL';
  return one(
    db,
    sql`INSERT INTO evaluasi_tahunan (instansi_id, skp_id, pegawai_id, tahun, pejabat_penilai_id, atasan_penilai_id,
                                      rating_hasil_kerja, rating_perilaku, predikat, capaian_organisasi, catatan,
                                      rekomendasi, status, ditandatangani_penilai_at, ditandatangani_pegawai_at)
        SELECT s.instansi_id, s.id, s.pegawai_id, s.tahun, ${e.penilaiId}, ${e.atasanId}, ${e.hasil}, ${e.perilaku},
               ${e.predikat}, 'BAIK', 'Tingkatkan ketelitian', 'Pelatihan analisis data', ${e.status},
               ${final ? '2027-01-04T02:00:00Z' : null}::timestamptz, ${final ? '2027-01-05T02:00:00Z' : null}::timestamptz
          FROM skp s WHERE s.id = ${e.skpId}
        RETURNING id`,
  );
}

/** An objection decided by changing the ratings. */
export async function keberatanDiubah(db: Db, k: { evaluasiId: number; pemutusId: number }) {
  await db.execute(
    sql`INSERT INTO keberatan (instansi_id, evaluasi_id, pegawai_id, pemutus_id, alasan, status, diajukan_at, keputusan,
                               rating_hasil_kerja_baru, rating_perilaku_baru, predikat_baru, pertimbangan, diputus_at)
        SELECT e.instansi_id, e.id, e.pegawai_id, ${k.pemutusId}, 'Capaian belum dipertimbangkan', 'DIPUTUS',
               '2027-01-10T02:00:00Z', 'DIUBAH', 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SANGAT_BAIK',
               'Bukti tambahan diterima', '2027-01-20T02:00:00Z'
          FROM evaluasi_tahunan e WHERE e.id = ${k.evaluasiId}`,
  );
}
