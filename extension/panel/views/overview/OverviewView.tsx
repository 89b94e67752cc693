import { usePanel } from '../../store/use-panel.js';
import { visibleSession } from '../../store/state.js';
import { formatBytes, formatCount } from '../../lib/format.js';
import { Stat } from '../../components/Stat.js';
import { HeapChart } from './HeapChart.js';
import { UaBreakdown } from './UaBreakdown.js';
import { CapabilityHints } from './CapabilityHints.js';
import { MessageCounters } from './MessageCounters.js';

/** Points in the headline sparklines (the latest ones). */
const SPARK_POINTS = 60;

/** Memory now and over time: headline figures, the chart, the UA breakdown, sources and message counts. */
export function OverviewView() {
  const session = usePanel(visibleSession);
  const counters = usePanel((s) => s.counters);
  const reasons = usePanel((s) => s.rejectReasons);
  const samples = session?.samples ?? [];
  const last = samples[samples.length - 1];
  const recent = samples.slice(-SPARK_POINTS);
  const series = (pick: (s: (typeof samples)[number]) => number | undefined) =>
    recent.map(pick).filter((v): v is number => v !== undefined);
  const ua = session?.uaMeasurements ?? [];
  const lastUa = ua[ua.length - 1];

  return (
    <div className="overview">
      <section className="stats" aria-label="Memory now">
        <Stat label="JS heap used" testId="heap-used" value={last?.heapUsed} format={formatBytes} history={series((s) => s.heapUsed)} />
        <Stat label="JS heap total" testId="heap-total" value={last?.heapTotal} format={formatBytes} history={series((s) => s.heapTotal)} />
        <Stat label="JS heap limit" testId="heap-limit" value={last?.heapLimit} format={formatBytes} />
        <Stat
          label="UA memory total"
          testId="ua-memory-total"
          value={lastUa?.bytes}
          format={formatBytes}
          history={ua.slice(-SPARK_POINTS).map((m) => m.bytes)}
          title="performance.measureUserAgentSpecificMemory(): all memory the browser attributes to this page"
        />
        <Stat label="DOM elements" testId="dom-nodes" value={last?.domNodes} format={formatCount} history={series((s) => s.domNodes)} />
        <Stat label="Samples" testId="sample-count" value={session?.totalSamples} format={formatCount} title="Samples taken since the page loaded" />
      </section>
      <section className="card">
        <h2>
          Over time <span className="muted">drag to zoom, double-click to reset</span>
        </h2>
        <HeapChart samples={samples} uaMeasurements={ua} markers={session?.markers ?? []} />
      </section>
      <div className="columns">
        <UaBreakdown measurement={lastUa} />
        <CapabilityHints capabilities={session?.capabilities} />
        <MessageCounters counters={counters} reasons={reasons} />
      </div>
    </div>
  );
}
