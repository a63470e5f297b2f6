/**
 * Orders documents by score, best first, equal scores in document order: the order of every result list.
 * Large lists are radix-sorted on the bits of the scores (for positive doubles, bit order is numeric order),
 * a stable linear-time sort that avoids a comparison callback per step: for the 80k hits of a common word in
 * a 100k-paper corpus it takes a few milliseconds instead of ~30.
 */

/** Below this, a comparison sort is quicker than four counting passes. */
const RADIX_THRESHOLD = 2048;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * @param docs distinct document numbers in ascending order (sorted in place for short lists)
 * @param scores score of each document number; all ≥ 0
 */
export function orderByScore(docs: Uint32Array, scores: Float64Array): Uint32Array {
  const n = docs.length;
  if (n < RADIX_THRESHOLD || !LITTLE_ENDIAN) return docs.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = scores[docs[i]!]!;
  const words = new Uint32Array(keys.buffer);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  // Least significant 16 bits first; each digit inverted, so that larger scores come first.
  for (const [word, shift] of [
    [0, 0],
    [0, 16],
    [1, 0],
    [1, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[0xffff - ((words[2 * i + word]! >>> shift) & 0xffff)]!++;
    if (counts.some((c) => c === n)) continue; // every key has the same digit: nothing to reorder
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = order[i]!;
      next[counts[0xffff - ((words[2 * k + word]! >>> shift) & 0xffff)]!++] = k;
    }
    [order, next] = [next, order];
  }
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = docs[order[i]!]!;
  return out;
}
