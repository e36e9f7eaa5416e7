/**
 * The quarter of PPPK paruh waktu employees, one row each: NIP, name, position, the predikat of each
 * period of the quarter, the quarterly predikat, the contract advice, the status and what is missing.
 * Scrolls sideways on a phone; `aksi` adds a last column (the assessor's button).
 */
import { Badge, List, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BarisTriwulan } from '../../../src/contracts/pppk-paruh-waktu';
import { formatNip } from '../../../src/domain/nip';
import { REKOMENDASI_KONTRAK_LABEL, STATUS_TRIWULAN_LABEL } from '../../../src/domain/pppk-paruh-waktu';
import { PREDIKAT_PEGAWAI_LABEL, type PredikatPegawai } from '../../../src/domain/predikat';

const predikat = (p: PredikatPegawai | null) => (p ? PREDIKAT_PEGAWAI_LABEL[p] : '-');
const WARNA_STATUS = { BELUM: 'gray', DRAF: 'yellow', FINAL: 'teal' } as const;

export function TabelTriwulan({
  label,
  items,
  aksi,
}: {
  label: string;
  items: BarisTriwulan[];
  aksi?: (b: BarisTriwulan) => ReactNode;
}) {
  // Every row has the same periods (the instansi's); the first names the columns.
  const periode = items[0]?.periode ?? [];
  return (
    <Table.ScrollContainer minWidth={900} type="native" tabIndex={0}>
      <Table striped aria-label={`PPPK paruh waktu ${label}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>NIP</Table.Th>
            <Table.Th>Nama</Table.Th>
            <Table.Th>Jabatan</Table.Th>
            {periode.map((p) => (
              <Table.Th key={p.kode}>{p.label}</Table.Th>
            ))}
            <Table.Th>Predikat triwulan</Table.Th>
            <Table.Th>Rekomendasi kontrak</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Kekurangan</Table.Th>
            {aksi && <Table.Th>Aksi</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Table.Tr key={b.pegawaiId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatNip(b.nip)}</Table.Td>
              <Table.Td>{b.namaLengkap}</Table.Td>
              <Table.Td>{b.jabatanNama ?? '-'}</Table.Td>
              {b.periode.map((p) => (
                <Table.Td key={p.kode}>{predikat(p.predikat)}</Table.Td>
              ))}
              <Table.Td>{predikat(b.predikat)}</Table.Td>
              <Table.Td>{b.rekomendasi ? REKOMENDASI_KONTRAK_LABEL[b.rekomendasi] : '-'}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={WARNA_STATUS[b.status]}>
                  {STATUS_TRIWULAN_LABEL[b.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {b.kekurangan.length === 0 ? (
                  <Text size="sm">-</Text>
                ) : (
                  <List size="sm">
                    {b.kekurangan.map((k) => (
                      <List.Item key={k}>{k}</List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              {aksi && <Table.Td>{aksi(b)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
