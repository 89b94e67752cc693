/**
 * memscope/install: installs React's DevTools hook before react-dom loads, so Memscope sees every commit.
 *
 * It must run before any module that imports react-dom: as an inline classic script at the top of
 * <head> (the `memscope/vite` plugin does this), or as the very first import of the app's entry.
 */
import { installReactHook } from './react/install-hook.js';

installReactHook();

export { installReactHook };
