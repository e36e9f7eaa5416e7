/** The route tree (code-based). Pages load lazily; the layout route guards the session. */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { POLA_PERIODE_KURVA } from '../src/domain/kurva';
import { AppLayout } from './components/AppLayout';
import { NotFound } from './components/Status';
import { HALAMAN_AKUN, halamanWajib, meQuery } from './lib/session';

const root = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const login = createRoute({
  getParentRoute: () => root,
  path: '/masuk',
  component: lazyRouteComponent(() => import('./routes/masuk'), 'MasukPage'),
});

// The SSO provider sends the browser back here (JALUR_KEMBALI_SSO in src/domain/sso.ts).
const masukSso = createRoute({
  getParentRoute: () => root,
  path: '/masuk/sso',
  component: lazyRouteComponent(() => import('./routes/masuk-sso'), 'MasukSsoPage'),
});

// Public: anyone holding a printed document checks it, without logging in.
const verifikasi = createRoute({
  getParentRoute: () => root,
  path: '/verifikasi',
  component: lazyRouteComponent(() => import('./routes/verifikasi'), 'VerifikasiPage'),
});
const verifikasiKode = createRoute({
  getParentRoute: () => root,
  path: '/verifikasi/$kode',
  component: lazyRouteComponent(() => import('./routes/verifikasi'), 'VerifikasiPage'),
});

const app = createRoute({
  getParentRoute: () => root,
  id: 'app',
  component: AppLayout,
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/masuk', search: { kembali: location.href } });
    const wajib = halamanWajib({ mustChangePassword: me.mustChangePassword, mustEnrolMfa: me.mfa.mustEnrol });
    if (wajib && !HALAMAN_AKUN.includes(location.pathname)) throw redirect({ to: wajib });
  },
});

const beranda = createRoute({
  getParentRoute: () => app,
  path: '/',
  component: lazyRouteComponent(() => import('./routes/beranda'), 'BerandaPage'),
});
const profil = createRoute({
  getParentRoute: () => app,
  path: '/profil',
  component: lazyRouteComponent(() => import('./routes/profil'), 'ProfilPage'),
});
const gantiKataSandi = createRoute({
  getParentRoute: () => app,
  path: '/ganti-kata-sandi',
  component: lazyRouteComponent(() => import('./routes/ganti-kata-sandi'), 'GantiKataSandiPage'),
});
const keamanan = createRoute({
  getParentRoute: () => app,
  path: '/keamanan',
  component: lazyRouteComponent(() => import('./routes/keamanan'), 'KeamananPage'),
});
const pegawai = createRoute({
  getParentRoute: () => app,
  path: '/pegawai',
  component: lazyRouteComponent(() => import('./routes/pegawai'), 'PegawaiPage'),
});
const pegawaiDetail = createRoute({
  getParentRoute: () => app,
  path: '/pegawai/$id',
  component: lazyRouteComponent(() => import('./routes/pegawai-detail'), 'PegawaiDetailPage'),
});
const organisasi = createRoute({
  getParentRoute: () => app,
  path: '/organisasi',
  component: lazyRouteComponent(() => import('./routes/organisasi'), 'OrganisasiPage'),
});
const impor = createRoute({
  getParentRoute: () => app,
  path: '/impor',
  component: lazyRouteComponent(() => import('./routes/impor'), 'ImporPage'),
});
const audit = createRoute({
  getParentRoute: () => app,
  path: '/audit',
  component: lazyRouteComponent(() => import('./routes/audit'), 'AuditPage'),
});

