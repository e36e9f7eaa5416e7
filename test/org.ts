/**
 * A small, complete org tree per test, in its own instansi so tests stay independent:
 * governor → kepala OPD → administrator (bidang) → pengawas (seksi) → two pelaksana + one fungsional,
 * a second OPD with its own head and staff, a BKD admin, an OPD admin and a tim penilai member.
 */
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { rows } from '../src/db/client.js';
import { TEST_PASSWORD } from './harness.js';

let counter = Math.floor(Math.random() * 400);
let passwordHash: Promise<string> | null = null;

/** Valid, unique PNS NIPs: birth date and sequence vary with a per-process counter. */
export function nextNip(): string {
  counter++;
  const day = String((counter % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(counter / 28) % 12) + 1).padStart(2, '0');
  const year = 1970 + (Math.floor(counter / 336) % 30);
  const seq = String((counter % 999) + 1).padStart(3, '0');
  const tmt = year + 25;
  return `${year}${month}${day}${tmt}01${counter % 2 ? 1 : 2}${seq}`;
}

export interface Person {
  id: number;
  nip: string;
}

async function one<T>(db: Db, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await rows<T>(db, query);
  return row!;
}

export async function buildOrg(db: Db) {
  passwordHash ??= hash(TEST_PASSWORD);
  const pw = await passwordHash;
  const kode = `T${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const { id: instansiId } = await one<{ id: number }>(
    db,
    sql`INSERT INTO instansi (kode, nama, jenis, zona_waktu) VALUES (${kode}, 'Provinsi Uji', 'PROVINSI', 'Asia/Makassar') RETURNING id`,
  );
  async function unor(
    parentId: number | null,
    parentPath: string,
    opdId: number | null,
    jenis: string,
    nama: string,
  ) {
    const u = await one<{ id: number }>(
      db,
      sql`INSERT INTO unor (instansi_id, parent_id, opd_id, jenis, nama, path) VALUES (${instansiId}, ${parentId}, ${opdId}, ${jenis}, ${nama}, '') RETURNING id`,
    );
    const path = `${parentPath}${u.id}/`;
    await db.execute(
      sql`UPDATE unor SET path = ${path}, opd_id = COALESCE(opd_id, CASE WHEN ${jenis} = 'OPD' THEN id END) WHERE id = ${u.id}`,
    );
    return { id: u.id, path, opdId: jenis === 'OPD' ? u.id : opdId };
  }
  async function jabatan(
    unorId: number,
    nama: string,
    jenis: string,
    atasanJabatanId: number | null,
    kepala: boolean,
  ) {
    return (
      await one<{ id: number }>(
        db,
        sql`INSERT INTO jabatan (instansi_id, unor_id, nama, jenis, atasan_jabatan_id, is_kepala_unor, kelas_jabatan)
            VALUES (${instansiId}, ${unorId}, ${nama}, ${jenis}, ${atasanJabatanId}, ${kepala}, 9) RETURNING id`,
      )
    ).id;
  }
  async function pegawai(
    nama: string,
    jabatanId: number,
    u: { id: number; opdId: number | null },
  ): Promise<Person> {
    const nip = nextNip();
    const p = await one<{ id: number }>(
      db,
      sql`INSERT INTO pegawai (instansi_id, nip, nama, jenis_asn, golongan, jabatan_id, unor_id, opd_id, password_hash)
          VALUES (${instansiId}, ${nip}, ${nama}, 'PNS', 'III/a', ${jabatanId}, ${u.id}, ${u.opdId}, ${pw}) RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO penugasan (pegawai_id, jabatan_id, jenis, tmt_mulai) VALUES (${p.id}, ${jabatanId}, 'DEFINITIF', '2020-01-01')`,
    );
    return { id: p.id, nip };
  }
  async function role(person: Person, peran: string, opdId: number | null) {
    await db.execute(
      sql`INSERT INTO peran_pegawai (pegawai_id, peran, opd_id) VALUES (${person.id}, ${peran}, ${opdId})`,
    );
  }

  const root = await unor(null, '/', null, 'INSTANSI', 'Pemerintah Provinsi Uji');
  const opd = await unor(root.id, root.path, null, 'OPD', 'Dinas Pendidikan');
  const bidang = await unor(opd.id, opd.path, opd.id, 'BIDANG', 'Bidang Pembinaan SMA');
  const seksi = await unor(bidang.id, bidang.path, opd.id, 'SEKSI', 'Seksi Kurikulum');
  const opd2 = await unor(root.id, root.path, null, 'OPD', 'Dinas Kesehatan');
  const bkd = await unor(root.id, root.path, null, 'OPD', 'Badan Kepegawaian Daerah');

  const jGub = await jabatan(root.id, 'Gubernur', 'JPT_UTAMA', null, true);
  const jKadis = await jabatan(opd.id, 'Kepala Dinas Pendidikan', 'JPT_PRATAMA', jGub, true);
  const jKabid = await jabatan(bidang.id, 'Kepala Bidang Pembinaan SMA', 'ADMINISTRATOR', jKadis, true);
  const jKasi = await jabatan(seksi.id, 'Kepala Seksi Kurikulum', 'PENGAWAS', jKabid, true);
  const jStaf = await jabatan(seksi.id, 'Pengolah Data Kurikulum', 'PELAKSANA', jKasi, false);
  const jFung = await jabatan(
    seksi.id,
    'Pengembang Teknologi Pembelajaran Ahli Pertama',
    'FUNGSIONAL',
    jKasi,
    false,
  );
  const jKadis2 = await jabatan(opd2.id, 'Kepala Dinas Kesehatan', 'JPT_PRATAMA', jGub, true);
  const jStaf2 = await jabatan(opd2.id, 'Pengadministrasi Umum', 'PELAKSANA', jKadis2, false);
  const jKaban = await jabatan(bkd.id, 'Kepala Badan Kepegawaian Daerah', 'JPT_PRATAMA', jGub, true);
  const jAnalis = await jabatan(bkd.id, 'Analis SDM Aparatur Ahli Muda', 'FUNGSIONAL', jKaban, false);

  const gubernur = await pegawai('Gubernur Uji', jGub, root);
  const kepala = await pegawai('Kepala Dinas', jKadis, opd);
  const administrator = await pegawai('Kepala Bidang', jKabid, bidang);
  const pengawas = await pegawai('Kepala Seksi', jKasi, seksi);
  const pelaksana = await pegawai('Pelaksana Satu', jStaf, seksi);
  const pelaksana2 = await pegawai('Pelaksana Dua', jStaf, seksi);
  const fungsional = await pegawai('Fungsional Satu', jFung, seksi);
  const kepala2 = await pegawai('Kepala Dinas Kesehatan', jKadis2, opd2);
  const orangLain = await pegawai('Staf Dinas Kesehatan', jStaf2, opd2);
  const kaban = await pegawai('Kepala BKD', jKaban, bkd);
  const adminBkd = await pegawai('Admin BKD', jAnalis, bkd);
  const adminOpd = await pegawai('Admin Dinas Pendidikan', jStaf, seksi);
  const timPenilai = await pegawai('Anggota Tim Penilai', jAnalis, bkd);
  await role(adminBkd, 'ADMIN_INSTANSI', null);
  await role(adminOpd, 'ADMIN_OPD', opd.id);
  await role(timPenilai, 'TIM_PENILAI', null);

  return {
    instansiId,
    unor: { root, opd, bidang, seksi, opd2, bkd },
    jabatan: { jGub, jKadis, jKabid, jKasi, jStaf, jFung, jKadis2, jStaf2, jKaban, jAnalis },
    gubernur,
    kepala,
    administrator,
    pengawas,
    pelaksana,
    pelaksana2,
    fungsional,
    kepala2,
    orangLain,
    kaban,
    adminBkd,
    adminOpd,
    timPenilai,
  };
}

export type Org = Awaited<ReturnType<typeof buildOrg>>;
