import type { Capabilities, DropCounts, Marker, MemorySample, ReactPayload, UaMemoryMeasurement } from './types.js';

/** Payloads the SDK sends to the panel, keyed by kind. */
export interface SdkMessages {
  /** Sent once at start and again whenever the extension asks who is there. */
  'sdk/hello': {
    sdkVersion: string;
    protocol: number;
    url: string;
    startedAt: number;
    sampleIntervalMs: number;
    capabilities: Capabilities;
  };
  /** Everything the SDK still holds; sent when a panel subscribes or asks for it. */
  'sdk/snapshot': {
    startedAt: number;
    sampleIntervalMs: number;
    capabilities: Capabilities;
    samples: MemorySample[];
    uaMeasurements: UaMemoryMeasurement[];
    markers: Marker[];
    /** Samples taken since start, including those the ring buffer has dropped. */
    totalSamples: number;
    dropped: DropCounts;
    /** Render statistics, when React instrumentation is on. */
    react?: ReactPayload;
  };
  /** What is new since the previous snapshot or batch. */
  'sdk/batch': {
    samples: MemorySample[];
    uaMeasurements: UaMemoryMeasurement[];
    markers: Marker[];
    totalSamples: number;
    capabilities?: Capabilities;
    dropped: DropCounts;
    /** Changed components and the current warnings, when something changed. */
    react?: ReactPayload;
  };
  /** The session is ending. */
  'sdk/bye': { reason: 'pagehide' | 'stopped' };
}

/** Commands a panel may send to the page: the only kinds the relay forwards into a page. */
export interface PanelCommands {
  'panel/subscribe': Record<string, never>;
  'panel/unsubscribe': Record<string, never>;
  'panel/request-snapshot': Record<string, never>;
  /** Zeroes the SDK's render counters (live and retained instances stay). */
  'panel/reset-react': Record<string, never>;
}

/** Counts kept by the extension's content script about what the page posted. */
export interface RelayStats {
  /** Envelopes in the Memscope namespace that failed validation. */
  rejected: number;
  /** Messages that were not Memscope envelopes at all (other libraries, non-objects). */
  ignored: number;
  /** Envelopes dropped because the queue to the service worker was full. */
  queueDropped: number;
  /** Rejections by reason, e.g. `version`, `schema`, `kind`. */
  reasons: Record<string, number>;
}

/** Messages that originate inside the extension (content script or service worker) for the panel. */
export interface ExtensionMessages {
  /** A page in the inspected tab connected its relay; the panel should (re)subscribe. */
  'ext/page-connected': { url: string };
  /** The inspected tab's relay went away (navigation, tab closed). */
  'ext/page-disconnected': Record<string, never>;
  /**
   * Answer to a subscribe: whether the relay has seen an SDK on this page, and the protocol version of
   * a Memscope SDK it had to refuse (an older or newer SDK than this extension understands).
   */
  'ext/page-status': { url: string; sdkDetected: boolean; otherProtocol?: number };
  /** The relay's counters, sent when they change (throttled). */
  'ext/relay-stats': RelayStats;
}

export type SdkKind = keyof SdkMessages;
export type PanelCommandKind = keyof PanelCommands;
export type ExtensionKind = keyof ExtensionMessages;

/** A message from the SDK, as a discriminated union on `kind`. */
export type SdkEnvelope = {
  [K in SdkKind]: import('./envelope.js').Envelope<K, SdkMessages[K]>;
}[SdkKind];

/** A command from the panel, as a discriminated union on `kind`. */
export type PanelCommandEnvelope = {
  [K in PanelCommandKind]: import('./envelope.js').Envelope<K, PanelCommands[K]>;
}[PanelCommandKind];

/** A message from the extension itself, as a discriminated union on `kind`. */
export type ExtensionMessage = {
  [K in ExtensionKind]: { kind: K; data: ExtensionMessages[K] };
}[ExtensionKind];
