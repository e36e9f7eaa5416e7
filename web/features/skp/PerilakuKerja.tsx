/** Perilaku Kerja: the seven BerAKHLAK values, their guidance, and the assessor's ekspektasi khusus. */
import { Button, Card, Group, List, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import type { SkpDetail } from '../../../src/contracts/skp';
import { put } from '../../lib/api';
import { ISTILAH_SKP } from '../../lib/istilah';
import { GalatAksi, useSkpAksi } from './aksi';

export function PerilakuKerja({ skp }: { skp: SkpDetail }) {
  const editable = skp.can.ekspektasi;
  const awal = Object.fromEntries(skp.perilaku.map((p) => [p.kode, p.ekspektasi ?? '']));
  const [nilai, setNilai] = useState<Record<string, string>>(awal);
  const aksi = useSkpAksi(skp.id);
  const lebar = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const dirty = skp.perilaku.some((p) => (nilai[p.kode] ?? '').trim() !== (p.ekspektasi ?? '').trim());

  async function simpan() {
    const ekspektasi = skp.perilaku
      .map((p) => ({ kode: p.kode, ekspektasi: (nilai[p.kode] ?? '').trim() }))
      .filter((e) => e.ekspektasi);
    await aksi.run(
      () => put<SkpDetail>(`/api/skp/${skp.id}/perilaku`, { version: skp.version, ekspektasi }),
      'Ekspektasi khusus pimpinan tersimpan.',
    );
  }

  const panduan = (p: SkpDetail['perilaku'][number]) => (
    <>
      <Text fw={600} size="sm">
        {p.nama}
      </Text>
      <List size="sm" withPadding>
        {p.panduan.map((g) => (
          <List.Item key={g}>{g}</List.Item>
        ))}
      </List>
    </>
  );
  const ekspektasi = (p: SkpDetail['perilaku'][number]) =>
    editable ? (
      <Textarea
        aria-label={`${ISTILAH_SKP.ekspektasi}: ${p.nama}`}
        placeholder={lebar ? undefined : ISTILAH_SKP.ekspektasi}
        autosize
        minRows={2}
        value={nilai[p.kode] ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setNilai((n) => ({ ...n, [p.kode]: v }));
        }}
      />
    ) : (
      <Text size="sm" c={p.ekspektasi ? undefined : 'dimmed'}>
        {p.ekspektasi ?? 'Belum diisi pejabat penilai.'}
      </Text>
    );

  return (
    <Stack gap="xs">
      {lebar ? (
        <Table.ScrollContainer minWidth={640}>
          <Table
            withTableBorder
            withColumnBorders
            aria-label={ISTILAH_SKP.perilakuKerja}
            verticalSpacing="xs"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>No</Table.Th>
                <Table.Th>{ISTILAH_SKP.perilakuKerja}</Table.Th>
                <Table.Th w="40%">{ISTILAH_SKP.ekspektasi}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skp.perilaku.map((p, i) => (
                <Table.Tr key={p.kode}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{panduan(p)}</Table.Td>
                  <Table.Td>{ekspektasi(p)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Stack
          gap="xs"
          component="ol"
          aria-label={ISTILAH_SKP.perilakuKerja}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {skp.perilaku.map((p) => (
            <Card key={p.kode} withBorder padding="sm" component="li">
              {panduan(p)}
              <Text size="xs" c="dimmed" mt="xs">
                {ISTILAH_SKP.ekspektasi}
              </Text>
              {ekspektasi(p)}
            </Card>
          ))}
        </Stack>
      )}
      {editable && (
        <>
          <GalatAksi aksi={aksi} />
          <Group>
            <Button onClick={simpan} loading={aksi.busy} disabled={!dirty}>
              Simpan ekspektasi
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
