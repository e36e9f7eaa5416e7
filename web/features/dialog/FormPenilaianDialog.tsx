/** The employee's rating of a bimbingan or konseling (Format B.1.8): nine statements, once. */
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { PERNYATAAN_B18, SKALA_B18 } from '../../../src/domain/dialog';
import { GalatAksi } from '../../lib/aksi';
import { post } from '../../lib/api';
import { formatTanggal } from '../../lib/istilah';
import { useDialogAksi } from './aksi';
import type { DialogOut } from './api';

export function FormPenilaianDialog({ dialog, onClose }: { dialog: DialogOut; onClose: () => void }) {
  const aksi = useDialogAksi();
  const layarKecil = useMediaQuery('(max-width: 48em)');
  const [skor, setSkor] = useState<(number | null)[]>(PERNYATAAN_B18.map(() => null));
  const [saran, setSaran] = useState('');
  const lengkap = skor.every((s) => s !== null);

  async function kirim() {
    const ok = await aksi.run(
      () => post<DialogOut>(`/api/dialog/${dialog.id}/penilaian`, { skor, saran }),
      'Terima kasih, penilaian dialog terkirim.',
    );
    if (ok) onClose();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title="Penilaian dialog kinerja"
      size="lg"
      fullScreen={layarKecil}
      closeButtonProps={{ 'aria-label': 'Tutup' }}
    >
      <Stack>
        <Text size="sm">
          Dialog {dialog.jenisLabel.toLowerCase()} dengan {dialog.pimpinan.namaLengkap} pada{' '}
          {formatTanggal(dialog.tanggal)}. Nyatakan sejauh mana Anda setuju dengan setiap pernyataan (Format
          B.1.8). Penilaian hanya dapat diberikan sekali.
        </Text>
        {PERNYATAAN_B18.map((p, i) => (
          <Radio.Group
            key={p}
            label={`${i + 1}. ${p}`}
            value={skor[i] === null ? null : String(skor[i])}
            onChange={(v) => setSkor((s) => s.map((x, j) => (j === i ? Number(v) : x)))}
          >
            <Group gap="md" mt={6}>
              {SKALA_B18.map((k) => (
                <Radio key={k.skor} value={String(k.skor)} label={k.label} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <Textarea
          label="Saran untuk pimpinan (opsional)"
          autosize
          minRows={2}
          maxLength={2000}
          value={saran}
          onChange={(e) => setSaran(e.currentTarget.value)}
        />
        <GalatAksi aksi={aksi} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button disabled={!lengkap} loading={aksi.busy} onClick={kirim}>
            Kirim penilaian
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