// Perencanaan: cascading (matriks, dibagi habis), notifikasi, pengaturan, perjanjian kinerja.
const matriks = createRoute({
  getParentRoute: () => app,
  path: '/skp/$id/matriks',
  component: lazyRouteComponent(() => import('./routes/matriks'), 'MatriksPage'),
});
const cakupan = createRoute({
  getParentRoute: () => app,
  path: '/cakupan',
  validateSearch: (s: Record<string, unknown>): { tahun?: number; unorId?: number } => {
    const n = (v: unknown) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : undefined);
    return { tahun: n(s.tahun), unorId: n(s.unorId) };
  },
  component: lazyRouteComponent(() => import('./routes/cakupan'), 'CakupanPage'),
});
const notifikasi = createRoute({
  getParentRoute: () => app,
  path: '/notifikasi',
  component: lazyRouteComponent(() => import('./routes/notifikasi'), 'NotifikasiPage'),
});
const pengaturan = createRoute({
  getParentRoute: () => app,
  path: '/pengaturan',
  component: lazyRouteComponent(() => import('./routes/pengaturan'), 'PengaturanPage'),
});
const jadwalBukaan = createRoute({
  getParentRoute: () => app,
  path: '/jadwal/bukaan',
  component: lazyRouteComponent(() => import('./routes/jadwal-bukaan'), 'JadwalBukaanPage'),
});
const tokenApi = createRoute({
  getParentRoute: () => app,
  path: '/token-api',
  component: lazyRouteComponent(() => import('./routes/token-api'), 'TokenApiPage'),
});
const siasn = createRoute({
  getParentRoute: () => app,
  path: '/siasn',
  component: lazyRouteComponent(() => import('./routes/siasn'), 'SiasnPage'),
});
const perjanjianKinerja = createRoute({
  getParentRoute: () => app,
  path: '/perjanjian-kinerja',
  component: lazyRouteComponent(() => import('./routes/perjanjian-kinerja'), 'PerjanjianKinerjaPage'),
});

const skpSaya = createRoute({
  getParentRoute: () => app,
  path: '/skp',
  component: lazyRouteComponent(() => import('./routes/skp'), 'SkpSayaPage'),
});
const skpDetail = createRoute({
  getParentRoute: () => app,
  path: '/skp/$id',
  component: lazyRouteComponent(() => import('./routes/skp-detail'), 'SkpDetailPage'),
});
const skpBawahan = createRoute({
  getParentRoute: () => app,
  path: '/skp-bawahan',
  component: lazyRouteComponent(() => import('./routes/skp-bawahan'), 'SkpBawahanPage'),
});

const positif = (v: unknown) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : undefined);
// Pelaksanaan: the monthly cycle (realisasi per RHK, assessment of subordinates).
const periodeSearch = (s: Record<string, unknown>): { periode?: string } => ({
  periode: typeof s.periode === 'string' ? s.periode : undefined,
});
const realisasiSaya = createRoute({
  getParentRoute: () => app,
  path: '/realisasi',
  // `pekerjaan`: the import job whose report the page shows (the jobs tray links here).
  validateSearch: (s: Record<string, unknown>): { periode?: string; pekerjaan?: number } => ({
    ...periodeSearch(s),
    pekerjaan: positif(s.pekerjaan),
  }),
  component: lazyRouteComponent(() => import('./routes/realisasi'), 'RealisasiSayaPage'),
});
const realisasiBawahan = createRoute({
  getParentRoute: () => app,
  path: '/realisasi/bawahan',
  validateSearch: periodeSearch,
  component: lazyRouteComponent(() => import('./routes/realisasi-bawahan'), 'RealisasiBawahanPage'),
});
// Progres harian across RHKs: `bulan` ('YYYY-MM') chooses the month (today's when absent).
const bulanSearch = (s: Record<string, unknown>): { bulan?: string } => ({
  bulan: typeof s.bulan === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s.bulan) ? s.bulan : undefined,
});
const progresHarianSaya = createRoute({
  getParentRoute: () => app,
  path: '/progres-harian',
  validateSearch: bulanSearch,
  component: lazyRouteComponent(() => import('./routes/progres-harian'), 'ProgresHarianSayaPage'),
});
const progresHarianTim = createRoute({
  getParentRoute: () => app,
  path: '/progres-harian/tim',
  validateSearch: bulanSearch,
  component: lazyRouteComponent(() => import('./routes/progres-harian'), 'ProgresHarianTimPage'),
});
const masukanRekan = createRoute({
  getParentRoute: () => app,
  path: '/masukan-rekan',
  validateSearch: periodeSearch,
  component: lazyRouteComponent(() => import('./routes/masukan-rekan'), 'MasukanRekanPage'),
});
const realisasiPenilaian = createRoute({
  getParentRoute: () => app,
  path: '/realisasi/bawahan/$pegawaiId',
  validateSearch: periodeSearch,
  component: lazyRouteComponent(() => import('./routes/realisasi-penilaian'), 'RealisasiPenilaianPage'),
});

