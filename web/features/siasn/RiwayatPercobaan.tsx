/** Every attempt of one message to SIASN, in a dialog: when, the HTTP status, what it meant, the answer. */
import { Button, Code, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { HASIL_PERCOBAAN_SIASN_LABEL } from '../../../src/domain/siasn';
import { ErrorView, Loading } from '../../components/Status';
import { formatWaktu, type Zona } from '../../lib/istilah';
import { percobaanPesan, siasnKeys } from './api';

export function RiwayatPercobaan({ pesanId, jumlah, zona }: { pesanId: number; jumlah: number; zona: Zona }) {
  const [buka, setBuka] = useState(false);
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setBuka(true)}>
        Riwayat ({jumlah})
      </Button>
      <Modal opened={buka} onClose={() => setBuka(false)} title="Riwayat percobaan" size="lg">
        {buka && <DaftarPercobaan pesanId={pesanId} zona={zona} />}
      </Modal>
    </>
  );
}

function DaftarPercobaan({ pesanId, zona }: { pesanId: number; zona: Zona }) {
  const query = useQuery({ queryKey: siasnKeys.percobaan(pesanId), queryFn: () => percobaanPesan(pesanId) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label="Percobaan pengiriman">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ke</Table.Th>
            <Table.Th>Waktu</Table.Th>
            <Table.Th>Jawaban SIASN</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.items.map((p) => (
            <Table.Tr key={p.ke}>
              <Table.Td>{p.ke}</Table.Td>
              <Table.Td>{formatWaktu(p.at, zona)}</Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm">
                    {HASIL_PERCOBAAN_SIASN_LABEL[p.hasil]}
                    {p.httpStatus === null ? ' (tanpa jawaban)' : ` (HTTP ${p.httpStatus})`}
                  </Text>
                  {p.jawaban && (
                    <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 160 }}>
                      {p.jawaban}
                    </Code>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
