// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRelay } from './relay.js';
import type { ReconnectingPort } from '../shared/reconnecting-port.js';

const dropped = { samples: 0, uaMeasurements: 0, markers: 0, messages: 0 };
const hello = {
  ns: 'memscope', v: 2, sid: 's1', seq: 0, kind: 'sdk/hello',
  data: {
    sdkVersion: '0.1.0', protocol: 1, url: 'http://app/', startedAt: 1, sampleIntervalMs: 1000,
    capabilities: {
      performanceMemory: { state: 'active', reason: 'r' },
      uaMemory: { state: 'active', reason: 'r' },
      domNodes: { state: 'active', reason: 'r' },
      react: { state: 'active', reason: 'r' },
    },
  },
};
const batch = { ns: 'memscope', v: 2, sid: 's1', seq: 1, kind: 'sdk/batch', data: { samples: [], uaMeasurements: [], markers: [], totalSamples: 0, dropped } };

let sent: unknown[];
let toRelay: (message: unknown) => void;
let stop: () => void;
const postFromPage = (data: unknown, source: Window | null = window) =>
  window.dispatchEvent(new MessageEvent('message', { data, source }));

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  stop = startRelay({
    window,
    openPort: ({ onMessage }) => {
      toRelay = onMessage;
      return { post: (m: unknown) => sent.push(m), dropped: 0, connected: true, close: () => {} } satisfies ReconnectingPort;
    },
  });
});
afterEach(() => {
  stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the content-script relay', () => {
  it('forwards valid SDK envelopes from this window', () => {
    postFromPage(hello);
    postFromPage(batch);
    expect(sent).toEqual([hello, batch]);
  });

  it('ignores messages from other windows without counting them', () => {
    postFromPage(hello, null);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
  });

  it('counts malformed envelopes as rejected and foreign traffic as ignored, forwarding neither', () => {
    postFromPage({ ...batch, v: 3 });
    postFromPage({ ...batch, kind: 'sdk/evil' });
    postFromPage({ ...batch, data: { ...batch.data, samples: 'x' } });
    postFromPage('hello');
    postFromPage({ source: 'react-devtools-bridge' });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([
      { kind: 'ext/relay-stats', data: { rejected: 3, ignored: 2, queueDropped: 0, reasons: { version: 1, kind: 1, schema: 1 } } },
    ]);
  });

  it('posts only valid panel commands into the page, and answers a subscribe with the page status', () => {
    const postMessage = vi.spyOn(window, 'postMessage').mockImplementation(() => {});
    toRelay({ ns: 'memscope', v: 2, sid: '', seq: 0, kind: 'panel/eval', data: {} });
    toRelay({ kind: 'panel/subscribe' });
    expect(postMessage).not.toHaveBeenCalled();

    postFromPage(hello);
    toRelay({ ns: 'memscope', v: 2, sid: '', seq: 0, kind: 'panel/subscribe', data: {}, extra: 'dropped' });
    expect(postMessage).toHaveBeenCalledWith({ ns: 'memscope', v: 2, sid: '', seq: 0, kind: 'panel/subscribe', data: {} }, expect.any(String));
    expect(sent.at(-1)).toEqual({ kind: 'ext/page-status', data: { url: location.href, sdkDetected: true } });
  });

  it('reports the protocol of an SDK it cannot speak to', () => {
    vi.spyOn(window, 'postMessage').mockImplementation(() => {});
    postFromPage({ ...hello, v: 3 });
    toRelay({ ns: 'memscope', v: 2, sid: '', seq: 0, kind: 'panel/subscribe', data: {} });
    expect(sent.at(-1)).toEqual({ kind: 'ext/page-status', data: { url: location.href, sdkDetected: false, otherProtocol: 3 } });
  });

  it('does not count its own panel commands echoed back by the page channel', () => {
    postFromPage({ ns: 'memscope', v: 2, sid: '', seq: 0, kind: 'panel/subscribe', data: {} });
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
  });
});
