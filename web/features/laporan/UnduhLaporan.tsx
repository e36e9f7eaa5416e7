/**
 * The national-format exports (SPEC §8) for admins: "Laporan SKP" and "Laporan Penilaian SKP" of a
 * year, the whole instansi (BKD) or one OPD. Each is made as a job (ADR 0011): the tray counts its
 * rows and offers the file, so a report of 100,000 employees is not one long wait on this page.
 */
import { Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PilihOpd } from '../../components/PilihOpd';
import { TombolPekerjaan } from '../pekerjaan/TombolPekerjaan';

const LAPORAN = [
  {
    path: '/api/laporan/skp/latar',
    judul: 'Laporan SKP',
    isi: 'Satu baris per SKP: NIP, nama, jabatan, unor, unor induk, status SKP, Plt/Plh, periode akhir. Pegawai tanpa SKP tercantum dengan status "Belum ada SKP".',
  },
  {
    path: '/api/laporan/penilaian-skp/latar',
    judul: 'Laporan Penilaian SKP',
    isi: 'Satu baris per pegawai: NIP, nama, predikat setiap bulan Januari–Desember dan predikat tahunan; "-" bila belum dinilai.',
  },
] as const;

export function UnduhLaporan() {
  const [tahun, setTahun] = useState(new Date().getFullYear());
  const [opdId, setOpdId] = useState<number | null>(null);
  const params = new URLSearchParams({ tahun: String(tahun) });
  if (opdId !== null) params.set('opdId', String(opdId));
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="Tahun"
          value={tahun}
          min={2000}
          max={2100}
          allowDecimal={false}
          onChange={(v) => typeof v === 'number' && setTahun(v)}
        />
        <PilihOpd value={opdId} onChange={setOpdId} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {LAPORAN.map((l) => (
          <Card key={l.path} withBorder>
            <Stack gap="xs">
              <Title order={3} size="h4">
                {l.judul}
              </Title>
              <Text size="sm" c="dimmed">
                {l.isi}
              </Text>
              <Text size="xs" c="dimmed">
                Format kolom mengikuti aplikasi e-Kinerja nasional; NIP disimpan sebagai teks.
              </Text>
              <Group>
                <TombolPekerjaan
                  path={`${l.path}?${params}`}
                  pesan={`${l.judul} sedang dibuat; kemajuannya tampil di panel Pekerjaan, unduh dari sana bila selesai.`}
                >
                  Buat XLSX
                </TombolPekerjaan>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
