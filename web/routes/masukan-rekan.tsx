import { useNavigate, useSearch } from '@tanstack/react-router';
import { MasukanRekanSaya } from '../features/masukan-rekan/MasukanRekanSaya';

export function MasukanRekanPage() {
  const { periode } = useSearch({ strict: false }) as { periode?: string };
  const navigate = useNavigate();
  return (
    <MasukanRekanSaya
      periode={periode}
      onPeriode={(p) => navigate({ to: '/masukan-rekan', search: { periode: p } })}
    />
  );
}
