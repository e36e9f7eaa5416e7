import { useParams } from '@tanstack/react-router';
import { SkpDetailView } from '../features/skp/SkpDetailView';

export function SkpDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  return <SkpDetailView key={id} id={Number(id)} />;
}
