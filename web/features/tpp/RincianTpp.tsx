/** One employee's TPP month: the amounts and every explained line of the computation, grouped. */

import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatPersen } from '../../../src/domain/angka';
import { KELOMPOK_RINCIAN, type KelompokRincian, rupiah } from '../../../src/domain/tpp';
import type { TppBarisDetail } from './api';

const JUDUL: Record<KelompokRincian, string> = {
  DASAR: 'Besaran',
  PRODUKTIVITAS: 'Produktivitas (kinerja)',
  DISIPLIN: 'Disiplin (kehadiran)',
  PENAHANAN: 'Penahanan',
  JUMLAH: 'Jumlah',
};

export function StatusBulan({ status }: { status: 'DRAF' | 'DISETUJUI' }) {
  return status === 'DISETUJUI' ? (
    <Badge color="teal">Disetujui</Badge>
  ) : (
    <Badge color="gray" variant="light">
      Draf
    </Badge>
  );
}

/** A labelled figure inside a TPP card. */
export function Angka({ label, nilai }: { label: string; nilai: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{nilai}</Text>
    </div>
  );
}

export function RincianTpp({ baris }: { baris: TppBarisDetail }) {
  return (
    <Stack gap="sm" aria-label={`Rincian TPP ${baris.namaLengkap}`}>
      <Group gap="xs">
        <StatusBulan status={baris.status} />
        <Text size="sm" c="dimmed">
          {baris.jabatanNama ?? 'Tanpa jabatan'}
          {baris.kelasJabatan !== null && ` · kelas ${baris.kelasJabatan}`}
          {baris.opdNama && ` · ${baris.opdNama}`}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Angka label="Produktivitas" nilai={rupiah(baris.produktivitas)} />
        <Angka label="Disiplin" nilai={rupiah(baris.disiplin)} />
        <Angka label="Potongan disiplin" nilai={formatPersen(baris.potonganPersen, 2)} />
        <Angka label="Jumlah dibayarkan" nilai={rupiah(baris.jumlah)} />
      </SimpleGrid>
      {baris.ditahan && (
        <Alert color="orange" title="TPP ditahan">
          {baris.ditahan}
        </Alert>
      )}
      {KELOMPOK_RINCIAN.map((k) => {
        const isi = baris.rincian.filter((r) => r.kelompok === k);
        if (isi.length === 0) return null;
        return (
          <Card key={k} withBorder padding="sm">
            <Text fw={600} size="sm" mb={4}>
              {JUDUL[k]}
            </Text>
            <List size="sm" spacing={2}>
              {isi.map((r) => (
                <List.Item key={r.uraian}>{r.uraian}</List.Item>
              ))}
            </List>
          </Card>
        );
      })}
      {baris.dasarHukum && (
        <Text size="xs" c="dimmed">
          Dasar hukum: {baris.dasarHukum}
        </Text>
      )}
    </Stack>
  );
}
