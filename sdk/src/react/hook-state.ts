/**
 * What the installer (`memscope/install`) leaves at `globalThis.__MEMSCOPE_REACT__` for the SDK.
 * The installer is a separate, import-free script that must run before react-dom, so the two halves
 * meet through this global rather than through a module.
 */
export interface ReactRendererInfo {
  version?: string;
  reconcilerVersion?: string;
  /** 0 for production and profiling builds, 1 for development builds. */
  bundleType?: number;
  rendererPackageName?: string;
}

/** A listener the SDK adds to receive commits. */
export interface CommitListener {
  commit(rendererId: number, root: unknown): void;
  postCommit?(rendererId: number, root: unknown): void;
}

/** The installer's shared state. */
export interface MemscopeReactHookState {
  /** Version of this contract. */
  v: 1;
  /** Renderers React injected, by id. */
  renderers: Map<number, ReactRendererInfo>;
  /** Fiber roots that have committed and are still mounted. */
  roots: Set<unknown>;
  listeners: Set<CommitListener>;
  /** True when a hook object (React DevTools, react-refresh) existed before ours and we wrapped it. */
  wrapped: boolean;
  /** Commits seen, with or without listeners. */
  commits: number;
  /** Errors thrown by listeners (caught; React never sees them). */
  errors: number;
  /** `performance.now()` when the installer ran. */
  installedAt: number;
}

declare global {
  // eslint-disable-next-line no-var
  var __MEMSCOPE_REACT__: MemscopeReactHookState | undefined;
}
