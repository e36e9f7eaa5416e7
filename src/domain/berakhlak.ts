/** The seven BerAKHLAK core values with their fixed guidance lines (SE MenPANRB 20/2021; SPEC §4.4). */
export const BERAKHLAK = [
  {
    kode: 'BERORIENTASI_PELAYANAN',
    nama: 'Berorientasi Pelayanan',
    panduan: [
      'Memahami dan memenuhi kebutuhan masyarakat',
      'Ramah, cekatan, solutif, dan dapat diandalkan',
      'Melakukan perbaikan tiada henti',
    ],
  },
  {
    kode: 'AKUNTABEL',
    nama: 'Akuntabel',
    panduan: [
      'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
      'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
      'Tidak menyalahgunakan kewenangan jabatan',
    ],
  },
  {
    kode: 'KOMPETEN',
    nama: 'Kompeten',
    panduan: [
      'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
      'Membantu orang lain belajar',
      'Melaksanakan tugas dengan kualitas terbaik',
    ],
  },
  {
    kode: 'HARMONIS',
    nama: 'Harmonis',
    panduan: [
      'Menghargai setiap orang apapun latar belakangnya',
      'Suka menolong orang lain',
      'Membangun lingkungan kerja yang kondusif',
    ],
  },
  {
    kode: 'LOYAL',
    nama: 'Loyal',
    panduan: [
      'Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah',
      'Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara',
      'Menjaga rahasia jabatan dan negara',
    ],
  },
  {
    kode: 'ADAPTIF',
    nama: 'Adaptif',
    panduan: [
      'Cepat menyesuaikan diri menghadapi perubahan',
      'Terus berinovasi dan mengembangkan kreativitas',
      'Bertindak proaktif',
    ],
  },
  {
    kode: 'KOLABORATIF',
    nama: 'Kolaboratif',
    panduan: [
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
      'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
      'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
    ],
  },
] as const;

export type KodeBerakhlak = (typeof BERAKHLAK)[number]['kode'];
