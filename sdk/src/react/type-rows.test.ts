import { describe, expect, it } from 'vitest';
import { createTypeRows } from './type-rows.js';

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('Run the unit tests with --expose-gc (vitest.config.ts sets it).');
  collect();
}

describe('createTypeRows', () => {
  it('gives each component type the row it was set to, and none to a type never set', () => {
    const rows = createTypeRows();
    function Button() {}
    const Memo = { $$typeof: Symbol.for('react.memo'), type: Button, compare: null };
    rows.set(Button, 0);
    rows.set(Memo, 1);
    expect(rows.get(Button)).toBe(0);
    expect(rows.get(Memo)).toBe(1);
    expect(rows.get(function Other() {})).toBeUndefined();
    rows.set(Button, 7);
    expect(rows.get(Button)).toBe(7);
  });

  it('leaves no trace the app can see: no own key, nothing copied by Object.assign, spread or a statics hoister', () => {
    const rows = createTypeRows();
    function Card() {}
    const keysBefore = Reflect.ownKeys(Card);
    rows.set(Card, 3);
    expect(Reflect.ownKeys(Card)).toEqual(keysBefore);
    const Memo = { $$typeof: Symbol.for('react.memo'), type: Card };
    rows.set(Memo, 4);
    expect(Reflect.ownKeys(Memo)).toEqual(['$$typeof', 'type']);
    expect(JSON.stringify({ ...Memo, type: 'Card' })).toBe('{"type":"Card"}');
    // What hoist-non-react-statics does: every own name and symbol, whatever its enumerability.
    function Wrapper() {}
    for (const key of [...Object.getOwnPropertyNames(Memo), ...Object.getOwnPropertySymbols(Memo)]) {
      Object.defineProperty(Wrapper, key, Object.getOwnPropertyDescriptor(Memo, key)!);
    }
    const spread = { ...Memo };
    expect(rows.get(Wrapper)).toBeUndefined();
    expect(rows.get(spread)).toBeUndefined();
    expect(rows.get(Object.assign({}, Memo))).toBeUndefined();
  });

  it('keeps two tables apart: one table never reads the rows of another', () => {
    const a = createTypeRows();
    const b = createTypeRows();
    function List() {}
    a.set(List, 5);
    expect(b.get(List)).toBeUndefined();
    b.set(List, 9);
    expect(a.get(List)).toBe(5);
    expect(b.get(List)).toBe(9);
  });

  it('works for frozen types, proxies and classes without calling any of their code', () => {
    const rows = createTypeRows();
    const Frozen = Object.freeze(function Frozen() {});
    let trapped = 0;
    const Proxied = new Proxy(function Proxied() {}, {
      defineProperty: () => (trapped++, false),
      get: (target, key) => (trapped++, Reflect.get(target, key)),
      has: (target, key) => (trapped++, Reflect.has(target, key)),
    });
    class Panel {
      static displayName = 'Panel';
    }
    rows.set(Frozen, 1);
    rows.set(Proxied, 2);
    rows.set(Panel, 3);
    expect([rows.get(Frozen), rows.get(Proxied), rows.get(Panel)]).toEqual([1, 2, 3]);
    expect(trapped).toBe(0);
    expect(Panel.displayName).toBe('Panel');
  });

  it('keeps nothing alive: a type that the app drops is collected', async () => {
    const rows = createTypeRows();
    let type: (() => void) | undefined = () => {};
    rows.set(type, 1);
    const ref = new WeakRef(type);
    type = undefined;
    // A WeakRef keeps its target until the task that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(ref.deref()).toBeUndefined();
  });
});
