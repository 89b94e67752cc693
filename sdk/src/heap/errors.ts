/** A heap snapshot that is cut short or is not a heap snapshot; `offset` is the byte where it went wrong. */
export class HeapSnapshotError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset.toLocaleString('en-US')})`);
    this.name = 'HeapSnapshotError';
  }
}
