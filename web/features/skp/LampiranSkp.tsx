/** Lampiran SKP: Dukungan Sumber Daya, Skema Pertanggungjawaban, Konsekuensi (written by the assessor). */
import {
  ActionIcon,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { SkpDetail } from '../../../src/contracts/skp';
import { JENIS_LAMPIRAN, type JenisLampiran } from '../../../src/domain/skp';
import { put } from '../../lib/api';
import { JENIS_LAMPIRAN_LABEL } from '../../lib/istilah';
import { GalatAksi, useSkpAksi } from './aksi';

function itemsOf(skp: SkpDetail, jenis: JenisLampiran): string[] {
  return skp.lampiran.find((l) => l.jenis === jenis)?.items ?? [];
}

export function LampiranSkp({ skp }: { skp: SkpDetail }) {
  const editable = skp.can.ekspektasi;
  const [isi, setIsi] = useState<Record<JenisLampiran, string[]>>(
    () =>
      Object.fromEntries(JENIS_LAMPIRAN.map((j) => [j, [...itemsOf(skp, j)]])) as Record<
        JenisLampiran,
        string[]
      >,
  );
  const aksi = useSkpAksi(skp.id);
  const body = JENIS_LAMPIRAN.map((jenis) => ({
    jenis,
    items: isi[jenis].map((t) => t.trim()).filter(Boolean),
  }));
  const dirty = body.some((b) => JSON.stringify(b.items) !== JSON.stringify(itemsOf(skp, b.jenis)));
  const ubah = (jenis: JenisLampiran, items: string[]) => setIsi((s) => ({ ...s, [jenis]: items }));

  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {JENIS_LAMPIRAN.map((jenis) => {
          const label = JENIS_LAMPIRAN_LABEL[jenis];
          return (
            <Card withBorder key={jenis} component="section" aria-label={label} padding="sm">
              <Title order={4} size="h5" mb="xs">
                {label}
              </Title>
              {editable ? (
                <Stack gap={6}>
                  {isi[jenis].map((t, i) => (
                    <Group key={`${jenis}-${i.toString()}`} gap={4} wrap="nowrap">
                      <Textarea
                        style={{ flex: 1 }}
                        autosize
                        minRows={1}
                        aria-label={`${label} ${i + 1}`}
                        value={t}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          ubah(
                            jenis,
                            isi[jenis].map((x, j) => (j === i ? v : x)),
                          );
                        }}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Hapus ${label} ${i + 1}`}
                        onClick={() =>
                          ubah(
                            jenis,
                            isi[jenis].filter((_, j) => j !== i),
                          )
                        }
                      >
                        ✕
                      </ActionIcon>
                    </Group>
                  ))}
                  <div>
                    <Button
                      size="compact-xs"
                      variant="light"
                      disabled={isi[jenis].length >= 20}
                      onClick={() => ubah(jenis, [...isi[jenis], ''])}
                    >
                      Tambah butir
                    </Button>
                  </div>
                </Stack>
              ) : itemsOf(skp, jenis).length === 0 ? (
                <Text size="sm" c="dimmed">
                  Belum diisi.
                </Text>
              ) : (
                <List size="sm" type="ordered">
                  {itemsOf(skp, jenis).map((t) => (
                    <List.Item key={t}>{t}</List.Item>
                  ))}
                </List>
              )}
            </Card>
          );
        })}
      </SimpleGrid>
      {editable && (
        <>
          <GalatAksi aksi={aksi} />
          <Group>
            <Button
              onClick={() =>
                aksi.run(
                  () =>
                    put<SkpDetail>(`/api/skp/${skp.id}/lampiran`, { version: skp.version, lampiran: body }),
                  'Lampiran tersimpan.',
                )
              }
              loading={aksi.busy}
              disabled={!dirty}
            >
              Simpan lampiran
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
