// Bundles one entry in memory with Vite (Rolldown) and returns the code: for the size report, the
// installer build and the benchmarks' pages.
import { build } from 'vite';

/**
 * @param {string} root where imports resolve from
 * @param {string} entry the entry file
 * @param {{ format?: 'es' | 'iife', minify?: boolean, keepNames?: boolean, external?: string[], define?: Record<string, string>, target?: string }} [options]
 * @returns {Promise<string>}
 */
export async function bundleEntry(root, entry, options = {}) {
  const out = await build({
    root,
    logLevel: 'silent',
    configFile: false,
    ...(options.define && { define: options.define }),
    build: {
      write: false,
      minify: options.minify ?? true,
      ...(options.target && { target: options.target }),
      lib: { entry, formats: [options.format ?? 'es'], name: 'bundle', fileName: 'bundle' },
      rolldownOptions: { external: options.external ?? [], ...(options.keepNames && { output: { keepNames: true } }) },
    },
  });
  return (Array.isArray(out) ? out : [out])
    .flatMap((o) => o.output)
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('\n');
}
