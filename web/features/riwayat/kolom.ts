/** Which periods the history table shows. */
/** The run from the first to the last item that `ada` keeps; everything when none is kept. */
export function potongKosong<T>(items: readonly T[], ada: (item: T) => boolean): T[] {
  const awal = items.findIndex(ada);
  if (awal < 0) return [...items];
  return items.slice(awal, items.findLastIndex(ada) + 1);
}
