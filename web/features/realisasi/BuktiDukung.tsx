/**
 * The evidence of one realisasi: links open in a new tab, files download; a file the same as one
 * another employee uploaded is flagged. The owner may remove files while the realisasi is editable.
 */
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { type BuktiDukungOut, berkasUrl } from './api';
import { formatUkuran } from './format';

export function BuktiDukungList({
  realisasiId,
  bukti,
  jenis,
  onHapus,
  menghapus,
}: {
  realisasiId: number;
  bukti: BuktiDukungOut[];
  jenis: BuktiDukungOut['jenis'];
  onHapus?: (b: BuktiDukungOut) => void;
  menghapus?: number | null;
}) {
  const daftar = bukti.filter((b) => b.jenis === jenis);
  const judul = jenis === 'TAUTAN' ? 'Tautan bukti dukung' : 'Berkas bukti dukung';
  if (daftar.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {jenis === 'TAUTAN' ? 'Belum ada tautan bukti dukung.' : 'Belum ada berkas bukti dukung.'}
      </Text>
    );
  return (
    <Stack gap={6} component="ul" aria-label={judul} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {daftar.map((b) => (
        <li key={b.id} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
            <div style={{ minWidth: 0 }}>
              {b.jenis === 'TAUTAN' ? (
                <>
                  <Anchor href={b.url!} target="_blank" rel="noopener noreferrer" size="sm">
                    {b.deskripsi}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {b.url}
                  </Text>
                </>
              ) : (
                <>
                  <Anchor href={berkasUrl(realisasiId, b.id)} download={b.namaBerkas ?? true} size="sm">
                    {b.namaBerkas}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {b.deskripsi}
                    {b.ukuran !== null ? ` · ${formatUkuran(b.ukuran)}` : ''}
                  </Text>
                  {b.duplikat && (
                    <Badge
                      color="orange"
                      variant="light"
                      mt={2}
                      style={{ whiteSpace: 'normal', height: 'auto' }}
                    >
                      Duplikat: berkas yang sama diunggah {b.jumlahDuplikat} pegawai lain
                    </Badge>
                  )}
                </>
              )}
            </div>
            {onHapus && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                loading={menghapus === b.id}
                onClick={() => onHapus(b)}
                aria-label={`Hapus berkas ${b.namaBerkas}`}
              >
                Hapus
              </Button>
            )}
          </Group>
        </li>
      ))}
    </Stack>
  );
}
