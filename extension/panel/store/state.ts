import type { Capabilities, ComponentStat, DropCounts, Marker, MemorySample, ReactStatus, RenderWarning, UaMemoryMeasurement } from 'memscope/protocol';

/**
 * Where the panel stands with the inspected page:
 * - `connecting`: the panel's port to the service worker is not open yet;
 * - `no-relay`: no Memscope content script in the inspected page (loaded before the extension, or a browser page);
 * - `waiting`: the relay is there; waiting for the SDK to answer;
 * - `no-sdk`: the page finished loading and no SDK announced itself;
 * - `incompatible`: an SDK is there but speaks another protocol version (see `otherProtocol`);
 * - `connected`: a session is streaming;
 * - `ended`: the session said goodbye (page hidden or `stop()` called).
 */
export type ConnectionState = 'connecting' | 'no-relay' | 'waiting' | 'no-sdk' | 'incompatible' | 'connected' | 'ended';

/** Everything the panel holds about one SDK session (one page load). */
export interface Session {
  sid: string;
  sdkVersion: string;
  url: string;
  startedAt: number;
  sampleIntervalMs: number;
  capabilities: Capabilities | undefined;
  /** Last applied sequence number of the data stream; -1 before the first snapshot. */
  lastSeq: number;
  samples: MemorySample[];
  uaMeasurements: UaMemoryMeasurement[];
  markers: Marker[];
  totalSamples: number;
  dropped: DropCounts;
  /** Data older than this (epoch ms) was cleared by the user and is not shown again. */
  clearedBefore: number;
  /** React render statistics, when the page's SDK has them. */
  react: ReactSlice | undefined;
}

/** What the panel holds of React instrumentation for one session. */
export interface ReactSlice {
  status: ReactStatus;
  /** Indexed by component id (ids are small and dense). */
  components: ComponentStat[];
  warnings: RenderWarning[];
}

/** Counts of messages as the panel saw them. */
export interface MessageCounters {
  /** Valid SDK envelopes applied or considered. */
  received: number;
  /** Rejected by the page relay (Memscope namespace, invalid) plus by the panel's own check. */
  rejected: number;
  /** Not Memscope envelopes at all (other libraries' postMessage traffic, non-objects). */
  ignored: number;
  /** Lost on the way: SDK buffers overflowing, relay queue overflowing while the worker was down. */
  dropped: number;
  /** Batches that arrived twice (ignored). */
  duplicates: number;
  /** Times a missing batch made the panel ask for a fresh snapshot. */
  gaps: number;
}

/** The whole panel state; every view reads one slice of it. */
export interface PanelState {
  connection: ConnectionState;
  /** The protocol version of an SDK this panel cannot read, when there is one. */
  otherProtocol: number | undefined;
  session: Session | undefined;
  counters: MessageCounters;
  /** Rejections by reason, relay and panel together. */
  rejectReasons: Record<string, number>;
  /** Rejections the relay has reported so far (cumulative for the page). */
  relay: { rejected: number; ignored: number; queueDropped: number; reasons: Record<string, number> };
  /** Rejections found by the panel's own validation. */
  panelRejected: number;
  /** Times the panel's port to the service worker has connected (more than 1 after a worker restart). */
  portConnects: number;
  /** When true, the views keep showing `frozen` (data still arrives and is kept). */
  paused: boolean;
  /** The session as it was when the user paused. */
  frozen: Session | undefined;
}

/** Samples the panel keeps for one session; the oldest go first. */
export const MAX_PANEL_SAMPLES = 10_000;

export const emptyDropCounts = (): DropCounts => ({ samples: 0, uaMeasurements: 0, markers: 0, messages: 0 });

/** The state of a panel that has just opened. */
export function initialState(): PanelState {
  return {
    connection: 'connecting',
    otherProtocol: undefined,
    session: undefined,
    counters: { received: 0, rejected: 0, ignored: 0, dropped: 0, duplicates: 0, gaps: 0 },
    rejectReasons: {},
    relay: { rejected: 0, ignored: 0, queueDropped: 0, reasons: {} },
    panelRejected: 0,
    portConnects: 0,
    paused: false,
    frozen: undefined,
  };
}

/** The session the views should show: the frozen one while paused. */
export function visibleSession(state: PanelState): Session | undefined {
  return state.paused ? state.frozen : state.session;
}
