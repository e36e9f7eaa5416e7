/**
 * The audit log in words: every action code the services write, with its Indonesian label, and the
 * kinds of data an entry is about. `AksiAudit` types the audit service's input, so a code without a
 * label does not compile.
 */
import { isYearMonth, NAMA_BULAN, parseYearMonth } from './jadwal.js';
import { formatNip } from './nip.js';
import { namaLengkap } from './pegawai.js';

export const LABEL_AKSI_AUDIT = {
  'auth.login': 'Masuk',
  'auth.ganti_kata_sandi': 'Mengganti kata sandi',
  'auth.reset_kata_sandi': 'Mengatur ulang kata sandi pegawai',
  'auth.reset_mfa': 'Mengatur ulang verifikasi dua langkah pegawai',
  'auth.mfa_daftar': 'Mendaftarkan verifikasi dua langkah',
  'auth.mfa_konfirmasi': 'Mengaktifkan verifikasi dua langkah',
  'auth.mfa_kode_pemulihan': 'Membuat kode pemulihan baru',
  'auth.akhiri_sesi': 'Mengakhiri sesi',
  'pegawai.mutasi': 'Mencatat mutasi pegawai',
  'pegawai.peran': 'Mengubah peran pegawai',
  'pegawai.plt': 'Menugaskan Plt',
  'pegawai.plh': 'Menugaskan Plh',
  'pegawai.atasan.override': 'Menetapkan atasan pengganti',
  'pegawai.atasan.hapus_override': 'Menghapus atasan pengganti',
  'pegawai.impor.buat': 'Menambah pegawai dari impor',
  'pegawai.impor.ubah': 'Mengubah data pegawai dari impor',
  'impor.pegawai': 'Mengimpor data pegawai',
  'impor.nasional': 'Mengimpor hasil penilaian dari aplikasi nasional',
  'jabatan.unit_mandiri': 'Mengubah status unit mandiri jabatan',
  'pengaturan.ubah': 'Mengubah pengaturan instansi',
  'pengaturan.sso': 'Mengubah pengaturan masuk dengan SSO',
  'jadwal.buka': 'Membuka jendela pengisian',
  'jadwal.cabut': 'Mencabut bukaan jendela',
  'delegasi.buat': 'Mendelegasikan penilaian',
  'delegasi.cabut': 'Mencabut delegasi penilaian',
  'pk.buat': 'Membuat Perjanjian Kinerja',
  'pk.ubah': 'Mengubah Perjanjian Kinerja',
  'skp.buat': 'Membuat SKP',
  'skp.ubah_isi': 'Mengubah isi SKP',
  'skp.submit': 'Mengajukan SKP',
  'skp.approve': 'Menyetujui SKP',
  'skp.return': 'Mengembalikan SKP',
  'skp.revise': 'Memperbaiki SKP yang dikembalikan',
  'skp.versi_baru': 'Membuat versi baru SKP',
  'skp.salin': 'Menyalin SKP',
  'skp.tutup_mutasi': 'Menutup SKP karena mutasi',
  'skp.ekspektasi': 'Menulis ekspektasi pimpinan',
  'skp.lampiran': 'Mengubah lampiran SKP',
  'skp.matriks_isi': 'Mengisi Matriks Peran Hasil',
  'skp.pengingat': 'Mengirim pengingat SKP',
  'realisasi.buat': 'Membuat realisasi',
  'realisasi.ubah': 'Mengubah realisasi',
  'realisasi.submit': 'Mengajukan realisasi',
  'realisasi.resubmit': 'Mengajukan perbaikan realisasi',
  'realisasi.accept': 'Menerima realisasi',
  'realisasi.requestCorrection': 'Meminta perbaikan realisasi',
  'realisasi.berkas_unggah': 'Mengunggah bukti dukung',
  'realisasi.berkas_hapus': 'Menghapus bukti dukung',
  'realisasi.log_tambah': 'Menambah log harian',
  'realisasi.log_ubah': 'Mengubah log harian',
  'realisasi.log_hapus': 'Menghapus log harian',
  'progres_harian.komentar': 'Mengomentari progres harian',
  'penilaian.buat': 'Menilai kinerja periodik',
  'penilaian.ubah': 'Mengubah penilaian periodik',
  'penilaian.kalibrasi': 'Mengkalibrasi penilaian',
  'penilaian.impor_nasional': 'Mengambil predikat periodik dari aplikasi nasional',
  'masukan_rekan.tulis': 'Menulis masukan rekan kerja',
  'masukan_rekan.hapus': 'Menghapus masukan rekan kerja',
  'dialog.catat': 'Mencatat dialog kinerja',
  'dialog.ubah': 'Mengubah dialog kinerja',
  'dialog.nilai': 'Menilai dialog kinerja',
  'dialog.tindak_lanjut_selesai': 'Menyelesaikan tindak lanjut dialog',
  'predikat_organisasi.buat': 'Menetapkan predikat kinerja organisasi',
  'predikat_organisasi.ubah': 'Mengubah predikat kinerja organisasi',
  'penetapan_predikat.buat': 'Menetapkan predikat kinerja pegawai',
  'penetapan_predikat.ubah': 'Mengubah penetapan predikat kinerja pegawai',
  'pppk_pw.evaluasi.buat': 'Membuat evaluasi triwulan PPPK paruh waktu',
  'pppk_pw.evaluasi.ubah': 'Mengubah evaluasi triwulan PPPK paruh waktu',
  'pppk_pw.evaluasi.final': 'Memfinalkan evaluasi triwulan PPPK paruh waktu',
  'evaluasi.buat': 'Membuat evaluasi tahunan',
  'evaluasi.ubah': 'Mengubah evaluasi tahunan',
  'evaluasi.tanda_tangan_penilai': 'Menandatangani evaluasi sebagai penilai',
  'evaluasi.tanda_tangan_pegawai': 'Menandatangani evaluasi sebagai pegawai',
  'evaluasi.impor_nasional': 'Mengambil predikat tahunan dari aplikasi nasional',
  'keberatan.ajukan': 'Mengajukan keberatan',
  'keberatan.minta_keterangan': 'Meminta keterangan keberatan',
  'keberatan.jawab_keterangan': 'Menjawab permintaan keterangan keberatan',
  'keberatan.putus': 'Memutus keberatan',
  'rekomendasi_tim_penilai.buat': 'Memberi rekomendasi Tim Penilai Kinerja',
  'kehadiran.impor': 'Mengimpor kehadiran',
  'kehadiran.libur.tambah': 'Menambah hari libur',
  'kehadiran.libur.hapus': 'Menghapus hari libur',
  'kehadiran.jam-kerja.ubah': 'Mengubah jam kerja',
  'tpp_parameter.ubah': 'Mengubah parameter TPP',
  'tpp_bulan.hitung': 'Menghitung TPP',
  'tpp_bulan.hitung_ulang': 'Menghitung ulang TPP',
  'tpp_bulan.setujui': 'Menyetujui TPP',
  'angka_kredit.awal': 'Mencatat angka kredit awal',
  'rekap_monitoring.perbarui': 'Memperbarui data monitoring',
  'token_api.buat': 'Membuat token API',
  'token_api.cabut': 'Mencabut token API',
  'siasn.pengaturan': 'Mengubah pengaturan jembatan SIASN',
  'siasn.kirim_ulang': 'Mengirim ulang data ke SIASN',
} as const satisfies Record<string, string>;

