export { NS, PROTOCOL_VERSION } from './envelope.js';
export type { Envelope } from './envelope.js';
export { LIMITS, REASON_SAMPLES_PER_COMMIT } from './limits.js';
export { parseSdkEnvelope } from './parse-sdk.js';
export { parsePanelCommand, isPanelCommandKind } from './parse-command.js';
export type { ParseResult, RejectReason } from './header.js';
export type * from './messages.js';
export type * from './types.js';
