import { componentsFromColumns, parseSdkEnvelope } from 'memscope/protocol';
import type { ExtensionMessage, PanelCommandKind, ReactPayload, RelayStats, SdkEnvelope } from 'memscope/protocol';
import { MAX_PANEL_SAMPLES, emptyDropCounts, initialState } from './state.js';
import type { PanelState, ReactSlice, Session } from './state.js';

/** Something that happened to the panel. */
export type PanelAction =
  | { type: 'port-connected' }
  | { type: 'port-disconnected' }
  /** Anything that arrived on the port: an SDK envelope or an extension message, unvalidated. */
  | { type: 'message'; message: unknown }
  /** The inspected page navigated (`chrome.devtools.network.onNavigated`). */
  | { type: 'navigated' }
  | { type: 'clear' }
  /** Ask the SDK to zero its render counters. */
  | { type: 'reset-react' }
  | { type: 'set-paused'; paused: boolean };

/** The result of a reduction: the next state and the commands to send to the page. */
export interface Reduction {
  state: PanelState;
  commands: PanelCommandKind[];
}

const EXT_KINDS = new Set<string>(['ext/page-connected', 'ext/page-disconnected', 'ext/page-status', 'ext/relay-stats']);

function isExtensionMessage(message: unknown): message is ExtensionMessage {
  const kind = (message as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && EXT_KINDS.has(kind) && typeof (message as { data?: unknown }).data === 'object';
}

function keepLast<T>(items: T[], max: number): T[] {
  return items.length > max ? items.slice(items.length - max) : items;
}

function withCounters(state: PanelState): PanelState {
  const { relay, panelRejected, session } = state;
  const reasons: Record<string, number> = { ...relay.reasons };
  if (panelRejected > 0) reasons.panel = panelRejected;
  const sdkDropped = session ? session.dropped.samples + session.dropped.messages : 0;
  return {
    ...state,
    rejectReasons: reasons,
    counters: {
      ...state.counters,
      rejected: relay.rejected + panelRejected,
      ignored: relay.ignored,
      dropped: sdkDropped + relay.queueDropped,
    },
  };
}

function newSession(env: SdkEnvelope): Session {
  const hello = env.kind === 'sdk/hello' ? env.data : undefined;
  return {
    sid: env.sid,
    sdkVersion: hello?.sdkVersion ?? '',
    url: hello?.url ?? '',
    startedAt: hello?.startedAt ?? 0,
    sampleIntervalMs: hello?.sampleIntervalMs ?? 0,
    capabilities: hello?.capabilities,
    lastSeq: -1,
    samples: [],
    uaMeasurements: [],
    markers: [],
    totalSamples: 0,
    dropped: emptyDropCounts(),
    clearedBefore: 0,
    react: undefined,
  };
}

/** Applies React data: a snapshot replaces every component, a batch updates the ones it carries. */
function mergeReact(current: ReactSlice | undefined, payload: ReactPayload | undefined, full: boolean): ReactSlice | undefined {
  if (!payload) return full ? undefined : current;
  const components = full || !current ? [] : current.components.slice();
  for (const c of componentsFromColumns(payload.components)) components[c.id] = c;
  return { status: payload.status, components, warnings: payload.warnings };
}

const after = <T extends { t: number }>(items: T[], t: number): T[] => (t > 0 ? items.filter((item) => item.t >= t) : items);

function reduceEnvelope(state: PanelState, env: SdkEnvelope): Reduction {
  const counted = { ...state, counters: { ...state.counters, received: state.counters.received + 1 } };
  const current = state.session?.sid === env.sid ? state.session : undefined;

  switch (env.kind) {
    case 'sdk/hello': {
      if (current) {
        // The same session announcing itself again (the relay reconnected): we may have missed data.
        const behind = env.seq > current.lastSeq;
        return { state: counted, commands: behind ? ['panel/request-snapshot'] : [] };
      }
      // A new page load or a restore from the back/forward cache: start over and subscribe.
      return { state: { ...counted, connection: 'waiting', session: newSession(env) }, commands: ['panel/subscribe'] };
    }
    case 'sdk/snapshot': {
      const base = current ?? newSession(env);
      const { data } = env;
      const session: Session = {
        ...base,
        startedAt: data.startedAt,
        sampleIntervalMs: data.sampleIntervalMs,
        capabilities: data.capabilities,
        lastSeq: env.seq,
        samples: keepLast(after(data.samples, base.clearedBefore), MAX_PANEL_SAMPLES),
        uaMeasurements: after(data.uaMeasurements, base.clearedBefore),
        markers: after(data.markers, base.clearedBefore),
        totalSamples: data.totalSamples,
        dropped: data.dropped,
        react: mergeReact(undefined, data.react, true),
      };
      return { state: { ...counted, connection: 'connected', session }, commands: [] };
    }
    case 'sdk/batch': {
      if (!current || current.lastSeq < 0) {
        // A stream we never had the start of: ask for it whole.
        return { state: counted, commands: ['panel/subscribe'] };
      }
      if (env.seq <= current.lastSeq) {
        return { state: { ...counted, counters: { ...counted.counters, duplicates: counted.counters.duplicates + 1 } }, commands: [] };
      }
      if (env.seq !== current.lastSeq + 1) {
        return {
          state: { ...counted, counters: { ...counted.counters, gaps: counted.counters.gaps + 1 } },
          commands: ['panel/request-snapshot'],
        };
      }
      const { data } = env;
      const session: Session = {
        ...current,
        lastSeq: env.seq,
        samples: data.samples.length ? keepLast(current.samples.concat(data.samples), MAX_PANEL_SAMPLES) : current.samples,
        uaMeasurements: data.uaMeasurements.length
          ? keepLast(current.uaMeasurements.concat(data.uaMeasurements), MAX_PANEL_SAMPLES)
          : current.uaMeasurements,
        markers: data.markers.length ? keepLast(current.markers.concat(data.markers), MAX_PANEL_SAMPLES) : current.markers,
        totalSamples: data.totalSamples,
        capabilities: data.capabilities ?? current.capabilities,
        dropped: data.dropped,
        react: mergeReact(current.react, data.react, false),
      };
      return { state: { ...counted, connection: 'connected', session }, commands: [] };
    }
    case 'sdk/bye':
      return { state: current ? { ...counted, connection: 'ended' } : counted, commands: [] };
  }
}

function reduceExtension(state: PanelState, message: ExtensionMessage): Reduction {
  switch (message.kind) {
    case 'ext/page-connected':
      return { state: { ...state, connection: state.session ? state.connection : 'waiting' }, commands: ['panel/subscribe'] };
    case 'ext/page-disconnected':
      return { state: { ...state, connection: state.session ? 'ended' : 'no-relay' }, commands: [] };
    case 'ext/page-status': {
      if (message.data.sdkDetected || state.connection === 'connected') return { state, commands: [] };
      const other = message.data.otherProtocol;
      if (typeof other === 'number' && Number.isSafeInteger(other)) {
        return { state: { ...state, connection: 'incompatible', otherProtocol: other }, commands: [] };
      }
      return { state: { ...state, connection: 'no-sdk' }, commands: [] };
    }
    case 'ext/relay-stats': {
      const stats = message.data as Partial<RelayStats>;
      const num = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : 0);
      const reasons: Record<string, number> = {};
      for (const [key, value] of Object.entries(stats.reasons ?? {})) reasons[key] = num(value);
      const relay = { rejected: num(stats.rejected), ignored: num(stats.ignored), queueDropped: num(stats.queueDropped), reasons };
      return { state: withCounters({ ...state, relay }), commands: [] };
    }
  }
}

