import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEntry, formatEntry, UNKNOWN_AUTHORS_NOTE } from '../../../src/core/bibtex';
import type { Paper } from '../../../src/core/model/paper';
import type { PaperTriage } from '../../../src/core/triage';

function paper(fields: Partial<Paper>): Paper {
  return { id: 'p_test', title: 'A Title', abstract: 'An abstract.', links: [], sources: [], ...fields };
}

const triage: PaperTriage = {
  title: 'A Title',
  status: 'include',
  tags: ['a&b', 'b tag'],
  note: 'private',
  updated: '2026-01-01T00:00:00.000Z',
};

const names = (e: ReturnType<typeof buildEntry>): string[] => e.fields.map((f) => f.name);
const field = (e: ReturnType<typeof buildEntry>, name: string): string | undefined =>
  e.fields.find((f) => f.name === name)?.value;

test('metadata-poor paper: @misc with title, key, abstract, keywords from tags, and a note', () => {
  const e = buildEntry(
    paper({ title: 'Continuous Speculative Decoding' }),
    'continuousSpeculativeDecoding',
    triage,
  );
  assert.equal(
    formatEntry(e),
    [
      '@misc{continuousSpeculativeDecoding,',
      '  title = {Continuous Speculative Decoding},',
      '  key = {Continuous Speculative Decoding},',
      '  abstract = {An abstract.},',
      '  keywords = {a\\&b, b tag},',
      `  note = {${UNKNOWN_AUTHORS_NOTE}}`,
      '}',
      '',
    ].join('\n'),
  );
  assert.equal(field(e, 'note'), UNKNOWN_AUTHORS_NOTE);
  assert.ok(!formatEntry(e).includes('private'), 'the triage note is not exported');
});

test('known metadata: author, year, doi, eprint + archivePrefix, url; no key or note', () => {
  const e = buildEntry(
    paper({
      authors: ['Ada Lovelace', 'Smith, John'],
      year: 2024,
      doi: '10.1000/x_y',
      arxivId: '2411.11925',
      url: 'https://x.org/a_b',
    }),
    'lovelaceTitle2024',
  );
  assert.deepEqual(names(e), [
    'author',
    'title',
    'year',
    'doi',
    'eprint',
    'archivePrefix',
    'url',
    'abstract',
  ]);
  assert.equal(field(e, 'author'), 'Ada Lovelace and Smith, John');
  assert.equal(field(e, 'archivePrefix'), 'arXiv');
  assert.equal(field(e, 'doi'), '10.1000/x_y');
  assert.equal(e.type, 'misc');
});

test('the source type is kept when its required fields are known; otherwise @misc with howpublished', () => {
  const full = { authors: ['A B'], year: 2001, venue: 'J. Things & Stuff' };
  const article = buildEntry(paper({ ...full, entryType: 'Article' }), 'k');
  assert.equal(article.type, 'article');
  assert.equal(field(article, 'journal'), 'J. Things \\& Stuff');
  const proc = buildEntry(paper({ ...full, entryType: 'inproceedings' }), 'k');
  assert.equal(field(proc, 'booktitle'), 'J. Things \\& Stuff');
  const noYear = buildEntry(paper({ ...full, year: undefined, entryType: 'article' }), 'k');
  assert.equal(noYear.type, 'misc');
  assert.equal(field(noYear, 'howpublished'), 'J. Things \\& Stuff');
  assert.equal(buildEntry(paper({ ...full, entryType: 'phdthesis' }), 'k').type, 'misc');
});

test('author names BibTeX would misread are braced whole; source braces and stray commas dropped', () => {
  const e = buildEntry(
    paper({ authors: ['Research and Development Team', 'A, B, C, D', '{Smith}, Jo,', ' '] }),
    'k',
  );
  assert.equal(field(e, 'author'), '{Research and Development Team} and {A, B, C, D} and Smith, Jo');
});

test('an empty title becomes "Untitled"; an empty abstract is left out', () => {
  const e = buildEntry(paper({ title: ' \u200B ', abstract: '' }), 'k');
  assert.equal(field(e, 'title'), 'Untitled');
  assert.equal(field(e, 'abstract'), undefined);
  assert.equal(field(e, 'key'), 'paper');
});

test('formatEntry uses the requested line ending', () => {
  assert.ok(formatEntry(buildEntry(paper({}), 'k'), '\r\n').endsWith('}\r\n'));
  assert.ok(
    !formatEntry(buildEntry(paper({}), 'k'), '\r\n')
      .replace(/\r\n/g, '')
      .includes('\n'),
  );
});
