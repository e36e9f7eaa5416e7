/** One SKP: header, identity, Hasil Kerja (editor for the owner, table otherwise), Perilaku, Lampiran. */
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Identitas, SkpDetail } from '../../../src/contracts/skp';
import { formatNip } from '../../../src/domain/nip';
import { ErrorView, Loading } from '../../components/Status';
import { formatTanggal, formatTanggalDi, ISTILAH, ISTILAH_SKP, PENDEKATAN_LABEL } from '../../lib/istilah';
import { useJadwal } from '../realisasi/useJadwal';
import { AjukanButton, AksiSkp } from './AksiSkp';
import { useSkpAksi } from './aksi';
import { skpDetailQuery } from './api';
import { formatPeriode } from './format';
import { DaftarTemuan, HasilKerjaEditor } from './HasilKerjaEditor';
import { HasilKerjaTabel } from './HasilKerjaTabel';
import { LampiranSkp } from './LampiranSkp';
import { PerilakuKerja } from './PerilakuKerja';
import { StatusSkpBadge, TerlambatBadge } from './StatusSkp';

function KartuIdentitas({ judul, data }: { judul: string; data: Identitas | null }) {
  const baris: [string, string | null][] = data
    ? [
        ['Nama', data.nama],
        ['NIP', formatNip(data.nip)],
        ['Pangkat/Gol. Ruang', data.pangkatGolongan],
        ['Jabatan', data.jabatan],
        ['Unit Kerja', data.unitKerja],
      ]
    : [];
  return (
    <Card withBorder padding="sm" component="section" aria-label={judul}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {judul}
      </Text>
      {data ? (
        <Stack gap={2}>
          {baris.map(([k, v]) => (
            <Group key={k} gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
                {k}
              </Text>
              <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {v ?? '—'}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Belum ada pejabat penilai.
        </Text>
      )}
    </Card>
  );
}

function Bagian({ judul, children }: { judul: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={judul}>
      <Title order={3}>{judul}</Title>
      {children}
    </Stack>
  );
}

function Header({ skp }: { skp: SkpDetail }) {
  const { zona } = useJadwal();
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Title order={2}>SKP {skp.tahun}</Title>
        <span role="status" aria-label="Status SKP">
          <StatusSkpBadge status={skp.status} />
        </span>
        <Badge variant="outline" color="gray">
          Versi {skp.versi}
        </Badge>
        {skp.keteranganTerlambat && <TerlambatBadge keterangan={skp.keteranganTerlambat} />}
      </Group>
      <Text fw={600}>{skp.jabatanNama}</Text>
      <Text size="sm" c="dimmed">
        {skp.pegawaiNama} · Periode {formatPeriode(skp.periodeMulai, skp.periodeAkhir)} · Pendekatan{' '}
        {PENDEKATAN_LABEL[skp.pendekatan]}
      </Text>
      <Text size="sm">
        {ISTILAH_SKP.batasWaktu}: {formatTanggal(skp.batasWaktu)}
        {skp.disetujuiAt && ` · Disetujui ${formatTanggalDi(skp.disetujuiAt, zona)}`}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Button component="a" href={`/api/skp/${skp.id}/dokumen.pdf`} download variant="default">
          Unduh PDF
        </Button>
        <AksiSkp skp={skp} />
      </Group>
      {skp.catatanPengembalian && skp.status !== 'DISETUJUI' && (
        <Alert
          color="orange"
          title={
            skp.status === 'DIKEMBALIKAN'
              ? 'SKP dikembalikan'
              : `${ISTILAH_SKP.catatanPengembalian} sebelumnya`
          }
          role="status"
        >
          {skp.catatanPengembalian}
        </Alert>
      )}
      {skp.cakupan && (
        <Text size="sm">
          <Text span c={skp.cakupan.masalah > 0 ? 'orange.8' : 'teal.8'} fw={600}>
            {ISTILAH_SKP.masalahCakupan}: {skp.cakupan.masalah}
          </Text>{' '}
          ·{' '}
          <Anchor component={Link} to={`/skp/${skp.id}/matriks`}>
            Matriks Peran Hasil dan cakupan
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

export function SkpDetailView({ id }: { id: number }) {
  const query = useQuery(skpDetailQuery(id));
  const aksi = useSkpAksi(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const skp = query.data;
  return (
    <Stack gap="lg">
      <Header skp={skp} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <KartuIdentitas judul={ISTILAH_SKP.pegawaiDinilai} data={skp.identitas.pegawai} />
        <KartuIdentitas judul={ISTILAH.pejabatPenilai} data={skp.identitas.pejabatPenilai} />
      </SimpleGrid>
      <Bagian judul={ISTILAH_SKP.hasilKerja}>
        {skp.can.edit ? (
          <HasilKerjaEditor
            key={skp.version}
            skp={skp}
            aksi={aksi}
            ajukan={(dirty) => <AjukanButton skp={skp} aksi={aksi} dirty={dirty} />}
          />
        ) : (
          <>
            <HasilKerjaTabel skp={skp} />
            <DaftarTemuan skp={skp} />
            {skp.can.submit && (
              <Group>
                <AjukanButton skp={skp} aksi={aksi} dirty={false} />
              </Group>
            )}
          </>
        )}
      </Bagian>
      <Bagian judul={ISTILAH_SKP.perilakuKerja}>
        <PerilakuKerja key={skp.version} skp={skp} />
      </Bagian>
      <Bagian judul={ISTILAH_SKP.lampiran}>
        <LampiranSkp key={skp.version} skp={skp} />
      </Bagian>
    </Stack>
  );
}
