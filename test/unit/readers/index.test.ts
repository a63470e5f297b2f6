import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusError } from '../../../src/core/model/paper';
import { chooseFormat, readCorpus, sniffFormat } from '../../../src/core/readers';
import { decodeText, firstInvalidUtf8 } from '../../../src/core/readers/decode';
import { enc, fixtureBytes, fixtureText } from './fixtures';

const isCorpusError =
  (pattern: RegExp, line?: number) =>
  (e: unknown): boolean =>
    e instanceof CorpusError && pattern.test(e.message) && (line === undefined || e.line === line);

test('every fixture is read by the reader its extension names, with the expected counts', () => {
  const expected: [string, number][] = [
    ['hf-daily-papers.json', 50],
    ['arxiv-atom.xml', 10],
    ['papers-listing.txt', 50],
    ['sample.ris', 355],
    ['sample-2.ris', 99],
  ];
  for (const [name, n] of expected) assert.equal(readCorpus(fixtureBytes(name), name).papers.length, n, name);
});

test('format choice: by extension first, then by content', () => {
  const ris = 'TY  - JOUR\nTI  - X\nER  - \n';
  const bib = 'Header line\n@article{k, title={X}}\n';
  const keyed = 'Title: X\nPDF: https://arxiv.org/pdf/2601.00001\nSummary: y\n---\n';
  const listing = 'Title line\n\nAbstract text.\n';
  assert.equal(chooseFormat('a.bib', ''), 'bibtex');
  assert.equal(chooseFormat('a.BibTeX', ''), 'bibtex');
  assert.equal(chooseFormat('a.RIS', ''), 'ris');
  assert.equal(chooseFormat('x/y/a.json', ''), 'hf-json');
  assert.equal(chooseFormat('a.atom', ''), 'atom');
  assert.equal(chooseFormat('C:\\corpora\\a.xml', ''), 'atom');
  // .txt (and no extension): sniffed among the text formats.
  assert.equal(chooseFormat('export.txt', ris), 'ris');
  assert.equal(chooseFormat('export.txt', '\uFEFF\n' + ris), 'ris');
  assert.equal(chooseFormat('refs.txt', bib), 'bibtex');
  assert.equal(chooseFormat('list.txt', keyed), 'keyed-listing');
  assert.equal(chooseFormat('seed.txt', listing), 'listing');
  assert.equal(chooseFormat('README', listing), 'listing');
  assert.equal(chooseFormat('seed.txt', fixtureText('papers-listing.txt')), 'keyed-listing');
  // Unknown extension: JSON and XML are sniffed too.
  assert.equal(chooseFormat('data.dat', '  [ {"title": "x"} ]'), 'hf-json');
  assert.equal(chooseFormat('feed.dat', '<?xml version="1.0"?><feed/>'), 'atom');
  assert.equal(sniffFormat(ris), 'ris');
  assert.equal(sniffFormat(''), 'listing');
  // readCorpus follows it: a RIS export saved as .txt is read as RIS.
  assert.equal(readCorpus(fixtureBytes('sample-2.ris'), 'sample-2.txt').papers.length, 99);
});

test('.csv and .tsv are read by header; a table header in a .txt is sniffed, a listing with commas is not', () => {
  assert.equal(chooseFormat('screening.csv', ''), 'csv');
  assert.equal(chooseFormat('export.TSV', ''), 'tsv');
  assert.equal(
    chooseFormat(
      'savedrecs.txt',
      'PT\tAU\tTI\tSO\tAB\tPY\tDI\nJ\tDoe, A\tA title\tJ Sci\tText\t2020\t10.1/x\n',
    ),
    'csv',
  );
  assert.equal(chooseFormat('export.txt', '\uFEFFtitle,abstract,authors\nA,B,C\n'), 'csv');
  assert.equal(chooseFormat('data.dat', 'Title;Authors;Year\nA;B;2020\n'), 'csv');
  // One known column is not enough, and a title line with commas is a listing.
  assert.equal(chooseFormat('notes.txt', 'title,whatever\nA,B\n'), 'listing');
  assert.equal(
    chooseFormat('seed.txt', 'Title, Abstract, and Authors: a study\n\nAbstract text.\n'),
    'listing',
  );
  const read = readCorpus(enc.encode('title,abstract,included\nA paper,Its abstract,1\n'), 'screening.csv');
  assert.equal(read.papers.length, 1);
  assert.deepEqual(
    read.decisions?.map((d) => [d.status, d.line]),
    [['include', 2]],
  );
  assert.equal(readCorpus(enc.encode('Title\tAbstract\nA\tB\n'), 'x.tsv').papers[0]?.abstract, 'B');
});

test('decode: strict UTF-8, BOM stripped, valid multi-byte text kept', () => {
  assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'a.txt'), 'A');
  assert.equal(decodeText(enc.encode('Fréchet – 𝔼 🙂 日本'), 'a.txt'), 'Fréchet – 𝔼 🙂 日本');
  assert.equal(decodeText(new Uint8Array(), 'a.txt'), '');
  assert.equal(firstInvalidUtf8(enc.encode('all fine 🙂')), -1);
});

test('decode: invalid UTF-8 is a CorpusError naming file, line and offset', () => {
  const cases: [number[], number][] = [
    [[0x41, 0x0a, 0x42, 0xe9, 0x43], 2], // Latin-1 é
    [[0x0a, 0x0a, 0xc0, 0x80], 3], // overlong NUL
    [[0xed, 0xa0, 0x80], 1], // UTF-16 surrogate
    [[0x41, 0x0d, 0x0a, 0xf0, 0x9f, 0x99], 2], // truncated 4-byte sequence after CRLF
    [[0x0d, 0x80], 2], // lone continuation byte after a lone CR
  ];
  for (const [bytes, line] of cases) {
    assert.throws(
      () => decodeText(new Uint8Array(bytes), 'bad.txt'),
      (e: unknown) =>
        e instanceof CorpusError &&
        e.file === 'bad.txt' &&
        e.line === line &&
        /invalid UTF-8 at byte offset \d+/.test(e.message),
      `bytes ${bytes.join(',')}`,
    );
  }
});

test('decode: binary data is a clear CorpusError, not mojibake', () => {
  assert.throws(
    () => decodeText(new Uint8Array([...enc.encode('line 1\nline 2\n'), 0x00, 0x01]), 'x.txt'),
    isCorpusError(/binary data \(a NUL byte at offset 14\)/, 3),
  );
  assert.throws(
    () => decodeText(enc.encode('%PDF-1.7\n...'), 'paper.txt'),
    isCorpusError(/a PDF document/, 1),
  );
  assert.throws(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]), 'x.bib'), isCorpusError(/ZIP/));
  assert.throws(() => decodeText(new Uint8Array([0x1f, 0x8b, 8, 0]), 'x.ris'), isCorpusError(/gzip/));
  assert.throws(
    () => decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'utf16.txt'),
    isCorpusError(/UTF-16 encoded; save it as UTF-8/, 1),
  );
  // The same through readCorpus, for every format.
  for (const name of ['a.bib', 'a.ris', 'a.json', 'a.xml', 'a.txt']) {
    assert.throws(() => readCorpus(new Uint8Array([0x41, 0x00]), name), isCorpusError(/binary data/));
  }
});
