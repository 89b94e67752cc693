import type { Capabilities, Capability } from 'memscope/protocol';

const NAMES: Record<keyof Capabilities, string> = {
  performanceMemory: 'performance.memory',
  uaMemory: 'measureUserAgentSpecificMemory',
  domNodes: 'DOM element count',
  react: 'React renders',
};

/** Which memory sources work on this page, and what to change to get better data. */
export function CapabilityHints({ capabilities }: { capabilities: Capabilities | undefined }) {
  if (!capabilities) return null;
  const entries = Object.entries(capabilities) as [keyof Capabilities, Capability][];
  return (
    <section className="card">
      <h2>Memory sources</h2>
      <ul className="capabilities" data-testid="capabilities">
        {entries.map(([key, cap]) => (
          <li key={key} data-capability={key} data-state={cap.state}>
            <span className={`badge badge-${cap.state}`}>{cap.state}</span> <strong>{NAMES[key]}</strong>: {cap.reason}
            {cap.fix && <div className="fix">{cap.fix}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
