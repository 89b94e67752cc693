import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatCountOf, formatDuration, plural } from './format.js';

describe('panel number formats', () => {
  it('shows bytes in binary units with one decimal', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(13_002_342)).toBe('12.4 MB');
    expect(formatBytes(-2048)).toBe('-2.0 KB');
    expect(formatBytes(undefined)).toBe('—');
  });

  it('separates thousands in counts', () => {
    expect(formatCount(59_000)).toBe('59,000');
    expect(formatCount(Number.NaN)).toBe('—');
  });

  it('picks the word that agrees with a count, singular only for one', () => {
    expect(plural(1, 'it', 'them')).toBe('it');
    expect(plural(0, 'it', 'them')).toBe('them');
    expect(plural(5, 'was', 'were')).toBe('were');
    expect(plural(2, 'collection')).toBe('collections');
  });

  it('puts a count with a singular or plural noun', () => {
    expect(formatCountOf(1, 'commit')).toBe('1 commit');
    expect(formatCountOf(0, 'commit')).toBe('0 commits');
    expect(formatCountOf(5_000, 'component')).toBe('5,000 components');
    expect(formatCountOf(2, 'child', 'children')).toBe('2 children');
  });

  it('shows short durations in microseconds and longer ones in milliseconds', () => {
    expect(formatDuration(0.025)).toBe('25 µs');
    expect(formatDuration(0.465)).toBe('465 µs');
    expect(formatDuration(0.9999)).toBe('1.0 ms');
    expect(formatDuration(13.015)).toBe('13.0 ms');
    expect(formatDuration(1234.56)).toBe('1,234.6 ms');
    expect(formatDuration(undefined)).toBe('—');
  });
});
