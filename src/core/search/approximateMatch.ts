/**
 * Does `pattern` occur in a text with at most k edits (insertions, deletions, substitutions)? Myers'
 * bit-parallel algorithm for approximate string matching: one pass over the text with a few word operations
 * per character, for patterns of up to 32 characters (longer ones are cut, as the fuzzy matcher does).
 */
const MAX_PATTERN_LENGTH = 32;

export class ApproximatePattern {
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();
  readonly length: number;

  constructor(pattern: string) {
    const p = pattern.slice(0, MAX_PATTERN_LENGTH);
    this.length = p.length;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 128) this.ascii[c]! |= 1 << i;
      else this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
    }
  }

  /** The fewest edits of the pattern that occur somewhere in `text`, if at most k; otherwise k + 1. */
  bestDistance(text: string, k: number): number {
    const m = this.length;
    if (m === 0) return 0;
    if (text.length < m - k) return k + 1;
    const last = 1 << (m - 1);
    let pv = -1;
    let mv = 0;
    let score = m;
    let best = m;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      const eq = c < 128 ? this.ascii[c]! : (this.other.get(c) ?? 0);
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & last) score++;
      else if (mh & last) score--;
      // Searching, not aligning: the top row is all zeros, so nothing is shifted in.
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) best = score;
    }
    return best <= k ? best : k + 1;
  }
}
