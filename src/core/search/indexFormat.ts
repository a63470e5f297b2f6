/**
 * The full-text index as bytes, for the cache: a small JSON header followed by the typed arrays, each
 * aligned to 4 bytes so that loading makes views onto the bytes instead of parsing or copying them. Only the
 * word lists (paper ids, vocabulary, title words) are decoded, as newline-separated UTF-8.
 *
 *   "LTIX" · header length (u32 LE) · header JSON · padding · sections
 */
import { Postings, type FieldPostings } from './postings';
import { TitleWords } from './titleWords';

const MAGIC = 'LTIX';

type SectionKind = 'text' | 'u32' | 'u16' | 'u8';

interface SectionRef {
  kind: SectionKind;
  offset: number;
  length: number;
}

interface Header {
  format: number;
  littleEndian: boolean;
  docCount: number;
  /** Sizes of the word lists, so their sections can be checked without decoding them. */
  termCount: number;
  titleWordCount: number;
  meta: unknown;
  fields: { name: string; boost: number }[];
  sections: Record<string, SectionRef>;
}

interface IndexParts {
  docIds: readonly string[];
  postings: Postings;
  titleWords: TitleWords;
  /** Anything JSON the owner wants back (settings, fingerprints). */
  meta: unknown;
}

export class IndexFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexFormatError';
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function encodeIndex(parts: IndexParts, format: number): Uint8Array {
  const encoder = new TextEncoder();
  const blobs: { name: string; kind: SectionKind; bytes: Uint8Array }[] = [];
  const add = (name: string, kind: SectionKind, view: ArrayBufferView) =>
    blobs.push({ name, kind, bytes: new Uint8Array(view.buffer, view.byteOffset, view.byteLength) });
  add('docIds', 'text', encoder.encode(parts.docIds.join('\n')));
  add('terms', 'text', encoder.encode(parts.postings.terms.join('\n')));
  parts.postings.fields.forEach((field, f) => {
    add(`f${f}.offsets`, 'u32', field.offsets);
    add(`f${f}.docs`, 'u32', field.docs);
    add(`f${f}.frequencies`, 'u8', field.frequencies);
    add(`f${f}.lengths`, 'u16', field.lengths);
  });
  add('titleWords', 'text', encoder.encode(parts.titleWords.words.join('\n')));
  add('titleWords.offsets', 'u32', parts.titleWords.offsets);
  add('titleWords.docs', 'u32', parts.titleWords.docs);

  const sections: Record<string, SectionRef> = {};
  let offset = 0;
  for (const blob of blobs) {
    sections[blob.name] = { kind: blob.kind, offset, length: blob.bytes.byteLength };
    offset = align4(offset + blob.bytes.byteLength);
  }
  const header: Header = {
    format,
    littleEndian: LITTLE_ENDIAN,
    docCount: parts.postings.docCount,
    termCount: parts.postings.terms.length,
    titleWordCount: parts.titleWords.words.length,
    meta: parts.meta,
    fields: parts.postings.fields.map((f) => ({ name: f.name, boost: f.boost })),
    sections,
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const start = align4(8 + headerBytes.byteLength);
  const out = new Uint8Array(start + offset);
  out.set(encoder.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.byteLength, true);
  out.set(headerBytes, 8);
  for (const blob of blobs) out.set(blob.bytes, start + sections[blob.name]!.offset);
  return out;
}

/** Reads bytes written by encodeIndex with the same format number; throws IndexFormatError otherwise. */
export function decodeIndex(input: Uint8Array, format: number): IndexParts {
  // Typed-array views need 4-byte aligned offsets into their buffer.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const decoder = new TextDecoder();
  if (bytes.byteLength < 8 || decoder.decode(bytes.subarray(0, 4)) !== MAGIC) {
    throw new IndexFormatError('not a search index');
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(8, 8 + headerLength))) as Header;
  } catch {
    throw new IndexFormatError('damaged search index header');
  }
  if (header.format !== format)
    throw new IndexFormatError(`search index format ${header.format} is not ${format}`);
  if (header.littleEndian !== LITTLE_ENDIAN)
    throw new IndexFormatError('search index written on another platform');
  const start = align4(8 + headerLength);
  const section = (name: string): SectionRef => {
    const ref = header.sections[name];
    if (!ref || start + ref.offset + ref.length > bytes.byteLength) {
      throw new IndexFormatError(`search index section ${name} is missing or cut short`);
    }
    return ref;
  };
  const at = (name: string) => bytes.byteOffset + start + section(name).offset;
  const text = (name: string): string[] => {
    const ref = section(name);
    const value = decoder.decode(bytes.subarray(start + ref.offset, start + ref.offset + ref.length));
    return value === '' ? [] : value.split('\n');
  };
  const u32 = (name: string) => new Uint32Array(bytes.buffer, at(name), section(name).length / 4);
  const u16 = (name: string) => new Uint16Array(bytes.buffer, at(name), section(name).length / 2);
  const u8 = (name: string) => new Uint8Array(bytes.buffer, at(name), section(name).length);

  const fields: FieldPostings[] = header.fields.map((f, i) => ({
    name: f.name,
    boost: f.boost,
    offsets: u32(`f${i}.offsets`),
    docs: u32(`f${i}.docs`),
    frequencies: u8(`f${i}.frequencies`),
    lengths: u16(`f${i}.lengths`),
  }));
  for (const field of fields) {
    if (field.offsets.length !== header.termCount + 1 || field.lengths.length !== header.docCount) {
      throw new IndexFormatError('search index sections do not agree');
    }
  }
  const docIds = text('docIds');
  const titleOffsets = u32('titleWords.offsets');
  if (docIds.length !== header.docCount || titleOffsets.length !== header.titleWordCount + 1) {
    throw new IndexFormatError('search index sections do not agree');
  }
  // The word lists are decoded when a query first needs them, not while the editor waits for the load.
  section('terms');
  section('titleWords');
  return {
    docIds,
    postings: new Postings(header.docCount, wordsOf('terms', header.termCount), fields),
    titleWords: new TitleWords(
      wordsOf('titleWords', header.titleWordCount),
      titleOffsets,
      u32('titleWords.docs'),
    ),
    meta: header.meta,
  };

  function wordsOf(name: string, count: number): () => string[] {
    // Damaged text cannot make a query throw: at most `count` words, so every position stays in range.
    return () => text(name).slice(0, count);
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
