// Imported first by memscope.ts: ES imports are hoisted, so the hook must be installed by a module
// that is evaluated before the one that imports react-dom.
import { installReactHook } from '../../src/react/install-hook.js';

installReactHook();
