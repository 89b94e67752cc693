import { RingBuffer } from '../buffer/ring-buffer.js';
import { PendingRun, whenIdle, whenIdleAndQuiet } from '../lib/idle.js';
import { safely, truncate } from '../lib/safe.js';
import { domNodesCapability, readDomNodes } from '../memory/dom-nodes.js';
import { PerformanceMemorySource } from '../memory/performance-memory.js';
import { scheduleUaMemory, uaMemoryCapability } from '../memory/ua-memory.js';
import { LIMITS, PROTOCOL_VERSION } from '../protocol/index.js';
import type {
  Capabilities,
  DropCounts,
  Marker,
  MemorySample,
  PanelCommandEnvelope,
  SdkMessages,
  UaMemoryMeasurement,
} from '../protocol/index.js';
import { emptyColumns } from '../protocol/component-columns.js';
import { createBatcher } from '../transport/batcher.js';
import type { Batcher } from '../transport/batcher.js';
import { openWindowTransport } from '../transport/window-transport.js';
import type { WindowTransport } from '../transport/window-transport.js';
import { SDK_VERSION } from '../version.js';
import { newSessionId } from './session-id.js';
import { ReactTracker, reactCapability, reactLoadedBeforeHook } from '../react/tracker.js';
import type { ReactPayload, ReactStatus } from '../protocol/index.js';
import type { ResolvedOptions } from './options.js';

const EMPTY_REACT_STATUS: ReactStatus = {
  state: 'not-installed',
  renderers: [],
  wrappedHook: false,
  mode: 'full',
  commits: 0,
  hook: { commits: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, maxMs: 0 },
  retention: { supported: false, gcCycles: 0, watching: 0, unwatched: 0 },
};

/** Items in a batch that make it go out at once rather than after `flushIntervalMs`. */
const MAX_BATCH_ITEMS = 100;

/**
 * React housekeeping waits until the last commit is this old (ms), at most one sample interval: commits
 * closer together than this are a burst (a user clicking through, an animation), not a quiet moment.
 */
const QUIET_MS = 50;

/** What the SDK's own sampling costs, measured around every sample. */
export interface SamplingCost {
  samples: number;
  totalMs: number;
  maxMs: number;
}

/**
 * The running SDK: samples memory into bounded buffers, and streams snapshot plus deltas to a panel
 * only while one is subscribed. All entry points run inside `safely`, so nothing here throws into the app.
 */
export class Engine {
  readonly options: ResolvedOptions;
  readonly startedAt = Date.now();
  readonly samples: RingBuffer<MemorySample>;
  readonly uaMeasurements: RingBuffer<UaMemoryMeasurement>;
  readonly markers: RingBuffer<Marker>;
  readonly cost: SamplingCost = { samples: 0, totalMs: 0, maxMs: 0 };
  sid = newSessionId();
  seq = 0;
  subscribed = false;
  running = true;
  errors = 0;
  messagesDropped = 0;
  capabilities: Capabilities;
  /** React render instrumentation, when the installer ran and the option allows it. */
  readonly react: ReactTracker | undefined;

