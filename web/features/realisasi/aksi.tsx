/**
 * The realisasi writes refresh the month views and the assessor's list (web/lib/aksi.tsx). A 409
 * means the data or the status changed meanwhile (or the window closed): the alert says so and
 * offers "Muat ulang".
 */
import { Button, Stack, Text } from '@mantine/core';
import { GalatForm } from '../../components/GalatForm';
import { useAksi } from '../../lib/aksi';
import { pesanGalat } from '../../lib/galatForm';
import { segarkanRealisasi } from './api';

export const useAksiRealisasi = () => useAksi(segarkanRealisasi);

export type AksiRealisasi = ReturnType<typeof useAksiRealisasi>;

const JUDUL: Record<string, string> = {
  VERSION_CONFLICT: 'Data sudah berubah',
  REALISASI_NOT_EDITABLE: 'Data sudah berubah',
  REALISASI_INVALID_TRANSITION: 'Data sudah berubah',
  WINDOW_CLOSED: 'Di luar jadwal',
  BERKAS_TERLALU_BESAR: 'Berkas terlalu besar',
  UNSUPPORTED_FILE: 'Jenis berkas tidak didukung',
};

export function GalatRealisasi({ aksi }: { aksi: Pick<AksiRealisasi, 'error' | 'muatUlang'> }) {
  const { error } = aksi;
  if (!error) return null;
  const berubah = error.status === 409 && error.code !== 'WINDOW_CLOSED' && error.code !== 'BERKAS_PENUH';
  return (
    <GalatForm key={`${error.code}:${error.message}`} title={JUDUL[error.code]}>
      <Stack gap="xs">
        <Text size="sm">
          {pesanGalat(error)}
          {berubah
            ? ' Muat ulang untuk melihat data terbaru; perubahan yang belum disimpan akan hilang.'
            : ''}
        </Text>
        {error.status === 409 && (
          <div>
            <Button size="xs" variant="white" color="red" onClick={aksi.muatUlang}>
              Muat ulang
            </Button>
          </div>
        )}
      </Stack>
    </GalatForm>
  );
}
