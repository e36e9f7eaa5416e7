/** The employee's active sessions (devices logged in), each of which he can end. */
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { z } from 'zod';
import type { SesiAktif as SesiAktifItem, SesiAktifList } from '../../../src/contracts/mfa';
import { ErrorView, Loading } from '../../components/Status';
import { GalatAksi, useAksi } from '../../lib/aksi';
import { api, setCsrfToken } from '../../lib/api';
import { formatWaktu } from '../../lib/istilah';
import { useJadwal } from '../realisasi/useJadwal';

const KEY = ['sesi-aktif'] as const;

/** "Mozilla/5.0 (Linux; Android 14; …) … Chrome/126…" → "Chrome di Android", enough to recognise a device. */
function perangkat(userAgent: string | null): string {
  if (!userAgent) return 'Perangkat tidak dikenal';
  const peramban = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const sistem = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (peramban && sistem) return `${peramban} di ${sistem}`;
  return peramban ?? sistem ?? userAgent.slice(0, 60);
}

export function SesiAktif() {
  const { zona } = useJadwal();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: KEY,
    queryFn: () => api<z.infer<typeof SesiAktifList>>('/api/auth/sesi'),
  });
  const aksi = useAksi((qc) => qc.invalidateQueries({ queryKey: KEY }));

  async function akhiri(s: SesiAktifItem) {
    const ok = await aksi.run(() => api(`/api/auth/sesi/${s.id}`, { method: 'DELETE' }), 'Sesi diakhiri.');
    // Ending this session is logging out.
    if (ok && s.isSesiIni) {
      setCsrfToken(null);
      queryClient.clear();
      await navigate({ to: '/masuk' });
    }
  }

  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>Sesi aktif</Title>
        <Text size="sm" c="dimmed">
          Perangkat tempat akun Anda sedang masuk. Akhiri sesi yang tidak Anda kenali, lalu ganti kata sandi.
        </Text>
        <GalatAksi aksi={aksi} />
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          <ErrorView error={query.error} />
        ) : (
          query.data.items.map((s) => (
            <Group key={s.id} justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {perangkat(s.userAgent)}
                  </Text>
                  {s.isSesiIni && <Badge size="sm">Sesi ini</Badge>}
                </Group>
                <Text size="xs" c="dimmed">
                  Masuk {formatWaktu(s.dibuatAt, zona)} · berakhir {formatWaktu(s.kedaluwarsaAt, zona)}
                </Text>
              </div>
              <Button size="xs" variant="light" color="red" loading={aksi.busy} onClick={() => akhiri(s)}>
                Akhiri sesi
              </Button>
            </Group>
          ))
        )}
      </Stack>
    </Card>
  );
}
