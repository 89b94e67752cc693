import * as v from 'valibot';
import { NS, PROTOCOL_VERSION } from './envelope.js';
import { checkHeader, reject } from './header.js';
import type { ParseResult } from './header.js';
import type { SdkEnvelope } from './messages.js';
import { SdkPayloadSchemas } from './schema.js';

/**
 * Validates a message that claims to come from the SDK. The result holds a fresh copy with only
 * known keys, so nothing the page added (an own `__proto__` key, extra fields) survives.
 */
export function parseSdkEnvelope(input: unknown): ParseResult<SdkEnvelope> {
  const header = checkHeader(input);
  if (!header.ok) return header;
  const { sid, seq, kind, data } = header.envelope;
  const schema = Object.hasOwn(SdkPayloadSchemas, kind) ? SdkPayloadSchemas[kind as keyof typeof SdkPayloadSchemas] : undefined;
  if (!schema) return reject('kind', `unknown kind ${kind}`);
  const result = v.safeParse(schema, data);
  if (!result.success) return reject('schema', `${kind}: ${v.summarize(result.issues)}`);
  return { ok: true, envelope: { ns: NS, v: PROTOCOL_VERSION, sid, seq, kind, data: result.output } as SdkEnvelope };
}
