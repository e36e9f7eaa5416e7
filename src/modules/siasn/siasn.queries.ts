/** SQL of the SIASN bridge: settings, the outbox (enqueue, claim, outcome) and its list. */
import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { predikatAkhir } from '../../db/predikat-akhir.js';
import { pegawai, pengaturanSiasn, siasnPercobaan, siasnPesan } from '../../db/schema/index.js';
import type { JenisAsn } from '../../domain/nip.js';
import type { PredikatPegawai, Rating } from '../../domain/predikat.js';
import type { FaktaSiasn, JenisPesanSiasn, StatusPesanSiasn } from '../../domain/siasn.js';

export async function findPengaturan(db: DbOrTx, instansiId: number) {
  const [row] = await db.select().from(pengaturanSiasn).where(eq(pengaturanSiasn.instansiId, instansiId));
  return row ?? null;
}
export type PengaturanRow = NonNullable<Awaited<ReturnType<typeof findPengaturan>>>;

type PengaturanValues = Omit<typeof pengaturanSiasn.$inferInsert, 'instansiId' | 'version'>;

/** Insert at version 1 or update the row at `version`; null when someone saved in between. */
export async function simpanPengaturan(tx: DbOrTx, instansiId: number, version: number, v: PengaturanValues) {
  if (version === 1) {
    const [row] = await tx
      .insert(pengaturanSiasn)
      .values({ instansiId, ...v, version: 2 })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
  const [row] = await tx
    .update(pengaturanSiasn)
    .set({ ...v, version: sql`${pengaturanSiasn.version} + 1` })
    .where(and(eq(pengaturanSiasn.instansiId, instansiId), eq(pengaturanSiasn.version, version)))
    .returning();
  return row ?? null;
}

/** Whether this transaction holds the lock of key `kunci`; released when the transaction ends. */
export async function kunciTransaksi(tx: DbOrTx, kunci: number) {
  const [row] = await rows<{ ok: boolean }>(
    tx,
    sql`SELECT pg_try_advisory_xact_lock(${kunci}::bigint) AS ok`,
  );
  return row!.ok;
}

export interface FaktaRow {
  sumberId: number;
  versi: number;
  instansiId: number;
  pegawaiId: number;
  nip: string;
  tahun: number;
  periodeKode: string | null;
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  predikat: PredikatPegawai;
  penilaiGelarDepan: string | null;
  penilaiNama: string;
  penilaiGelarBelakang: string | null;
  penilaiNip: string;
  penilaiGolongan: string;
  penilaiJenisAsn: JenisAsn;
  penilaiJabatan: string | null;
  penilaiUnor: string | null;
}

const PENILAI = sql`pn.gelar_depan AS "penilaiGelarDepan", pn.nama AS "penilaiNama",
  pn.gelar_belakang AS "penilaiGelarBelakang", pn.nip AS "penilaiNip", pn.golongan AS "penilaiGolongan",
  pn.jenis_asn AS "penilaiJenisAsn", j.nama AS "penilaiJabatan", u.nama AS "penilaiUnor"`;
const JABATAN_PENILAI = sql`LEFT JOIN jabatan j ON j.id = pn.jabatan_id LEFT JOIN unor u ON u.id = j.unor_id`;

/** A periodic evaluation as it stands in the transaction that wrote it. */
export async function faktaPeriodik(tx: DbOrTx, penilaianId: number) {
  const [row] = await rows<FaktaRow>(
    tx,
    sql`SELECT pp.id AS "sumberId", pp.version AS versi, s.instansi_id AS "instansiId",
               s.pegawai_id AS "pegawaiId", d.nip, s.tahun, pp.periode_kode AS "periodeKode",
               pp.rating_hasil_kerja AS "ratingHasilKerja", pp.rating_perilaku AS "ratingPerilaku",
               pp.predikat, ${PENILAI}
          FROM penilaian_periodik pp
          JOIN skp s ON s.id = pp.skp_id
          JOIN pegawai d ON d.id = s.pegawai_id
          JOIN pegawai pn ON pn.id = pp.penilai_id
          ${JABATAN_PENILAI}
         WHERE pp.id = ${penilaianId}`,
  );
  return row!;
}

/**
 * An annual evaluation as it stands in the transaction that made it final, or that decided its
 * objection DIUBAH: then the new ratings, and a version past the evaluation's own, so it is a new message.
 */
export async function faktaTahunan(tx: DbOrTx, evaluasiId: number) {
  const [row] = await rows<FaktaRow>(
    tx,
    sql`SELECT e.id AS "sumberId", e.version + coalesce(k.version, 0) AS versi,
               e.instansi_id AS "instansiId", e.pegawai_id AS "pegawaiId", d.nip, e.tahun,
               NULL AS "periodeKode",
               coalesce(k.rating_hasil_kerja_baru, e.rating_hasil_kerja) AS "ratingHasilKerja",
               coalesce(k.rating_perilaku_baru, e.rating_perilaku) AS "ratingPerilaku",
               ${predikatAkhir()} AS predikat, ${PENILAI}
          FROM evaluasi_tahunan e
          JOIN pegawai d ON d.id = e.pegawai_id
          LEFT JOIN keberatan k ON k.evaluasi_id = e.id AND k.status = 'DIPUTUS' AND k.keputusan = 'DIUBAH'
          JOIN pegawai pn ON pn.id = e.pejabat_penilai_id
          ${JABATAN_PENILAI}
         WHERE e.id = ${evaluasiId}`,
  );
  return row!;
}

/** Enqueues one message (nothing when its key exists) and supersedes the older unsent versions. */
export async function antrekan(tx: DbOrTx, v: typeof siasnPesan.$inferInsert) {
  const [row] = await tx
    .insert(siasnPesan)
    .values(v)
    .onConflictDoNothing({ target: [siasnPesan.instansiId, siasnPesan.kunci] })
    .returning({ id: siasnPesan.id });
  if (!row) return null;
  await tx
    .update(siasnPesan)
    .set({ status: 'DIGANTI', version: sql`${siasnPesan.version} + 1` })
    .where(
      and(
        eq(siasnPesan.jenis, v.jenis),
        eq(siasnPesan.sumberId, v.sumberId),
        lt(siasnPesan.sumberVersi, v.sumberVersi),
        inArray(siasnPesan.status, ['MENUNGGU', 'GAGAL']),
      ),
    );
  return row.id;
}

/**
 * Claims the due messages for this runner until `klaimSampai`: waiting ones whose time has come and
 * those a runner claimed and never finished (its claim lapsed), of instansi whose bridge is on (or
 * of one instansi: "Kirim sekarang"). SKIP
 * LOCKED and the status change in one statement: a message is claimed by one runner only, however
 * many run at once.
 */
export function klaim(tx: DbOrTx, now: Date, klaimSampai: Date, batas: number, instansiId: number | null) {
  return rows<{
    id: number;
    instansiId: number;
    jenis: JenisPesanSiasn;
    sumberId: number;
    nip: string;
    fakta: FaktaSiasn;
    percobaan: number;
    pnsId: string | null;
  }>(
    tx,
    sql`UPDATE siasn_pesan p SET status = 'MENGIRIM', klaim_sampai = ${klaimSampai.toISOString()}
         WHERE p.id IN (
           SELECT id FROM siasn_pesan
            WHERE ((status = 'MENUNGGU' AND berikutnya_at <= ${now.toISOString()})
                OR (status = 'MENGIRIM' AND klaim_sampai < ${now.toISOString()}))
              -- Nothing leaves while the BKD has the bridge off; it waits for the bridge to return.
              AND (${instansiId}::int IS NULL OR instansi_id = ${instansiId})
              AND EXISTS (SELECT 1 FROM pengaturan_siasn ps
                           WHERE ps.instansi_id = siasn_pesan.instansi_id AND ps.aktif)
            ORDER BY berikutnya_at, id LIMIT ${batas}
            FOR UPDATE SKIP LOCKED)
     RETURNING p.id, p.instansi_id AS "instansiId", p.jenis, p.sumber_id AS "sumberId", p.nip, p.fakta,
               p.percobaan,
               -- The employee's SIASN id, once an earlier message of theirs looked it up.
               coalesce(p.pns_id, (SELECT x.pns_id FROM siasn_pesan x
                                    WHERE x.pegawai_id = p.pegawai_id AND x.pns_id IS NOT NULL LIMIT 1)) AS "pnsId"`,
  );
}

/** The national id of the last accepted version of the same evaluation, if any. */
export async function idNasionalTerakhir(db: DbOrTx, jenis: JenisPesanSiasn, sumberId: number) {
  const [row] = await db
    .select({ idNasional: siasnPesan.idNasional })
    .from(siasnPesan)
    .where(
      and(eq(siasnPesan.jenis, jenis), eq(siasnPesan.sumberId, sumberId), eq(siasnPesan.status, 'TERKIRIM')),
    )
    .orderBy(desc(siasnPesan.sumberVersi))
    .limit(1);
  return row?.idNasional ?? null;
}

export async function catatPercobaan(tx: DbOrTx, v: typeof siasnPercobaan.$inferInsert) {
  await tx.insert(siasnPercobaan).values(v);
}

/** The outcome of a claimed message; nothing when its claim was taken over meanwhile. */
export async function selesaikan(
  tx: DbOrTx,
  id: number,
  v: Partial<
    Pick<
      typeof siasnPesan.$inferInsert,
      | 'status'
      | 'percobaan'
      | 'berikutnyaAt'
      | 'pnsId'
      | 'idNasional'
      | 'alasan'
      | 'jawabanTerakhir'
      | 'terkirimAt'
    >
  >,
) {
  const r = await tx
    .update(siasnPesan)
    .set({ ...v, klaimSampai: null, version: sql`${siasnPesan.version} + 1` })
    .where(and(eq(siasnPesan.id, id), eq(siasnPesan.status, 'MENGIRIM')))
    .returning({ id: siasnPesan.id });
  return r.length === 1;
}

export interface PesanRow {
  id: number;
  jenis: JenisPesanSiasn;
  status: StatusPesanSiasn;
  pegawaiId: number;
  nip: string;
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
  periodeLabel: string;
  percobaan: number;
  berikutnyaAt: Date;
  terkirimAt: Date | null;
  alasan: string | null;
  jawabanTerakhir: string | null;
  version: number;
}

/** One page of an instansi's messages, newest first (keyset on id). */
export function daftar(
  db: DbOrTx,
  instansiId: number,
  status: StatusPesanSiasn | undefined,
  sebelumId: number | null,
  batas: number,
): Promise<PesanRow[]> {
  return db
    .select({
      id: siasnPesan.id,
      jenis: siasnPesan.jenis,
      status: siasnPesan.status,
      pegawaiId: siasnPesan.pegawaiId,
      nip: siasnPesan.nip,
      gelarDepan: pegawai.gelarDepan,
      nama: pegawai.nama,
      gelarBelakang: pegawai.gelarBelakang,
      periodeLabel: siasnPesan.periodeLabel,
      percobaan: siasnPesan.percobaan,
      berikutnyaAt: siasnPesan.berikutnyaAt,
      terkirimAt: siasnPesan.terkirimAt,
      alasan: siasnPesan.alasan,
      jawabanTerakhir: siasnPesan.jawabanTerakhir,
      version: siasnPesan.version,
    })
    .from(siasnPesan)
    .innerJoin(pegawai, eq(pegawai.id, siasnPesan.pegawaiId))
    .where(
      and(
        eq(siasnPesan.instansiId, instansiId),
        status ? eq(siasnPesan.status, status) : ne(siasnPesan.status, 'DIGANTI'),
        sebelumId === null ? undefined : lt(siasnPesan.id, sebelumId),
      ),
    )
    .orderBy(desc(siasnPesan.id))
    .limit(batas);
}

/** A failed message back in the queue, due now, with its attempts counted afresh. */
export async function kirimUlang(tx: DbOrTx, instansiId: number, id: number, version: number, now: Date) {
  const r = await tx
    .update(siasnPesan)
    .set({
      status: 'MENUNGGU',
      percobaan: 0,
      berikutnyaAt: now,
      alasan: null,
      version: sql`${siasnPesan.version} + 1`,
    })
    .where(
      and(
        eq(siasnPesan.id, id),
        eq(siasnPesan.instansiId, instansiId),
        eq(siasnPesan.status, 'GAGAL'),
        eq(siasnPesan.version, version),
      ),
    )
    .returning({ id: siasnPesan.id, pegawaiId: siasnPesan.pegawaiId });
  return r[0] ?? null;
}

export async function findPesan(db: DbOrTx, instansiId: number, id: number) {
  const [row] = await db
    .select({ id: siasnPesan.id, status: siasnPesan.status, version: siasnPesan.version })
    .from(siasnPesan)
    .where(and(eq(siasnPesan.id, id), eq(siasnPesan.instansiId, instansiId)));
  return row ?? null;
}

/** The attempts of one message of the instansi, oldest first; null when it has no such message. */
export async function percobaanPesan(db: DbOrTx, instansiId: number, pesanId: number) {
  if (!(await findPesan(db, instansiId, pesanId))) return null;
  return db
    .select({
      ke: siasnPercobaan.ke,
      at: siasnPercobaan.at,
      httpStatus: siasnPercobaan.httpStatus,
      hasil: siasnPercobaan.hasil,
      jawaban: siasnPercobaan.jawaban,
    })
    .from(siasnPercobaan)
    .where(eq(siasnPercobaan.pesanId, pesanId))
    .orderBy(siasnPercobaan.ke);
}