export type AksiAudit = keyof typeof LABEL_AKSI_AUDIT;

/**
 * Changes that can alter someone's profile as GET /api/me shows it: credentials, sessions,
 * authenticators, roles, positions, superiors, the organisation and the instansi's settings.
 */
const AKSI_PROFIL = new Set<AksiAudit>([
  'auth.ganti_kata_sandi',
  'auth.reset_kata_sandi',
  'auth.reset_mfa',
  'auth.mfa_daftar',
  'auth.mfa_konfirmasi',
  'auth.mfa_kode_pemulihan',
  'auth.akhiri_sesi',
  'pegawai.mutasi',
  'pegawai.peran',
  'pegawai.plt',
  'pegawai.plh',
  'impor.pegawai',
  'jabatan.unit_mandiri',
  'pengaturan.ubah',
  'pengaturan.sso',
]);

export function mengubahProfil(aksi: AksiAudit): boolean {
  return AKSI_PROFIL.has(aksi);
}

/** The kinds of data an entry is about, named as the screens name them. */
export const LABEL_DATA_AUDIT: Record<string, string> = {
  pegawai: 'Pegawai',
  jabatan: 'Jabatan',
  skp: 'SKP',
  realisasi: 'Realisasi',
  penilaian: 'Penilaian periodik',
  perjanjian_kinerja: 'Perjanjian Kinerja',
  dialog_kinerja: 'Dialog kinerja',
  evaluasi_tahunan: 'Evaluasi tahunan',
  evaluasi_triwulan_pppk: 'Evaluasi triwulan PPPK paruh waktu',
  keberatan: 'Keberatan',
  keberatan_keterangan: 'Keterangan keberatan',
  rekomendasi_tim_penilai: 'Rekomendasi Tim Penilai',
  predikat_organisasi: 'Predikat organisasi',
  penetapan_predikat: 'Penetapan predikat',
  masukan_rekan: 'Masukan rekan kerja',
  delegasi_penilai: 'Delegasi penilai',
  bukaan_jendela: 'Bukaan jendela',
  pengaturan: 'Pengaturan instansi',
  kehadiran: 'Kehadiran',
  hari_libur: 'Hari libur',
  tpp_parameter: 'Parameter TPP',
  tpp_bulan: 'TPP bulanan',
  angka_kredit_awal: 'Angka kredit awal',
  rekap_opd_periode: 'Rekap monitoring',
  token_api: 'Token API',
  pengaturan_siasn: 'Pengaturan jembatan SIASN',
  siasn_pesan: 'Kiriman ke SIASN',
  impor: 'Impor',
};

