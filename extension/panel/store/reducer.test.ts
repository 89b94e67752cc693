import { describe, expect, it } from 'vitest';
import { columnsFromComponents } from 'memscope/protocol';
import type { ComponentStat } from 'memscope/protocol';
import { reduce } from './reducer.js';
import type { PanelAction } from './reducer.js';
import { initialState } from './state.js';
import type { PanelState } from './state.js';

const dropped = { samples: 0, uaMeasurements: 0, markers: 0, messages: 0 };
const capabilities = {
  performanceMemory: { state: 'active', reason: 'r' },
  uaMemory: { state: 'unavailable', reason: 'r' },
  domNodes: { state: 'active', reason: 'r' },
  react: { state: 'active', reason: 'r' },
};
const env = (kind: string, seq: number, data: unknown, sid = 's1') => ({ ns: 'memscope', v: 2, sid, seq, kind, data });
const hello = (sid = 's1', seq = 0) =>
  env('sdk/hello', seq, { sdkVersion: '0.1.0', protocol: 1, url: 'http://app/', startedAt: 1, sampleIntervalMs: 1000, capabilities }, sid);
const snapshot = (seq: number, ts: number[], sid = 's1') =>
  env('sdk/snapshot', seq, { startedAt: 1, sampleIntervalMs: 1000, capabilities, samples: ts.map((t) => ({ t, heapUsed: t })), uaMeasurements: [], markers: [], totalSamples: ts.length, dropped }, sid);
const batch = (seq: number, ts: number[], sid = 's1') =>
  env('sdk/batch', seq, { samples: ts.map((t) => ({ t, heapUsed: t })), uaMeasurements: [], markers: [], totalSamples: ts.at(-1) ?? 0, dropped }, sid);

function run(actions: PanelAction[], state: PanelState = initialState()) {
  const commands: string[] = [];
  for (const action of actions) {
    const next = reduce(state, action);
    state = next.state;
    commands.push(...next.commands);
  }
  return { state, commands };
}
const msg = (message: unknown): PanelAction => ({ type: 'message', message });
const times = (state: PanelState) => state.session?.samples.map((s) => s.t);

const status = {
  state: 'active', renderers: [], wrappedHook: false, mode: 'full', commits: 1,
  hook: { commits: 1, meanMs: 0, p50Ms: 0, p95Ms: 0, maxMs: 0 },
  retention: { supported: true, gcCycles: 0, watching: 0, unwatched: 0 },
};
const component = (id: number, name: string, renders: number): ComponentStat => ({
  id, name, renders, mounts: 1, unmounts: 0, live: 1, retained: 0, selfMs: 0, totalMs: 0, maxMs: 0,
  reasons: { props: 0, state: 0, context: 0, parent: 0 }, lastReasons: ['mount'], lastPropKeys: [],
});

