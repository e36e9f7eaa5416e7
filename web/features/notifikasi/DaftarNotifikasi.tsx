/** All my notifications, newest first, one page at a time. */
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { LoadMore } from '../../components/LoadMore';
import { ErrorView, Loading } from '../../components/Status';
import { ItemNotifikasi, type Notifikasi } from './ItemNotifikasi';
import { fetchNotifikasi, NOTIFIKASI_KEY, tandaiDibaca, tautanInternal } from './notifikasi';

export function DaftarNotifikasi() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const query = useInfiniteQuery({
    queryKey: [...NOTIFIKASI_KEY, 'semua'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchNotifikasi(25, pageParam),
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  const belum = query.data.pages[0]?.belumDibaca ?? 0;

  async function open(item: Notifikasi) {
    if (!item.dibaca) await tandaiDibaca(queryClient, [item.id]).catch(() => undefined);
    const href = tautanInternal(item.tautan);
    if (href) await navigate({ href });
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">{belum ? `${belum} belum dibaca` : 'Semua sudah dibaca'}</Text>
        <Button
          variant="light"
          size="xs"
          disabled={belum === 0}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            await tandaiDibaca(queryClient).catch(() => undefined);
            setBusy(false);
          }}
        >
          Tandai semua dibaca
        </Button>
      </Group>
      <Card withBorder p="xs">
        {items.length === 0 ? (
          <Text c="dimmed" p="sm">
            Belum ada notifikasi.
          </Text>
        ) : (
          <Stack
            gap={2}
            component="ul"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            aria-label="Daftar notifikasi"
          >
            {items.map((n) => (
              <li key={n.id}>
                <ItemNotifikasi item={n} onOpen={open} />
              </li>
            ))}
          </Stack>
        )}
        <LoadMore query={query} />
      </Card>
    </Stack>
  );
}
