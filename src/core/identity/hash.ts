/**
 * A small, stable, pure-JS string hash (no `crypto`: src/core runs in Node, a worker and a browser).
 * cyrb53 (public domain, bryc) over the UTF-8 bytes of the input, so the value does not depend on the
 * JS engine's string representation. 53 bits per call; different seeds give independent hashes.
 */
const encoder = new TextEncoder();

export function cyrb53(text: string, seed = 0): number {
  const bytes = encoder.encode(text);
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (const b of bytes) {
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Crockford base32, lower case: no i, l, o, u, so ids read aloud and copy without confusion. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** The low `chars * 5` bits of a hash as `chars` base32 digits (at most 10 chars = 50 bits). */
export function base32(value: number, chars: number): string {
  let v = value;
  let out = '';
  for (let i = 0; i < chars; i++) {
    out = ALPHABET[v % 32] + out;
    v = Math.floor(v / 32);
  }
  return out;
}

/** `chars` base32 digits of the hash of `text`. */
export function hashText(text: string, chars: number, seed = 0): string {
  return base32(cyrb53(text, seed), Math.min(chars, 10));
}
