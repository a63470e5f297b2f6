import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseBibFile } from '../../../src/core/bibtex/bibFile';
import { keyPapers } from '../../../src/core/bibtex/exportEntries';
import type { Paper } from '../../../src/core/model/paper';
import type { PaperTriage, TriageState, TriageStatus } from '../../../src/core/triage/types';
import { auditCitations } from '../../../src/core/cite/audit';
import { citedKeys } from '../../../src/core/cite/citedKeys';
import { citationProblems, keyWords } from '../../../src/core/cite/diagnostics';
import { CiteKeyIndex } from '../../../src/core/cite/keyIndex';
import { latexProjectFiles, markdownBibliographies } from '../../../src/core/cite/latexProject';

const paper = (
  id: string,
  title: string,
  authors: string[],
  year: number,
  extra: Partial<Paper> = {},
): Paper => ({
  id,
  title,
  abstract: `Abstract of ${title}.`,
  authors,
  year,
  links: [],
  sources: [],
  ...extra,
});

const triage = (status: TriageStatus, extra: Partial<PaperTriage> = {}): PaperTriage => ({
  title: '',
  status,
  tags: [],
  note: '',
  updated: '2026-01-01T00:00:00Z',
  ...extra,
});

const papers = [
  paper('p1', 'Attention Is All You Need', ['Vaswani, Ashish', 'Shazeer, Noam'], 2017),
  paper('p2', 'Fast Inference from Transformers via Speculative Decoding', ['Yaniv Leviathan'], 2023),
  paper(
    'p3',
    'Accelerating Large Language Model Decoding with Speculative Sampling',
    ['Chen, Charlie'],
    2023,
  ),
  paper('p4', 'Excluded Work on Something', ['Roe, Rita'], 2020, { doi: '10.1/X' }),
];
const state: TriageState = {
  papers: new Map([
    ['p1', triage('include', { tags: ['core'], note: 'the transformer' })],
    ['p2', triage('maybe', { key: 'leviathan:fast-2023' })],
    ['p4', triage('exclude')],
  ]),
};
const library = keyPapers(papers, state, { statuses: 'all' }).papers;

const bibA = parseBibFile(
  [
    '@article{leviathan:fast-2023, title = {Fast Inference from Transformers via Speculative Decoding}, year = 2023}',
    '@article{broken, title = {no closing',
    '@article{smith_2019, author = {Sm{\\"i}th, J{\\"o}rg and Doe, Jane}, title = {Graphs {and} Trees}, year = 2019, journal = {J. Graphs}}',
    '@misc{roe-doi, title = {Excluded work}, doi = {https://doi.org/10.1/x}}',
  ].join('\n'),
);
const bibB = parseBibFile(
  [
    '@article{smith_2019, author = {Smith, Jörg}, title = {Graphs and Trees, second edition}, year = 2019}',
    '@article{Leviathan:fast-2023,',
    '  title = {Fast Inference from Transformers via Speculative Decoding}, year = 2023}',
  ].join('\n'),
);
const index = new CiteKeyIndex(library, [
  { file: 'a.bib', entries: bibA.entries },
  { file: 'b.bib', entries: bibB.entries },
]);

test('a .bib with a syntax error still gives its other entries', () => {
  assert.ok(bibA.problems.length > 0);
  assert.ok(index.get('smith_2019'));
  assert.ok(index.get('roe-doi'));
});

test('papers and .bib entries are one item per key, linked by key or DOI; duplicates reported once', () => {
  const keys = index.items.map((i) => i.key);
  assert.equal(new Set(keys.map((k) => k.toLowerCase())).size, keys.length);
  const lev = index.get('LEVIATHAN:FAST-2023')!;
  assert.equal(lev.paperId, 'p2');
  assert.equal(lev.status, 'maybe');
  assert.equal(lev.definitions.length, 2);
  assert.equal(index.get('roe-doi')!.paperId, 'p4');
  assert.equal(index.get('roe-doi')!.status, 'exclude');
  const smith = index.get('smith_2019')!;
  assert.equal(smith.status, undefined);
  assert.deepEqual(smith.authors, ['Smïth, Jörg', 'Doe, Jane']);
  assert.equal(smith.venue, 'J. Graphs');
  const dups = index.duplicates();
  assert.deepEqual(
    dups.map((d) => [d.key, d.differs]),
    [
      ['leviathan:fast-2023', false],
      ['smith_2019', true],
    ],
  );
});

test('search: key prefix, title words and author names (accents folded), included first, then maybe, then the rest', () => {
  const vaswani = index.items.find((i) => i.paperId === 'p1')!;
  assert.deepEqual(index.search('vaswani att').items, [vaswani]);
  assert.deepEqual(index.search('attention need').items, [vaswani]);
  assert.deepEqual(index.search('shazeer').items, [vaswani]);
  assert.deepEqual(
    index.search('spec').items.map((i) => i.paperId),
    ['p2', 'p3'],
  );
  assert.deepEqual(
    index.search('smith').items.map((i) => i.key),
    ['smith_2019'],
  );
  assert.deepEqual(
    index.search('SMITH_2').items.map((i) => i.key),
    ['smith_2019'],
  );
  assert.deepEqual(
    index.search('jorg graphs').items.map((i) => i.key),
    ['smith_2019'],
  );
  assert.deepEqual(index.search('nothing-like-this').items, []);
  const all = index.search('').items.map((i) => i.status);
  assert.deepEqual(all, ['include', 'maybe', 'untriaged', undefined, 'exclude', 'exclude']);
  const capped = index.search('', 2);
  assert.equal(capped.items.length, 2);
  assert.equal(capped.incomplete, true);
});

