import { NS, PROTOCOL_VERSION } from './envelope.js';
import { checkHeader, isRecord, reject } from './header.js';
import type { ParseResult } from './header.js';
import type { PanelCommandEnvelope, PanelCommandKind } from './messages.js';

const COMMANDS: readonly PanelCommandKind[] = ['panel/subscribe', 'panel/unsubscribe', 'panel/request-snapshot', 'panel/reset-react'];

/** True for kinds a panel may send; the relay forwards nothing else into a page. */
export function isPanelCommandKind(kind: unknown): kind is PanelCommandKind {
  return COMMANDS.includes(kind as PanelCommandKind);
}

/**
 * Validates a command that claims to come from a Memscope panel. Commands carry no payload, so the
 * result is rebuilt from the checked header with empty `data`: nothing else the sender added survives.
 */
export function parsePanelCommand(input: unknown): ParseResult<PanelCommandEnvelope> {
  const header = checkHeader(input);
  if (!header.ok) return header;
  const { sid, seq, kind, data } = header.envelope;
  if (!isPanelCommandKind(kind)) return reject('kind', `unknown command ${kind}`);
  if (!isRecord(data)) return reject('schema', `${kind}: data must be an object`);
  return { ok: true, envelope: { ns: NS, v: PROTOCOL_VERSION, sid, seq, kind, data: {} } };
}
