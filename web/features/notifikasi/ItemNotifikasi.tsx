import { Box, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { NotifikasiPage } from '../../../src/contracts/notifikasi';
import { useJadwal } from '../realisasi/useJadwal';
import { waktuRelatif } from './notifikasi';

export type Notifikasi = NotifikasiPage['items'][number];

/** One notification: unread ones are bold with a dot; a click opens its link. */
export function ItemNotifikasi({ item, onOpen }: { item: Notifikasi; onOpen: (item: Notifikasi) => void }) {
  const { zona } = useJadwal();
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      w="100%"
      p="xs"
      style={{ borderRadius: 6 }}
      bg={item.dibaca ? undefined : 'var(--mantine-color-teal-light)'}
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        <Box
          mt={6}
          w={8}
          h={8}
          style={{ borderRadius: 4, flex: 'none' }}
          bg={item.dibaca ? 'transparent' : 'teal.6'}
          aria-hidden
        />
        <Box style={{ minWidth: 0 }}>
          <Text size="sm" fw={item.dibaca ? 400 : 700}>
            {!item.dibaca && <VisuallyHidden>Belum dibaca: </VisuallyHidden>}
            {item.judul}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={3}>
            {item.pesan}
          </Text>
          <Text size="xs" c="dimmed">
            {waktuRelatif(item.createdAt, zona?.zonaWaktu ?? null)}
          </Text>
        </Box>
      </Group>
    </UnstyledButton>
  );
}
