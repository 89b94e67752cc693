export { usePerformanceTracking } from './adapters/react/use-performance-tracking.js';
export type { PerformanceTrackingOptions } from './adapters/react/use-performance-tracking.js';
