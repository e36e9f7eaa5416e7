/** One RHK of the approved plan as both monthly pages show it: kind, wording, IKI with targets. */
import { Badge, Group, List, Text } from '@mantine/core';
import { ASPEK_LABEL } from '../../lib/istilah';
import { formatTarget } from '../cascading/format';
import type { ItemRealisasi } from './api';

export function RhkRingkas({ rhk, nomor }: { rhk: ItemRealisasi['rhk']; nomor: number }) {
  return (
    <div>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge variant="light" color={rhk.jenis === 'UTAMA' ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
          {rhk.jenis === 'UTAMA' ? 'Utama' : 'Tambahan'} {nomor}
        </Badge>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {rhk.rencana}
        </Text>
      </Group>
      {rhk.iki.length > 0 && (
        <List size="sm" mt={4} spacing={2} aria-label="Indikator dan target">
          {rhk.iki.map((k) => (
            <List.Item key={`${k.aspek}-${k.indikator}`}>
              {k.aspek ? `${ASPEK_LABEL[k.aspek as keyof typeof ASPEK_LABEL] ?? k.aspek}: ` : ''}
              {k.indikator} —{' '}
              <Text span fw={600} size="sm">
                target{' '}
                {formatTarget({
                  nilai: k.targetNilai,
                  nilaiMaks: null,
                  satuan: k.targetSatuan,
                  teks: k.targetTeks,
                })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
