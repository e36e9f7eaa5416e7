import { DelegasiPenilaian } from '../features/inbox/DelegasiPenilaian';

export function DelegasiPage() {
  return <DelegasiPenilaian />;
}
