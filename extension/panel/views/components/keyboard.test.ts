import { describe, expect, it } from 'vitest';
import { nextRow } from './keyboard.js';

describe('nextRow', () => {
  it('moves one row with the arrows and stops at either end', () => {
    expect(nextRow('ArrowDown', 3, 10, 5)).toBe(4);
    expect(nextRow('ArrowUp', 3, 10, 5)).toBe(2);
    expect(nextRow('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextRow('ArrowUp', 0, 10, 5)).toBe(0);
  });

  it('moves a page of rows with Page Up and Page Down, clamped to the table', () => {
    expect(nextRow('PageDown', 3, 100, 12)).toBe(15);
    expect(nextRow('PageUp', 15, 100, 12)).toBe(3);
    expect(nextRow('PageDown', 95, 100, 12)).toBe(99);
    expect(nextRow('PageUp', 4, 100, 12)).toBe(0);
  });

  it('moves at least one row when the view holds less than a row', () => {
    expect(nextRow('PageDown', 3, 10, 0)).toBe(4);
  });

  it('jumps to either end with Home and End', () => {
    expect(nextRow('Home', 7, 10, 5)).toBe(0);
    expect(nextRow('End', 2, 10, 5)).toBe(9);
  });

  it('selects from the top when no row is selected, or the selected one was filtered out', () => {
    expect(nextRow('ArrowDown', -1, 10, 5)).toBe(0);
    expect(nextRow('ArrowUp', -1, 10, 5)).toBe(0);
    expect(nextRow('PageDown', 12, 10, 5)).toBe(0);
    expect(nextRow('End', -1, 10, 5)).toBe(9);
  });

  it('leaves other keys, and an empty table, to the browser', () => {
    expect(nextRow('Enter', 3, 10, 5)).toBeUndefined();
    expect(nextRow('a', 3, 10, 5)).toBeUndefined();
    expect(nextRow('ArrowDown', -1, 0, 5)).toBeUndefined();
  });
});
