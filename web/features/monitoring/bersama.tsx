/** Pieces shared by the monitoring pages: number formats, predikat colours, the "Perbarui data" bar. */
import { Button, Group, Text } from '@mantine/core';
import type { PredikatPegawai } from '../../../src/domain/predikat';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { formatWaktu } from '../../lib/istilah';
import { useJadwal } from '../realisasi/useJadwal';
import { perbarui, segarkanMonitoring } from './api';

export const angkaId = (n: number) => n.toLocaleString('id-ID');

/** A count from a recap that may not hold it yet: '–' rather than a zero nobody counted. */
export const angkaAtauBelum = (n: number | null) => (n === null ? '–' : angkaId(n));

export const WARNA_PREDIKAT: Record<PredikatPegawai, string> = {
  SANGAT_BAIK: 'teal.7',
  BAIK: 'blue.6',
  BUTUH_PERBAIKAN: 'yellow.6',
  KURANG: 'orange.6',
  SANGAT_KURANG: 'red.7',
};

/** When the figures were computed, and for admins the button that recomputes the period now. */
export function DihitungPada({
  dihitungAt,
  periode,
  bolehPerbarui,
}: {
  dihitungAt: string | null;
  periode: string;
  bolehPerbarui: boolean;
}) {
  const { zona } = useJadwal();
  const aksi = useAksi(segarkanMonitoring);
  return (
    <>
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {dihitungAt ? `Data dihitung pada ${formatWaktu(dihitungAt, zona)}.` : 'Data belum dihitung.'}
        </Text>
        {bolehPerbarui && (
          <Button
            size="xs"
            variant="light"
            loading={aksi.busy}
            onClick={() => aksi.run(() => perbarui(periode), 'Data monitoring diperbarui.')}
          >
            Perbarui data
          </Button>
        )}
      </Group>
      <GalatAksi aksi={aksi} />
    </>
  );
}
