import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { PegawaiRingkas } from '../../../src/contracts/pegawai';
import { formatNip } from '../../../src/domain/nip';
import { JENIS_JABATAN_LABEL } from '../../lib/istilah';

/**
 * Employees as a compact list that reads well on a phone; each name links to the employee page when
 * `bertautan` (the viewer may open it: the server lets an employee open only himself and those below).
 */
export function PegawaiList({
  items,
  empty = 'Tidak ada data.',
  bertautan = true,
}: {
  /** `sebutan` (the chain's "Ketua Tim Kerja") is shown as a badge. */
  items: (PegawaiRingkas & { sebutan?: string | null })[];
  empty?: string;
  bertautan?: boolean;
}) {
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((p) => (
        <li key={p.id}>
          {bertautan ? (
            <Anchor component={Link} to={`/pegawai/${p.id}`} fw={600}>
              {p.namaLengkap}
            </Anchor>
          ) : (
            <Text fw={600}>{p.namaLengkap}</Text>
          )}
          <Text size="sm" c="dimmed">
            NIP {formatNip(p.nip)}
          </Text>
          <Group gap={6}>
            <Text size="sm">{p.jabatanNama ?? '—'}</Text>
            {p.jenisJabatan && (
              <Badge size="xs" variant="light">
                {JENIS_JABATAN_LABEL[p.jenisJabatan]}
              </Badge>
            )}
            {p.sebutan && (
              <Badge size="xs" color="grape" variant="light">
                {p.sebutan}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {[p.unorNama, p.opdNama !== p.unorNama ? p.opdNama : null].filter(Boolean).join(' · ')}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
