import type { RawSnapshot } from './parser.js';

/**
 * A heap snapshot as a graph: forward edges in CSR form (as V8 writes them), reverse edges built in
 * one pass, and typed-array accessors. Node `i` is the i-th node (not its offset in `nodes`).
 */
export class HeapGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly strings: RawSnapshot['strings'];
  readonly nodeTypes: string[];
  readonly edgeTypes: string[];
  /** First edge (index into edges / edgeFields) of each node, plus one past the end. */
  readonly firstEdge: Uint32Array;
  readonly #raw: RawSnapshot;
  readonly #nf: number;
  readonly #ef: number;
  readonly #type: number;
  readonly #name: number;
  readonly #id: number;
  readonly #size: number;
  readonly #detachedness: number;
  readonly #edgeType: number;
  readonly #edgeName: number;
  readonly #edgeTo: number;
  readonly weakEdgeType: number;
  readonly #elementType: number;
  readonly #hiddenType: number;
  #retainerStart: Uint32Array | undefined;
  #retainerEdge: Uint32Array | undefined;
  #retainerFrom: Uint32Array | undefined;

  constructor(raw: RawSnapshot) {
    this.#raw = raw;
    const { meta } = raw;
    this.nodeCount = raw.nodeCount;
    this.edgeCount = raw.edgeCount;
    this.strings = raw.strings;
    this.#nf = meta.node_fields.length;
    this.#ef = meta.edge_fields.length;
    this.#type = meta.node_fields.indexOf('type');
    this.#name = meta.node_fields.indexOf('name');
    this.#id = meta.node_fields.indexOf('id');
    this.#size = meta.node_fields.indexOf('self_size');
    this.#detachedness = meta.node_fields.indexOf('detachedness');
    this.#edgeType = meta.edge_fields.indexOf('type');
    this.#edgeName = meta.edge_fields.indexOf('name_or_index');
    this.#edgeTo = meta.edge_fields.indexOf('to_node');
    this.nodeTypes = meta.node_types[this.#type] as string[];
    this.edgeTypes = meta.edge_types[this.#edgeType] as string[];
    this.weakEdgeType = this.edgeTypes.indexOf('weak');
    this.#elementType = this.edgeTypes.indexOf('element');
    this.#hiddenType = this.edgeTypes.indexOf('hidden');
    const edgeCountField = meta.node_fields.indexOf('edge_count');
    this.firstEdge = new Uint32Array(this.nodeCount + 1);
    let e = 0;
    for (let i = 0; i < this.nodeCount; i++) {
      this.firstEdge[i] = e;
      e += raw.nodes[i * this.#nf + edgeCountField]!;
    }
    this.firstEdge[this.nodeCount] = e;
  }

  type(node: number): string {
    return this.nodeTypes[this.#raw.nodes[node * this.#nf + this.#type]!] ?? 'unknown';
  }
  name(node: number): string {
    return this.strings.get(this.#raw.nodes[node * this.#nf + this.#name]!);
  }
  nameIndex(node: number): number {
    return this.#raw.nodes[node * this.#nf + this.#name]!;
  }
  id(node: number): number {
    return this.#raw.nodes[node * this.#nf + this.#id]!;
  }
  selfSize(node: number): number {
    return this.#raw.nodes[node * this.#nf + this.#size]!;
  }
  /** 0 unknown, 1 attached, 2 detached (Chromium's DOM nodes). */
  detachedness(node: number): number {
    return this.#detachedness < 0 ? 0 : this.#raw.nodes[node * this.#nf + this.#detachedness]! & 3;
  }
  edgeTo(edge: number): number {
    return this.#raw.edges[edge * this.#ef + this.#edgeTo]! / this.#nf;
  }
  edgeTypeIndex(edge: number): number {
    return this.#raw.edges[edge * this.#ef + this.#edgeType]!;
  }
  /** A readable edge label: `.prop`, `[3]`, or the edge type for internal links. */
  edgeLabel(edge: number): string {
    const t = this.edgeTypeIndex(edge);
    const n = this.#raw.edges[edge * this.#ef + this.#edgeName]!;
    if (t === this.#elementType || t === this.#hiddenType) return `[${n}]`;
    const type = this.edgeTypes[t];
    if (type === 'context') return `(closure var ${this.strings.get(n)})`;
    if (type === 'internal' || type === 'shortcut') return `(${this.strings.get(n)})`;
    return `.${this.strings.get(n)}`;
  }

  /** Builds the reverse edges (who retains each node) once. */
  retainers(): { start: Uint32Array; edge: Uint32Array; from: Uint32Array } {
    if (!this.#retainerStart) {
      const n = this.nodeCount;
      const start = new Uint32Array(n + 1);
      for (let e = 0; e < this.edgeCount; e++) start[this.edgeTo(e) + 1]!++;
      for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
      const fill = start.slice(0, n);
      const edge = new Uint32Array(this.edgeCount);
      const from = new Uint32Array(this.edgeCount);
      for (let node = 0; node < n; node++) {
        for (let e = this.firstEdge[node]!; e < this.firstEdge[node + 1]!; e++) {
          const to = this.edgeTo(e);
          const at = fill[to]!++;
          edge[at] = e;
          from[at] = node;
        }
      }
      this.#retainerStart = start;
      this.#retainerEdge = edge;
      this.#retainerFrom = from;
    }
    return { start: this.#retainerStart, edge: this.#retainerEdge!, from: this.#retainerFrom! };
  }
}
