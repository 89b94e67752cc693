/**
 * The parts of React's internal Fiber that the walker reads. React does not export these types;
 * the tags and flags below hold for React 18.x and 19.x (React DevTools' getInternalReactConstants
 * for versions after 17.0.1).
 */
export interface Fiber {
  tag: number;
  type: unknown;
  elementType: unknown;
  flags: number;
  /**
   * Every flag of the fibers below this one that React rendered again (`bubbleProperties`); only the
   * static ones when it reused the subtree.
   */
  subtreeFlags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  return: Fiber | null;
  alternate: Fiber | null;
  stateNode: unknown;
  memoizedProps: Record<string, unknown> | null;
  memoizedState: unknown;
  dependencies: { firstContext: ContextDependency | null } | null;
  deletions: Fiber[] | null;
  /** Development and profiling builds only. */
  actualDuration?: number;
}

export interface ContextDependency {
  context: unknown;
  memoizedValue: unknown;
  next: ContextDependency | null;
}

/** A hook in a function component's `memoizedState` list. */
export interface HookState {
  memoizedState: unknown;
  queue: { dispatch?: unknown } | null;
  next: HookState | null;
}

export interface FiberRoot {
  current: Fiber;
}

// Plain constants, not `const enum`s: bundlers that compile one file at a time (Vite, esbuild,
// Rolldown) turn a const enum into an object, and every `Tag.X` into a property load on the walk's
// hottest path.

/** Fiber tags (`fiber.tag`) the walker tells apart. */
export const FUNCTION_COMPONENT = 0;
export const CLASS_COMPONENT = 1;
export const HOST_ROOT = 3;
export const HOST_COMPONENT = 5;
export const HOST_TEXT = 6;
export const CONTEXT_PROVIDER = 10;
export const FORWARD_REF = 11;
export const MEMO_COMPONENT = 14;
export const SIMPLE_MEMO_COMPONENT = 15;
export const HOST_HOISTABLE = 26;
export const HOST_SINGLETON = 27;

/** Fiber flags (`fiber.flags`) the walker reads. */
export const PERFORMED_WORK = 1;
export const PLACEMENT = 2;
export const CHILD_DELETION = 16;
/**
 * A subtree whose `subtreeFlags` has none of these holds nothing the walker counts: no component
 * rendered (React DevTools reads `PerformedWork` the same way), none was placed, none was deleted.
 */
export const SUBTREE_WORK = PERFORMED_WORK | PLACEMENT | CHILD_DELETION;

/**
 * The tags of components whose renders we count (function, class, forwardRef, memo, context
 * providers), as bits: one shift and mask per fiber instead of six comparisons. The walker's loops
 * test `tag < 32 && ((TRACKED_TAGS >>> tag) & 1) === 1` in place (walker.ts, HOT_PATH).
 */
export const TRACKED_TAGS =
  (1 << FUNCTION_COMPONENT) | (1 << CLASS_COMPONENT) | (1 << CONTEXT_PROVIDER) | (1 << FORWARD_REF) | (1 << MEMO_COMPONENT) | (1 << SIMPLE_MEMO_COMPONENT);
const HOST = (1 << HOST_COMPONENT) | (1 << HOST_TEXT) | (1 << HOST_HOISTABLE) | (1 << HOST_SINGLETON);

/** Fibers that own a DOM node. */
export function isHost(tag: number): boolean {
  return tag < 32 && ((HOST >>> tag) & 1) === 1;
}
