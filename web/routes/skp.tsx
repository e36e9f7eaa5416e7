import { SkpSaya } from '../features/skp/SkpSaya';

export function SkpSayaPage() {
  return <SkpSaya />;
}
