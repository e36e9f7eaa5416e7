/**
 * Working hours per weekday (BKD): a day without hours is not a working day. Saved with the version
 * read; the server checks the times (400) and a concurrent change (409, "Muat ulang").
 */
import { Badge, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { HARI_ISO, type JamKerja, NAMA_HARI, periksaJamKerja } from '../../../src/domain/kehadiran';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { put } from '../../lib/api';
import { jamKerjaQuery, KEHADIRAN } from './api';

const BARU = { masuk: '07:30', pulang: '16:00' };

export function JamKerjaForm({ bolehUbah }: { bolehUbah: boolean }) {
  const q = useQuery(jamKerjaQuery);
  const aksi = useAksi((qc) => qc.invalidateQueries({ queryKey: KEHADIRAN }));
  const [jam, setJam] = useState<JamKerja>({});

  useEffect(() => {
    if (q.data) setJam(q.data.jamKerja);
  }, [q.data]);

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorView error={q.error} />;
  const salah = periksaJamKerja(jam);
  const berubah = JSON.stringify(jam) !== JSON.stringify(q.data.jamKerja);

  const ubah = (h: (typeof HARI_ISO)[number], field: 'masuk' | 'pulang', v: string) =>
    setJam((j) => ({ ...j, [h]: { ...(j[h] ?? BARU), [field]: v } }));

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3}>Jam kerja</Title>
          {q.data.bawaan && <Badge variant="light">Bawaan</Badge>}
        </Group>
        <Table.ScrollContainer minWidth={320} type="native" tabIndex={0}>
          <Table aria-label="Jam kerja per hari">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Hari</Table.Th>
                <Table.Th>Masuk</Table.Th>
                <Table.Th>Pulang</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {HARI_ISO.map((h) => {
                const hari = jam[h];
                return (
                  <Table.Tr key={h}>
                    <Table.Td>
                      <Checkbox
                        label={NAMA_HARI[h]}
                        checked={!!hari}
                        disabled={!bolehUbah}
                        onChange={(e) => {
                          const aktif = e.currentTarget.checked;
                          setJam((j) => {
                            const { [h]: _, ...lain } = j;
                            return aktif ? { ...lain, [h]: BARU } : lain;
                          });
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      {hari && (
                        <TextInput
                          type="time"
                          aria-label={`Jam masuk ${NAMA_HARI[h]}`}
                          value={hari.masuk}
                          readOnly={!bolehUbah}
                          onChange={(e) => ubah(h, 'masuk', e.currentTarget.value)}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      {hari && (
                        <TextInput
                          type="time"
                          aria-label={`Jam pulang ${NAMA_HARI[h]}`}
                          value={hari.pulang}
                          readOnly={!bolehUbah}
                          onChange={(e) => ubah(h, 'pulang', e.currentTarget.value)}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {salah.map((s) => (
          <Text key={s} c="red" size="sm">
            {s}
          </Text>
        ))}
        <GalatAksi aksi={aksi} />
        {bolehUbah && (
          <Group>
            <Button
              disabled={!berubah || salah.length > 0}
              loading={aksi.busy}
              onClick={() =>
                aksi.run(
                  () => put('/api/kehadiran/jam-kerja', { jamKerja: jam, version: q.data.version }),
                  'Jam kerja disimpan.',
                )
              }
            >
              Simpan jam kerja
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
