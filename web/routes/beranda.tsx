import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { ISTILAH, ISTILAH_SKP } from '../lib/istilah';
import { canBrowseOrg, useMe } from '../lib/session';

export function BerandaPage() {
  const me = useMe();
  if (!me) return null;
  const [penilai] = me.rantaiAtasan;
  return (
    <Stack>
      <Title order={2}>Selamat datang, {me.namaLengkap}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            Jabatan
          </Text>
          <Text fw={600}>{me.jabatan?.nama ?? '—'}</Text>
          <Text size="sm">{[me.jabatan?.unorNama, me.opd?.nama].filter(Boolean).join(', ')}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {ISTILAH.pejabatPenilai}
          </Text>
          <Text fw={600}>{penilai?.namaLengkap ?? '—'}</Text>
          <Text size="sm">{[penilai?.sebutan, penilai?.jabatanNama].filter(Boolean).join(' · ')}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {ISTILAH_SKP.skp}
          </Text>
          <Anchor component={Link} to="/skp" size="sm">
            Susun atau lihat SKP Anda
          </Anchor>
          {me.isPejabatPenilai && (
            <>
              <br />
              <Anchor component={Link} to="/skp-bawahan" size="sm">
                Periksa SKP bawahan
              </Anchor>
            </>
          )}
        </Card>
        {me.isPejabatPenilai && (
          <Card withBorder>
            <Text size="xs" c="dimmed">
              Anda pejabat penilai bagi
            </Text>
            <Text fw={600}>{me.bawahanLangsung.length} bawahan langsung</Text>
            <Anchor component={Link} to="/profil" size="sm">
              Lihat daftar
            </Anchor>
          </Card>
        )}
        {canBrowseOrg(me) && (
          <Card withBorder>
            <Text fw={600}>Administrasi</Text>
            <Anchor component={Link} to="/pegawai" size="sm">
              Cari pegawai
            </Anchor>
            <br />
            <Anchor component={Link} to="/organisasi" size="sm">
              Struktur organisasi
            </Anchor>
          </Card>
        )}
      </SimpleGrid>
    </Stack>
  );
}
