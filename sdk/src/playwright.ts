export { test, createMemoryFixture } from './playwright/fixture.js';
export type { MemoryFixture } from './playwright/fixture.js';
export { expect } from './playwright/matchers.js';
export type { MemoryBudget, NoLeaksOptions } from './playwright/matchers.js';
export type { RepeatOptions } from './playwright/repeat.js';
export type { Leak, LeakKind, LeakThresholds, MemoryMeasurement, MemoryReport, MemorySeries } from './playwright/types.js';
export type { SnapshotSummary, ConstructorRow } from './heap/analyze.js';
