import { CONTEXT_PROVIDER } from './fiber.js';
import type { Fiber } from './fiber.js';

type Named = { displayName?: unknown; name?: unknown; render?: unknown; type?: unknown; _context?: unknown };

function own(value: unknown): string | undefined {
  const v = value as Named | null | undefined;
  if (!v || (typeof v !== 'object' && typeof v !== 'function')) return undefined;
  if (typeof v.displayName === 'string' && v.displayName) return v.displayName;
  if (typeof v.name === 'string' && v.name) return v.name;
  return undefined;
}

/** The name under which a component type is shown: its displayName or function name, through memo and forwardRef. */
function unwrap(type: unknown, depth = 0): string | undefined {
  const t = type as Named | null;
  if (!t || depth > 5) return undefined;
  if (typeof t === 'function') return own(t);
  // memo(inner) and forwardRef(render) keep the inner component under `type` or `render`.
  return own(t) ?? unwrap(t.type, depth + 1) ?? unwrap(t.render, depth + 1);
}

/**
 * Whether `fiber`'s type alone gives its name, so that `typeName(fiber.type)` names it as
 * `componentName(fiber)` would: it carries the type as both `type` and `elementType` (not memo, nor
 * lazy) and is not a context provider.
 */
export function namedByType(fiber: Fiber): boolean {
  return fiber.elementType === fiber.type && fiber.tag !== CONTEXT_PROVIDER;
}

/** The display name of a component type for which `namedByType` holds: displayName or function name, through forwardRef. */
export function typeName(type: unknown): string {
  return unwrap(type) ?? 'Anonymous';
}

/**
 * The display name of a tracked fiber. Context providers are named `Name.Provider`: in React 18 the
 * fiber's type is `{ _context }`; in React 19 the context object itself is the provider.
 */
export function componentName(fiber: Fiber): string {
  if (fiber.tag === CONTEXT_PROVIDER) {
    const type = fiber.type as Named;
    const context = (type?._context ?? type) as Named;
    const name = typeof context?.displayName === 'string' && context.displayName ? context.displayName : 'Context';
    return `${name}.Provider`;
  }
  // For memo components elementType holds the memo wrapper, whose displayName wins if set.
  const element: unknown = fiber.elementType;
  // Most types are named functions: asked directly (what `unwrap` would do for a function, one call
  // fewer), since a screen of new components names thousands of them in one commit, before V8 has
  // optimized this.
  if (typeof element === 'function') {
    const name = own(element);
    if (name !== undefined) return name;
  }
  // The type's own name after the element's: for the fibers `namedByType` picks, exactly `typeName`.
  return unwrap(element) ?? typeName(fiber.type);
}
