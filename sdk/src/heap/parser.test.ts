import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { HeapSnapshotError } from './errors.js';
import { HeapGraph } from './graph.js';
import { SnapshotParser, parseSnapshotFile } from './parser.js';

const dir = mkdtempSync(join(tmpdir(), 'memscope-heap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class MarkerForParserTest {
  constructor(readonly label: string) {}
}
// Kept alive (module scope) so the snapshot has them.
const kept = Array.from({ length: 50 }, (_, i) => new MarkerForParserTest(`marker "${i}"\n`));

const snapshotPath = writeHeapSnapshot(join(dir, 'node.heapsnapshot'));

describe('the streaming snapshot parser', () => {
  it('reads a snapshot Node wrote exactly as JSON.parse would', async () => {
    const raw = await parseSnapshotFile(snapshotPath);
    const reference = JSON.parse(readFileSync(snapshotPath, 'utf8'));
    expect(raw.nodeCount).toBe(reference.snapshot.node_count);
    expect(raw.nodes.length).toBe(reference.nodes.length);
    expect(raw.nodes.every((n, i) => n === reference.nodes[i])).toBe(true);
    expect(raw.edges.every((n, i) => n === reference.edges[i])).toBe(true);
    expect(raw.strings.length).toBe(reference.strings.length);
    for (const i of [0, 1, 100, reference.strings.length - 1]) expect(raw.strings.get(i)).toBe(reference.strings[i]);
    // Strings with escapes decode too.
    const escaped = reference.strings.findIndex((s: string) => s.includes('"') && s.includes('\n'));
    expect(escaped).toBeGreaterThan(-1);
    expect(raw.strings.get(escaped)).toBe(reference.strings[escaped]);
    expect(kept.length).toBe(50);
  });

  it('gives the same result whatever the chunk size', () => {
    const bytes = readFileSync(snapshotPath);
    const whole = new SnapshotParser();
    whole.push(bytes);
    const tiny = new SnapshotParser();
    // 997 bytes: a prime, so chunk edges fall inside numbers, keys and escapes all over the file.
    for (let i = 0; i < bytes.length; i += 997) tiny.push(bytes.subarray(i, i + 997));
    const a = whole.end();
    const b = tiny.end();
    // Byte comparison: a deep toEqual over millions of elements takes seconds.
    const same = (x: Uint32Array, y: Uint32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength));
    expect(same(b.nodes, a.nodes)).toBe(true);
    expect(same(b.edges, a.edges)).toBe(true);
    expect(b.strings.get(b.strings.length - 1)).toBe(a.strings.get(a.strings.length - 1));
  });

  it('names the byte offset where a truncated file ends', async () => {
    const cut = join(dir, 'cut.heapsnapshot');
    const bytes = readFileSync(snapshotPath);
    const half = Math.floor(bytes.length / 2);
    writeFileSync(cut, bytes.subarray(0, half));
    truncateSync(cut, half);
    expect(statSync(cut).size).toBe(half);
    const error = await parseSnapshotFile(cut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeapSnapshotError);
    expect((error as HeapSnapshotError).offset).toBe(half);
    expect((error as Error).message).toMatch(/cut short: it ends in "(nodes|edges|strings)"/);
  });

  it('refuses a file that is not a heap snapshot', () => {
    const parser = new SnapshotParser();
    expect(() => parser.push(Buffer.from('{"hello": "world", "nodes": [1, 2]}'))).toThrow(HeapSnapshotError);
    const garbage = new SnapshotParser();
    expect(() => garbage.push(Buffer.from('{"snapshot":{"meta":{"node_fields":["type"],"edge_fields":["type"],"node_types":[[]],"edge_types":[[]]},"node_count":1,"edge_count":0},"nodes":[1,x]'))).toThrow(
      /Unexpected character "x" in a number array \(at byte/,
    );
  });

  it('builds a graph whose edges and retainers agree', async () => {
    const graph = new HeapGraph(await parseSnapshotFile(snapshotPath));
    const { start, from } = graph.retainers();
    expect(start[graph.nodeCount]).toBe(graph.edgeCount);
    const marker = Array.from({ length: graph.nodeCount }, (_, i) => i).find((i) => graph.name(i) === 'MarkerForParserTest' && graph.type(i) === 'object')!;
    expect(marker).toBeDefined();
    expect(start[marker + 1]! - start[marker]!).toBeGreaterThan(0);
    const retainer = from[start[marker]!]!;
    const edges = Array.from({ length: graph.firstEdge[retainer + 1]! - graph.firstEdge[retainer]! }, (_, k) => graph.firstEdge[retainer]! + k);
    expect(edges.some((e) => graph.edgeTo(e) === marker)).toBe(true);
  });
});
