import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { DaftarEvaluasi } from '../features/evaluasi/DaftarEvaluasi';
import { HalamanEvaluasi } from '../features/evaluasi/HalamanEvaluasi';

export function EvaluasiPage() {
  const search = useSearch({ strict: false }) as { tahun?: number };
  const navigate = useNavigate();
  return (
    <Stack>
      <div>
        <Title order={2}>Evaluasi Tahunan</Title>
        <Text size="sm" c="dimmed">
          Evaluasi kinerja tahunan per SKP: saran dari penilaian periodik, rating pejabat penilai, predikat,
          tanda tangan dan keberatan.
        </Text>
      </div>
      <DaftarEvaluasi
        tahun={search.tahun ?? new Date().getFullYear()}
        onTahun={(tahun) => navigate({ to: '/evaluasi', search: { tahun } })}
      />
    </Stack>
  );
}

export function EvaluasiSkpPage() {
  const { skpId } = useParams({ strict: false }) as { skpId: string };
  return (
    <Stack>
      <div>
        <Anchor component={Link} to="/evaluasi" size="sm">
          ← Evaluasi Tahunan
        </Anchor>
        <Title order={2}>Evaluasi Kinerja Tahunan</Title>
      </div>
      <HalamanEvaluasi skpId={Number(skpId)} />
    </Stack>
  );
}
