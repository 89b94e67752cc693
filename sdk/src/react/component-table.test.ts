import { describe, expect, it } from 'vitest';
import { LIMITS } from '../protocol/limits.js';
import { ComponentTable } from './component-table.js';

/** Adds `count` new component types, each a function of its own. */
function addTypes(table: ComponentTable, count: number): void {
  for (let i = 0; i < count; i++) table.add(function Generated() {}, `Generated${table.size}`);
}

describe('ComponentTable', () => {
  it('cuts a name longer than the protocol carries, marking the cut, whether named when added or later', () => {
    const table = new ComponentTable();
    const long = 'N'.repeat(LIMITS.text + 50);
    const given = table.add(function Given() {}, long);
    const later = Object.assign(function Later() {}, { displayName: long });
    const named = table.add(later);
    for (const row of [given, named]) {
      expect(table.name(row)).toHaveLength(LIMITS.text);
      expect(table.name(row).endsWith('…')).toBe(true);
    }
  });

  it('doubles its arrays as types appear commit by commit', () => {
    const table = new ComponentTable();
    expect(table.capacity).toBe(256);
    for (let commit = 0; commit < 300; commit++) {
      table.beginBatch();
      addTypes(table, 1);
    }
    expect(table.capacity).toBe(512);
  });

  it('grows eightfold when one commit adds thousands of types, so it copies its counters twice rather than five times', () => {
    const table = new ComponentTable();
    table.beginBatch();
    addTypes(table, 300);
    expect(table.capacity).toBe(2048);
    addTypes(table, 4700);
    expect(table.capacity).toBe(16384);
  });

  it('keeps every counter and name when it grows', () => {
    const table = new ComponentTable();
    table.beginBatch();
    addTypes(table, 200);
    table.renders[199] = 7;
    table.unmounts[3] = 2;
    table.reasonCounts[199 * 4 + 3] = 5;
    addTypes(table, 2000);
    expect(table.capacity).toBeGreaterThan(2048);
    expect(table.renders[199]).toBe(7);
    expect(table.unmounts[3]).toBe(2);
    expect(table.reasonCounts[199 * 4 + 3]).toBe(5);
    expect(table.name(2199)).toBe('Generated2199');
  });

  it('sizes the changed-prop-key slots by the rows in use, not by a capacity grown for a batch', () => {
    const table = new ComponentTable();
    table.beginBatch();
    addTypes(table, 5000);
    table.reserveKeys(10);
    expect(table.lastPropKeys.length).toBe(2 * 5000 * 4);
    table.reserveKeys(4999);
    expect(table.lastPropKeys.length).toBe(2 * 5000 * 4);
  });

  it('names a type added without a name by its displayName or function name when a name is first read', () => {
    const table = new ComponentTable();
    const Named = () => null;
    Named.displayName = 'Shown';
    function Plain() {}
    const a = table.add(Named);
    const b = table.add(Plain, 'Given');
    const c = table.add(Plain.bind(null));
    expect(table.name(a)).toBe('Shown');
    expect(table.name(b)).toBe('Given');
    expect(table.name(c)).toBe('bound Plain');
  });

  it('lets a type added without a name go once its name is resolved', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('Run the unit tests with --expose-gc (vitest.config.ts sets it).');
    const table = new ComponentTable();
    const ref = (() => {
      const Transient = () => null;
      table.add(Transient);
      return new WeakRef(Transient);
    })();
    table.resolveNames();
    // WeakRef targets stay alive until the current task ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(ref.deref()).toBeUndefined();
    expect(table.name(0)).toBe('Transient');
  });
});
