import * as v from 'valibot';
import { NS, PROTOCOL_VERSION } from './envelope.js';
import type { PanelCommandEnvelope, SdkEnvelope } from './messages.js';
import { EnvelopeHeaderSchema, PanelPayloadSchemas, SdkPayloadSchemas } from './schema.js';

/** Why a message was not accepted. `foreign` means it was never ours to judge. */
export type RejectReason = 'foreign' | 'version' | 'header' | 'kind' | 'schema';

/** The outcome of parsing a message: the validated envelope, or the reason it was refused. */
export type ParseResult<T> = { ok: true; envelope: T } | { ok: false; reason: RejectReason; detail: string };

type SchemaMap = Record<string, v.GenericSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseWith<T>(schemas: SchemaMap, input: unknown): ParseResult<T> {
  // Cheap checks first: most traffic on a page's message channel belongs to someone else.
  if (!isRecord(input) || input.ns !== NS) {
    return { ok: false, reason: 'foreign', detail: 'not a Memscope envelope' };
  }
  if (input.v !== PROTOCOL_VERSION) {
    return { ok: false, reason: 'version', detail: `protocol ${String(input.v)} is not ${PROTOCOL_VERSION}` };
  }
  const header = v.safeParse(EnvelopeHeaderSchema, input);
  if (!header.success) {
    return { ok: false, reason: 'header', detail: v.summarize(header.issues) };
  }
  const { kind } = header.output;
  const schema = Object.hasOwn(schemas, kind) ? schemas[kind] : undefined;
  if (!schema) {
    return { ok: false, reason: 'kind', detail: `unknown kind ${kind.slice(0, 64)}` };
  }
  const data = v.safeParse(schema, header.output.data);
  if (!data.success) {
    return { ok: false, reason: 'schema', detail: `${kind}: ${v.summarize(data.issues)}` };
  }
  return { ok: true, envelope: { ...header.output, ns: NS, data: data.output } as T };
}

/**
 * Validates a message that claims to come from the SDK. The result holds a fresh copy with only
 * known keys, so nothing the page added survives.
 */
export function parseSdkEnvelope(input: unknown): ParseResult<SdkEnvelope> {
  return parseWith<SdkEnvelope>(SdkPayloadSchemas, input);
}

/** Validates a command that claims to come from a Memscope panel. */
export function parsePanelCommand(input: unknown): ParseResult<PanelCommandEnvelope> {
  return parseWith<PanelCommandEnvelope>(PanelPayloadSchemas, input);
}

/** True for kinds a panel may send; the relay forwards nothing else into a page. */
export function isPanelCommandKind(kind: unknown): kind is PanelCommandEnvelope['kind'] {
  return typeof kind === 'string' && Object.hasOwn(PanelPayloadSchemas, kind);
}
