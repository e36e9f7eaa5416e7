import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { PenilaianRealisasi } from '../features/realisasi/PenilaianRealisasi';

export function RealisasiPenilaianPage() {
  const { pegawaiId } = useParams({ strict: false }) as { pegawaiId: string };
  const { periode } = useSearch({ strict: false }) as { periode?: string };
  const navigate = useNavigate();
  return (
    <PenilaianRealisasi
      key={pegawaiId}
      pegawaiId={Number(pegawaiId)}
      periode={periode}
      onPeriode={(p) =>
        navigate({ to: '/realisasi/bawahan/$pegawaiId', params: { pegawaiId }, search: { periode: p } })
      }
    />
  );
}
