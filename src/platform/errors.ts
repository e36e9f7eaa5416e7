/** Stable error codes; one place maps them to HTTP status and an Indonesian message. */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'Data yang dikirim tidak valid.' },
  BAD_REQUEST: { status: 400, message: 'Permintaan tidak dapat diproses.' },
  JSON_INVALID: {
    status: 400,
    message:
      'Isi permintaan bukan JSON yang valid (kosong, salah tulis, atau memuat kunci __proto__/constructor yang dilarang).',
  },
  MULTIPART_INVALID: {
    status: 400,
    message: 'Isi unggahan (multipart/form-data) rusak atau terpotong; pilih berkas lalu kirim ulang.',
  },
  UNAUTHENTICATED: { status: 401, message: 'Silakan masuk terlebih dahulu.' },
  INVALID_CREDENTIALS: { status: 401, message: 'NIP atau kata sandi salah.' },
  LOGIN_THROTTLED: { status: 429, message: 'Terlalu banyak percobaan masuk yang gagal untuk NIP ini.' },
  RATE_LIMITED: { status: 429, message: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.' },
  TOKEN_API_TIDAK_ADA: {
    status: 401,
    message: 'Token API wajib dikirim pada header Authorization: Bearer <token>.',
  },
  TOKEN_API_TIDAK_DIKENAL: { status: 401, message: 'Token API tidak dikenal.' },
  TOKEN_API_DICABUT: { status: 401, message: 'Token API ini sudah dicabut.' },
  TOKEN_API_KEDALUWARSA: {
    status: 401,
    message: 'Token API ini sudah kedaluwarsa; minta token baru kepada admin BKD.',
  },
  TOKEN_API_CAKUPAN: { status: 403, message: 'Token API ini tidak memiliki cakupan untuk permintaan ini.' },
  TOKEN_API_SUDAH_DICABUT: { status: 409, message: 'Token API ini sudah dicabut sebelumnya.' },
  CSRF_INVALID: {
    status: 403,
    message: 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman.',
  },
  FORBIDDEN: { status: 403, message: 'Anda tidak berwenang mengakses data ini.' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: 'Kata sandi Anda bersifat sementara. Ganti kata sandi terlebih dahulu.',
  },
  MFA_WAJIB_DAFTAR: {
    status: 403,
    message:
      'Instansi mewajibkan kode autentikator untuk akun Anda. Daftarkan aplikasi autentikator di halaman Keamanan akun terlebih dahulu.',
  },
  TANTANGAN_MFA_TIDAK_BERLAKU: {
    status: 401,
    message: 'Langkah masuk ini sudah berakhir. Masukkan NIP dan kata sandi lagi.',
  },
  KODE_MFA_SALAH: { status: 401, message: 'Kode autentikator atau kode pemulihan salah.' },
  KODE_MFA_SUDAH_DIPAKAI: {
    status: 401,
    message: 'Kode ini sudah dipakai. Tunggu kode berikutnya pada aplikasi autentikator.',
  },
  KODE_MFA_TIDAK_COCOK: {
    status: 400,
    message: 'Kode tidak cocok. Pastikan jam ponsel tepat, lalu masukkan kode yang sedang tampil.',
  },
  MFA_BELUM_DIMULAI: {
    status: 409,
    message: 'Pendaftaran autentikator belum dimulai atau sudah selesai. Mulai pendaftaran lagi.',
  },
  KATA_SANDI_NONAKTIF: {
    status: 403,
    message:
      'Masuk dengan kata sandi dinonaktifkan instansi untuk akun Anda. Gunakan tombol “Masuk dengan SSO”.',
  },
  SSO_TIDAK_AKTIF: { status: 404, message: 'Masuk dengan SSO belum diaktifkan untuk instansi ini.' },
  SSO_PENYEDIA_GAGAL: {
    status: 503,
    message: 'Penyedia SSO tidak dapat dihubungi. Coba lagi nanti, atau hubungi admin BKD.',
  },
  SSO_PERMINTAAN_TIDAK_BERLAKU: {
    status: 400,
    message:
      'Proses masuk dengan SSO ini tidak dikenali atau sudah kedaluwarsa. Ulangi dari tombol “Masuk dengan SSO”.',
  },
  SSO_DITOLAK_PENYEDIA: {
    status: 401,
    message: 'Penyedia SSO membatalkan atau menolak proses masuk. Tidak ada sesi yang dibuat.',
  },
  SSO_TOKEN_TIDAK_SAH: {
    status: 401,
    message:
      'Token dari penyedia SSO tidak sah (penerbit, tujuan, masa berlaku atau nonce tidak cocok). Tidak ada sesi yang dibuat.',
  },
  SSO_NIP_TIDAK_ADA: {
    status: 401,
    message:
      'Akun SSO Anda tidak memuat NIP yang sah, jadi tidak dapat dicocokkan dengan pegawai. Tidak ada sesi yang dibuat; hubungi admin BKD.',
  },
  SSO_NIP_TIDAK_DIKENAL: {
    status: 401,
    message:
      'NIP pada akun SSO Anda tidak terdaftar sebagai pegawai aktif instansi ini. Tidak ada sesi yang dibuat; hubungi admin kepegawaian.',
  },
  SSO_PENERBIT_TIDAK_TERHUBUNG: {
    status: 400,
    message:
      'Penerbit SSO tidak dapat dihubungi atau tidak menyediakan dokumen OpenID Connect (/.well-known/openid-configuration).',
  },
  NOT_FOUND: { status: 404, message: 'Data tidak ditemukan.' },
  BUKAN_FUNGSIONAL: { status: 404, message: 'Angka kredit hanya untuk jabatan fungsional.' },
  VERSION_CONFLICT: {
    status: 409,
    message: 'Data telah diubah oleh pengguna lain. Muat ulang lalu ulangi perubahan Anda.',
  },
  NIP_TAKEN: { status: 409, message: 'NIP sudah terdaftar.' },
  POSITION_OCCUPIED: { status: 409, message: 'Jabatan struktural tersebut sudah diisi pegawai lain.' },
  SUPERIOR_CYCLE: { status: 409, message: 'Atasan yang dipilih membuat rantai atasan melingkar.' },
  WRONG_PASSWORD: { status: 400, message: 'Kata sandi lama tidak sesuai.' },
  IMPORT_INVALID: {
    status: 422,
    message: 'Berkas impor berisi baris yang tidak valid; tidak ada data yang disimpan.',
  },
  UNSUPPORTED_FILE: { status: 415, message: 'Jenis berkas tidak didukung. Gunakan CSV atau XLSX.' },
  BARIS_TERLALU_BANYAK: { status: 422, message: 'Berkas impor berisi terlalu banyak baris.' },
  IMPOR_SIBUK: {
    status: 429,
    message: 'Impor lain untuk instansi ini sedang berjalan. Coba lagi sebentar lagi.',
  },
  SKP_EXISTS: { status: 409, message: 'SKP untuk jabatan dan tahun ini sudah ada.' },
  SKP_NOT_EDITABLE: { status: 409, message: 'SKP ini tidak dapat diubah pada statusnya sekarang.' },
  SKP_INVALID_TRANSITION: { status: 409, message: 'Perubahan status SKP ini tidak diperbolehkan.' },
  SKP_INVALID: { status: 422, message: 'SKP belum memenuhi ketentuan; perbaiki temuan yang tercantum.' },
  NO_PEJABAT_PENILAI: {
    status: 422,
    message: 'Anda belum memiliki pejabat penilai; hubungi admin kepegawaian.',
  },
  CASCADE_CYCLE: {
    status: 409,
    message: 'Intervensi ini membuat rantai RHK melingkar; pilih RHK atasan yang lain.',
  },
  CAKUPAN_BELUM_LENGKAP: {
    status: 422,
    message:
      'SKP belum dapat disetujui: target RHK pimpinan belum dibagi habis kepada bawahan (lihat Matriks Peran Hasil).',
  },
  BUKAAN_TIDAK_AKTIF: {
    status: 409,
    message: 'Bukaan jendela ini sudah dicabut atau sudah berakhir.',
  },
  WINDOW_CLOSED: {
    status: 409,
    message: 'Jendela jadwal untuk tindakan ini sedang tidak dibuka.',
  },
  REALISASI_INVALID_TRANSITION: {
    status: 409,
    message: 'Perubahan status realisasi ini tidak diperbolehkan.',
  },
  PREDIKAT_MENUNGGU_PERBAIKAN: {
    status: 409,
    message:
      'Predikat periode belum dapat ditetapkan selama ada RHK yang menunggu perbaikan atau penilaian ulang.',
  },
  REALISASI_NOT_EDITABLE: {
    status: 409,
    message: 'Realisasi ini tidak dapat diubah pada statusnya sekarang.',
  },
  REALISASI_KOSONG: {
    status: 422,
    message: 'Realisasi belum diisi: isi nilai atau uraian realisasi sebelum mengajukan.',
  },
  REALISASI_TIDAK_ADA: {
    status: 422,
    message: 'Tidak ada realisasi berstatus Draf atau Perlu Perbaikan pada periode ini untuk diajukan.',
  },
  SKP_BELUM_DISETUJUI: {
    status: 422,
    message:
      'Belum ada SKP yang disetujui untuk periode ini; realisasi diisi per RHK dari SKP yang disetujui.',
  },
  BERKAS_TERLALU_BESAR: {
    status: 413,
    message: 'Berkas terlalu besar; ukuran berkas bukti dukung paling besar 2 MB.',
  },
  BERKAS_PENUH: {
    status: 409,
    message: 'Berkas bukti dukung sudah mencapai batas; hapus salah satu sebelum mengunggah lagi.',
  },
  DIALOG_BUKAN_BIMBINGAN: {
    status: 422,
    message: 'Penilaian Format B.1.8 hanya untuk dialog bimbingan atau konseling.',
  },
  DIALOG_SUDAH_DINILAI: {
    status: 409,
    message: 'Dialog ini sudah dinilai; penilaian hanya diberikan sekali.',
  },
  TINDAK_LANJUT_SUDAH_SELESAI: { status: 409, message: 'Tindak lanjut ini sudah ditandai selesai.' },
  DELEGASI_TUMPANG_TINDIH: {
    status: 409,
    message: 'Pejabat penilai ini sudah memiliki delegasi pada rentang tanggal yang sama.',
  },
  DELEGASI_TIDAK_AKTIF: { status: 409, message: 'Delegasi ini sudah dicabut atau sudah berakhir.' },
  EVALUASI_TERKUNCI: {
    status: 409,
    message: 'Evaluasi tahunan ini sudah ditandatangani atau final sehingga terkunci dan tidak dapat diubah.',
  },
  EVALUASI_INVALID_TRANSITION: {
    status: 409,
    message: 'Tindakan ini tidak sesuai dengan status evaluasi tahunan sekarang.',
  },
  BUKAN_PPPK_PARUH_WAKTU: { status: 404, message: 'Evaluasi triwulanan hanya untuk PPPK paruh waktu.' },
  EVALUASI_TRIWULAN_TERKUNCI: {
    status: 409,
    message: 'Evaluasi triwulan ini sudah final sehingga terkunci dan tidak dapat diubah.',
  },
  EVALUASI_TRIWULAN_BELUM_LENGKAP: {
    status: 422,
    message: 'Evaluasi triwulan belum dapat difinalkan; lengkapi kekurangannya.',
  },
  KEBERATAN_TIDAK_DAPAT_DIAJUKAN: { status: 409, message: 'Keberatan tidak dapat diajukan.' },
  KEBERATAN_SUDAH_DIPUTUS: { status: 409, message: 'Keberatan ini sudah diputus; keputusan bersifat final.' },
  KEBERATAN_KETERANGAN_BELUM_DIMINTA: {
    status: 409,
    message: 'Keterangan atas keberatan ini belum diminta.',
  },
  KEBERATAN_BELUM_DAPAT_DIPUTUS: {
    status: 409,
    message:
      'Keberatan belum dapat diputus: keterangan pegawai dan pejabat penilai belum lengkap dan batas waktunya belum lewat.',
  },
  MASUKAN_SUDAH_ADA: {
    status: 409,
    message: 'Masukan untuk nilai ini sudah ada; hapus dahulu untuk menggantinya.',
  },
  LIBUR_SUDAH_ADA: { status: 409, message: 'Tanggal tersebut sudah tercatat sebagai hari libur.' },
  PEKERJAAN_BERJALAN: {
    status: 409,
    message: 'Pekerjaan yang sama sedang berjalan; tunggu sampai selesai (lihat panel Pekerjaan).',
  },
  TPP_SUDAH_DISETUJUI: {
    status: 409,
    message: 'TPP bulan ini sudah disetujui BKD dan terkunci; perhitungan tidak dapat diulang.',
  },
  TPP_BELUM_LENGKAP: {
    status: 409,
    message:
      'TPP belum dapat disetujui: masih ada data kehadiran belum diimpor atau pegawai menunggu penilaian; sertakan alasan.',
  },
  IDEMPOTENSI_TIDAK_COCOK: {
    status: 422,
    message:
      'Idempotency-Key ini sudah dipakai untuk permintaan lain (isi berbeda); buat kunci baru untuk entri yang berbeda.',
  },
  IDEMPOTENSI_DIPROSES: {
    status: 409,
    message:
      'Permintaan dengan Idempotency-Key ini sudah diterima dan sedang diproses; coba lagi sebentar lagi.',
  },
  SIASN_BELUM_LENGKAP: {
    status: 400,
    message: 'Pengaturan SIASN belum lengkap; jembatan tidak dapat diaktifkan.',
  },
  SIASN_NONAKTIF: { status: 409, message: 'Jembatan SIASN belum diaktifkan oleh admin BKD.' },
  SIASN_BUKAN_GAGAL: {
    status: 409,
    message: 'Hanya kiriman yang gagal yang dapat dikirim ulang; muat ulang daftar.',
  },
  SIASN_TIDAK_TERSEDIA: { status: 503, message: 'SIASN tidak dapat dihubungi atau menolak permintaan.' },
  INTERNAL: { status: 500, message: 'Terjadi kesalahan pada server. Silakan coba lagi.' },
  LOGIN_BUSY: {
    status: 503,
    message: 'Server sedang memproses banyak permintaan masuk. Coba lagi dalam beberapa detik.',
  },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
    /** Seconds after which the request may be tried again, sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

/** A refusal the client may retry after `retryAfter` seconds; the handler sends it as Retry-After. */
export class RetryLaterError extends AppError {
  constructor(code: ErrorCode, retryAfter: number, message?: string) {
    super(code, { retryAfter }, message, retryAfter);
  }
}
