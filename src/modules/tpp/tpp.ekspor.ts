/**
 * A TPP line as read outside the module: the API line and the payroll workbook (streamed in batches
 * by employee id, the last row holding the totals and, when approved with gaps, the BKD's reason).
 */
import type { Readable } from 'node:stream';
import type { TppBaris } from '../../contracts/tpp.js';
import type { Db } from '../../db/client.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { XLSX_BATCH, xlsxStream } from '../../platform/xlsx-stream.js';
import * as q from './tpp.queries.js';

/** A stored line as the API lists it. */
export function barisOut(r: q.BarisRow): TppBaris {
  return {
    pegawaiId: r.pegawai_id,
    nip: r.nip,
    namaLengkap: namaLengkap(r),
    jabatanNama: r.jabatan_nama,
    kelasJabatan: r.kelas_jabatan,
    opdId: r.opd_id,
    opdNama: r.opd_nama,
    dasar: Number(r.dasar),
    produktivitas: Number(r.produktivitas),
    disiplin: Number(r.disiplin),
    potonganPersen: Number(r.potongan_persen),
    jumlah: Number(r.jumlah),
    ditahan: r.ditahan,
    menungguPenilaian: r.menunggu_penilaian,
    hariBelumDiimpor: r.hari_belum_diimpor,
  };
}

/** What payroll must know about a line: the productivity part waits, or days were not imported. */
function catatanBaris(b: TppBaris): string | null {
  const catatan = [
    ...(b.menungguPenilaian ? ['Produktivitas menunggu penilaian'] : []),
    ...(b.hariBelumDiimpor > 0 ? [`${b.hariBelumDiimpor} hari kehadiran belum diimpor`] : []),
  ];
  return catatan.length > 0 ? catatan.join('; ') : null;
}

/** The month's payroll workbook, narrowed to `opdIds` (null: the whole instansi); `onRows` counts the rows written. */
export function xlsxBulan(
  db: Db,
  m: q.BulanRow,
  opdIds: number[] | null,
  onRows?: (written: number) => void,
): Readable {
  async function* batches() {
    let afterId = 0;
    const total = { jumlahPegawai: 0, dasar: 0, produktivitas: 0, disiplin: 0, jumlah: 0 };
    for (;;) {
      const found = await q.barisBatch(db, m, opdIds, afterId, XLSX_BATCH);
      if (found.length === 0) break;
      afterId = found.at(-1)!.pegawai_id;
      yield found.map((r) => {
        const b = barisOut(r);
        total.jumlahPegawai++;
        total.dasar += b.dasar;
        total.produktivitas += b.produktivitas;
        total.disiplin += b.disiplin;
        total.jumlah += b.jumlah;
        return {
          no: total.jumlahPegawai,
          nip: b.nip,
          nama: b.namaLengkap,
          jabatan: b.jabatanNama,
          kelas: b.kelasJabatan,
          opd: b.opdNama,
          dasar: b.dasar,
          produktivitas: b.produktivitas,
          disiplin: b.disiplin,
          potongan: b.potonganPersen / 100,
          ditahan: b.ditahan,
          jumlah: b.jumlah,
          catatan: catatanBaris(b),
        };
      });
    }
    yield [
      {
        no: null,
        nip: null,
        nama: `JUMLAH (${total.jumlahPegawai} pegawai)`,
        jabatan: null,
        kelas: null,
        opd: null,
        dasar: total.dasar,
        produktivitas: total.produktivitas,
        disiplin: total.disiplin,
        potongan: null,
        ditahan: null,
        jumlah: total.jumlah,
        catatan:
          m.alasanPersetujuan && `Disetujui dengan data belum lengkap; alasan BKD: ${m.alasanPersetujuan}`,
      },
    ];
  }
  const rupiah = { width: 16, numFmt: '#,##0' };
  return xlsxStream({
    sheet: `TPP ${m.bulan}`,
    columns: [
      { key: 'no', header: 'No', width: 7 },
      { key: 'nip', header: 'NIP', width: 22, text: true },
      { key: 'nama', header: 'Nama', width: 36 },
      { key: 'jabatan', header: 'Jabatan', width: 40 },
      { key: 'kelas', header: 'Kelas Jabatan', width: 8 },
      { key: 'opd', header: 'OPD', width: 36 },
      { key: 'dasar', header: 'Besaran TPP', ...rupiah },
      { key: 'produktivitas', header: 'Produktivitas', ...rupiah },
      { key: 'disiplin', header: 'Disiplin', ...rupiah },
      { key: 'potongan', header: 'Potongan Disiplin', width: 12, numFmt: '0.00%' },
      { key: 'ditahan', header: 'Ditahan', width: 36 },
      { key: 'jumlah', header: 'Jumlah Dibayarkan', ...rupiah },
      { key: 'catatan', header: 'Catatan', width: 44 },
    ] as const,
    batches: batches(),
    onRows,
  });
}
