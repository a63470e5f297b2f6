import { readFileSync } from 'node:fs';

/** Bytes of a file in test/fixtures/corpora/ (see PROVENANCE.md there). */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(`../../fixtures/corpora/${name}`, import.meta.url));
}

export function fixtureText(name: string): string {
  return new TextDecoder().decode(fixtureBytes(name));
}

export const enc = new TextEncoder();

/** The number of source records behind a list of (merged) papers. */
export function recordCount(papers: { sources: unknown[] }[]): number {
  return papers.reduce((n, p) => n + p.sources.length, 0);
}

/** True when the value is already in NFC. */
export function isNfc(s: string): boolean {
  return s === s.normalize('NFC');
}
