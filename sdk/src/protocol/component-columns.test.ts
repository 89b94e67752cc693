import { describe, expect, it } from 'vitest';
import { columnsFromComponents, componentsFromColumns, LIMITS, NS, PROTOCOL_VERSION, parseSdkEnvelope } from './index.js';
import type { ComponentStat } from './index.js';

const stat = (id: number, name: string, over: Partial<ComponentStat> = {}): ComponentStat => ({
  id, name, renders: 3, mounts: 2, unmounts: 1, live: 1, retained: 0, selfMs: 1.5, totalMs: 4, maxMs: 2,
  reasons: { props: 1, state: 0, context: 1, parent: 0 }, lastReasons: ['props', 'context'], lastPropKeys: ['value', 'onClick'], ...over,
});
const status = {
  state: 'active', renderers: [], wrappedHook: false, mode: 'full', commits: 1,
  hook: { commits: 1, meanMs: 0, p50Ms: 0, p95Ms: 0, maxMs: 0 },
  retention: { supported: true, gcCycles: 0, watching: 0, unwatched: 0 },
};
const dropped = { samples: 0, uaMeasurements: 0, markers: 0, messages: 0 };
const batchWith = (components: unknown) => ({
  ns: NS, v: PROTOCOL_VERSION, sid: 'abc', seq: 1, kind: 'sdk/batch',
  data: { samples: [], uaMeasurements: [], markers: [], totalSamples: 0, dropped, react: { status, components, warnings: [] } },
});

describe('component columns', () => {
  const rows = [stat(0, 'App', { lastReasons: ['mount'], lastPropKeys: [] }), stat(7, 'Row'), stat(3, 'Cell', { lastReasons: [], lastPropKeys: [] })];

  it('carry every field of every row, and give the rows back as they were', () => {
    expect(componentsFromColumns(columnsFromComponents(rows))).toEqual(rows);
  });

  it('pass validation, which hands back copies', () => {
    const columns = columnsFromComponents(rows);
    const result = parseSdkEnvelope(batchWith(columns));
    expect(result.ok).toBe(true);
    if (!result.ok || result.envelope.kind !== 'sdk/batch') return;
    const parsed = result.envelope.data.react!.components;
    expect(componentsFromColumns(parsed)).toEqual(rows);
    expect(parsed.renders).not.toBe(columns.renders);
  });

  it('are refused when a column is missing a row, or prop keys do not add up', () => {
    const short = { ...columnsFromComponents(rows), renders: [1, 2] };
    expect(parseSdkEnvelope(batchWith(short))).toMatchObject({ ok: false, reason: 'schema', detail: expect.stringContaining('renders has 2 entries for 3 rows') });
    const keys = { ...columnsFromComponents(rows), propKeys: ['value'] };
    expect(parseSdkEnvelope(batchWith(keys))).toMatchObject({ ok: false, reason: 'schema', detail: expect.stringContaining('propKeys has 1 entries') });
  });

  it('are refused with entries of the wrong kind or out of range', () => {
    const bad = (over: Record<string, unknown>) => parseSdkEnvelope(batchWith({ ...columnsFromComponents(rows), ...over }));
    expect(bad({ renders: [1, '2', 3] })).toMatchObject({ ok: false, reason: 'schema' });
    expect(bad({ renders: [1, Number.NaN, 3] })).toMatchObject({ ok: false, reason: 'schema' });
    expect(bad({ mounts: [1, -1, 3] })).toMatchObject({ ok: false, reason: 'schema' });
    expect(bad({ id: [0, 1.5, 2] })).toMatchObject({ ok: false, reason: 'schema' });
    expect(bad({ id: [0, LIMITS.components, 2] })).toMatchObject({ ok: false, reason: 'schema' });
    expect(bad({ name: ['App', { toString: 'x' }, 'Cell'] })).toMatchObject({ ok: false, reason: 'schema' });
    expect(bad({ name: ['App', 'x'.repeat(LIMITS.text + 1), 'Cell'] })).toMatchObject({ ok: false, reason: 'schema' });
    expect(bad({ lastReasons: [1, 64, 0] })).toMatchObject({ ok: false, reason: 'schema' });
    expect(bad({ renders: { length: 3 } })).toMatchObject({ ok: false, reason: 'schema' });
  });

  it('are refused over the row limit before any entry is looked at', () => {
    const huge = new Array(LIMITS.components + 1).fill(0);
    expect(parseSdkEnvelope(batchWith({ ...columnsFromComponents(rows), id: huge }))).toMatchObject({ ok: false, reason: 'schema' });
  });
});