// Pemantauan: dialog kinerja, and the history of the periods side by side.
const dialog = createRoute({
  getParentRoute: () => app,
  path: '/dialog',
  validateSearch: (s: Record<string, unknown>): { id?: number } => ({ id: positif(s.id) }),
  component: lazyRouteComponent(() => import('./routes/dialog'), 'DialogPage'),
});
const riwayat = createRoute({
  getParentRoute: () => app,
  path: '/riwayat',
  validateSearch: (s: Record<string, unknown>): { tahun?: number; pegawai?: number } => ({
    tahun: positif(s.tahun),
    pegawai: positif(s.pegawai),
  }),
  component: lazyRouteComponent(() => import('./routes/riwayat'), 'RiwayatPage'),
});

const kurva = createRoute({
  getParentRoute: () => app,
  path: '/kurva',
  validateSearch: (s: Record<string, unknown>): { unorId?: number; periode?: string } => ({
    unorId: positif(s.unorId),
    // Query strings give '2025' as a number.
    periode: POLA_PERIODE_KURVA.test(String(s.periode)) ? String(s.periode) : undefined,
  }),
  component: lazyRouteComponent(() => import('./routes/kurva'), 'KurvaPage'),
});
const monitoring = createRoute({
  getParentRoute: () => app,
  path: '/monitoring',
  validateSearch: periodeSearch,
  component: lazyRouteComponent(() => import('./routes/monitoring'), 'MonitoringPage'),
});
const monitoringOpd = createRoute({
  getParentRoute: () => app,
  path: '/monitoring/opd/$opdId',
  validateSearch: periodeSearch,
  component: lazyRouteComponent(() => import('./routes/monitoring'), 'MonitoringOpdPage'),
});
const kepatuhanHarian = createRoute({
  getParentRoute: () => app,
  path: '/monitoring/progres-harian',
  validateSearch: (s: Record<string, unknown>): { bulan?: string; opdId?: number } => ({
    ...bulanSearch(s),
    opdId: positif(s.opdId),
  }),
  component: lazyRouteComponent(() => import('./routes/kepatuhan-harian'), 'KepatuhanHarianPage'),
});
const kepatuhanHarianPegawai = createRoute({
  getParentRoute: () => app,
  path: '/monitoring/progres-harian/pegawai/$id',
  validateSearch: bulanSearch,
  component: lazyRouteComponent(() => import('./routes/kepatuhan-harian'), 'KalenderKepatuhanPage'),
});
const kepatuhanHarianTim = createRoute({
  getParentRoute: () => app,
  path: '/progres-harian/kepatuhan',
  validateSearch: bulanSearch,
  component: lazyRouteComponent(() => import('./routes/kepatuhan-harian'), 'KepatuhanHarianTimPage'),
});

// Tindak lanjut: TPP per month (BKD, OPD admins) and each employee's own.
const tpp = createRoute({
  getParentRoute: () => app,
  path: '/tpp',
  validateSearch: (s: Record<string, unknown>): { bulan?: string } => ({
    bulan: typeof s.bulan === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s.bulan) ? s.bulan : undefined,
  }),
  component: lazyRouteComponent(() => import('./routes/tpp'), 'TppPage'),
});
const tppSaya = createRoute({
  getParentRoute: () => app,
  path: '/tpp/saya',
  component: lazyRouteComponent(() => import('./routes/tpp-saya'), 'TppSayaPage'),
});
const kehadiran = createRoute({
  getParentRoute: () => app,
  path: '/kehadiran',
  component: lazyRouteComponent(() => import('./routes/kehadiran'), 'KehadiranPage'),
});
const kehadiranSaya = createRoute({
  getParentRoute: () => app,
  path: '/kehadiran/saya',
  component: lazyRouteComponent(() => import('./routes/kehadiran-saya'), 'KehadiranSayaPage'),
});

