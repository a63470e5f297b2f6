/** Append-only typed arrays that double as they fill: postings are collected in them during a build. */
export class GrowableUint32 {
  private data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  /** The filled part (a copy, so the spare capacity can be freed). */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}
