/**
 * Peer input on behaviour received in a period (SPEC §5.3): for the assessor with each author, for
 * the employee without (the server sends no author to him).
 */
import { List, Stack, Text } from '@mantine/core';
import type { MasukanRekanDiterima } from '../../../src/contracts/realisasi';
import { BERAKHLAK } from '../../../src/domain/berakhlak';

export const namaNilai = (kode: string) => BERAKHLAK.find((b) => b.kode === kode)?.nama ?? kode;

export function DaftarMasukanRekan({
  items,
  keterangan,
}: {
  items: MasukanRekanDiterima[];
  keterangan: string;
}) {
  if (items.length === 0) return null;
  return (
    <Stack gap={4} role="group" aria-label="Masukan rekan kerja">
      <Text size="sm" fw={600}>
        Masukan rekan kerja ({items.length})
      </Text>
      <Text size="xs" c="dimmed">
        {keterangan}
      </Text>
      <List size="sm" spacing={4}>
        {items.map((m) => (
          // The employee's copy has no id (it could point to the author): value, text and author key it.
          <List.Item key={`${m.kode}|${m.penulis?.id ?? ''}|${m.teks}`}>
            <Text span size="sm" fw={500}>
              {namaNilai(m.kode)}:
            </Text>{' '}
            <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.teks}
            </Text>
            {m.penulis && (
              <Text span size="xs" c="dimmed">
                {' '}
                — {m.penulis.namaLengkap}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
