/** The period picker of the monthly pages: the instansi's periods, newest first. */
import { Select } from '@mantine/core';
import { pilihanPeriode } from './format';
import { useJadwal } from './useJadwal';

export function PilihPeriode({
  value,
  label,
  onChange,
}: {
  value: string;
  /** The label of `value` when it is older than the picker offers. */
  label?: string;
  onChange: (periode: string) => void;
}) {
  const { bulanBerjalan, jenisPeriode } = useJadwal();
  const data = bulanBerjalan ? pilihanPeriode(bulanBerjalan, jenisPeriode) : [];
  if (!data.some((p) => p.value === value)) data.push({ value, label: label ?? value });
  return (
    <Select
      label="Periode"
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      searchable
      maw={260}
    />
  );
}
