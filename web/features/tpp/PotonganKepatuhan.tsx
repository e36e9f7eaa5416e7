/**
 * The TPP band for progres harian compliance (ADR 0017): off unless the BKD switches it on, and then
 * only with its Perkada reference; per day without an entry, per day late, and the band's cap.
 */
import { Card, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { PotonganKepatuhanHarian } from '../../../src/domain/tpp';
import { angka, PERSEN } from './isian';

const BAWAAN: PotonganKepatuhanHarian = {
  persenTidakAda: 1,
  persenTerlambat: 0.5,
  batasPersen: 10,
  dasarHukum: '',
};

export function PotonganKepatuhan({
  nilai,
  ubah,
  boleh,
}: {
  nilai: PotonganKepatuhanHarian | null | undefined;
  ubah: (v: PotonganKepatuhanHarian | null) => void;
  boleh: boolean;
}) {
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Switch
          label="Potong bagian disiplin untuk progres harian yang tidak diisi atau terlambat"
          description="Hanya bila Perkada mengaturnya; aturan kepatuhan progres harian di Pengaturan harus aktif dan bulan dihitung setelah batas pengisian hari terakhirnya lewat."
          checked={!!nilai}
          onChange={(e) => ubah(e.currentTarget.checked ? BAWAAN : null)}
          disabled={!boleh}
        />
        {nilai && (
          <>
            <TextInput
              label="Dasar hukum potongan (Perkada dan pasalnya)"
              placeholder="Perkada No. 12 Tahun 2026 Pasal 9"
              value={nilai.dasarHukum}
              onChange={(e) => ubah({ ...nilai, dasarHukum: e.currentTarget.value })}
              required
              maxLength={300}
              disabled={!boleh}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label="Tidak diisi, per hari (%)"
                value={nilai.persenTidakAda}
                onChange={(v) => ubah({ ...nilai, persenTidakAda: angka(v) })}
                {...PERSEN}
                disabled={!boleh}
              />
              <NumberInput
                label="Terlambat, per hari (%)"
                value={nilai.persenTerlambat}
                onChange={(v) => ubah({ ...nilai, persenTerlambat: angka(v) })}
                {...PERSEN}
                disabled={!boleh}
              />
              <NumberInput
                label="Batas potongan sebulan (%)"
                value={nilai.batasPersen}
                onChange={(v) => ubah({ ...nilai, batasPersen: angka(v) })}
                {...PERSEN}
                disabled={!boleh}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              Hari dinas luar, cuti, sakit, dan izin tidak dipotong. Setiap potongan dijelaskan per baris pada
              rincian TPP pegawai.
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
