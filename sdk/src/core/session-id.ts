/** A new random session id. */
export function newSessionId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // randomUUID needs a secure context; plain-http pages on a LAN address do not have one.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
