/**
 * What went to SIASN (BKD admin): sent, waiting and failed messages with the national system's last
 * answer (every attempt in its history); a failed one can be sent again (after fixing the mapping), and "Kirim sekarang" runs the
 * sending job at once instead of waiting for its schedule.
 */
import { Badge, Button, Card, Code, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNip } from '../../../src/domain/nip';
import { STATUS_PESAN_SIASN_LABEL, type StatusPesanSiasn } from '../../../src/domain/siasn';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { formatWaktu } from '../../lib/istilah';
import { useJadwal } from '../realisasi/useJadwal';
import { daftarPesan, kirimSekarang, kirimUlang, siasnKeys } from './api';
import { RiwayatPercobaan } from './RiwayatPercobaan';

const WARNA: Record<StatusPesanSiasn, string> = {
  MENUNGGU: 'blue',
  MENGIRIM: 'blue',
  TERKIRIM: 'teal',
  GAGAL: 'red',
  DIGANTI: 'gray',
};

const JENIS_LABEL = { KINERJA_PERIODIK: 'Kinerja periodik', SKP22: 'Evaluasi tahunan' } as const;

const SARING = [
  { value: '', label: 'Semua' },
  { value: 'MENUNGGU', label: 'Menunggu' },
  { value: 'TERKIRIM', label: 'Terkirim' },
  { value: 'GAGAL', label: 'Gagal' },
];

export function KirimanSiasn() {
  const { zona } = useJadwal();
  const [status, setStatus] = useState('');
  const aksi = useAksi((qc) => qc.invalidateQueries({ queryKey: siasnKeys.semua }));
  const saring = (status || null) as StatusPesanSiasn | null;
  const query = useInfiniteQuery({
    queryKey: siasnKeys.pesan(saring),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => daftarPesan(saring, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3}>Kiriman ke SIASN</Title>
          <Button
            variant="light"
            loading={aksi.busy}
            onClick={() =>
              aksi.run(
                kirimSekarang,
                (h) => `${h.diproses} diproses: ${h.terkirim} terkirim, ${h.gagal} gagal.`,
              )
            }
          >
            Kirim sekarang
          </Button>
        </Group>
        <SegmentedControl aria-label="Saring status" data={SARING} value={status} onChange={setStatus} />
        <GalatAksi aksi={aksi} />
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          <ErrorView error={query.error} />
        ) : query.data.pages[0]!.items.length === 0 ? (
          <Text c="dimmed">Belum ada kiriman.</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label="Daftar kiriman ke SIASN">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Pegawai</Table.Th>
                  <Table.Th>Data</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Jawaban SIASN</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.pages
                  .flatMap((p) => p.items)
                  .map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Text size="sm">{m.pegawai.nama}</Text>
                        <Text size="xs" c="dimmed">
                          {formatNip(m.pegawai.nip)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {JENIS_LABEL[m.jenis]} {m.periode}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={WARNA[m.status]} style={{ overflow: 'visible' }}>
                          {STATUS_PESAN_SIASN_LABEL[m.status]}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {m.terkirimAt
                            ? formatWaktu(m.terkirimAt, zona)
                            : m.berikutnyaAt
                              ? `Percobaan ${m.percobaan + 1} ${formatWaktu(m.berikutnyaAt, zona)}`
                              : `${m.percobaan} percobaan`}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={360}>
                        {m.alasan && <Text size="sm">{m.alasan}</Text>}
                        {m.jawaban && (
                          <Code
                            block
                            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 120 }}
                          >
                            {m.jawaban}
                          </Code>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {m.percobaan > 0 && (
                          <RiwayatPercobaan pesanId={m.id} jumlah={m.percobaan} zona={zona} />
                        )}
                        {m.status === 'GAGAL' && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => aksi.run(() => kirimUlang(m.id, m.version), 'Masuk antrean lagi.')}
                          >
                            Kirim ulang
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {!query.isPending && !query.isError && <LoadMore query={query} />}
      </Stack>
    </Card>
  );
}
