import { useNavigate, useSearch } from '@tanstack/react-router';
import { RealisasiSaya } from '../features/realisasi/RealisasiSaya';

export function RealisasiSayaPage() {
  const { periode } = useSearch({ strict: false }) as { periode?: string };
  const navigate = useNavigate();
  return (
    <RealisasiSaya
      periode={periode}
      onPeriode={(p) => navigate({ to: '/realisasi', search: { periode: p } })}
    />
  );
}