describe('the panel reducer', () => {
  it('replaces React components on a snapshot and updates only the ones a batch carries', () => {
    const snap = snapshot(1, [1]);
    (snap.data as Record<string, unknown>).react = { status, components: columnsFromComponents([component(0, 'App', 1), component(1, 'Row', 3)]), warnings: [] };
    const b = batch(2, []);
    (b.data as Record<string, unknown>).react = { status, components: columnsFromComponents([component(1, 'Row', 9)]), warnings: [] };
    const { state } = run([msg(snap), msg(b)]);
    expect(state.session?.react?.components.map((c) => [c.name, c.renders])).toEqual([['App', 1], ['Row', 9]]);
  });

  it('asks the page to reset its render counters', () => {
    expect(run([{ type: 'reset-react' }]).commands).toEqual(['panel/reset-react']);
  });

  it('subscribes when the page connects, and applies the snapshot then deltas in order', () => {
    const { state, commands } = run([
      { type: 'port-connected' },
      msg({ kind: 'ext/page-connected', data: { url: '' } }),
      msg(snapshot(1, [1, 2])),
      msg(batch(2, [3])),
      msg(batch(3, [4, 5])),
    ]);
    expect(commands).toEqual(['panel/subscribe']);
    expect(state.connection).toBe('connected');
    expect(times(state)).toEqual([1, 2, 3, 4, 5]);
    expect(state.counters.received).toBe(3);
  });

  it('ignores a duplicated batch and asks for a new snapshot on a gap', () => {
    const { state, commands } = run([msg(snapshot(1, [1])), msg(batch(2, [2])), msg(batch(2, [2])), msg(batch(4, [4]))]);
    expect(times(state)).toEqual([1, 2]);
    expect(state.counters.duplicates).toBe(1);
    expect(state.counters.gaps).toBe(1);
    expect(commands).toEqual(['panel/request-snapshot']);
  });

  it('replaces everything with a fresh snapshot, so nothing is shown twice after a reconnect', () => {
    const { state } = run([msg(snapshot(1, [1, 2])), msg(batch(2, [3])), msg(snapshot(3, [1, 2, 3, 4])), msg(batch(4, [5])), msg(batch(3, [4]))]);
    expect(times(state)).toEqual([1, 2, 3, 4, 5]);
  });

  it('starts a new session on a new session id and subscribes to it', () => {
    const first = run([msg(snapshot(1, [1, 2]))]);
    const { state, commands } = run([msg(hello('s2'))], first.state);
    expect(commands).toEqual(['panel/subscribe']);
    expect(state.session?.sid).toBe('s2');
    expect(times(state)).toEqual([]);
  });

  it('resets on navigation', () => {
    const { state } = run([msg(snapshot(1, [1])), { type: 'navigated' }]);
    expect(state.session).toBeUndefined();
    expect(state.connection).toBe('waiting');
  });

  it('says "no SDK" only when the relay found none', () => {
    expect(run([msg({ kind: 'ext/page-status', data: { url: '', sdkDetected: false } })]).state.connection).toBe('no-sdk');
    expect(run([msg(snapshot(1, [1])), msg({ kind: 'ext/page-status', data: { url: '', sdkDetected: false } })]).state.connection).toBe('connected');
    expect(run([msg({ kind: 'ext/page-disconnected', data: {} })]).state.connection).toBe('no-relay');
  });

  it('tells an SDK of another protocol version apart from no SDK', () => {
    const { state } = run([msg({ kind: 'ext/page-status', data: { url: '', sdkDetected: false, otherProtocol: 2 } })]);
    expect(state.connection).toBe('incompatible');
    expect(state.otherProtocol).toBe(2);
  });

  it("adds the relay's rejections to its own and counts foreign traffic separately", () => {
    const first = run([msg({ kind: 'ext/relay-stats', data: { rejected: 5, ignored: 7, queueDropped: 1, reasons: { schema: 5 } } })]).state;
    expect(first.counters).toMatchObject({ rejected: 5, ignored: 7, dropped: 1 });
    expect(first.rejectReasons).toEqual({ schema: 5 });
    // The panel's own check rejects a malformed envelope on top of what the relay counted.
    const second = run([msg({ ns: 'memscope', v: 2, kind: 'sdk/batch' })], first).state;
    expect(second.counters.rejected).toBe(6);
    expect(second.rejectReasons).toEqual({ schema: 5, panel: 1 });
  });

  it('treats nonsense in relay counters as zero', () => {
    const { state } = run([msg({ kind: 'ext/relay-stats', data: { rejected: 'many', ignored: -1, reasons: { x: Infinity } } })]);
    expect(state.counters).toMatchObject({ rejected: 0, ignored: 0 });
    expect(state.rejectReasons).toEqual({ x: 0 });
  });

  it('keeps showing the frozen session while paused, and clears what is shown', () => {
    const paused = run([msg(snapshot(1, [1])), { type: 'set-paused', paused: true }, msg(batch(2, [2]))]).state;
    expect(paused.frozen?.samples.map((s) => s.t)).toEqual([1]);
    expect(times(paused)).toEqual([1, 2]);
    const cleared = run([{ type: 'set-paused', paused: false }, { type: 'clear' }, msg(batch(3, [Date.now() + 1000]))], paused).state;
    expect(cleared.session?.samples).toHaveLength(1);
  });
});
