import { describe, expect, it, vi } from 'vitest';
import { Router } from './router.js';
import type { RouterPort } from './router.js';
import { PAGE_PORT, panelPortName } from '../shared/ports.js';

const ORIGIN = 'chrome-extension://abc/';

function fakePort(name: string, sender: RouterPort['sender']) {
  const messageListeners: ((m: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const port = {
    name,
    sender,
    sent: [] as unknown[],
    disconnected: false,
    postMessage: vi.fn((m: unknown) => port.sent.push(m)),
    disconnect: vi.fn(() => {
      port.disconnected = true;
    }),
    onMessage: { addListener: (l: (m: unknown) => void) => messageListeners.push(l) },
    onDisconnect: { addListener: (l: () => void) => disconnectListeners.push(l) },
    receive: (m: unknown) => messageListeners.forEach((l) => l(m)),
    drop: () => disconnectListeners.forEach((l) => l()),
  };
  return port;
}
const page = (tabId: number, frameId = 0) => fakePort(PAGE_PORT, { tab: { id: tabId }, frameId, url: 'http://app/' });
const panel = (tabId: number) => fakePort(panelPortName(tabId), { url: `${ORIGIN}extension/panel/panel.html`, id: 'abc' });
const kinds = (port: { sent: unknown[] }) => port.sent.map((m) => (m as { kind: string }).kind);
const subscribe = { ns: 'memscope', v: 2, sid: '', seq: 0, kind: 'panel/subscribe', data: {} };

describe('Router', () => {
  it("pairs a tab's page with its panel, in either order", () => {
    const router = new Router(ORIGIN);
    const p = panel(7);
    router.connect(p);
    expect(kinds(p)).toEqual(['ext/page-disconnected']);
    const c = page(7);
    router.connect(c);
    expect(p.sent.at(-1)).toEqual({ kind: 'ext/page-connected', data: { url: 'http://app/' } });
    c.receive({ kind: 'sdk/hello' });
    expect(p.sent.at(-1)).toEqual({ kind: 'sdk/hello' });
    p.receive(subscribe);
    expect(c.sent).toEqual([subscribe]);
  });

  it('drops page traffic for tabs with no panel, and keeps tabs apart', () => {
    const router = new Router(ORIGIN);
    const c1 = page(1);
    const c2 = page(2);
    const p2 = panel(2);
    router.connect(c1);
    router.connect(c2);
    router.connect(p2);
    c1.receive({ kind: 'sdk/batch', tab: 1 });
    expect(p2.sent.some((m) => (m as { tab?: number }).tab === 1)).toBe(false);
  });

  it('forwards only allowlisted commands from a panel to the page', () => {
    const router = new Router(ORIGIN);
    const c = page(3);
    const p = panel(3);
    router.connect(c);
    router.connect(p);
    p.receive({ ...subscribe, kind: 'panel/eval' });
    p.receive({ kind: 'sdk/hello' });
    p.receive(null);
    expect(c.sent).toEqual([]);
  });

  it('refuses panel ports from content scripts, unknown port names and subframes', () => {
    const router = new Router(ORIGIN);
    const forged = fakePort(panelPortName(1), { tab: { id: 9 }, url: `${ORIGIN}x` });
    const foreign = fakePort(panelPortName(1), { url: 'https://evil.example/' });
    const unknown = fakePort('something', { url: ORIGIN });
    const subframe = page(1, 3);
    for (const port of [forged, foreign, unknown, subframe]) {
      router.connect(port);
      expect(port.disconnected).toBe(true);
    }
    expect(router.size).toBe(0);
  });

  it('tells the page to unsubscribe when its last panel closes, and forgets empty tabs', () => {
    const router = new Router(ORIGIN);
    const c = page(4);
    const p = panel(4);
    router.connect(c);
    router.connect(p);
    p.drop();
    expect(kinds(c)).toEqual(['panel/unsubscribe']);
    c.drop();
    expect(router.size).toBe(0);
  });

  it('replaces the page port after a reload and tells the panel when the page goes', () => {
    const router = new Router(ORIGIN);
    const p = panel(5);
    const first = page(5);
    router.connect(p);
    router.connect(first);
    const second = page(5);
    router.connect(second);
    expect(first.disconnected).toBe(true);
    first.drop(); // the old port's late disconnect changes nothing
    expect(kinds(p).at(-1)).toBe('ext/page-connected');
    second.drop();
    expect(kinds(p).at(-1)).toBe('ext/page-disconnected');
  });
});
