/**
 * Compliance per day of progres harian as tables: per OPD of the reader's scope (each OPD opens its
 * employees), per employee (each opens his calendar). While the instansi's rule is off they say so.
 */
import { Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { formatPersen } from '../../../src/domain/angka';
import { formatNip } from '../../../src/domain/nip';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { type KepatuhanOpdOut, opdQuery, pegawaiListQuery } from './api';

type Jumlah = KepatuhanOpdOut['items'][number];

/** The rule in words, or that it is off (never a table of zeros). */
export function Ketentuan({ aktif, ketentuan }: { aktif: boolean; ketentuan: string }) {
  if (!aktif)
    return (
      <Alert color="gray" title="Aturan kepatuhan progres harian tidak aktif">
        Instansi belum mewajibkan progres harian setiap hari kerja. Admin BKD dapat mengaktifkannya di halaman
        Pengaturan.
      </Alert>
    );
  return (
    <Text size="sm">
      Ketentuan: {ketentuan}. Hari dinas luar, cuti, sakit, dan izin dikecualikan. Persentase = hari tepat
      waktu dari hari yang sudah dinilai (tepat waktu, terlambat, tidak diisi).
    </Text>
  );
}

function KolomJumlah() {
  return (
    <>
      <Table.Th ta="right">Tepat waktu</Table.Th>
      <Table.Th ta="right">Terlambat</Table.Th>
      <Table.Th ta="right">Tidak diisi</Table.Th>
      <Table.Th ta="right">Dikecualikan</Table.Th>
      <Table.Th ta="right">Belum jatuh tempo</Table.Th>
      <Table.Th ta="right">Kepatuhan</Table.Th>
    </>
  );
}

function SelJumlah({ j }: { j: Omit<Jumlah, 'opdId' | 'opdNama' | 'jumlahPegawai'> }) {
  return (
    <>
      <Table.Td ta="right">{j.tepatWaktu}</Table.Td>
      <Table.Td ta="right">{j.terlambat}</Table.Td>
      <Table.Td ta="right">{j.tidakAda}</Table.Td>
      <Table.Td ta="right">{j.dikecualikan}</Table.Td>
      <Table.Td ta="right">{j.belumJatuhTempo}</Table.Td>
      <Table.Td ta="right">{formatPersen(j.persenPatuh)}</Table.Td>
    </>
  );
}

export function KepatuhanPerOpd({ bulan }: { bulan: string }) {
  const query = useQuery(opdQuery(bulan));
  const judul = useId();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const d = query.data;
  return (
    <Stack gap="sm">
      <Ketentuan aktif={d.aktif} ketentuan={d.ketentuan} />
      {d.aktif && d.total && (
        <>
          <Text size="sm" id={judul}>
            Hari-pegawai {d.label}: {d.total.jumlahPegawai} pegawai, kepatuhan{' '}
            {formatPersen(d.total.persenPatuh)}.
          </Text>
          <Table.ScrollContainer minWidth={640} type="native" tabIndex={0}>
            <Table striped aria-labelledby={judul}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Perangkat daerah</Table.Th>
                  <Table.Th ta="right">Pegawai</Table.Th>
                  <KolomJumlah />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((o) => (
                  <Table.Tr key={o.opdId ?? 'tanpa'}>
                    <Table.Td>
                      {o.opdId === null ? (
                        o.opdNama
                      ) : (
                        <Anchor
                          renderRoot={(props) => (
                            <Link
                              {...props}
                              to="/monitoring/progres-harian"
                              search={{ bulan, opdId: o.opdId! }}
                            />
                          )}
                        >
                          {o.opdNama}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{o.jumlahPegawai}</Table.Td>
                    <SelJumlah j={o} />
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

export function KepatuhanPerPegawai({ bulan, opdId }: { bulan: string; opdId: number | undefined }) {
  const query = useInfiniteQuery(pegawaiListQuery(bulan, opdId));
  const judul = useId();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const d = { ...query.data.pages[0]!, items: query.data.pages.flatMap((p) => p.items) };
  return (
    <Stack gap="sm">
      <Ketentuan aktif={d.aktif} ketentuan={d.ketentuan} />
      {d.aktif && (
        <Table.ScrollContainer minWidth={720} type="native" tabIndex={0}>
          <Table striped aria-labelledby={judul}>
            <caption id={judul} style={{ captionSide: 'top', textAlign: 'left' }}>
              Kepatuhan progres harian per pegawai, {d.label}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pegawai</Table.Th>
                <KolomJumlah />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((p) => (
                <Table.Tr key={p.pegawaiId}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link
                          {...props}
                          to="/monitoring/progres-harian/pegawai/$id"
                          params={{ id: String(p.pegawaiId) }}
                          search={{ bulan }}
                        />
                      )}
                    >
                      {p.namaLengkap}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatNip(p.nip)} · {p.jabatanNama}
                    </Text>
                  </Table.Td>
                  <SelJumlah j={p} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
    </Stack>
  );
}