/** The label of a code; an unknown one (written before its label existed) is shown as it is. */
export function labelAksiAudit(kode: string): string {
  return (LABEL_AKSI_AUDIT as Record<string, string>)[kode] ?? kode;
}

/** "Pegawai #533" for data whose name the log cannot resolve. */
export function labelDataAudit(entity: string, entityId: string): string {
  return `${LABEL_DATA_AUDIT[entity] ?? entity} #${entityId}`;
}

/** What the log could resolve about an entry's data (one statement for the page). */
export interface SasaranAudit {
  entity: string;
  entityId: string;
  /** The employee the data is about: the entry's own, or the owner of the SKP or realisasi. */
  sasaranGelarDepan: string | null;
  sasaranNama: string | null;
  sasaranGelarBelakang: string | null;
  sasaranNip: string | null;
  skpTahun: number | null;
  realisasiPeriode: string | null;
  jabatanNama: string | null;
}

const labelPeriodeKode = (kode: string) =>
  isYearMonth(kode) ? `${NAMA_BULAN[parseYearMonth(kode).bulan - 1]} ${parseYearMonth(kode).tahun}` : kode;

/**
 * The data of an entry as a reader names it: "Budi Santoso, S.T. (NIP 19800616 200801 2 035)",
 * "SKP 2026 · Budi …", "Realisasi Juli 2026 · Budi …", a position's name; else "Token API #7".
 */
export function namaSasaranAudit(r: SasaranAudit): string {
  const orang =
    r.sasaranNama && r.sasaranNip
      ? `${namaLengkap({ gelarDepan: r.sasaranGelarDepan, nama: r.sasaranNama, gelarBelakang: r.sasaranGelarBelakang })} (NIP ${formatNip(r.sasaranNip)})`
      : null;
  if (r.entity === 'pegawai' && orang) return orang;
  if (r.entity === 'skp' && orang && r.skpTahun !== null) return `SKP ${r.skpTahun} · ${orang}`;
  if (r.entity === 'realisasi' && orang && r.realisasiPeriode)
    return `Realisasi ${labelPeriodeKode(r.realisasiPeriode)} · ${orang}`;
  if (r.entity === 'jabatan' && r.jabatanNama) return r.jabatanNama;
  return labelDataAudit(r.entity, r.entityId);
}

/**
 * The audit log's partition year of an entry written at `at` (ADR 0029): its year in Asia/Jakarta
 * (UTC+7 all year), as migration 0042 computed it for the rows before it.
 */
export function tahunAudit(at: Date): number {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
}
