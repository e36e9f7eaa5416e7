/**
 * An employee's month: each working day (and any other day with a record) with its status, clock
 * times, minutes late or early against that day's hours and, when the import carries it, the day's
 * ceremony (apel/upacara); and the month's totals.
 */
import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { STATUS_APEL_LABEL, STATUS_KEHADIRAN, STATUS_KEHADIRAN_LABEL } from '../../../src/domain/kehadiran';
import { KartuAngka } from '../../components/KartuAngka';
import { ErrorView, Loading } from '../../components/Status';
import { bulanQuery } from './api';
import { tanggalDenganHari, WARNA_STATUS } from './format';

const menit = (m: number | null) => (m === null ? '—' : m === 0 ? '0' : `${m} mnt`);

export function KehadiranBulan({ pegawaiId, bulan }: { pegawaiId: number; bulan: string }) {
  const q = useQuery(bulanQuery(pegawaiId, bulan));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorView error={q.error} />;
  const { hari, ringkasan } = q.data;
  // The ceremony column only for an instansi whose attendance system reports ceremonies.
  const adaApel = hari.some((h) => h.apel !== null);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: adaApel ? 5 : 4 }}>
        <KartuAngka label="Hari kerja" nilai={ringkasan.hariKerja} />
        <KartuAngka
          label="Terlambat"
          nilai={ringkasan.terlambat}
          warna={ringkasan.terlambat ? 'orange.8' : undefined}
        />
        <KartuAngka
          label="Pulang cepat"
          nilai={ringkasan.pulangCepat}
          warna={ringkasan.pulangCepat ? 'orange.8' : undefined}
        />
        <KartuAngka
          label="Tanpa catatan"
          nilai={ringkasan.tanpaCatatan}
          warna={ringkasan.tanpaCatatan ? 'red.8' : undefined}
        />
        {adaApel && (
          <KartuAngka
            label="Tidak ikut apel (hari hadir)"
            nilai={ringkasan.apelTerlewat}
            warna={ringkasan.apelTerlewat ? 'red.8' : undefined}
          />
        )}
      </SimpleGrid>
      <Group gap="xs">
        {STATUS_KEHADIRAN.filter((s) => ringkasan.perStatus[s]).map((s) => (
          <Badge key={s} color={WARNA_STATUS[s]} variant="light">
            {STATUS_KEHADIRAN_LABEL[s]}: {ringkasan.perStatus[s]}
          </Badge>
        ))}
      </Group>
      <Table.ScrollContainer minWidth={560} type="native" tabIndex={0}>
        <Table striped aria-label="Kehadiran per hari">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tanggal</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Masuk</Table.Th>
              <Table.Th>Pulang</Table.Th>
              <Table.Th>Terlambat</Table.Th>
              <Table.Th>Pulang cepat</Table.Th>
              {adaApel && <Table.Th>Apel/upacara</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hari.map((h) => (
              <Table.Tr key={h.tanggal}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {tanggalDenganHari(h.tanggal)}
                  {h.jadwal && (
                    <Text size="xs" c="dimmed">
                      {h.jadwal.masuk}–{h.jadwal.pulang}
                    </Text>
                  )}
                  {h.libur && (
                    <Text size="xs" c="dimmed">
                      {h.libur}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {h.status ? (
                    <Badge color={WARNA_STATUS[h.status]} variant="light">
                      {STATUS_KEHADIRAN_LABEL[h.status]}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Belum ada catatan
                    </Text>
                  )}
                  {h.keterangan && (
                    <Text size="xs" c="dimmed">
                      {h.keterangan}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{h.jamMasuk ?? '—'}</Table.Td>
                <Table.Td>{h.jamPulang ?? '—'}</Table.Td>
                <Table.Td c={h.menitTerlambat ? 'orange.8' : undefined}>{menit(h.menitTerlambat)}</Table.Td>
                <Table.Td c={h.menitPulangCepat ? 'orange.8' : undefined}>
                  {menit(h.menitPulangCepat)}
                </Table.Td>
                {adaApel && (
                  <Table.Td>
                    {h.apel ? (
                      <Badge color={h.apel === 'HADIR' ? 'teal' : 'red'} variant="light">
                        {STATUS_APEL_LABEL[h.apel]}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
