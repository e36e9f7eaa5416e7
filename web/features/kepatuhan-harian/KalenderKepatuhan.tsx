/**
 * One employee's month of compliance as a calendar: a week per row (Monday first), one cell per day
 * with its status in words, a colour and a symbol (never colour alone), the deadline in the cell's
 * description.
 */
import { Badge, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { formatPersen } from '../../../src/domain/angka';
import { hariIso, NAMA_HARI } from '../../../src/domain/kehadiran';
import {
  STATUS_KEPATUHAN,
  STATUS_KEPATUHAN_LABEL,
  type StatusKepatuhan,
} from '../../../src/domain/kepatuhan-harian';
import { formatNip } from '../../../src/domain/nip';
import { namaTanggal } from '../../../src/domain/progres-harian';
import { ErrorView, Loading } from '../../components/Status';
import { kalenderQuery } from './api';
import { Ketentuan } from './KepatuhanTabel';

const GAYA: Record<StatusKepatuhan, { warna: string; simbol: string }> = {
  TEPAT_WAKTU: { warna: 'teal', simbol: '✓' },
  TERLAMBAT: { warna: 'orange', simbol: '!' },
  TIDAK_ADA: { warna: 'red', simbol: '✗' },
  BELUM_JATUH_TEMPO: { warna: 'blue', simbol: '…' },
  BUKAN_HARI_KERJA: { warna: 'gray', simbol: '–' },
  DIKECUALIKAN: { warna: 'violet', simbol: '○' },
};

function Status({ status }: { status: StatusKepatuhan }) {
  const g = GAYA[status];
  return (
    <Badge color={g.warna} variant="light" size="sm" radius="sm" styles={{ label: { whiteSpace: 'normal' } }}>
      <span aria-hidden="true">{g.simbol} </span>
      {STATUS_KEPATUHAN_LABEL[status]}
    </Badge>
  );
}

export function KalenderKepatuhan({ pegawaiId, bulan }: { pegawaiId: number; bulan: string }) {
  const query = useQuery(kalenderQuery(pegawaiId, bulan));
  const judul = useId();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const d = query.data;
  // Weeks of seven cells, Monday first; blanks before the 1st and after the last day.
  const awal = d.hari.length ? Number(hariIso(d.hari[0]!.tanggal)) - 1 : 0;
  const isi = [
    ...Array.from({ length: awal }, (_, i) => ({ kunci: `awal-${i}`, hari: null })),
    ...d.hari.map((h) => ({ kunci: h.tanggal, hari: h })),
  ];
  const sel = [
    ...isi,
    ...Array.from({ length: (7 - (isi.length % 7)) % 7 }, (_, i) => ({ kunci: `akhir-${i}`, hari: null })),
  ];
  const minggu = Array.from({ length: sel.length / 7 }, (_, i) => sel.slice(i * 7, i * 7 + 7));
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={3} size="h4" id={judul}>
          {d.pegawai.namaLengkap} — {d.label}
        </Title>
        <Text size="sm" c="dimmed">
          {formatNip(d.pegawai.nip)}
        </Text>
      </Group>
      <Ketentuan aktif={d.aktif} ketentuan={d.ketentuan} />
      {d.aktif && d.jumlah && (
        <>
          <Text size="sm">
            Tepat waktu {d.jumlah.tepatWaktu} hari, terlambat {d.jumlah.terlambat}, tidak diisi{' '}
            {d.jumlah.tidakAda}, dikecualikan {d.jumlah.dikecualikan}, belum jatuh tempo{' '}
            {d.jumlah.belumJatuhTempo}; kepatuhan {formatPersen(d.jumlah.persenPatuh)}.
          </Text>
          <Group gap="xs">
            <Text size="xs">Keterangan:</Text>
            {STATUS_KEPATUHAN.map((s) => (
              <Status key={s} status={s} />
            ))}
          </Group>
          <Table.ScrollContainer minWidth={700} type="native" tabIndex={0}>
            <Table withColumnBorders layout="fixed" aria-labelledby={judul}>
              <Table.Thead>
                <Table.Tr>
                  {(['1', '2', '3', '4', '5', '6', '7'] as const).map((h) => (
                    <Table.Th key={h} ta="center">
                      {NAMA_HARI[h]}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {minggu.map((m) => (
                  <Table.Tr key={m[0]!.kunci}>
                    {m.map(({ kunci, hari: h }) =>
                      h ? (
                        <Table.Td key={kunci} style={{ verticalAlign: 'top' }} data-tanggal={h.tanggal}>
                          <Stack gap={2}>
                            <Text size="sm" fw={600}>
                              <span aria-hidden="true">{Number(h.tanggal.slice(8))}</span>
                              <VisuallyHidden>{namaTanggal(h.tanggal)}</VisuallyHidden>
                            </Text>
                            <Status status={h.status} />
                            {h.keterangan && (
                              <Text size="xs" c="dimmed">
                                {h.keterangan}
                              </Text>
                            )}
                            {h.tenggat && h.status !== 'DIKECUALIKAN' && (
                              <Text size="xs" c="dimmed">
                                Batas: {h.tenggat}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                      ) : (
                        <Table.Td key={kunci} />
                      ),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
