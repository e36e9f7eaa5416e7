/** The file picker and the test/apply buttons of every import (the flow itself is `useImporBerkas`). */
import { Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import type { useImporBerkas } from '../lib/impor';
import { persenImpor, teksKemajuanImpor } from '../lib/impor-kemajuan';

type Impor = ReturnType<
  typeof useImporBerkas<{ mode: 'dry-run' | 'commit'; jumlahBaris: number; kesalahan: unknown[] }>
>;

export function ImporBerkas({
  imp,
  label,
  accept = '.csv,.xlsx',
  tombol = ['Uji berkas', 'Terapkan'],
}: {
  imp: Pick<Impor, 'file' | 'setFile' | 'report' | 'busy' | 'kemajuan' | 'run'>;
  label: string;
  accept?: string;
  /** Labels of the dry-run and the commit button. */
  tombol?: [string, string];
}) {
  const { file, setFile, report, busy, kemajuan, run } = imp;
  const teks = kemajuan ? teksKemajuanImpor(kemajuan) : '';
  return (
    <>
      <FileInput label={label} accept={accept} value={file} onChange={setFile} clearable />
      <Group gap="xs">
        <Button onClick={() => run('dry-run')} disabled={!file} loading={busy === 'dry-run'}>
          {tombol[0]}
        </Button>
        <Button
          onClick={() => run('commit')}
          color="orange"
          // Apply only what a dry run of this very file found clean.
          disabled={!file || !report || report.mode !== 'dry-run' || report.kesalahan.length > 0}
          loading={busy === 'commit'}
        >
          {tombol[1]}
        </Button>
      </Group>
      {kemajuan && (
        <Stack gap={4}>
          {/* Percent while the file goes up; then the server reads it, or the job applies its rows. */}
          <Progress
            value={persenImpor(kemajuan)}
            striped={kemajuan.tahap !== 'unggah'}
            animated={kemajuan.tahap !== 'unggah' && persenImpor(kemajuan) === 100}
            aria-label={teks}
          />
          <Text size="xs">{teks}</Text>
        </Stack>
      )}
    </>
  );
}
