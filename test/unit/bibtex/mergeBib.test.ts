import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BibMergeError,
  buildEntry,
  existingKeys,
  formatEntry,
  mergeIntoBib,
  scanBib,
} from '../../../src/core/bibtex';
import type { Paper } from '../../../src/core/model/paper';

function entry(key: string, title = `Title of ${key}`) {
  const paper: Paper = { id: `p_${key}`, title, abstract: 'Abstract.', links: [], sources: [] };
  return buildEntry(paper, key);
}

const EXISTING = [
  '% My bibliography — hand edited',
  '@string{ jml = "Journal of Machine Learning" }',
  '',
  '@Article{Smith2020,',
  '    author  = {Smith, J.},   title = {Hand {Formatted}},',
  '  journal = jml, year = 2020 }',
  '% @misc{commentedOut, title = {x}}',
  '@comment{ @book{inComment, title={y}} }',
  '@preamble{ "\\newcommand{\\x}{y}" }',
  '@misc( parenKey, title = {Parens} )',
  '',
].join('\n');

test('scanBib finds keys like BibTeX: any @ outside entries, case kept, @string/@preamble keyless', () => {
  const scan = scanBib(EXISTING);
  assert.deepEqual(
    scan.entries.map((e) => [e.type, e.key, e.line]),
    [
      ['string', '', 2],
      ['article', 'Smith2020', 4],
      ['misc', 'commentedOut', 7],
      ['comment', '', 8],
      ['book', 'inComment', 8],
      ['preamble', '', 9],
      ['misc', 'parenKey', 10],
    ],
  );
  assert.deepEqual([...existingKeys(EXISTING)].sort(), [
    'commentedout',
    'incomment',
    'parenkey',
    'smith2020',
  ]);
  assert.equal(scan.unclosed, undefined);
});

test('new entries are appended; existing text is kept byte for byte', () => {
  const result = mergeIntoBib(EXISTING, [entry('newOne'), entry('newTwo')]);
  assert.ok(result.text.startsWith(EXISTING));
  assert.equal(result.text, `${EXISTING}\n${formatEntry(entry('newOne'))}\n${formatEntry(entry('newTwo'))}`);
  assert.deepEqual([result.added, result.kept], [2, 0]);
  assert.deepEqual(result.addedKeys, ['newOne', 'newTwo']);
});

test('an entry whose key exists (any case, even commented out) is kept as the user has it', () => {
  const result = mergeIntoBib(EXISTING, [
    entry('smith2020', 'Replacement'),
    entry('COMMENTEDOUT'),
    entry('fresh'),
  ]);
  assert.equal(result.text, `${EXISTING}\n${formatEntry(entry('fresh'))}`);
  assert.ok(result.text.includes('    author  = {Smith, J.},   title = {Hand {Formatted}},'));
  assert.ok(!result.text.includes('Replacement'));
  assert.deepEqual([result.added, result.kept], [1, 2]);
  assert.deepEqual(result.keptKeys, ['smith2020', 'COMMENTEDOUT']);
});

test('nothing to add leaves the text identical; duplicates within the batch are kept once', () => {
  const none = mergeIntoBib(EXISTING, [entry('Smith2020')]);
  assert.equal(none.text, EXISTING);
  const twice = mergeIntoBib('', [entry('k'), entry('K')]);
  assert.deepEqual([twice.added, twice.kept], [1, 1]);
  assert.equal(twice.text, formatEntry(entry('k')));
});

test('CRLF files get CRLF entries; a file without a final newline gets a blank line first; BOM kept', () => {
  const crlf = '\uFEFF@misc{a,\r\n  title = {A}\r\n}';
  const result = mergeIntoBib(crlf, [entry('b')]);
  assert.equal(result.text, `${crlf}\r\n\r\n${formatEntry(entry('b'), '\r\n')}`);
  assert.equal(
    mergeIntoBib('@misc{a, title={A}}\n\n', [entry('b')]).text,
    `@misc{a, title={A}}\n\n${formatEntry(entry('b'))}`,
  );
});

test('a file with an entry that never closes is refused: appended entries would be swallowed', () => {
  const broken = '@misc{a, title = {Open\n\n@misc{b, title={B}}\n';
  assert.deepEqual(scanBib(broken).unclosed?.key, 'a');
  assert.throws(
    () => mergeIntoBib(broken, [entry('c')]),
    (e: unknown) => e instanceof BibMergeError && e.line === 1,
  );
});
