/** Month and year pickers that work on every browser (type="month" does not). */
import { Group, Select } from '@mantine/core';
import { NAMA_BULAN } from '../../../src/domain/jadwal';

export function bulanIni(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function PilihBulan({ value, onChange }: { value: string; onChange: (bulan: string) => void }) {
  const [tahun, bulan] = value.split('-');
  const kini = new Date().getFullYear();
  const tahunPilihan = [kini - 2, kini - 1, kini].map(String);
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        label="Bulan"
        data={NAMA_BULAN.map((nama, i) => ({ value: String(i + 1).padStart(2, '0'), label: nama }))}
        value={bulan ?? null}
        onChange={(b) => b && onChange(`${tahun}-${b}`)}
        allowDeselect={false}
        w={150}
      />
      <Select
        label="Tahun"
        data={tahunPilihan}
        value={tahun ?? null}
        onChange={(t) => t && onChange(`${t}-${bulan}`)}
        allowDeselect={false}
        w={100}
      />
    </Group>
  );
}
