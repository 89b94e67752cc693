export { NS, PROTOCOL_VERSION } from './envelope.js';
export type { Envelope } from './envelope.js';
export { LIMITS } from './limits.js';
export { parseSdkEnvelope, parsePanelCommand, isPanelCommandKind } from './parse.js';
export type { ParseResult, RejectReason } from './parse.js';
export type * from './messages.js';
export type * from './types.js';
