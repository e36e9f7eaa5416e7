/**
 * Keyboard-shortcut hints, shown only where a keyboard is likely: a fine pointer that can hover
 * (mouse or trackpad). A phone or tablet never shows keys it has no way to press.
 */
import { Text, type TextProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export const ADA_PAPAN_KETIK = '(hover: hover) and (pointer: fine)';

export function PetunjukPapanKetik({ children, ...props }: TextProps & { children: ReactNode }) {
  const tampil = useMediaQuery(ADA_PAPAN_KETIK, false, { getInitialValueInEffect: false });
  if (!tampil) return null;
  return (
    <Text size="xs" c="dimmed" data-petunjuk-papan-ketik {...props}>
      {children}
    </Text>
  );
}
