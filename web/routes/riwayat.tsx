import { Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { RiwayatKinerja, type RiwayatSearch } from '../features/riwayat/RiwayatKinerja';

export function RiwayatPage() {
  const search = useSearch({ strict: false }) as Partial<RiwayatSearch>;
  const navigate = useNavigate();
  return (
    <Stack>
      <div>
        <Title order={2}>Riwayat Kinerja</Title>
        <Text size="sm" c="dimmed">
          Realisasi, umpan balik dan predikat kinerja per periode dalam satu tahun, berdampingan.
        </Text>
      </div>
      <RiwayatKinerja
        search={{ tahun: search.tahun ?? new Date().getFullYear(), pegawai: search.pegawai }}
        onSearch={(s) => navigate({ to: '/riwayat', search: s })}
      />
    </Stack>
  );
}
