import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** Options of the {@link memscope} Vite plugin. */
export interface MemscopeVitePluginOptions {
  /** A CSP nonce for the inline installer script. */
  nonce?: string;
  /** Where to add the installer: `serve` (dev server), `build`, or both. Default both. */
  apply?: 'serve' | 'build' | 'both';
}

/**
 * Puts Memscope's React hook installer at the very top of `<head>` as an inline classic script, so it
 * runs before any module (including react-dom and the react-refresh preamble). Inline rather than a
 * file, because a script that loads late or flakily misses React (react-scan#445).
 *
 * @example
 * // vite.config.ts
 * import { memscope } from 'memscope/vite';
 * export default defineConfig({ plugins: [memscope(), react()] });
 */
export function memscope(options: MemscopeVitePluginOptions = {}): Plugin {
  let installer: string | undefined;
  return {
    name: 'memscope',
    ...(options.apply && options.apply !== 'both' && { apply: options.apply }),
    transformIndexHtml: {
      order: 'pre',
      handler() {
        installer ??= readFileSync(new URL('./install.global.js', import.meta.url), 'utf8');
        return [
          {
            tag: 'script',
            attrs: options.nonce ? { nonce: options.nonce } : {},
            children: installer,
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
