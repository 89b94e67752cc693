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

export const enum Tag {
  FunctionComponent = 0,
  ClassComponent = 1,
  HostRoot = 3,
  HostComponent = 5,
  HostText = 6,
  ContextProvider = 10,
  ForwardRef = 11,
  MemoComponent = 14,
  SimpleMemoComponent = 15,
  HostHoistable = 26,
  HostSingleton = 27,
}

export const enum Flag {
  PerformedWork = 1,
  ChildDeletion = 16,
}

/** Components whose renders we count: function, class, forwardRef, memo, and context providers. */
export function isTracked(tag: number): boolean {
  return tag === Tag.FunctionComponent || tag === Tag.ClassComponent || tag === Tag.ForwardRef ||
    tag === Tag.MemoComponent || tag === Tag.SimpleMemoComponent || tag === Tag.ContextProvider;
}

/** Fibers that own a DOM node. */
export function isHost(tag: number): boolean {
  return tag === Tag.HostComponent || tag === Tag.HostText || tag === Tag.HostHoistable || tag === Tag.HostSingleton;
}
