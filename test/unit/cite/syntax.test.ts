import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionContext } from '../../../src/core/cite/completionContext';
import { citedKeyAt, citedKeys } from '../../../src/core/cite/citedKeys';
import { citeSyntax } from '../../../src/core/cite/languages';

const at = (syntax: 'latex' | 'markdown' | 'typst', line: string) =>
  completionContext(syntax, line, line.length);

test('LaTeX: every cite command, stars, optional arguments, after a comma, with spaces in the typed text', () => {
  for (const cmd of [
    'cite',
    'citep',
    'citet',
    'parencite',
    'textcite',
    'autocite',
    'footcite',
    'nocite',
    'Textcite',
  ])
    assert.deepEqual(at('latex', `See \\${cmd}{spec`), { start: cmd.length + 6, typed: 'spec' }, cmd);
  assert.deepEqual(at('latex', '\\cite*{'), { start: 7, typed: '' });
  assert.deepEqual(at('latex', '\\cite[p.~3]{va'), { start: 12, typed: 'va' });
  assert.deepEqual(at('latex', '\\parencite[see][p.~3]{a:b, vaswani att'), {
    start: 27,
    typed: 'vaswani att',
  });
  assert.deepEqual(at('latex', '\\citep{a,b,'), { start: 11, typed: '' });
  assert.equal(at('latex', '\\cite{done} and more'), undefined);
  assert.equal(at('latex', '\\emph{spec'), undefined);
  assert.equal(at('latex', '\\cited{spec'), undefined);
  assert.equal(at('latex', 'cite{spec'), undefined);
  const long = 'x'.repeat(5000) + ' \\cite{ab';
  assert.deepEqual(at('latex', long), { start: long.length - 2, typed: 'ab' });
  assert.equal(at('latex', 'x'.repeat(5000)), undefined);
  // The cursor in the middle of a line.
  assert.deepEqual(completionContext('latex', '\\cite{ab} tail', 8), { start: 6, typed: 'ab' });
});

test('Markdown: [@, @ after white space or ;, -@; not in e-mail addresses', () => {
  assert.deepEqual(at('markdown', 'As shown [@vas'), { start: 11, typed: 'vas' });
  assert.deepEqual(at('markdown', '[@a; @'), { start: 6, typed: '' });
  assert.deepEqual(at('markdown', 'Smith says [-@smi'), { start: 14, typed: 'smi' });
  assert.deepEqual(at('markdown', '@doe:2020-x_y'), { start: 1, typed: 'doe:2020-x_y' });
  assert.deepEqual(at('markdown', 'text @'), { start: 6, typed: '' });
  assert.equal(at('markdown', 'mail me at user@exa'), undefined);
  assert.equal(at('markdown', 'no citation here'), undefined);
});

test('Typst: @ and #cite(<', () => {
  assert.deepEqual(at('typst', 'as in @vas'), { start: 7, typed: 'vas' });
  assert.deepEqual(at('typst', '#cite(<vas'), { start: 7, typed: 'vas' });
  assert.deepEqual(at('typst', '#cite( <'), { start: 8, typed: '' });
  assert.equal(at('typst', 'user@host'), undefined);
});

test('Language ids', () => {
  assert.equal(citeSyntax('latex'), 'latex');
  assert.equal(citeSyntax('quarto'), 'markdown');
  assert.equal(citeSyntax('rmd'), 'markdown');
  assert.equal(citeSyntax('typst'), 'typst');
  assert.equal(citeSyntax('plaintext'), undefined);
});

const keysOf = (syntax: 'latex' | 'markdown' | 'typst', text: string) =>
  citedKeys(syntax, text).map(({ key, start, end }) => {
    assert.equal(text.slice(start, end), key);
    return key;
  });

test('LaTeX cited keys: several commands, comments, \\nocite{*}, unterminated brace, long line', () => {
  const text = [
    'Intro \\cite{a:b-c_d, e} and \\citep[p.~3]{f}.',
    '% \\cite{commented}',
    'Price 5\\% \\textcite*{g}',
    '\\nocite{*} \\emph{h}',
    '\\cite{open, half',
    'Next \\parencite{i}',
    'x'.repeat(5000) + '\\cite{j}',
  ].join('\n');
  assert.deepEqual(keysOf('latex', text), ['a:b-c_d', 'e', 'f', 'g', 'open', 'half', 'i', 'j']);
  assert.deepEqual(keysOf('latex', '\\cite{'), []);
  assert.deepEqual(keysOf('latex', '\\cite{a,\n  b}'), ['a', 'b']);
});

test('Markdown cited keys: brackets, suppressed author, code skipped, Quarto cross-references and e-mails ignored', () => {
  const text = [
    'See [@doe99; @smith:2020-x, p. 3] and -@roe.',
    'Mail user@example.com; figure @fig-plot.',
    '`@inline` and',
    '```',
    '@fenced',
    '```',
    'Last @end_key.',
  ].join('\n');
  assert.deepEqual(keysOf('markdown', text), ['doe99', 'smith:2020-x', 'roe', 'end_key']);
});

test('Typst cited keys: @key, #cite(<key>), document labels are not citations', () => {
  const text = '= Intro <intro>\nAs @vaswani2017 and #cite(<a:b-c>) show; see @intro. Mail x@y.z';
  assert.deepEqual(keysOf('typst', text), ['vaswani2017', 'a:b-c']);
});

test('citedKeyAt finds the key under an offset, its end included', () => {
  const keys = citedKeys('latex', '\\cite{ab, cd}');
  assert.equal(citedKeyAt(keys, 6)?.key, 'ab');
  assert.equal(citedKeyAt(keys, 8)?.key, 'ab');
  assert.equal(citedKeyAt(keys, 11)?.key, 'cd');
  assert.equal(citedKeyAt(keys, 9), undefined);
});
