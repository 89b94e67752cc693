import { NS, PROTOCOL_VERSION } from './envelope.js';
import { LIMITS } from './limits.js';

/** Why a message was not accepted. `foreign` means it was never ours to judge. */
export type RejectReason = 'foreign' | 'version' | 'header' | 'kind' | 'schema';

/** The outcome of parsing a message: the validated envelope, or the reason it was refused. */
export type ParseResult<T> = { ok: true; envelope: T } | { ok: false; reason: RejectReason; detail: string };

/** An envelope whose header is checked and whose `data` is not yet. */
export interface CheckedHeader {
  sid: string;
  seq: number;
  kind: string;
  data: unknown;
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A refusal with its reason. */
export function reject(reason: RejectReason, detail: string): { ok: false; reason: RejectReason; detail: string } {
  return { ok: false, reason, detail };
}

/**
 * Checks the envelope around a payload, cheapest test first: most traffic on a page's message
 * channel belongs to someone else. Written by hand (no schema library) because the SDK needs it
 * for panel commands and must stay small.
 */
export function checkHeader(input: unknown): ParseResult<CheckedHeader> {
  if (!isRecord(input) || input.ns !== NS) return reject('foreign', 'not a Memscope envelope');
  if (input.v !== PROTOCOL_VERSION) return reject('version', `protocol ${String(input.v).slice(0, 20)} is not ${PROTOCOL_VERSION}`);
  const { sid, seq, kind, data } = input;
  if (typeof sid !== 'string' || sid.length > LIMITS.text) return reject('header', 'sid must be a short string');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return reject('header', 'seq must be a whole number ≥ 0');
  if (typeof kind !== 'string' || kind.length > 64) return reject('header', 'kind must be a short string');
  return { ok: true, envelope: { sid, seq, kind, data } };
}
