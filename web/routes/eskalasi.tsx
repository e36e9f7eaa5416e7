import { useNavigate, useSearch } from '@tanstack/react-router';
import { Forbidden } from '../components/Status';
import { EskalasiPenilaian } from '../features/inbox/EskalasiPenilaian';
import { isAdmin, useMe } from '../lib/session';

export function EskalasiPage() {
  const me = useMe();
  const { periode } = useSearch({ strict: false }) as { periode?: string };
  const navigate = useNavigate();
  if (!isAdmin(me)) return <Forbidden />;
  return (
    <EskalasiPenilaian
      periode={periode}
      onPeriode={(p) => navigate({ to: '/eskalasi', search: { periode: p } })}
    />
  );
}
