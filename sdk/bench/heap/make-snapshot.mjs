// Writes a heap snapshot of about <megabytes> MB: a Node process that holds a large object graph
// (linked records with strings and small arrays, like an app's store), then v8.writeHeapSnapshot.
// Usage: node --max-old-space-size=16000 make-snapshot.mjs <megabytes> <out.heapsnapshot>
import { writeHeapSnapshot } from 'node:v8';

const [megabytes, out] = process.argv.slice(2);
// Calibrated on Node 20: each record adds about 265 bytes to the snapshot file.
const BYTES_PER_RECORD = 265;
const count = Math.max(1000, Math.round((Number(megabytes) * 1024 * 1024) / BYTES_PER_RECORD));

class Row {
  constructor(id, label, previous) {
    this.id = id;
    this.label = label;
    this.previous = previous;
    this.tags = [id, id + 1];
  }
}
const labels = Array.from({ length: 5000 }, (_, i) => `label-${i}`);
const rows = new Array(count);
for (let i = 0; i < count; i++) rows[i] = new Row(i, labels[i % labels.length], i > 0 ? rows[i - 1] : null);
globalThis.benchRows = rows;
writeHeapSnapshot(out);
