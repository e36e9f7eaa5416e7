/**
 * The instansi's holiday calendar of a year: everyone reads it, the BKD adds a date with its
 * description or deletes one (both audited on the server).
 */
import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { api, post } from '../../lib/api';
import { KEHADIRAN, liburQuery } from './api';
import { tanggalDenganHari } from './format';

export function KalenderLibur({ bolehUbah }: { bolehUbah: boolean }) {
  const [tahun, setTahun] = useState(new Date().getFullYear());
  const libur = useQuery(liburQuery(tahun));
  const aksi = useAksi((qc) => qc.invalidateQueries({ queryKey: KEHADIRAN }));
  const [tanggal, setTanggal] = useState('');
  const [keterangan, setKeterangan] = useState('');

  async function tambah() {
    const ok = await aksi.run(
      () => post<{ id: number }>('/api/kehadiran/libur', { tanggal, keterangan }),
      'Hari libur ditambahkan.',
    );
    if (ok) {
      setTanggal('');
      setKeterangan('');
    }
  }

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" align="end">
          <Title order={3}>Hari libur dan cuti bersama</Title>
          <NumberInput
            label="Tahun"
            value={tahun}
            onChange={(v) => typeof v === 'number' && setTahun(v)}
            min={2000}
            max={2100}
            w={110}
          />
        </Group>
        {bolehUbah && (
          <Group align="end" wrap="wrap">
            <TextInput
              type="date"
              label="Tanggal"
              value={tanggal}
              onChange={(e) => setTanggal(e.currentTarget.value)}
            />
            <TextInput
              label="Keterangan"
              placeholder="mis. Hari Raya Idul Fitri"
              value={keterangan}
              onChange={(e) => setKeterangan(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 200 }}
            />
            <Button onClick={tambah} loading={aksi.busy} disabled={!tanggal || keterangan.trim().length < 3}>
              Tambah
            </Button>
          </Group>
        )}
        <GalatAksi aksi={aksi} />
        {libur.isPending ? (
          <Loading />
        ) : libur.isError ? (
          <ErrorView error={libur.error} />
        ) : libur.data.items.length === 0 ? (
          <Text c="dimmed">Belum ada hari libur tercatat untuk tahun {tahun}.</Text>
        ) : (
          <Table.ScrollContainer minWidth={320} type="native" tabIndex={0}>
            <Table striped aria-label={`Hari libur ${tahun}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tanggal</Table.Th>
                  <Table.Th>Keterangan</Table.Th>
                  {bolehUbah && <Table.Th w={60} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {libur.data.items.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{tanggalDenganHari(l.tanggal)}</Table.Td>
                    <Table.Td>{l.keterangan}</Table.Td>
                    {bolehUbah && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Hapus ${l.keterangan} ${l.tanggal}`}
                          onClick={() =>
                            aksi.run(
                              () => api(`/api/kehadiran/libur/${l.id}`, { method: 'DELETE' }),
                              'Hari libur dihapus.',
                            )
                          }
                        >
                          ✕
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
