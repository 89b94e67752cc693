export { createMemscope } from './core/create-memscope.js';
export type { Memscope } from './core/create-memscope.js';
export type { MemscopeOptions } from './core/options.js';
export type { MemscopeView, ReactView } from './core/global-view.js';
export { SDK_VERSION } from './version.js';
export type {
  Capabilities,
  Capability,
  CapabilityState,
  DropCounts,
  Marker,
  MemorySample,
  UaMemoryBreakdown,
  UaMemoryMeasurement,
} from './protocol/index.js';
