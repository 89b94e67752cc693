import { readFileSync } from 'node:fs';
import type { Plugin, UserConfig } from 'vite';

/** Options of the {@link memscope} Vite plugin. */
export interface MemscopeVitePluginOptions {
  /** A CSP nonce for the inline installer script. */
  nonce?: string;
  /** Where to add the installer: `serve` (dev server), `build`, or both. Default both. */
  apply?: 'serve' | 'build' | 'both';
  /**
   * Keep function and class names in production builds, so the Components view shows `ProductList`
   * rather than a minifier's `mt`. Costs a little bundle size. Default true.
   */
  keepComponentNames?: boolean;
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
    config() {
      if (options.keepComponentNames === false) return;
      // Vite 7+ on Rolldown exposes rolldownVersion; older Vite minifies with esbuild.
      // (Vite 8's types no longer list `esbuild`, hence the cast for the older branch.)
      return 'rolldownVersion' in this.meta
        ? { build: { rolldownOptions: { output: { keepNames: true } } } }
        : ({ esbuild: { keepNames: true } } as unknown as UserConfig);
    },
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
