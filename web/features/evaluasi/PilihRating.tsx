/** The two ratings side by side with the predikat they give (SPEC §6.2), computed as the user picks. */
import { Group, Select, Text } from '@mantine/core';
import {
  PREDIKAT_PEGAWAI_LABEL,
  predikatKinerja,
  RATING,
  RATING_LABEL,
  type Rating,
} from '../../../src/domain/predikat';

const PILIHAN = RATING.map((r) => ({ value: r, label: RATING_LABEL[r] }));

export interface IsianRating {
  hasilKerja: Rating | null;
  perilaku: Rating | null;
}

export function PilihRating({
  isian,
  onChange,
}: {
  isian: IsianRating;
  onChange: (isian: IsianRating) => void;
}) {
  const predikat =
    isian.hasilKerja && isian.perilaku ? predikatKinerja(isian.hasilKerja, isian.perilaku) : null;
  return (
    <Group align="flex-end" wrap="wrap">
      <Select
        label="Rating hasil kerja"
        data={PILIHAN}
        value={isian.hasilKerja}
        onChange={(v) => onChange({ ...isian, hasilKerja: v as Rating | null })}
        allowDeselect={false}
        w={220}
      />
      <Select
        label="Rating perilaku kerja"
        data={PILIHAN}
        value={isian.perilaku}
        onChange={(v) => onChange({ ...isian, perilaku: v as Rating | null })}
        allowDeselect={false}
        w={220}
      />
      <Text aria-live="polite" fw={600} pb={6}>
        Predikat: {predikat ? PREDIKAT_PEGAWAI_LABEL[predikat] : '—'}
      </Text>
    </Group>
  );
}
