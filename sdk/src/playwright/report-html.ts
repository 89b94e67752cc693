import type { MemoryReport } from './types.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function chart(title: string, values: number[], format: (n: number) => string): string {
  const w = 320;
  const h = 80;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values.map((v, i) => `${((i / Math.max(values.length - 1, 1)) * (w - 8) + 4).toFixed(1)},${(h - 4 - ((v - min) / span) * (h - 8)).toFixed(1)}`);
  return `<figure><figcaption>${escape(title)}: ${escape(format(values[0] ?? 0))} → ${escape(format(values[values.length - 1] ?? 0))}</figcaption>
<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${escape(title)}"><polyline fill="none" stroke="#1a73e8" stroke-width="1.5" points="${points.join(' ')}"/>${points
    .map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="2" fill="#1a73e8"/>`)
    .join('')}</svg></figure>`;
}

/** A self-contained HTML page for a report: one chart per series and the leak table. */
export function reportHtml(report: MemoryReport, title: string): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const count = (n: number) => Math.round(n).toLocaleString('en-US');
  const charts = [
    chart('JS heap used', report.series.jsHeapUsed, kb),
    chart('DOM nodes', report.series.domNodes, count),
    chart('Event listeners', report.series.listeners, count),
    ...Object.entries(report.series.components).map(([name, values]) => chart(`${name} (live + retained)`, values, count)),
  ];
  const rows = report.leaks
    .map((l) => `<tr><td>${escape(l.kind)}</td><td>${escape(l.name)}</td><td>${escape(l.kind === 'heap' ? kb(l.perIteration) : count(l.perIteration))}</td><td>${escape(l.summary)}${
      l.retainers?.length ? `<pre>${escape(l.retainers.join('\n'))}</pre>` : ''}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:13px system-ui,sans-serif;margin:16px;color:#202124}figure{display:inline-block;margin:8px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}.pass{color:#188038}.fail{color:#d93025}</style></head>
<body><h1>${escape(title)}</h1><p class="${report.passed ? 'pass' : 'fail'}">${report.passed ? 'No leaks found' : `${report.leaks.length} leak(s) found`} in ${report.iterations} iterations after ${report.warmups} warm-ups (${(report.durationMs / 1000).toFixed(1)} s).</p>
<section>${charts.join('')}</section>
${report.leaks.length ? `<table><thead><tr><th>kind</th><th>what</th><th>per iteration</th><th>finding</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${report.notes.length ? `<h2>Notes</h2><ul>${report.notes.map((n) => `<li>${escape(n)}</li>`).join('')}</ul>` : ''}
<h2>Measured</h2><ul>${report.measured.map((m) => `<li>${escape(m)}</li>`).join('')}</ul></body></html>`;
}
