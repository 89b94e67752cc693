import { describe, expect, it } from 'vitest';
import { LIMITS, NS, PROTOCOL_VERSION, isPanelCommandKind, parsePanelCommand, parseSdkEnvelope } from './index.js';

const dropped = { samples: 0, uaMeasurements: 0, markers: 0, messages: 0 };
const batch = (data: Record<string, unknown> = {}, over: Record<string, unknown> = {}) => ({
  ns: NS,
  v: PROTOCOL_VERSION,
  sid: 'abc',
  seq: 1,
  kind: 'sdk/batch',
  data: { samples: [{ t: 1, heapUsed: 10 }], uaMeasurements: [], markers: [], totalSamples: 1, dropped, ...data },
  ...over,
});

describe('parseSdkEnvelope', () => {
  it('accepts a valid batch and returns it', () => {
    const result = parseSdkEnvelope(batch());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.envelope.data).toMatchObject({ samples: [{ t: 1, heapUsed: 10 }] });
  });

  it.each([[null], [42], ['memscope'], [[1, 2]], [{ ns: 'other', v: 1 }], [{}]])('calls %j foreign, not ours to judge', (input) => {
    expect(parseSdkEnvelope(input)).toMatchObject({ ok: false, reason: 'foreign' });
  });

  it('rejects another protocol version', () => {
    expect(parseSdkEnvelope(batch({}, { v: PROTOCOL_VERSION + 1 }))).toMatchObject({ ok: false, reason: 'version' });
    expect(parseSdkEnvelope(batch({}, { v: '1' }))).toMatchObject({ ok: false, reason: 'version' });
  });

  it('rejects a malformed header', () => {
    expect(parseSdkEnvelope(batch({}, { seq: -1 }))).toMatchObject({ ok: false, reason: 'header' });
    expect(parseSdkEnvelope(batch({}, { seq: 1.5 }))).toMatchObject({ ok: false, reason: 'header' });
    expect(parseSdkEnvelope(batch({}, { sid: 7 }))).toMatchObject({ ok: false, reason: 'header' });
  });

  it('rejects unknown kinds, including panel commands and inherited names', () => {
    expect(parseSdkEnvelope(batch({}, { kind: 'sdk/eval' }))).toMatchObject({ ok: false, reason: 'kind' });
    expect(parseSdkEnvelope(batch({}, { kind: 'panel/subscribe' }))).toMatchObject({ ok: false, reason: 'kind' });
    expect(parseSdkEnvelope(batch({}, { kind: 'toString' }))).toMatchObject({ ok: false, reason: 'kind' });
  });

  it('rejects payloads of the wrong types', () => {
    expect(parseSdkEnvelope(batch({ samples: 'many' }))).toMatchObject({ ok: false, reason: 'schema' });
    expect(parseSdkEnvelope(batch({ samples: [{ t: 'now' }] }))).toMatchObject({ ok: false, reason: 'schema' });
    expect(parseSdkEnvelope(batch({ samples: [{ t: Number.NaN }] }))).toMatchObject({ ok: false, reason: 'schema' });
    expect(parseSdkEnvelope(batch({ dropped: undefined }))).toMatchObject({ ok: false, reason: 'schema' });
  });

  it('rejects arrays and strings over the limits', () => {
    const tooMany = Array.from({ length: LIMITS.items + 1 }, (_, t) => ({ t }));
    expect(parseSdkEnvelope(batch({ samples: tooMany }))).toMatchObject({ ok: false, reason: 'schema' });
    const longLabel = [{ t: 1, label: 'x'.repeat(LIMITS.label + 1) }];
    expect(parseSdkEnvelope(batch({ markers: longLabel }))).toMatchObject({ ok: false, reason: 'schema' });
  });

  it('drops unknown keys, so an own __proto__ key never reaches the receiver', () => {
    const input = JSON.parse(
      `{"ns":"memscope","v":${PROTOCOL_VERSION},"sid":"a","seq":0,"kind":"sdk/bye","__proto__":{"polluted":1},"data":{"reason":"stopped","__proto__":{"polluted":1},"extra":1}}`,
    );
    const result = parseSdkEnvelope(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.envelope)).toBe(Object.prototype);
    expect(Object.keys(result.envelope.data)).toEqual(['reason']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parsePanelCommand', () => {
  const command = (kind: string) => ({ ns: NS, v: PROTOCOL_VERSION, sid: '', seq: 0, kind, data: {} });

  it('accepts the three allowlisted commands', () => {
    for (const kind of ['panel/subscribe', 'panel/unsubscribe', 'panel/request-snapshot']) {
      expect(parsePanelCommand(command(kind)).ok).toBe(true);
      expect(isPanelCommandKind(kind)).toBe(true);
    }
  });

  it('refuses anything else, including SDK kinds', () => {
    expect(parsePanelCommand(command('panel/eval'))).toMatchObject({ ok: false, reason: 'kind' });
    expect(parsePanelCommand(command('sdk/hello'))).toMatchObject({ ok: false, reason: 'kind' });
    expect(isPanelCommandKind('constructor')).toBe(false);
  });
});
