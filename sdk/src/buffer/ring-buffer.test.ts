import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.js';

describe('RingBuffer', () => {
  it('keeps items in insertion order until full', () => {
    const buffer = new RingBuffer<number>(3);
    buffer.push(1);
    buffer.push(2);
    expect(buffer.toArray()).toEqual([1, 2]);
    expect(buffer.last()).toBe(2);
    expect(buffer.dropped).toBe(0);
  });

  it('drops the oldest items once full and counts them', () => {
    const buffer = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) buffer.push(i);
    expect(buffer.toArray()).toEqual([5, 6, 7]);
    expect(buffer.size).toBe(3);
    expect(buffer.dropped).toBe(4);
    expect(buffer.pushed).toBe(7);
    expect(buffer.last()).toBe(7);
  });

  it('returns a copy that changing does not affect', () => {
    const buffer = new RingBuffer<number>(2);
    buffer.push(1);
    buffer.toArray().push(99);
    expect(buffer.toArray()).toEqual([1]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(/positive integer/);
  });
});
