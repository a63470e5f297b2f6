/**
 * Entry point: `readCorpus(bytes, file)` decodes the bytes (strict UTF-8, see decode.ts) and picks a reader
 * by file extension, then by content when the extension does not settle it. See README.md in this folder for
 * the accepted formats.
 *
 * | extension               | reader                                                                       |
 * |-------------------------|------------------------------------------------------------------------------|
 * | .bib .bibtex            | BibTeX                                                                       |
 * | .ris                    | RIS                                                                          |
 * | .nbib                   | PubMed MEDLINE                                                               |
 * | .json                   | by content: CSL-JSON (CSL keys such as `date-parts`, `family` and a `type`,  |
 * |                         | no `summary`/`paper`), else Hugging Face daily-papers JSON                   |
 * | .csl.json               | CSL-JSON (Zotero, Better BibTeX, pandoc)                                     |
 * | .xml                    | by content: EndNote XML (root `<xml>` holding `<records>`), else arXiv Atom  |
 * | .atom                   | arXiv Atom                                                                   |
 * | .txt .text .md, none    | by content: RIS (`TY  - ` line), MEDLINE (`PMID- ` line), BibTeX (`@type{`), |
 * |                         | `Title:`/`Summary:` listing, else the title/abstract block listing           |
 * | anything else           | by content as above, plus JSON (`[`/`{`, CSL or HF) and XML (`<`, EndNote or |
 * |                         | Atom); else the listing                                                      |
 * | .csv .tsv               | CorpusError: unsupported (screening CSVs are read by src/core/screening)     |
 */
import { CorpusError, type ReadResult } from '../model/paper';
import { readAtom } from './atom';
import { readBibtex } from './bibtex';
import { looksCslJson, readCslJson } from './cslJson';
import { decodeText } from './decode';
import { looksEndnoteXml, readEndnoteXml } from './endnoteXml';
import { readHfJson } from './hfJson';
import { looksKeyed, readKeyedListing } from './keyedListing';
import { readListing } from './listing';
import { looksMedline, readMedline } from './medline';
import { readRis } from './ris';

export { readRis } from './ris';

/** A reader takes decoded text (BOM already dropped) and the file name used in sources and messages. */
type Reader = (text: string, file: string) => ReadResult;

type Format =
  | 'listing'
  | 'keyed-listing'
  | 'hf-json'
  | 'csl-json'
  | 'bibtex'
  | 'ris'
  | 'medline'
  | 'atom'
  | 'endnote-xml';

const READERS: Record<Format, Reader> = {
  listing: readListing,
  'keyed-listing': readKeyedListing,
  'hf-json': readHfJson,
  'csl-json': readCslJson,
  bibtex: readBibtex,
  ris: readRis,
  medline: readMedline,
  atom: readAtom,
  'endnote-xml': readEndnoteXml,
};

const BY_EXTENSION: Record<string, Format> = {
  bib: 'bibtex',
  bibtex: 'bibtex',
  ris: 'ris',
  nbib: 'medline',
  atom: 'atom',
};

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', '']);
/** Formats that are not corpora (src/core/screening reads screening CSVs): rejected. */
const UNSUPPORTED = new Set(['csv', 'tsv']);

function extensionOf(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The format a text of unknown kind looks like. Only the start of the text is examined. */
export function sniffFormat(text: string): Format {
  const head = text.slice(0, 20_000).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return looksCslJson(head) ? 'csl-json' : 'hf-json';
  if (start.startsWith('<')) return sniffXmlFormat(head);
  return sniffTextFormat(head);
}

function sniffXmlFormat(head: string): Format {
  return looksEndnoteXml(head) ? 'endnote-xml' : 'atom';
}

function sniffTextFormat(head: string): Format {
  const firstLine = /^\s*(\S.*)$/m.exec(head)?.[1] ?? '';
  if (/^TY {1,2}- /.test(firstLine)) return 'ris';
  if (looksMedline(head)) return 'medline';
  if (/^@\s*[A-Za-z]+\s*[{(]\s*[^\s,{}()]*\s*,/m.test(head) && !looksKeyed(head)) return 'bibtex';
  if (looksKeyed(head)) return 'keyed-listing';
  return 'listing';
}

/** Which reader `readCorpus` would use for this file and text. */
export function chooseFormat(file: string, text: string): Format {
  const ext = extensionOf(file);
  if (/\.csl\.json$/i.test(file)) return 'csl-json';
  if (ext === 'json') return looksCslJson(text.slice(0, 20_000)) ? 'csl-json' : 'hf-json';
  if (ext === 'xml') return sniffXmlFormat(text.slice(0, 20_000));
  const byExt = BY_EXTENSION[ext];
  if (byExt) return byExt;
  if (TEXT_EXTENSIONS.has(ext)) return sniffTextFormat(text.slice(0, 20_000));
  return sniffFormat(text);
}

/** Reads already-decoded text. */
function readCorpusText(text: string, file: string): ReadResult {
  rejectUnsupported(file);
  return READERS[chooseFormat(file, text)](text, file);
}

/**
 * Reads a corpus file. Returns its papers (duplicates inside the file already merged) and warnings; throws
 * CorpusError only for input that cannot be read at all (binary data, invalid UTF-8, malformed JSON/XML,
 * an unsupported format).
 */
export function readCorpus(bytes: Uint8Array, file: string): ReadResult {
  rejectUnsupported(file);
  return readCorpusText(decodeText(bytes, file), file);
}

function rejectUnsupported(file: string): void {
  const ext = extensionOf(file);
  if (UNSUPPORTED.has(ext)) throw new CorpusError(file, `unsupported corpus format ".${ext}"`);
}
