import { createReadStream } from 'node:fs';
import { HeapSnapshotError } from './errors.js';
import { StringTable } from './strings.js';

/** The `snapshot.meta` of a .heapsnapshot. */
export interface SnapshotMeta {
  node_fields: string[];
  node_types: (string[] | string)[];
  edge_fields: string[];
  edge_types: (string[] | string)[];
}

/** A parsed heap snapshot: flat typed arrays, as V8 writes them, and the string table. */
export interface RawSnapshot {
  meta: SnapshotMeta;
  nodeCount: number;
  edgeCount: number;
  /** `nodeCount × node_fields.length` numbers. */
  nodes: Uint32Array;
  /** `edgeCount × edge_fields.length` numbers; `to_node` is an index into `nodes`. */
  edges: Uint32Array;
  strings: StringTable;
}

const enum Phase {
  Header,
  SeekEdges,
  Edges,
  Nodes,
  SeekStrings,
  Strings,
  Done,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE = 0x5d;
const encode = (s: string) => Buffer.from(s, 'latin1');
const NODES_KEY = encode('"nodes"');
const EDGES_KEY = encode('"edges"');
const STRINGS_KEY = encode('"strings"');

/**
 * Parses a .heapsnapshot in one streaming pass: the small header with JSON.parse, the node and edge
 * arrays digit by digit into preallocated typed arrays, the strings into a lazily decoded arena.
 * The whole file is never held in memory, and never handed to JSON.parse.
 */
export class SnapshotParser {
  #phase = Phase.Header;
  #offset = 0;
  #header: Buffer[] = [];
  #headerBytes = 0;
  #meta: SnapshotMeta | undefined;
  #nodeCount = 0;
  #edgeCount = 0;
  #nodes = new Uint32Array(0);
  #edges = new Uint32Array(0);
  #target = new Uint32Array(0);
  #filled = 0;
  #number = 0;
  #inNumber = false;
  #seek: Buffer = Buffer.alloc(0);
  #seekWindow: Buffer = Buffer.alloc(0);
  #afterSeek = Phase.Done;
  #sawBracket = false;
  readonly #strings = new StringTable();
  #inString = false;
  #escape = false;
  #escaped = false;
  #stringBuffer: Buffer = Buffer.allocUnsafe(1 << 16);
  #stringLength = 0;

  /** Feeds the next chunk of the file. */
  push(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && this.#phase !== Phase.Done) {
      switch (this.#phase) {
        case Phase.Header:
          i = this.#readHeader(chunk, i);
          break;
        case Phase.Nodes:
        case Phase.Edges:
          i = this.#readNumbers(chunk, i);
          break;
        case Phase.SeekEdges:
        case Phase.SeekStrings:
          i = this.#seekKey(chunk, i);
          break;
        case Phase.Strings:
          i = this.#readStrings(chunk, i);
          break;
      }
    }
    this.#offset += chunk.length;
  }

  /** Ends the input and returns the snapshot, or throws a HeapSnapshotError naming where it stopped. */
  end(): RawSnapshot {
    if (this.#phase !== Phase.Done) {
      const where = {
        [Phase.Header]: 'in the header, before "nodes"',
        [Phase.Nodes]: `in "nodes" after ${this.#filled.toLocaleString('en-US')} of ${this.#nodes.length.toLocaleString('en-US')} numbers`,
        [Phase.SeekEdges]: 'between "nodes" and "edges"',
        [Phase.Edges]: `in "edges" after ${this.#filled.toLocaleString('en-US')} of ${this.#edges.length.toLocaleString('en-US')} numbers`,
        [Phase.SeekStrings]: 'before "strings"',
        [Phase.Strings]: `in "strings" after ${this.#strings.length.toLocaleString('en-US')} strings`,
      }[this.#phase];
      throw new HeapSnapshotError(`The heap snapshot is cut short: it ends ${where}. Take it again; the file was not written completely`, this.#offset);
    }
    return { meta: this.#meta!, nodeCount: this.#nodeCount, edgeCount: this.#edgeCount, nodes: this.#nodes, edges: this.#edges, strings: this.#strings };
  }

  #readHeader(chunk: Buffer, start: number): number {
    this.#header.push(chunk.subarray(start));
    this.#headerBytes += chunk.length - start;
    const text = Buffer.concat(this.#header);
    const at = text.indexOf(NODES_KEY);
    if (at < 0) {
      if (this.#headerBytes > 1 << 20) throw new HeapSnapshotError('This is not a heap snapshot: no "nodes" array in its first megabyte', this.#offset + chunk.length);
      return chunk.length;
    }
    const bracket = text.indexOf('[', at);
    if (bracket < 0) return chunk.length;
    const head = text.subarray(0, at).toString('utf8').trimEnd().replace(/,$/, '');
    let parsed: { snapshot?: { meta?: SnapshotMeta; node_count?: number; edge_count?: number } };
    try {
      parsed = JSON.parse(`${head}}`);
    } catch {
      throw new HeapSnapshotError('This is not a heap snapshot: its header is not valid JSON', this.#offset - (this.#headerBytes - (chunk.length - start)));
    }
    const meta = parsed.snapshot?.meta;
    const nodeCount = parsed.snapshot?.node_count;
    const edgeCount = parsed.snapshot?.edge_count;
    if (!meta?.node_fields || !meta.edge_fields || typeof nodeCount !== 'number' || typeof edgeCount !== 'number') {
      throw new HeapSnapshotError('This is not a V8 heap snapshot: snapshot.meta, node_count or edge_count is missing', 0);
    }
    this.#meta = meta;
    this.#nodeCount = nodeCount;
    this.#edgeCount = edgeCount;
    this.#nodes = new Uint32Array(nodeCount * meta.node_fields.length);
    this.#edges = new Uint32Array(edgeCount * meta.edge_fields.length);
    this.#target = this.#nodes;
    this.#filled = 0;
    this.#phase = Phase.Nodes;
    this.#header = [];
    // Continue right after the '[' inside this chunk.
    const consumedBefore = this.#headerBytes - (chunk.length - start);
    return start + (bracket + 1 - consumedBefore);
  }

  #readNumbers(chunk: Buffer, start: number): number {
    const target = this.#target;
    let filled = this.#filled;
    let n = this.#number;
    let inNumber = this.#inNumber;
    let i = start;
    for (; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c >= 0x30 && c <= 0x39) {
        n = n * 10 + (c - 0x30);
        inNumber = true;
        continue;
      }
      if (inNumber) {
        if (filled >= target.length) throw new HeapSnapshotError('The heap snapshot has more numbers than its header announced', this.#offset + i);
        target[filled++] = n;
        n = 0;
        inNumber = false;
      }
      if (c === CLOSE) {
        i++;
        if (filled !== target.length) {
          throw new HeapSnapshotError(`The heap snapshot has ${filled.toLocaleString('en-US')} numbers where its header announced ${target.length.toLocaleString('en-US')}`, this.#offset + i);
        }
        if (this.#phase === Phase.Nodes) {
          this.#beginSeek(EDGES_KEY, Phase.Edges);
          this.#phase = Phase.SeekEdges;
        } else {
          this.#beginSeek(STRINGS_KEY, Phase.Strings);
          this.#phase = Phase.SeekStrings;
        }
        break;
      }
      if (c !== 0x2c && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        throw new HeapSnapshotError(`Unexpected character "${String.fromCharCode(c)}" in a number array`, this.#offset + i);
      }
    }
    this.#filled = filled;
    this.#number = n;
    this.#inNumber = inNumber;
    return i;
  }

  #beginSeek(key: Buffer, after: Phase): void {
    this.#seek = key;
    this.#seekWindow = Buffer.alloc(0);
    this.#afterSeek = after;
    this.#sawBracket = false;
  }

  #seekKey(chunk: Buffer, start: number): number {
    if (!this.#sawBracket) {
      const window = Buffer.concat([this.#seekWindow, chunk.subarray(start)]);
      const at = window.indexOf(this.#seek);
      if (at < 0) {
        this.#seekWindow = window.subarray(Math.max(0, window.length - this.#seek.length));
        return chunk.length;
      }
      // Position in this chunk just after the key.
      const afterKey = start + (at + this.#seek.length - this.#seekWindow.length);
      this.#sawBracket = true;
      this.#seekWindow = Buffer.alloc(0);
      return afterKey;
    }
    const bracket = chunk.indexOf('[', start);
    if (bracket < 0) return chunk.length;
    this.#phase = this.#afterSeek;
    if (this.#phase === Phase.Edges) {
      this.#target = this.#edges;
      this.#filled = 0;
      this.#number = 0;
      this.#inNumber = false;
    }
    return bracket + 1;
  }

  #readStrings(chunk: Buffer, start: number): number {
    let i = start;
    for (; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.#inString) {
        if (this.#escape) {
          this.#escape = false;
          this.#appendByte(c);
          continue;
        }
        if (c === BACKSLASH) {
          this.#escape = true;
          this.#escaped = true;
          this.#appendByte(c);
          continue;
        }
        if (c === QUOTE) {
          this.#strings.push(this.#stringBuffer.subarray(0, this.#stringLength), this.#escaped);
          this.#inString = false;
          continue;
        }
        this.#appendByte(c);
        continue;
      }
      if (c === QUOTE) {
        this.#inString = true;
        this.#escaped = false;
        this.#stringLength = 0;
      } else if (c === CLOSE) {
        this.#phase = Phase.Done;
        return i + 1;
      }
    }
    return i;
  }

  #appendByte(c: number): void {
    if (this.#stringLength === this.#stringBuffer.length) {
      const next = Buffer.allocUnsafe(this.#stringBuffer.length * 2);
      this.#stringBuffer.copy(next);
      this.#stringBuffer = next;
    }
    this.#stringBuffer[this.#stringLength++] = c;
  }
}

/** Parses a .heapsnapshot file by streaming it from disk. */
export async function parseSnapshotFile(path: string): Promise<RawSnapshot> {
  const parser = new SnapshotParser();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) parser.push(chunk as Buffer);
  return parser.end();
}
