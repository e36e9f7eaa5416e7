/** Every round of one realisasi and the feedback on it, oldest first: who, what, when. */
import { Blockquote, Text, Timeline } from '@mantine/core';
import { formatWaktu, type Zona } from '../../lib/istilah';
import type { RealisasiOut } from './api';

const AKSI: Record<RealisasiOut['riwayat'][number]['aksi'], { label: string; warna: string }> = {
  AJUKAN: { label: 'Diajukan', warna: 'blue' },
  TERIMA: { label: 'Diterima', warna: 'teal' },
  PERLU_PERBAIKAN: { label: 'Dikembalikan untuk perbaikan', warna: 'orange' },
  PERBAIKI: { label: 'Perbaikan diajukan', warna: 'indigo' },
};

type Entri = { key: string; at: string; judul: string; oleh: string; isi: string | null; warna: string };

export function RiwayatRealisasi({
  realisasi,
  zona,
}: {
  realisasi: Pick<RealisasiOut, 'riwayat' | 'umpanBalik'>;
  zona: Zona;
}) {
  const entri: Entri[] = [
    ...realisasi.riwayat.map((r, i) => ({
      key: `r${i}`,
      at: r.at,
      judul: `Putaran ${r.putaran} · ${AKSI[r.aksi].label}`,
      oleh: r.oleh.namaLengkap,
      isi: r.catatan,
      warna: AKSI[r.aksi].warna,
    })),
    ...realisasi.umpanBalik.map((u) => ({
      key: `u${u.id}`,
      at: u.at,
      judul: 'Umpan balik',
      oleh: u.oleh.namaLengkap,
      isi: u.teks,
      warna: 'gray',
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (entri.length === 0) return null;
  return (
    <Timeline bulletSize={14} lineWidth={2} role="list" aria-label="Riwayat realisasi">
      {entri.map((e) => (
        <Timeline.Item
          key={e.key}
          color={e.warna}
          title={
            <Text size="sm" fw={600}>
              {e.judul}
            </Text>
          }
          role="listitem"
        >
          <Text size="xs" c="dimmed">
            {e.oleh} · {formatWaktu(e.at, zona)}
          </Text>
          {e.isi && (
            <Blockquote p="xs" mt={4} color={e.warna} style={{ overflowWrap: 'anywhere' }}>
              <Text size="sm">{e.isi}</Text>
            </Blockquote>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
