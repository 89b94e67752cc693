/**
 * Where a key moves the selected row of a table of `count` rows, as in DevTools' own tables: arrows by
 * one, Page Up and Page Down by `pageRows` (the rows in view), Home and End to either end. `index` is
 * the selected row, or -1 when none is (or it was filtered out): any of these keys then selects from
 * the top, End from the bottom. Returns undefined for other keys, and when there are no rows, so the
 * caller leaves the key to the browser.
 */
export function nextRow(key: string, index: number, count: number, pageRows: number): number | undefined {
  if (count <= 0) return undefined;
  const last = count - 1;
  const page = Math.max(1, Math.floor(pageRows));
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  const from = index >= 0 && index <= last ? index : undefined;
  switch (key) {
    case 'ArrowDown':
      return from === undefined ? 0 : clamp(from + 1);
    case 'ArrowUp':
      return from === undefined ? 0 : clamp(from - 1);
    case 'PageDown':
      return from === undefined ? 0 : clamp(from + page);
    case 'PageUp':
      return from === undefined ? 0 : clamp(from - page);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