  readonly #heap = new PerformanceMemorySource();
  readonly #transport: WindowTransport;
  readonly #batcher: Batcher;
  #pending: { samples: MemorySample[]; uaMeasurements: UaMemoryMeasurement[]; markers: Marker[]; capabilities: boolean } =
    { samples: [], uaMeasurements: [], markers: [], capabilities: false };
  #sampleTimer: ReturnType<typeof setInterval> | undefined;
  /** The sample waiting for idle time, if one is. */
  readonly #idleSample = new PendingRun();
  /** The housekeeping waiting for a quiet, idle moment, if one is. */
  readonly #housekeeping = new PendingRun();
  #reactSeenLate = false;
  #lateCheckedAt = -Infinity;
  #stopUaMemory: () => void = () => {};
  readonly #onPageHide = (event: PageTransitionEvent) => this.#guard(() => this.#pageHide(event));
  readonly #onPageShow = (event: PageTransitionEvent) => this.#guard(() => this.#pageShow(event));

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.samples = new RingBuffer(options.maxSamples);
    this.uaMeasurements = new RingBuffer(options.maxUaMeasurements);
    this.markers = new RingBuffer(options.maxMarkers);
    const hookState = globalThis.__MEMSCOPE_REACT__;
    this.react =
      options.react && hookState?.v === 1
        ? new ReactTracker(hookState, options.react, () => this.#guard(() => this.#reactChanged()))
        : undefined;
    this.capabilities = this.#readCapabilities();
    this.#transport = openWindowTransport(
      () => this.sid,
      (command) => this.#guard(() => this.#onCommand(command)),
    );
    this.#batcher = createBatcher({
      flushIntervalMs: options.flushIntervalMs,
      maxItems: MAX_BATCH_ITEMS,
      flush: () => this.#guard(() => this.#flush()),
    });
    window.addEventListener('pagehide', this.#onPageHide);
    window.addEventListener('pageshow', this.#onPageShow);
    this.#startSampling();
    this.#hello();
  }

  /** Adds a named marker to the timeline. */
  mark(label: unknown): void {
    this.#guard(() => {
      if (!this.running) return;
      const marker = { t: Date.now(), label: truncate(String(label), LIMITS.label) };
      this.markers.push(marker);
      this.#queue('markers', marker);
    });
  }

  /** Stops sampling and listening, and tells a subscribed panel the session ended. */
  stop(): void {
    this.#guard(() => {
      if (!this.running) return;
      this.#stopSampling();
      this.react?.detach();
      this.#send('sdk/bye', { reason: 'stopped' });
      this.running = false;
      this.subscribed = false;
      this.#batcher.reset();
      this.#transport.close();
      window.removeEventListener('pagehide', this.#onPageHide);
      window.removeEventListener('pageshow', this.#onPageShow);
    });
  }

  /** Counts of what the bounded buffers and the transport dropped. */
  dropped(): DropCounts {
    return {
      samples: this.samples.dropped,
      uaMeasurements: this.uaMeasurements.dropped,
      markers: this.markers.dropped,
      messages: this.messagesDropped,
    };
  }

  /**
   * Takes one sample now. The timer asks for one every `sampleIntervalMs`, taken when the page is next
   * idle (at most one interval later). Idle periods can fall between the steps of an interaction
   * (lib/idle.ts), which a sample, a fraction of a millisecond, may take; the heavier housekeeping after
   * it also waits for commits to pause.
   */
  sample(): void {
    this.#guard(() => {
      const start = performance.now();
      const heap = this.#heap.read();
      const domNodes = readDomNodes();
      const sample: MemorySample = { t: Date.now(), ...heap, ...(domNodes !== undefined && { domNodes }) };
      this.samples.push(sample);
      this.#queue('samples', sample);
      const spent = performance.now() - start;
      this.cost.samples++;
      this.cost.totalMs += spent;
      if (spent > this.cost.maxMs) this.cost.maxMs = spent;
      this.#housekeepWhenQuiet();
    });
  }

  /**
   * React housekeeping (retention checks, storm detection) and the capabilities it may change share the
   * sample timer, but wait for a moment with no commit for QUIET_MS, at most one interval: they cost
   * milliseconds over thousands of component rows, a sample a fraction of one (lib/idle.ts has the
   * measurements). They are not sampling cost.
   */
  #housekeepWhenQuiet(): void {
    this.#housekeeping.request(
      (run) => whenIdleAndQuiet(run, this.options.sampleIntervalMs, QUIET_MS, () => this.react?.lastCommitAt ?? -Infinity),
      () =>
        this.#guard(() => {
          this.react?.tick();
          this.#refreshCapabilities();
        }),
    );
  }

  #guard(fn: () => void): void {
    safely(fn, (error) => {
      this.errors++;
      this.options.onError(error);
    }, undefined);
  }

  #startSampling(): void {
    this.sample();
    this.#sampleTimer = setInterval(() => this.#sampleWhenIdle(), this.options.sampleIntervalMs);
    this.#stopUaMemory = scheduleUaMemory({
      meanIntervalMs: this.options.uaMemoryIntervalMs,
      onMeasurement: (measurement) =>
        this.#guard(() => {
          this.uaMeasurements.push(measurement);
          this.#queue('uaMeasurements', measurement);
        }),
      onError: (error) => this.#guard(() => this.options.onError(error)),
    });
  }

  #sampleWhenIdle(): void {
    // A page busy for longer than an interval gets one sample when it is done, not a queue of them.
    this.#idleSample.request((run) => whenIdle(run, this.options.sampleIntervalMs), () => this.sample());
  }

  #stopSampling(): void {
    if (this.#sampleTimer !== undefined) clearInterval(this.#sampleTimer);
    this.#sampleTimer = undefined;
    this.#idleSample.cancel();
    this.#housekeeping.cancel();
    this.#stopUaMemory();
  }

  #reactStatus(): ReactStatus | undefined {
    if (this.react) return this.react.status();
    if (this.options.react === false) return { ...EMPTY_REACT_STATUS, state: 'disabled' };
    // No installer ran: React may still be on the page, loaded without our hook. Looking costs a scan of
    // the body's children, so it is done at most every 5 s, and a React found once stays found.
    const now = Date.now();
    if (!this.#reactSeenLate && now - this.#lateCheckedAt >= 5000) {
      this.#lateCheckedAt = now;
      this.#reactSeenLate = reactLoadedBeforeHook();
    }
    return { ...EMPTY_REACT_STATUS, state: this.#reactSeenLate ? 'late' : 'not-installed' };
  }

  /** React data for a message: the tracker's, or just the status saying why there is none. */
  #reactPayload(full: boolean): ReactPayload | undefined {
    if (this.react) return full || this.react.dirty ? this.react.payload(full) : undefined;
    return { status: this.#reactStatus()!, components: emptyColumns(), warnings: [] };
  }

  #readCapabilities(): Capabilities {
    return {
      performanceMemory: this.#heap.capability(),
      uaMemory: uaMemoryCapability(),
      domNodes: domNodesCapability(),
      react: reactCapability(this.#reactStatus()),
    };
  }

  #refreshCapabilities(): void {
    // `performance.memory` can turn out precise; React can load, load too late, or drop to counts.
    const heap = this.#heap.capability();
    const react = reactCapability(this.#reactStatus());
    const { performanceMemory: oldHeap, react: oldReact } = this.capabilities;
    if (heap.state === oldHeap.state && react.state === oldReact.state && react.reason === oldReact.reason) return;
    this.capabilities = { ...this.capabilities, performanceMemory: heap, react };
    if (this.subscribed) this.#pending.capabilities = true;
  }

  #reactChanged(): void {
    if (this.subscribed) this.#batcher.added();
  }

  #queue<K extends 'samples' | 'uaMeasurements' | 'markers'>(key: K, item: SdkMessages['sdk/batch'][K][number]): void {
    if (!this.subscribed) return;
    (this.#pending[key] as unknown[]).push(item);
    this.#batcher.added();
  }

  #send<K extends keyof SdkMessages>(kind: K, data: SdkMessages[K]): void {
    if (!this.#transport.post(kind, this.sid, this.seq, data)) this.messagesDropped++;
  }

  #hello(): void {
    this.#send('sdk/hello', {
      sdkVersion: SDK_VERSION,
      protocol: PROTOCOL_VERSION,
      url: truncate(location.href, LIMITS.url),
      startedAt: this.startedAt,
      sampleIntervalMs: this.options.sampleIntervalMs,
      capabilities: this.capabilities,
    });
  }

  #clearPending(): void {
    this.#pending = { samples: [], uaMeasurements: [], markers: [], capabilities: false };
    this.#batcher.reset();
  }

  #snapshot(): void {
    // Whatever was pending is in the buffers already, so the snapshot covers it.
    this.#clearPending();
    this.seq++;
    this.#send('sdk/snapshot', {
      startedAt: this.startedAt,
      sampleIntervalMs: this.options.sampleIntervalMs,
      capabilities: this.capabilities,
      samples: this.samples.toArray(),
      uaMeasurements: this.uaMeasurements.toArray(),
      markers: this.markers.toArray(),
      totalSamples: this.samples.pushed,
      dropped: this.dropped(),
      react: this.#reactPayload(true),
    });
  }

  #flush(): void {
    if (!this.subscribed) return;
    const pending = this.#pending;
    this.#clearPending();
    this.seq++;
    this.#send('sdk/batch', {
      samples: pending.samples,
      uaMeasurements: pending.uaMeasurements,
      markers: pending.markers,
      totalSamples: this.samples.pushed,
      ...(pending.capabilities && { capabilities: this.capabilities }),
      dropped: this.dropped(),
      ...((this.react?.dirty || (!this.react && pending.capabilities)) && { react: this.#reactPayload(false) }),
    });
  }

  #onCommand(command: PanelCommandEnvelope): void {
    if (!this.running) return;
    switch (command.kind) {
      case 'panel/subscribe':
        this.subscribed = true;
        this.react?.observe(true);
        this.#snapshot();
        break;
      case 'panel/request-snapshot':
        if (this.subscribed) this.#snapshot();
        break;
      case 'panel/unsubscribe':
        this.subscribed = false;
        this.react?.observe(false);
        this.#clearPending();
        break;
      case 'panel/reset-react':
        this.react?.reset();
        break;
    }
  }

  #pageHide(event: PageTransitionEvent): void {
    this.#send('sdk/bye', { reason: 'pagehide' });
    if (event.persisted) {
      // Entering the back/forward cache: timers are frozen anyway; stop them so a restore starts clean.
      this.#stopSampling();
    }
  }

  #pageShow(event: PageTransitionEvent): void {
    if (!event.persisted) return;
    // Restored from the back/forward cache: the panel treats this as a new session.
    this.sid = newSessionId();
    this.seq = 0;
    this.subscribed = false;
    this.react?.observe(false);
    this.#clearPending();
    this.#startSampling();
    this.#hello();
  }
}
