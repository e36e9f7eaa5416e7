/** The shell: header, navigation by role (a drawer behind the burger on phones), content. */
import {
  Alert,
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import type { LogoutResponse } from '../../src/contracts/sso';
import { useMonitoringInstansi } from '../features/monitoring/api';
import { LoncengNotifikasi } from '../features/notifikasi/LoncengNotifikasi';
import { BakiPekerjaan } from '../features/pekerjaan/BakiPekerjaan';
import { post, setCsrfToken } from '../lib/api';
import { kosongkanAntrean, useAntrean } from '../lib/luring/antrean';
import { hapusCacheData, useDaring } from '../lib/luring/daring';
import { akunTerbatas, canBrowseOrg, isAdmin, isBkd, isTimPenilai, useMe } from '../lib/session';
import { AntreanLuring } from './AntreanLuring';

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const monitoringInstansi = useMonitoringInstansi(me);
  const terbatas = akunTerbatas(me);
  const daring = useDaring();
  const antrean = useAntrean(me?.id);
  const [yakinKeluar, setYakinKeluar] = useState(false);

  const items = [
    { to: '/', label: 'Beranda', show: true },
    { to: '/kotak-masuk', label: 'Kotak Masuk', show: true },
    { to: '/profil', label: 'Profil saya', show: true },
    { to: '/skp', label: 'SKP Saya', show: true },
    { to: '/skp-bawahan', label: 'SKP Bawahan', show: !!me?.isPejabatPenilai },
    { to: '/realisasi', label: 'Realisasi Saya', show: true, exact: true },
    { to: '/realisasi/bawahan', label: 'Penilaian Bawahan', show: !!me?.isPejabatPenilai },
    { to: '/progres-harian', label: 'Progres Harian Saya', show: true, exact: true },
    { to: '/progres-harian/tim', label: 'Progres Harian Tim', show: !!me?.isPejabatPenilai },
    { to: '/masukan-rekan', label: 'Masukan Rekan Kerja', show: true },
    { to: '/dialog', label: 'Dialog Kinerja', show: true },
    { to: '/riwayat', label: 'Riwayat Kinerja', show: true },
    { to: '/kurva', label: 'Kurva & Predikat', show: !!me?.isPejabatPenilai || isAdmin(me) },
    { to: '/monitoring', label: 'Monitoring', show: monitoringInstansi },
    { to: '/evaluasi', label: 'Evaluasi Tahunan', show: true },
    { to: '/keberatan', label: 'Keberatan', show: true },
    { to: '/tpp/saya', label: 'TPP Saya', show: true },
    { to: '/tpp', label: 'TPP', show: isAdmin(me), exact: true },
    { to: '/kehadiran/saya', label: 'Kehadiran Saya', show: true },
    { to: '/kehadiran', label: 'Kehadiran', show: isAdmin(me), exact: true },
    {
      to: '/angka-kredit',
      label: 'Angka Kredit',
      show: me?.jabatan?.jenis === 'FUNGSIONAL' || isAdmin(me),
    },
    { to: '/laporan', label: 'Laporan', show: isAdmin(me) },
    { to: '/pppk-paruh-waktu', label: 'PPPK Paruh Waktu', show: !!me?.isPejabatPenilai || isAdmin(me) },
    { to: '/tim-penilai', label: 'Tim Penilai', show: isBkd(me) || isTimPenilai(me) },
    { to: '/tindak-lanjut', label: 'Tindak Lanjut', show: isBkd(me) || isTimPenilai(me) },
    { to: '/delegasi', label: 'Delegasi Penilaian', show: !!me?.isPejabatPenilai || isAdmin(me) },
    { to: '/eskalasi', label: 'Eskalasi Penilaian', show: isAdmin(me) },
    { to: '/pegawai', label: 'Pegawai', show: canBrowseOrg(me) },
    { to: '/organisasi', label: 'Struktur organisasi', show: canBrowseOrg(me) },
    { to: '/cakupan', label: 'Dibagi Habis', show: canBrowseOrg(me) },
    { to: '/perjanjian-kinerja', label: 'Perjanjian Kinerja', show: isAdmin(me) },
    { to: '/impor', label: 'Impor pegawai', show: isBkd(me) },
    { to: '/jadwal/bukaan', label: 'Bukaan jendela', show: isAdmin(me) },
    { to: '/pengaturan', label: 'Pengaturan', show: isBkd(me) },
    { to: '/token-api', label: 'Token API', show: isBkd(me) },
    { to: '/siasn', label: 'Jembatan SIASN', show: isBkd(me) },
    { to: '/audit', label: 'Log audit', show: isAdmin(me) },
    { to: '/keamanan', label: 'Keamanan akun', show: true, akun: true },
    { to: '/ganti-kata-sandi', label: 'Ganti kata sandi', show: true, akun: true },
  ].filter((i) => i.show && (!terbatas || ('akun' in i && i.akun)));

  async function logout() {
    // Logging out empties the outbox: warn once while entries still wait.
    if (antrean.length > 0 && !yakinKeluar) {
      setYakinKeluar(true);
      return;
    }
    const keluar = await post<LogoutResponse>('/api/auth/logout').catch(() => null);
    await Promise.all([kosongkanAntrean(), hapusCacheData()]);
    setCsrfToken(null);
    queryClient.clear();
    // A session from SSO ends at the provider too; it sends the browser back to /masuk.
    if (keluar?.alihkanKe) window.location.assign(keluar.alihkanKe);
    else await navigate({ to: '/masuk' });
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Buka menu navigasi"
            />
            <Text fw={700} c="teal.8">
              e-Kinerja
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {me && <AntreanLuring pegawaiId={me.id} />}
            {!terbatas && <LoncengNotifikasi />}
            <Text size="sm" visibleFrom="xs" truncate maw={220}>
              {me?.namaLengkap}
            </Text>
            <Button
              size="xs"
              variant={yakinKeluar ? 'filled' : 'subtle'}
              color={yakinKeluar ? 'red' : undefined}
              onClick={logout}
              onBlur={() => setYakinKeluar(false)}
              aria-label={
                yakinKeluar
                  ? `Keluar juga? ${antrean.length} entri belum terkirim akan dihapus dari perangkat ini`
                  : undefined
              }
            >
              {yakinKeluar ? 'Keluar juga?' : 'Keluar'}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigasi utama">
        <ScrollArea>
          {items.map((i) => {
            // '/realisasi' is exact: neither lit nor aria-current (the router's) on '/realisasi/bawahan'.
            const exact = i.to === '/' || ('exact' in i && i.exact);
            return (
              <NavLink
                key={i.to}
                component={Link}
                to={i.to}
                activeOptions={{ exact }}
                label={i.label}
                active={exact ? path === i.to : path === i.to || path.startsWith(`${i.to}/`)}
                onClick={close}
              />
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>
      {/* Room below the page for the jobs tray (BakiPekerjaan sets its height), so it hides no control. */}
      <AppShell.Main
        style={{
          paddingBottom:
            'calc(var(--app-shell-footer-offset, 0rem) + var(--app-shell-padding) + var(--baki-tinggi, 0px))',
        }}
      >
        {/* One h1 per page, the application's name (hidden): each page's visible title is its h2. */}
        <VisuallyHidden component="h1">e-Kinerja</VisuallyHidden>
        {!daring && (
          <Alert
            color="yellow"
            mb="md"
            role="status"
            title="Anda sedang luring — entri disimpan di perangkat"
          >
            Progres harian dan foto bukti dukung yang Anda catat disimpan di perangkat ini dan dikirim
            otomatis saat koneksi kembali.
          </Alert>
        )}
        <Outlet />
      </AppShell.Main>
      {/* Outside the routes: long work keeps showing its progress while the user navigates. */}
      {!terbatas && <BakiPekerjaan />}
    </AppShell>
  );
}
