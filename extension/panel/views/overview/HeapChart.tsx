import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Marker, MemorySample, UaMemoryMeasurement } from 'memscope/protocol';
import { formatBytes } from '../../lib/format.js';

/** Props of {@link HeapChart}. */
export interface HeapChartProps {
  samples: MemorySample[];
  uaMeasurements: UaMemoryMeasurement[];
  markers: Marker[];
}

type Data = [number[], (number | null)[], (number | null)[], (number | null)[]];

/**
 * Builds uPlot's column data. UA measurements arrive at random times, so each is placed on the
 * nearest sample's time and drawn as points joined across the gaps.
 */
function toData(samples: MemorySample[], ua: UaMemoryMeasurement[]): Data {
  const xs = samples.map((s) => s.t / 1000);
  const used = samples.map((s) => s.heapUsed ?? null);
  const total = samples.map((s) => s.heapTotal ?? null);
  const uaCol: (number | null)[] = new Array(samples.length).fill(null);
  let j = 0;
  for (const m of ua) {
    while (j < samples.length - 1 && samples[j + 1]!.t <= m.t) j++;
    if (samples.length) uaCol[j] = m.bytes;
  }
  return [xs, used, total, uaCol];
}

/** Draws `mark()` markers as labelled vertical lines. Labels are drawn on the canvas as plain text. */
function markersPlugin(getMarkers: () => Marker[]): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const { ctx } = u;
        const { top, height } = u.bbox;
        ctx.save();
        ctx.strokeStyle = themeColor('--marker', '#c80');
        ctx.fillStyle = ctx.strokeStyle;
        ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
        ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
        for (const marker of getMarkers()) {
          const x = Math.round(u.valToPos(marker.t / 1000, 'x', true));
          if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          ctx.fillText(marker.label.slice(0, 40), x + 3 * devicePixelRatio, top + 12 * devicePixelRatio);
        }
        ctx.restore();
      },
    },
  };
}

/** A colour from the panel's theme variables; canvas strokes cannot use `var(...)` themselves. */
function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Heap used, heap total and user-agent memory over time, with markers; drag to zoom, double-click to reset. */
export function HeapChart({ samples, uaMeasurements, markers }: HeapChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const markersRef = useRef(markers);
  markersRef.current = markers;

  useEffect(() => {
    const el = host.current!;
    const muted = themeColor('--fg-muted', '#777');
    const grid = themeColor('--grid', '#8883');
    const axisValues = (_u: uPlot, splits: number[]) => splits.map((v) => formatBytes(v));
    const u = new uPlot(
      {
        width: el.clientWidth || 600,
        height: 220,
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: true } },
        legend: { live: true },
        series: [
          {},
          { label: 'Heap used', stroke: themeColor('--series-1', '#1a73e8'), width: 1.5, value: (_u, v) => formatBytes(v ?? undefined) },
          { label: 'Heap total', stroke: themeColor('--series-2', '#888'), width: 1, dash: [4, 4], value: (_u, v) => formatBytes(v ?? undefined) },
          {
            label: 'UA memory',
            stroke: themeColor('--series-3', '#d93025'),
            width: 1.5,
            spanGaps: true,
            points: { show: true, size: 5 },
            value: (_u, v) => formatBytes(v ?? undefined),
          },
        ],
        axes: [{ stroke: muted, grid: { stroke: grid } }, { stroke: muted, grid: { stroke: grid }, values: axisValues, size: 70 }],
        plugins: [markersPlugin(() => markersRef.current)],
      },
      toData([], []),
      el,
    );
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    // Keep the user's zoom while new data arrives; uPlot resets it only when asked to.
    const u = plot.current;
    if (!u) return;
    const zoomed = u.scales.x?.min !== undefined && u.select.width > 0;
    u.setData(toData(samples, uaMeasurements), !zoomed);
  }, [samples, uaMeasurements, markers]);

  return (
    <div
      className="chart"
      ref={host}
      data-testid="heap-chart"
      data-points={samples.length}
      data-first-t={samples[0]?.t ?? ''}
      aria-label="Heap used over time"
      role="img"
    />
  );
}
