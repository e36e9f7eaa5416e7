/**
 * One employee's progres harian of a month, day by day across RHKs: each entry with its Rencana Aksi,
 * the day's hours, and the assessor's comments. The pejabat penilai (or his delegate) comments on a
 * day here; the employee reads the comments on the same view.
 */
import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDurasi, namaTanggal } from '../../../src/domain/progres-harian';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { segarkanRealisasi } from '../realisasi/api';
import { type HariProgres, komentari, pegawaiQuery } from './api';

const angka = (n: number) => n.toLocaleString('id-ID');

function KomentarHari({ pegawaiId, tanggal }: { pegawaiId: number; tanggal: string }) {
  const aksi = useAksi(segarkanRealisasi);
  const [teks, setTeks] = useState('');
  const [buka, setBuka] = useState(false);
  if (!buka)
    return (
      <div>
        <Button size="compact-sm" variant="light" onClick={() => setBuka(true)}>
          Beri komentar
        </Button>
      </div>
    );
  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={`Komentar untuk ${namaTanggal(tanggal)}`}
      onSubmit={async (ev) => {
        ev.preventDefault();
        if (await aksi.run(() => komentari(pegawaiId, tanggal, teks), 'Komentar disimpan.')) {
          setTeks('');
          setBuka(false);
        }
      }}
    >
      <Textarea
        label="Komentar"
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={teks}
        onChange={(ev) => setTeks(ev.currentTarget.value)}
      />
      <GalatAksi aksi={aksi} />
      <Group gap="xs">
        <Button type="submit" size="sm" loading={aksi.busy}>
          Simpan komentar
        </Button>
        <Button size="sm" variant="default" onClick={() => setBuka(false)} disabled={aksi.busy}>
          Batal
        </Button>
      </Group>
    </Stack>
  );
}

function Hari(props: { hari: HariProgres; pegawaiId: number; dapatKomentar: boolean; tingkat: 3 | 4 }) {
  const { hari, pegawaiId, dapatKomentar, tingkat } = props;
  const judul = namaTanggal(hari.tanggal);
  return (
    <Card withBorder padding="sm" component="section" aria-label={judul}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={tingkat} size="h5">
            {judul}
          </Title>
          {hari.menit > 0 && <Badge variant="light">{formatDurasi(hari.menit)}</Badge>}
        </Group>
        {hari.entri.length > 0 && (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {hari.entri.map((e) => (
              <Stack key={e.id} gap={0} component="li">
                <Text size="sm" fw={600}>
                  {e.jamMulai}–{e.jamSelesai} · {e.kegiatan}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  Rencana Aksi: {e.rencanaAksi} · Realisasi {angka(e.kuantitas)} {e.satuan}
                  {e.buktiDukung && (
                    <>
                      {' · '}
                      <Anchor size="xs" href={e.buktiDukung} target="_blank" rel="noopener noreferrer">
                        Bukti dukung
                      </Anchor>
                    </>
                  )}
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
        {hari.komentar.map((k) => (
          <Card key={k.id} padding="xs" bg="var(--mantine-color-blue-light)">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {k.teks}
            </Text>
            <Text size="xs" c="dimmed">
              Komentar {k.olehNama}, {new Date(k.at).toLocaleString('id-ID')}
            </Text>
          </Card>
        ))}
        {dapatKomentar && <KomentarHari pegawaiId={pegawaiId} tanggal={hari.tanggal} />}
      </Stack>
    </Card>
  );
}

/** `tingkat`: the heading level of a day under the page's headings. */
export function ProgresBulan(props: { pegawaiId: number; bulan: string; tingkat: 3 | 4 }) {
  const { pegawaiId, bulan, tingkat } = props;
  const query = useQuery(pegawaiQuery(pegawaiId, bulan));
  if (query.isLoading) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const data = query.data!;
  if (data.hari.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Belum ada progres harian pada {data.label}.
      </Text>
    );
  return (
    <Stack gap="sm">
      {data.hari.map((h) => (
        <Hari
          key={h.tanggal}
          hari={h}
          pegawaiId={pegawaiId}
          dapatKomentar={data.dapatKomentar}
          tingkat={tingkat}
        />
      ))}
    </Stack>
  );
}
