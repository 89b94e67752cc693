/**
 * The wire format shared by the in-page SDK and the Memscope extension.
 *
 * Every message is an envelope `{ ns, v, sid, seq, kind, data }` posted with `window.postMessage`.
 * Any script on the page can read and forge this traffic, so receivers validate every envelope
 * (see `parse.ts`) and the SDK never puts anything secret in one.
 */

/** Namespace carried by every Memscope envelope; messages with any other `ns` are not ours. */
export const NS = 'memscope' as const;

/**
 * Version of the wire protocol. Bump it on any breaking change to an envelope or payload.
 *
 * | protocol | SDK   | extension | what changed                                               |
 * | -------- | ----- | --------- | ---------------------------------------------------------- |
 * | 1        | 0.1.x | 0.1.x     | the first                                                  |
 * | 2        | 0.1.x | 0.1.x     | React component rows travel as columns (component-columns) |
 *
 * (Nothing has been published yet, so both packages stay at 0.1.x; the first release takes 2.)
 */
export const PROTOCOL_VERSION = 2 as const;

/** A message on the page channel. `K` is its kind, `D` its payload. */
export interface Envelope<K extends string = string, D = unknown> {
  /** Always {@link NS}. */
  ns: typeof NS;
  /** The sender's {@link PROTOCOL_VERSION}. */
  v: number;
  /**
   * SDK session id: new for every page load and every restore from the back/forward cache.
   * Panel commands use `''` to address whatever session is on the page.
   */
  sid: string;
  /**
   * Orders the data stream of one session. Every `sdk/snapshot` and `sdk/batch` takes the next number;
   * `sdk/hello` and `sdk/bye` repeat the last number used, so a receiver can tell what it has missed.
   */
  seq: number;
  kind: K;
  data: D;
}
