/**
 * The snapshot's strings, kept as UTF-8 bytes in one growing arena and decoded only when asked for:
 * a large snapshot has millions of strings and most are never shown.
 */
export class StringTable {
  #arena = Buffer.allocUnsafe(1 << 20);
  #used = 0;
  #starts = new Uint32Array(1 << 16);
  #ends = new Uint32Array(1 << 16);
  /** 1 where the string has JSON escapes and must be decoded by JSON.parse. */
  #escaped = new Uint8Array(1 << 16);
  #count = 0;
  readonly #cache = new Map<number, string>();

  get length(): number {
    return this.#count;
  }

  /** Appends the raw bytes of one JSON string literal's content (without the quotes). */
  push(bytes: Uint8Array, escaped: boolean): void {
    if (this.#used + bytes.length > this.#arena.length) {
      const next = Buffer.allocUnsafe(Math.max(this.#arena.length * 2, this.#used + bytes.length));
      this.#arena.copy(next, 0, 0, this.#used);
      this.#arena = next;
    }
    if (this.#count === this.#starts.length) {
      const grow = <T extends Uint32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.#starts = grow(this.#starts);
      this.#ends = grow(this.#ends);
      this.#escaped = grow(this.#escaped);
    }
    this.#arena.set(bytes, this.#used);
    this.#starts[this.#count] = this.#used;
    this.#used += bytes.length;
    this.#ends[this.#count] = this.#used;
    this.#escaped[this.#count] = escaped ? 1 : 0;
    this.#count++;
  }

  /** The string at `index`. */
  get(index: number): string {
    if (index < 0 || index >= this.#count) return '';
    const cached = this.#cache.get(index);
    if (cached !== undefined) return cached;
    const raw = this.#arena.toString('utf8', this.#starts[index], this.#ends[index]);
    const value = this.#escaped[index] ? (JSON.parse(`"${raw}"`) as string) : raw;
    if (this.#cache.size < 100_000) this.#cache.set(index, value);
    return value;
  }

  /** The index of the first string equal to `value` (compared as bytes, nothing decoded), or -1. */
  indexOf(value: string): number {
    const needle = Buffer.from(value, 'utf8');
    for (let i = 0; i < this.#count; i++) {
      const start = this.#starts[i]!;
      if (this.#ends[i]! - start === needle.length && !this.#escaped[i] && this.#arena.compare(needle, 0, needle.length, start, start + needle.length) === 0) return i;
    }
    return -1;
  }
}
