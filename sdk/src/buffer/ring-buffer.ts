/**
 * A fixed-capacity FIFO that overwrites its oldest item when full and counts what it dropped.
 * Memory stays bounded however long the page lives.
 */
export class RingBuffer<T> {
  readonly #items: (T | undefined)[];
  #start = 0;
  #size = 0;
  #dropped = 0;
  #pushed = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
    }
    this.#items = new Array<T | undefined>(capacity);
  }

  /** Adds an item, dropping the oldest one when the buffer is full. */
  push(item: T): void {
    this.#pushed++;
    if (this.#size < this.capacity) {
      this.#items[(this.#start + this.#size) % this.capacity] = item;
      this.#size++;
      return;
    }
    this.#items[this.#start] = item;
    this.#start = (this.#start + 1) % this.capacity;
    this.#dropped++;
  }

  /** Items currently held. */
  get size(): number {
    return this.#size;
  }

  /** Items overwritten since creation. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Items ever pushed, including those since dropped. */
  get pushed(): number {
    return this.#pushed;
  }

  /** The newest item, if any. */
  last(): T | undefined {
    return this.#size === 0 ? undefined : this.#items[(this.#start + this.#size - 1) % this.capacity];
  }

  /** A copy of the held items, oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.#size);
    for (let i = 0; i < this.#size; i++) out[i] = this.#items[(this.#start + i) % this.capacity] as T;
    return out;
  }
}