test('diagnostics: unresolved (with the paper to add), excluded, defined twice with different content', () => {
  const vaswaniKey = index.items.find((i) => i.paperId === 'p1')!.key;
  const text = `\\cite{${vaswaniKey}, smith_2019, roe-doi, chenAcceleratingLargeLanguage2023, unknown:key, leviathan:fast-2023}`;
  const problems = citationProblems(citedKeys('latex', text), index);
  assert.deepEqual(
    problems.map((p) => [p.kind, p.severity, p.key, p.paperId]),
    [
      ['unresolved', 'error', vaswaniKey, 'p1'],
      ['conflicting', 'warning', 'smith_2019', undefined],
      ['excluded', 'warning', 'roe-doi', undefined],
      ['unresolved', 'error', 'chenAcceleratingLargeLanguage2023', 'p3'],
      ['unresolved', 'error', 'unknown:key', undefined],
    ],
  );
  for (const p of problems) assert.equal(text.slice(p.start, p.end), p.key);
  assert.match(problems[1]!.message, /a\.bib:3, b\.bib:1/);
});

test('a key spelling a title guesses that paper only when one paper fits', () => {
  assert.deepEqual(keyWords('vaswaniAttentionAllYou2017'), ['vaswani', 'attention', 'all', 'you', '2017']);
  const guess = (key: string) => citationProblems([{ key, start: 0, end: key.length }], index)[0]?.paperId;
  assert.equal(guess('attention-is-all-2017'), 'p1');
  assert.equal(guess('attention-all-2016'), undefined);
  assert.equal(guess('speculative2023'), undefined);
});

test('audit: included papers never cited, cited keys that are not included', () => {
  const audit = auditCitations(['leviathan:fast-2023', 'roe-doi', 'smith_2019', 'nowhere'], index);
  assert.deepEqual(
    audit.includedNotCited.map((i) => i.paperId),
    ['p1'],
  );
  assert.deepEqual(
    audit.citedNotIncluded.map((c) => [c.key, c.standing]),
    [
      ['leviathan:fast-2023', 'maybe'],
      ['roe-doi', 'exclude'],
      ['smith_2019', 'bib only'],
      ['nowhere', 'unknown'],
    ],
  );
  const vaswaniKey = index.items.find((i) => i.paperId === 'p1')!.key;
  assert.deepEqual(auditCitations([vaswaniKey.toUpperCase()], index).includedNotCited, []);
});

test('LaTeX project files and Markdown front matter bibliographies', () => {
  const tex = [
    '\\input{chapters/intro}',
    '\\include{appendix.tex}',
    '% \\input{old}',
    '\\addbibresource{refs.bib}',
    '\\bibliography{a, b}',
    '\\input{chapters/intro}',
  ].join('\n');
  assert.deepEqual(latexProjectFiles(tex), {
    inputs: ['chapters/intro.tex', 'appendix.tex'],
    bibliographies: ['refs.bib', 'a.bib', 'b.bib'],
  });
  assert.deepEqual(markdownBibliographies('---\ntitle: x\nbibliography: refs.bib\n---\ntext'), ['refs.bib']);
  assert.deepEqual(markdownBibliographies('---\nbibliography:\n  - "a.bib"\n  - b.bib\n---\n'), [
    'a.bib',
    'b.bib',
  ]);
  assert.deepEqual(markdownBibliographies("---\nbibliography: [a.bib, 'b.bib']\n---\n"), ['a.bib', 'b.bib']);
  assert.deepEqual(markdownBibliographies('no front matter\nbibliography: x.bib'), []);
});

test('the biblatex examples file: keys with colons, search by author and title words, no key offered twice', () => {
  const text = readFileSync(
    new URL('../../fixtures/corpora/more/biblatex-examples.bib', import.meta.url),
    'utf8',
  );
  const real = new CiteKeyIndex([], [{ file: 'biblatex-examples.bib', entries: parseBibFile(text).entries }]);
  const keys = real.items.map((i) => i.foldedKey);
  assert.equal(new Set(keys).size, keys.length);
  assert.ok(real.items.length > 80);
  const texbook = real.search('knuth texbook').items.map((i) => i.key);
  assert.deepEqual(texbook, ['knuth:ct:a']);
  const problems = citationProblems(citedKeys('latex', '\\cite{knuth:ct:a, knuth:ct:z}'), real);
  assert.deepEqual(
    problems.map((p) => p.key),
    ['knuth:ct:z'],
  );
});
