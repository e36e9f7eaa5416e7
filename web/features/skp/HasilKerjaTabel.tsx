/** Hasil Kerja read-only, in the official columns (JPT and non-JPT); scrolls sideways on phones. */
import { Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { SkpDetail } from '../../../src/contracts/skp';
import { JENIS_RHK } from '../../../src/domain/skp';
import { ASPEK_LABEL, ISTILAH_SKP, PERSPEKTIF_LABEL } from '../../lib/istilah';
import { formatTarget } from './format';
import { LihatKontribusi } from './JalurKontribusi';

export function atasanRhkLabel(skp: SkpDetail, id: number): string {
  return skp.skpAtasan?.rhk.find((r) => r.id === id)?.rencana ?? `RHK #${id} (di luar SKP atasan saat ini)`;
}

/** Phones: one card per RHK, its IKIs as lines, instead of a wide table. */
function HasilKerjaKartu({ skp }: { skp: SkpDetail }) {
  return (
    <Stack gap="sm" aria-label="Hasil kerja" role="region">
      {JENIS_RHK.map((jenis) => {
        const rhk = skp.rhk.filter((r) => r.jenis === jenis);
        return (
          <Stack key={jenis} gap="xs">
            <Title order={4}>{jenis === 'UTAMA' ? ISTILAH_SKP.utama : ISTILAH_SKP.tambahan}</Title>
            {rhk.length === 0 && (
              <Text size="sm" c="dimmed">
                Tidak ada.
              </Text>
            )}
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {rhk.map((r, i) => (
                <Card key={r.id} withBorder padding="sm" component="li">
                  <Stack gap={6}>
                    <Group gap={6}>
                      <Text size="sm" c="dimmed">
                        {i + 1}.
                      </Text>
                      {r.perluDitinjau && (
                        <Badge color="orange" size="sm">
                          {ISTILAH_SKP.perluDitinjau}
                        </Badge>
                      )}
                    </Group>
                    <Text fw={600} size="sm">
                      {r.rencana}
                    </Text>
                    {r.penugasanDari && (
                      <Text size="xs" c="dimmed">
                        {ISTILAH_SKP.penugasanDari}: {r.penugasanDari}
                      </Text>
                    )}
                    {!skp.formatJpt && r.intervensi.length > 0 && (
                      <div>
                        <Text size="xs" c="dimmed">
                          {ISTILAH_SKP.rhkAtasan}
                        </Text>
                        <List size="sm">
                          {r.intervensi.map((id) => (
                            <List.Item key={id}>{atasanRhkLabel(skp, id)}</List.Item>
                          ))}
                        </List>
                      </div>
                    )}
                    <Stack gap={4}>
                      {r.iki.map((k) => (
                        <Text key={k.id} size="sm">
                          <Text span c="dimmed" size="sm">
                            {skp.formatJpt
                              ? k.perspektif
                                ? PERSPEKTIF_LABEL[k.perspektif]
                                : '—'
                              : k.aspek
                                ? ASPEK_LABEL[k.aspek]
                                : '—'}
                            :
                          </Text>{' '}
                          {k.indikator} — <b>{formatTarget(k.target)}</b>
                        </Text>
                      ))}
                    </Stack>
                    <div>
                      <LihatKontribusi skpId={skp.id} rhkId={r.id} />
                    </div>
                  </Stack>
                </Card>
              ))}
            </Stack>
          </Stack>
        );
      })}
    </Stack>
  );
}

export function HasilKerjaTabel({ skp }: { skp: SkpDetail }) {
  const lebar = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  if (!lebar) return <HasilKerjaKartu skp={skp} />;
  const jpt = skp.formatJpt;
  const kolom = jpt
    ? ['No', ISTILAH_SKP.rhk, ISTILAH_SKP.iki, ISTILAH_SKP.target, ISTILAH_SKP.perspektif]
    : ['No', ISTILAH_SKP.rhkAtasan, ISTILAH_SKP.rhk, ISTILAH_SKP.aspek, ISTILAH_SKP.iki, ISTILAH_SKP.target];
  return (
    <Table.ScrollContainer minWidth={jpt ? 640 : 820}>
      <Table withTableBorder withColumnBorders aria-label="Hasil kerja" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {kolom.map((k) => (
              <Table.Th key={k}>{k}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {JENIS_RHK.map((jenis) => {
            const rhk = skp.rhk.filter((r) => r.jenis === jenis);
            return [
              <Table.Tr key={jenis} bg="var(--mantine-color-gray-0)">
                <Table.Td colSpan={kolom.length} fw={700}>
                  {jenis === 'UTAMA' ? ISTILAH_SKP.utama : ISTILAH_SKP.tambahan}
                </Table.Td>
              </Table.Tr>,
              rhk.length === 0 && (
                <Table.Tr key={`${jenis}-kosong`}>
                  <Table.Td colSpan={kolom.length}>
                    <Text size="sm" c="dimmed">
                      Tidak ada.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ),
              ...rhk.flatMap((r, i) => {
                const iki = r.iki.length > 0 ? r.iki : [null];
                const span = iki.length;
                const rencana = (
                  <Stack gap={4}>
                    <Text size="sm">{r.rencana}</Text>
                    {r.penugasanDari && (
                      <Text size="xs" c="dimmed">
                        {ISTILAH_SKP.penugasanDari}: {r.penugasanDari}
                      </Text>
                    )}
                    <Group gap={4}>
                      {r.perluDitinjau && (
                        <Badge color="orange" size="sm">
                          {ISTILAH_SKP.perluDitinjau}
                        </Badge>
                      )}
                      <LihatKontribusi skpId={skp.id} rhkId={r.id} />
                    </Group>
                  </Stack>
                );
                return iki.map((k, j) => (
                  <Table.Tr key={`${r.id}-${k?.id ?? 'x'}`}>
                    {j === 0 && <Table.Td rowSpan={span}>{i + 1}</Table.Td>}
                    {j === 0 && !jpt && (
                      <Table.Td rowSpan={span}>
                        {r.intervensi.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        ) : (
                          <List size="sm">
                            {r.intervensi.map((id) => (
                              <List.Item key={id}>{atasanRhkLabel(skp, id)}</List.Item>
                            ))}
                          </List>
                        )}
                      </Table.Td>
                    )}
                    {j === 0 && <Table.Td rowSpan={span}>{rencana}</Table.Td>}
                    {!jpt && <Table.Td>{k?.aspek ? ASPEK_LABEL[k.aspek] : '—'}</Table.Td>}
                    <Table.Td>{k?.indikator ?? '—'}</Table.Td>
                    <Table.Td>{k ? formatTarget(k.target) : '—'}</Table.Td>
                    {jpt && <Table.Td>{k?.perspektif ? PERSPEKTIF_LABEL[k.perspektif] : '—'}</Table.Td>}
                  </Table.Tr>
                ));
              }),
            ];
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
