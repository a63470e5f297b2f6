import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCorpus } from '../../../src/core/readers';
import { readKeyedListing } from '../../../src/core/readers/keyedListing';
import { enc, fixtureBytes, fixtureText } from './fixtures';

test('papers-listing.txt: 50 Title/PDF/Summary records, arXiv ids from the PDF links', () => {
  const { papers, warnings } = readCorpus(fixtureBytes('papers-listing.txt'), 'papers-listing.txt');
  assert.deepEqual(warnings, []);
  assert.equal(papers.length, 50);
  assert.equal(new Set(papers.map((p) => p.arxivId)).size, 50);
  for (const p of papers) {
    assert.match(p.arxivId!, /^26\d\d\.\d{5}$/);
    assert.equal(p.url, `https://arxiv.org/pdf/${p.arxivId}`);
    assert.ok(p.abstract.length > 100);
    assert.doesNotMatch(p.abstract, / {2}/);
    assert.doesNotMatch(p.title, /^Title:/);
  }
  assert.match(papers[0]!.title, /^Specification-first convergence with an AI coding agent/);
  assert.equal(papers[0]!.arxivId, '2608.12440');
  assert.equal(papers[1]!.sources[0]!.line, 5);
  // Paragraph breaks flattened to triple spaces come back as paragraphs (3 records).
  assert.equal(papers.filter((p) => p.abstract.includes('\n\n')).length, 3);
  assert.match(papers[0]!.abstract, /the agent completed it successfully\.\n\nThe system is a 717,725-line/);
  assert.ok(papers.flatMap((p) => p.links).includes('https://github.com/icip-cas/Knowing-When-to-Quit'));
});

test('keyed listing: CRLF/BOM give the same ids; wrapped values, missing separators, odd keys', () => {
  const text = fixtureText('papers-listing.txt');
  const ids = readKeyedListing(text, 'p.txt').papers.map((p) => p.id);
  assert.deepEqual(
    readCorpus(enc.encode('\uFEFF' + text.replace(/\n/g, '\r\n')), 'p.txt').papers.map((p) => p.id),
    ids,
  );
  const odd = [
    'title: Lower-case Keys Work',
    'Authors: Ada Lovelace; Charles Babbage',
    'Year: 1843',
    'Abstract: A summary wrapped',
    'over two lines.',
    '',
    'And a second paragraph.',
    'Title: Next Record Without Separator',
    'URL: https://example.org/paper',
    'DOI: 10.1000/abc',
    'Summary: Short.',
    '===',
    'PDF: https://arxiv.org/pdf/2601.00001v2',
    'Summary: A record without a title.',
    '---',
  ].join('\n');
  const { papers, warnings } = readKeyedListing(odd, 'o.txt');
  assert.deepEqual(
    papers.map((p) => p.title),
    ['Lower-case Keys Work', 'Next Record Without Separator'],
  );
  assert.deepEqual(papers[0]!.authors, ['Ada Lovelace', 'Charles Babbage']);
  assert.equal(papers[0]!.year, 1843);
  assert.equal(papers[0]!.abstract, 'A summary wrapped over two lines.\n\nAnd a second paragraph.');
  assert.equal(papers[1]!.doi, '10.1000/abc');
  assert.equal(papers[1]!.url, 'https://example.org/paper');
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.line, 13);
  assert.match(warnings[0]!.message, /no Title/);
});
