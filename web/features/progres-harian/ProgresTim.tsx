/**
 * The assessor's team month at a glance: one row per employee, one column per day with the hours
 * recorded (holidays and weekends shaded, a dot where a comment exists). Choosing an employee opens
 * their days below, where the assessor comments on one day.
 */
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatNip } from '../../../src/domain/nip';
import { formatDurasi, namaTanggal } from '../../../src/domain/progres-harian';
import { ErrorView, Loading } from '../../components/Status';
import { timQuery } from './api';
import { ProgresBulan } from './ProgresBulan';

const jam = (menit: number) => (menit / 60).toLocaleString('id-ID', { maximumFractionDigits: 1 });

export function ProgresTim({ bulan }: { bulan: string }) {
  const query = useQuery(timQuery(bulan));
  const [dipilih, setDipilih] = useState<number | null>(null);
  const judulId = useId();
  if (query.isLoading) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const data = query.data!;
  if (data.pegawai.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Tidak ada pegawai yang Anda nilai pada {data.label}.
      </Text>
    );
  const pilihan = data.pegawai.find((p) => p.pegawaiId === dipilih) ?? null;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" id={judulId}>
        Jam progres harian per pegawai per hari, {data.label} (batas {formatDurasi(data.batasMenitHarian)} per
        hari). Kolom abu-abu: hari libur atau akhir pekan; tanda • : ada komentar.
      </Text>
      <Table.ScrollContainer minWidth={360} type="native" tabIndex={0}>
        <Table withColumnBorders verticalSpacing={2} horizontalSpacing={4} fz="xs" aria-labelledby={judulId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)' }}>
                Pegawai
              </Table.Th>
              {data.hari.map((h) => (
                <Table.Th
                  key={h.tanggal}
                  ta="center"
                  title={h.libur ?? namaTanggal(h.tanggal)}
                  bg={h.hariKerja ? undefined : 'var(--mantine-color-gray-light)'}
                >
                  {Number(h.tanggal.slice(8))}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.pegawai.map((p) => {
              const perHari = new Map(p.hari.map((d) => [d.tanggal, d]));
              return (
                <Table.Tr key={p.pegawaiId}>
                  <Table.Th
                    scope="row"
                    style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)' }}
                  >
                    <Button
                      size="compact-xs"
                      variant={dipilih === p.pegawaiId ? 'filled' : 'subtle'}
                      onClick={() => setDipilih(p.pegawaiId)}
                      aria-pressed={dipilih === p.pegawaiId}
                      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                      maw={160}
                      h="auto"
                    >
                      {p.namaLengkap}
                    </Button>
                  </Table.Th>
                  {data.hari.map((h) => {
                    const d = perHari.get(h.tanggal);
                    return (
                      <Table.Td
                        key={h.tanggal}
                        ta="center"
                        bg={h.hariKerja ? undefined : 'var(--mantine-color-gray-light)'}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {d && d.menit > 0 ? jam(d.menit) : ''}
                        {d && d.komentar > 0 ? ' •' : ''}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pilihan && (
        <Stack gap="sm" component="section" aria-label={`Progres harian ${pilihan.namaLengkap}`}>
          <Group justify="space-between">
            <Title order={3} size="h4">
              {pilihan.namaLengkap}
            </Title>
            <Text size="sm" c="dimmed">
              {formatNip(pilihan.nip)}
            </Text>
          </Group>
          <ProgresBulan pegawaiId={pilihan.pegawaiId} bulan={bulan} tingkat={4} />
        </Stack>
      )}
    </Stack>
  );
}
