#!/usr/bin/env node
// memscope heap summary <file>            what fills a heap snapshot, by constructor, and its detached DOM
// memscope heap diff <baseline> <final> [<third>]
//                                         what was allocated after the baseline and is still alive
import { diffSnapshots, loadSnapshot, summarize } from './heap/analyze.js';
import type { ConstructorRow } from './heap/analyze.js';
import { HeapSnapshotError } from './heap/errors.js';

const USAGE = `Usage:
  memscope heap summary <file.heapsnapshot>
  memscope heap diff <baseline.heapsnapshot> <final.heapsnapshot> [<third.heapsnapshot>]

With three snapshots (baseline, target, final), diff lists what was allocated between the baseline and the
target and is still alive in the final one, as memlab does.`;

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);

function table(rows: ConstructorRow[], withPaths: boolean): string {
  const head = ['count', 'shallow', 'retained', 'constructor', ...(withPaths ? ['kept alive by'] : [])];
  const body = rows.map((r) => [r.count.toLocaleString('en-US'), kb(r.selfSize), kb(r.retainedSize), r.name, ...(withPaths ? [r.retainers ?? ''] : [])]);
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...body.map((b) => b[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padStart(widths[i]!) : i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

async function main(args: string[]): Promise<number> {
  const [area, command, ...files] = args;
  if (area !== 'heap' || !command) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'summary' && files.length === 1) {
    const started = Date.now();
    const snapshot = await loadSnapshot(files[0]!);
    const s = summarize(snapshot);
    console.log(`${files[0]}: ${s.nodes.toLocaleString('en-US')} nodes, ${s.edges.toLocaleString('en-US')} edges, ${kb(s.totalSize)} (${Date.now() - started} ms)\n`);
    console.log(table(s.constructors, false));
    console.log(s.detached.length ? `\nDetached DOM nodes:\n${table(s.detached, true)}` : '\nNo detached DOM nodes.');
    return 0;
  }
  if (command === 'diff' && (files.length === 2 || files.length === 3)) {
    const [baseline, second, third] = await Promise.all(files.map((f) => loadSnapshot(f)));
    const diff = third ? diffSnapshots(baseline!, third, second) : diffSnapshots(baseline!, second!);
    const found = diff.added.length + diff.detached.length + diff.grownCollections.length;
    if (diff.detached.length) console.log(`Detached DOM nodes allocated after the baseline and still alive:\n${table(diff.detached.slice(0, 20), true)}\n`);
    if (diff.grownCollections.length) {
      console.log('Collections that grew:');
      for (const c of diff.grownCollections) console.log(`  ${c.name}: ${c.before} → ${c.after} entries, kept alive by ${c.retainers}`);
      console.log('');
    }
    if (diff.added.length) console.log(`Objects allocated after the baseline and still alive, by constructor:\n${table(diff.added.slice(0, 30), true)}`);
    if (!found) console.log('Nothing allocated after the baseline is still alive (apart from what only DevTools holds).');
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof HeapSnapshotError) console.error(`memscope: ${error.message}`);
    else if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') console.error(`memscope: no such file: ${(error as NodeJS.ErrnoException).path}`);
    else console.error(error);
    process.exit(1);
  },
);
