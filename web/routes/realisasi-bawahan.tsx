import { useNavigate, useSearch } from '@tanstack/react-router';
import { RealisasiBawahan } from '../features/realisasi/RealisasiBawahan';

export function RealisasiBawahanPage() {
  const { periode } = useSearch({ strict: false }) as { periode?: string };
  const navigate = useNavigate();
  return (
    <RealisasiBawahan
      periode={periode}
      onPeriode={(p) => navigate({ to: '/realisasi/bawahan', search: { periode: p } })}
    />
  );
}