// Angka kredit of functional staff, and the national-format exports (admins).
const angkaKredit = createRoute({
  getParentRoute: () => app,
  path: '/angka-kredit',
  validateSearch: (s: Record<string, unknown>): { tahun?: number; pegawai?: number } => ({
    tahun: positif(s.tahun),
    pegawai: positif(s.pegawai),
  }),
  component: lazyRouteComponent(() => import('./routes/angka-kredit'), 'AngkaKreditPage'),
});
const laporan = createRoute({
  getParentRoute: () => app,
  path: '/laporan',
  component: lazyRouteComponent(() => import('./routes/laporan'), 'LaporanPage'),
});
const pppkParuhWaktu = createRoute({
  getParentRoute: () => app,
  path: '/pppk-paruh-waktu',
  component: lazyRouteComponent(() => import('./routes/pppk-paruh-waktu'), 'PppkParuhWaktuPage'),
});
const tindakLanjut = createRoute({
  getParentRoute: () => app,
  path: '/tindak-lanjut',
  component: lazyRouteComponent(() => import('./routes/tindak-lanjut'), 'TindakLanjutPage'),
});

// Penilaian: the annual evaluation per SKP, objections, and the tim penilai's list.
const evaluasi = createRoute({
  getParentRoute: () => app,
  path: '/evaluasi',
  validateSearch: (s: Record<string, unknown>): { tahun?: number } => ({ tahun: positif(s.tahun) }),
  component: lazyRouteComponent(() => import('./routes/evaluasi'), 'EvaluasiPage'),
});
const evaluasiSkp = createRoute({
  getParentRoute: () => app,
  path: '/evaluasi/skp/$skpId',
  component: lazyRouteComponent(() => import('./routes/evaluasi'), 'EvaluasiSkpPage'),
});
const keberatan = createRoute({
  getParentRoute: () => app,
  path: '/keberatan',
  component: lazyRouteComponent(() => import('./routes/keberatan'), 'KeberatanPage'),
});
const timPenilai = createRoute({
  getParentRoute: () => app,
  path: '/tim-penilai',
  component: lazyRouteComponent(() => import('./routes/tim-penilai'), 'TimPenilaiPage'),
});

// What waits for the user, delegation of assessment, and the admins' escalation list.
const kotakMasuk = createRoute({
  getParentRoute: () => app,
  path: '/kotak-masuk',
  component: lazyRouteComponent(() => import('./routes/kotak-masuk'), 'KotakMasukPage'),
});
const delegasi = createRoute({
  getParentRoute: () => app,
  path: '/delegasi',
  component: lazyRouteComponent(() => import('./routes/delegasi'), 'DelegasiPage'),
});
const eskalasi = createRoute({
  getParentRoute: () => app,
  path: '/eskalasi',
  validateSearch: periodeSearch,
  component: lazyRouteComponent(() => import('./routes/eskalasi'), 'EskalasiPage'),
});

const routeTree = root.addChildren([
  login,
  masukSso,
  verifikasi,
  verifikasiKode,
  app.addChildren([
    beranda,
    profil,
    gantiKataSandi,
    keamanan,
    pegawai,
    pegawaiDetail,
    organisasi,
    impor,
    audit,
    skpSaya,
    skpDetail,
    skpBawahan,
    realisasiSaya,
    realisasiBawahan,
    realisasiPenilaian,
    progresHarianSaya,
    progresHarianTim,
    masukanRekan,
    kotakMasuk,
    delegasi,
    eskalasi,
    dialog,
    riwayat,
    kurva,
    monitoring,
    monitoringOpd,
    kepatuhanHarian,
    kepatuhanHarianPegawai,
    kepatuhanHarianTim,
    tpp,
    tppSaya,
    kehadiran,
    kehadiranSaya,
    angkaKredit,
    laporan,
    pppkParuhWaktu,
    tindakLanjut,
    evaluasi,
    evaluasiSkp,
    keberatan,
    timPenilai,
    matriks,
    cakupan,
    notifikasi,
    pengaturan,
    jadwalBukaan,
    tokenApi,
    siasn,
    perjanjianKinerja,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
