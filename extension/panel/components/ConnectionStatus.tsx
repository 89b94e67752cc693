import { PROTOCOL_VERSION } from 'memscope/protocol';
import type { ConnectionState } from '../store/state.js';

const README_SETUP = 'README.md, section "Use it in your app"';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting to the extension…',
  'no-relay': 'Memscope is not running in this page',
  waiting: 'Waiting for the Memscope SDK…',
  'no-sdk': 'SDK not detected on this page',
  incompatible: 'The SDK on this page speaks another protocol version',
  connected: 'Connected',
  ended: 'Session ended',
};

/** The connection line at the top of the panel, with what to do when there is nothing to show. */
export function ConnectionStatus({ state, url, sid, otherProtocol }: { state: ConnectionState; url: string; sid: string; otherProtocol?: number | undefined }) {
  return (
    <section className={`connection connection-${state}`} aria-live="polite">
      <div>
        <span className="dot" aria-hidden="true" />
        <span data-testid="connection-status" data-value={state}>
          {LABELS[state]}
        </span>
        {url && state === 'connected' && <span className="muted url"> · {url}</span>}
        {sid && (
          <span className="muted" data-testid="session-id" data-value={sid} title={`Session ${sid}`}>
            {' '}· session {sid.slice(0, 8)}
          </span>
        )}
      </div>
      {state === 'no-sdk' && (
        <div className="howto">
          <p>Add the SDK to your app and reload:</p>
          <pre>{`npm install memscope\n\nimport { createMemscope } from 'memscope';\ncreateMemscope();`}</pre>
          <p className="muted">
            Setup for each bundler: <span className="link-text">{README_SETUP}</span>
          </p>
        </div>
      )}
      {state === 'incompatible' && (
        <p className="howto" data-testid="protocol-mismatch">
          The page's Memscope SDK speaks protocol {otherProtocol}; this extension speaks protocol {PROTOCOL_VERSION}.{' '}
          {otherProtocol !== undefined && otherProtocol > PROTOCOL_VERSION ? 'Update the extension.' : 'Update the memscope package in the app.'}
        </p>
      )}
      {state === 'no-relay' && (
        <p className="howto">
          The page was loaded before Memscope (or is a browser page). Reload the page to connect.
        </p>
      )}
    </section>
  );
}
