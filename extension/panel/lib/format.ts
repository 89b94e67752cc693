const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Bytes in binary units with one decimal, as DevTools shows them: `12.4 MB`. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '—';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? '-' : '';
  return unit === 0 ? `${sign}${value} B` : `${sign}${value.toFixed(1)} ${UNITS[unit]}`;
}

/** A count with thousands separators. */
export function formatCount(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? '—' : Math.round(n).toLocaleString('en-US');
}

/** A signed delta (`+1.2 MB`, `-300`), using `format` for the magnitude. */
export function formatDelta(delta: number, format: (n: number) => string): string {
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '-'}${format(Math.abs(delta))}`;
}

/** A clock time for the chart and tables. */
export function formatTime(t: number): string {
  return new Date(t).toLocaleTimeString('en-GB', { hour12: false });
}

/** The word that agrees with a count: `plural(1, 'it', 'them')` is `it`; English plurals, so only 1 takes `one`. */
export function plural(n: number | undefined, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** A count with its noun, singular or plural: `1 commit`, `5,000 commits`. */
export function formatCountOf(n: number | undefined, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${plural(n, one, many)}`;
}

/**
 * A short duration such as a commit handler's cost: whole microseconds below a millisecond (`465 µs`),
 * milliseconds with one decimal from there (`13.0 ms`, not `13015 µs`).
 */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 0.9995) return `${Math.round(ms * 1000)} µs`;
  return `${ms.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`;
}