/** The panel's whole behaviour as a pure function: state and action in, next state and commands out. */
export function reduce(state: PanelState, action: PanelAction): Reduction {
  switch (action.type) {
    case 'port-connected':
      return { state: { ...state, portConnects: state.portConnects + 1 }, commands: [] };
    case 'port-disconnected':
      return { state: { ...state, connection: state.session ? state.connection : 'connecting' }, commands: [] };
    case 'navigated':
      // A new document: its relay will connect and its SDK will start a new session.
      return { state: { ...initialState(), portConnects: state.portConnects, connection: 'waiting' }, commands: [] };
    case 'clear': {
      // Forget what was shown; the stream goes on from here.
      const { session } = state;
      if (!session) return { state, commands: [] };
      const cleared = { ...session, samples: [], uaMeasurements: [], markers: [], clearedBefore: Date.now() };
      return { state: { ...state, session: cleared, frozen: state.paused ? cleared : undefined }, commands: [] };
    }
    case 'reset-react':
      return { state, commands: ['panel/reset-react'] };
    case 'set-paused':
      return { state: { ...state, paused: action.paused, frozen: action.paused ? state.session : undefined }, commands: [] };
    case 'message': {
      if (isExtensionMessage(action.message)) return reduceExtension(state, action.message);
      const result = parseSdkEnvelope(action.message);
      if (!result.ok) return { state: withCounters({ ...state, panelRejected: state.panelRejected + 1 }), commands: [] };
      const next = reduceEnvelope(state, result.envelope);
      return { state: withCounters(next.state), commands: next.commands };
    }
  }
}
