/** Keyboard movement of the assessor's quick lists, and which subordinate comes next. */

/**
 * The index a key moves to in a list of `total` items: ↓/j next, ↑/k previous (stopping at the
 * ends, so holding a key does not wrap around unnoticed), Home/End the ends. null: not a movement key.
 */
export function langkah(key: string, index: number, total: number): number | null {
  if (total === 0) return null;
  const akhir = total - 1;
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return Math.min(index + 1, akhir);
    case 'ArrowUp':
    case 'k':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return akhir;
    default:
      return null;
  }
}

/** Keys typed into a field are text, not shortcuts. */
export function dalamIsian(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el?.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.isContentEditable;
}

/**
 * The subordinate to assess after `sekarangId`: the next one down the list still waiting for the
 * assessor, wrapping around; if nobody else waits, simply the next one down; null at the end.
 */
export function bawahanBerikutnya(
  items: readonly { pegawaiId: number; menunggu: number }[],
  sekarangId: number,
): number | null {
  const i = items.findIndex((p) => p.pegawaiId === sekarangId);
  const urutan = [...items.slice(i + 1), ...items.slice(0, Math.max(i, 0))];
  const menunggu = urutan.find((p) => p.menunggu > 0 && p.pegawaiId !== sekarangId);
  if (menunggu) return menunggu.pegawaiId;
  return i >= 0 && i + 1 < items.length ? items[i + 1]!.pegawaiId : null;
}
