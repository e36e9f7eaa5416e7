/**
 * The bell in the header: the unread count, polled every minute (one small indexed query), and the
 * latest items in a popover. Opening an item marks it read and follows its link.
 */
import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ItemNotifikasi, type Notifikasi } from './ItemNotifikasi';
import { fetchNotifikasi, NOTIFIKASI_KEY, tandaiDibaca, tautanInternal } from './notifikasi';

export function LoncengNotifikasi() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: [...NOTIFIKASI_KEY, 'terbaru'],
    queryFn: () => fetchNotifikasi(10),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    staleTime: 30_000,
  });
  const belum = query.data?.belumDibaca ?? 0;
  const items = query.data?.items ?? [];

  async function open(item: Notifikasi) {
    close();
    if (!item.dibaca) await tandaiDibaca(queryClient, [item.id]).catch(() => undefined);
    const href = tautanInternal(item.tautan);
    if (href) await navigate({ href });
  }

  async function semuaDibaca() {
    setBusy(true);
    await tandaiDibaca(queryClient).catch(() => undefined);
    setBusy(false);
  }

  // The popover's target is the button itself, so its aria-expanded/aria-controls land on a button
  // and not on the indicator's wrapper (where axe calls them not allowed).
  return (
    <Indicator label={belum > 99 ? '99+' : belum} size={16} color="red" disabled={belum === 0} offset={4}>
      <Popover
        opened={opened}
        onChange={(o) => !o && close()}
        position="bottom-end"
        width={340}
        shadow="md"
        withArrow
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={toggle}
            aria-label={belum ? `Notifikasi, ${belum} belum dibaca` : 'Notifikasi'}
          >
            <IconBell size={20} stroke={1.6} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
          <Stack gap={4} role="region" aria-label="Notifikasi terbaru">
            <Group justify="space-between" px={4}>
              <Text fw={700} size="sm">
                Notifikasi
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={semuaDibaca}
                loading={busy}
                disabled={belum === 0}
              >
                Tandai semua dibaca
              </Button>
            </Group>
            <Divider />
            {items.length === 0 ? (
              <Text size="sm" c="dimmed" p="xs">
                {query.isError ? 'Notifikasi tidak dapat dimuat.' : 'Belum ada notifikasi.'}
              </Text>
            ) : (
              <Stack gap={2} mah={380} style={{ overflowY: 'auto' }}>
                {items.map((n) => (
                  <ItemNotifikasi key={n.id} item={n} onOpen={open} />
                ))}
              </Stack>
            )}
            <Divider />
            <Anchor component={Link} to="/notifikasi" size="sm" ta="center" onClick={close} py={4}>
              Lihat semua notifikasi
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
