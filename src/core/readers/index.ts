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
 * | .csv                    | CSV (delimiter `,`, `;` or tab, found from the header line)                  |
 * | .tsv                    | TSV                                                                          |
 * | .txt .text .md, none    | by content: RIS (`TY  - ` line), MEDLINE (`PMID- ` line), a CSV/TSV header   |
 * |                         | (a title column and another known one), BibTeX (`@type{`),                   |
 * |                         | `Title:`/`Summary:` listing, else the title/abstract block listing           |
 * | anything else           | by content as above, plus JSON (`[`/`{`, CSL or HF) and XML (`<`, EndNote or |
 * |                         | Atom); else the listing                                                      |
 */
import type { ReadResult } from '../model/paper';
import { readAtom } from './atom';
import { readBibtex } from './bibtex';
import { looksCslJson, readCslJson } from './cslJson';
import { readCsv, readTsv, sniffTable } from './csv/readCsv';
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
  | 'endnote-xml'
  | 'csv'
  | 'tsv';

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
  csv: readCsv,
  tsv: readTsv,
};

const BY_EXTENSION: Record<string, Format> = {
  bib: 'bibtex',
  bibtex: 'bibtex',
  ris: 'ris',
  nbib: 'medline',
  atom: 'atom',
  csv: 'csv',
  tsv: 'tsv',
};

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', '']);

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
  if (sniffTable(head)) return 'csv';
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
  return READERS[chooseFormat(file, text)](text, file);
}

/**
 * Reads a corpus file. Returns its papers (duplicates inside the file already merged) and warnings; throws
 * CorpusError only for input that cannot be read at all (binary data, invalid UTF-8, malformed JSON/XML,
 * a CSV/TSV header without a title column).
 */
export function readCorpus(bytes: Uint8Array, file: string): ReadResult {
  return readCorpusText(decodeText(bytes, file), file);
}
