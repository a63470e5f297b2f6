import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBibFile } from '../../../src/core/bibtex/bibFile';

const fields = (text: string) => parseBibFile(text).entries.map((e) => [e.key, Object.fromEntries(e.fields)]);

test('@string macros, # concatenation, month macros, numbers, quotes and parentheses', () => {
  const bib = [
    'Header text, as Mendeley writes it. @ in prose is not an entry.',
    '@String{jn = "Journal of " # {Tests}}',
    '@STRING(pub = {Princeton University Press})',
    '@article{k1, journal = jn # " (Series A)", month = nov, year = 2021, publisher = PUB,',
    '  title = "A {"}quoted{"} title, with {braces}", note = {a "quote" inside},}',
    '@book(k2, title = {In (parentheses)})',
  ].join('\n');
  const { entries, problems } = parseBibFile(bib);
  assert.deepEqual(problems, []);
  assert.deepEqual(fields(bib), [
    [
      'k1',
      {
        journal: 'Journal of Tests (Series A)',
        month: 'November',
        year: '2021',
        publisher: 'Princeton University Press',
        title: 'A {"}quoted{"} title, with {braces}',
        note: 'a "quote" inside',
      },
    ],
    ['k2', { title: 'In (parentheses)' }],
  ]);
  assert.deepEqual(
    entries.map((e) => [e.type, e.line]),
    [
      ['article', 4],
      ['book', 6],
    ],
  );
});

test('an unbalanced entry is skipped with its key and line; reading goes on at the next entry line', () => {
  const bib = [
    '@article{a, title={Unclosed,', // 1
    '  year = 2000}', // 2
    '', // 3
    '@article{b, title={Fine}}', // 4
    '@article{c, title={Also fine}}', // 5
  ].join('\n');
  const { entries, problems } = parseBibFile(bib);
  assert.deepEqual(
    entries.map((e) => e.key),
    ['b', 'c'],
  );
  assert.deepEqual(problems, [
    {
      line: 1,
      message: 'entry "a" is not closed before the entry at line 4: skipped; reading goes on there',
    },
  ]);

  const last = parseBibFile('@article{x, title={X}}\n@article{y, title={Never closed}\n');
  assert.deepEqual(
    last.entries.map((e) => e.key),
    ['x'],
  );
  assert.deepEqual(last.problems, [
    { line: 2, message: 'entry "y" is not closed by the end of the file: skipped' },
  ]);
});

test('a syntax error skips its entry and names the line; the next entry line is read', () => {
  const bib = '@article{a, title = {T}, year = 2000 pages}\n% a comment\n@misc{b, title = {B}}\n';
  const { entries, problems } = parseBibFile(bib);
  assert.deepEqual(
    entries.map((e) => e.key),
    ['b'],
  );
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.line, 1);
  assert.match(
    problems[0]!.message,
    /^entry "a" skipped: expected "=" after the field name "pages" \(line 1\); reading goes on at line 3$/,
  );
});

test('an @ inside a value is text: an escaped entry in an annote, a pasted entry, an e-mail address', () => {
  const bib = [
    '@misc{Seljebotn2009, annote = {@ARTICLE\\{ behnel2010cython,',
    '    title=\\{Cython: The Best of Both Worlds\\},',
    '\\}}, title = {Fast numerical computations with Cython}}',
    '@misc{pasted, note = {copied from the publisher:',
    '@article{inner, title = {Inner}}',
    'end of note}, title = {Outer}, author = {Ann Author <ann@example.org>}}',
    '@misc{after, title = {After}}',
  ].join('\n');
  const { entries, problems } = parseBibFile(bib);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    entries.map((e) => [e.key, e.fields.get('title')]),
    [
      ['Seljebotn2009', 'Fast numerical computations with Cython'],
      ['pasted', 'Outer'],
      ['after', 'After'],
    ],
  );
});

test('@comment, @preamble, % lines between fields, no key, duplicate fields, undefined macros', () => {
  const bib = [
    '@comment{jabref-meta: databaseType:bibtex;}',
    '@preamble{"\\newcommand{\\noopsort}[1]{}"}',
    '@article{k,',
    '  title = {T},',
    '%  note = {commented out},',
    '  title = {Second title},',
    '  journal = PRL, series = prl,',
    '}',
    '@misc{title = {No key}}',
  ].join('\n');
  const { entries, problems } = parseBibFile(bib);
  assert.deepEqual(
    entries.map((e) => [e.key, Object.fromEntries(e.fields)]),
    [
      ['k', { title: 'T', journal: 'PRL', series: 'prl' }],
      ['', { title: 'No key' }],
    ],
  );
  assert.deepEqual(problems, [
    { line: 7, message: 'undefined @string macro "PRL": its name is used as the text' },
    { line: 3, message: 'entry "k" has the field title twice: the first is used' },
  ]);
});

test('a 1 MB value and 20,000 entries are read in linear time', () => {
  const long = `@misc{long, title = {T}, abstract = {${'word '.repeat(200_000)}}}\n`;
  const many = Array.from({ length: 20_000 }, (_, i) => `@article{k${i}, title = {Title ${i}}, year = 2000}`);
  const { entries } = parseBibFile(long + many.join('\n'));
  assert.equal(entries.length, 20_001);
  assert.equal(entries[0]!.fields.get('abstract')!.length, 1_000_000);
});
