/** A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * Samples ranks 0..n-1 with probability ∝ 1 / (rank + 1)^exponent (Zipf's law), by binary search over the
 * cumulative distribution.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    exponent: number,
  ) {
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let r = 0; r < size; r++) {
      sum += 1 / Math.pow(r + 1, exponent);
      this.cumulative[r] = sum;
    }
    for (let r = 0; r < size; r++) this.cumulative[r]! /= sum;
  }

  sample(prng: Prng): number {
    const u = prng.next();
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
