/**
 * The Mantine theme. Mantine's stock shades 6–9 (the ones used as text, as filled backgrounds under
 * white text and as light-variant text) are too pale for WCAG AA in several palettes (teal.8 on white
 * is 3.9:1, gray.6 (the dimmed text) 3.3:1). Each of those shades is darkened here until it reaches
 * 5.5:1 on white, which keeps 4.5:1 on the gray.0 page background and the palest tints (blue.0).
 */
import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  darken,
  Loader,
  luminance,
  type MantineColorsTuple,
  Modal,
  Notification,
  PasswordInput,
  TableScrollContainer,
} from '@mantine/core';

function kontras(a: string, b: string): number {
  const [terang, gelap] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (terang + 0.05) / (gelap + 0.05);
}

function cukupGelap(warna: string, latar: string, min: number): string {
  let hasil = warna;
  // 2 % darker at a time keeps the hue and stops just past the threshold.
  for (let i = 0; i < 50 && kontras(hasil, latar) < min; i++) hasil = darken(hasil, 0.02);
  return hasil;
}

/** Shades 6–8 reach 5.5:1 on white; shade 9, the light variant's text, 4.8:1 on its hover tint (shade 2). */
function paletAksesibel(palet: MantineColorsTuple): MantineColorsTuple {
  return palet.map((warna, i) => {
    if (i === 9) return cukupGelap(cukupGelap(warna, '#ffffff', 5.5), palet[2], 4.8);
    return i >= 6 ? cukupGelap(warna, '#ffffff', 5.5) : warna;
  }) as unknown as MantineColorsTuple;
}

const colors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([nama, palet]) => [nama, paletAksesibel(palet)]),
);

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  defaultRadius: 'md',
  colors,
  components: {
    // A table wider than a phone scrolls sideways; keyboard users reach the scroll by focusing it.
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
    // A spinner is announced as a status; an aria-label on a bare span is not allowed (axe).
    Loader: Loader.extend({ defaultProps: { role: 'status', 'aria-label': 'Memuat' } }),
    // The close button of a toast is only an icon: it needs a name.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Tutup pemberitahuan' } },
    }),
    // Mantine's own label is English ("Toggle password visibility"); every password field gets this one.
    PasswordInput: PasswordInput.extend({
      defaultProps: {
        visibilityToggleButtonProps: { 'aria-label': 'Tampilkan kata sandi' },
      },
    }),
    // Mantine's close button of a dialog has no name at all (axe button-name); every dialog gets one.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Tutup' } } }),
  },
});

/**
 * Dimmed (secondary) text sits on tinted backgrounds too (a highlighted row, an alert, a gray card),
 * where 5:1 on white is not enough: it takes gray.7 (8:1 on white, over 5:1 on the light tints).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Placeholders are text too (axe holds them to 4.5:1); gray.5 was 2.6:1.
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
