/**
 * Bytes → text for every reader. Strict UTF-8 (a TextDecoder with `fatal: true`, so invalid input is an error,
 * never mojibake), with a leading UTF-8 BOM dropped. Binary input — a NUL byte anywhere, a UTF-16 BOM, or the
 * signature of a PDF, ZIP/DOCX/XLSX, gzip or image file — is a CorpusError that names the file and, where it
 * can, the line.
 */
import { CorpusError } from '../model/paper';

const SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or DOCX/XLSX)'],
  [[0x1f, 0x8b], 'gzip-compressed data'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** 1-based line of the byte at `offset` (LF, CRLF and lone CR each end a line). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function decodeText(bytes: Uint8Array, file: string): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    throw new CorpusError(file, 'the file is UTF-16 encoded; save it as UTF-8 and load it again', 1);
  }
  for (const [sig, what] of SIGNATURES) {
    if (startsWith(bytes, sig)) throw new CorpusError(file, `this is ${what}, not a text corpus`, 1);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new CorpusError(
      file,
      `binary data (a NUL byte at offset ${nul}): not a text corpus — expected UTF-8 text`,
      lineAt(bytes, nul),
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = bad === -1 ? 0 : bad;
    const hex = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new CorpusError(
      file,
      `invalid UTF-8 at byte offset ${at} (bytes ${hex}): the file is not UTF-8 text — re-save it as UTF-8`,
      bad === -1 ? undefined : lineAt(bytes, at),
    );
  }
}
