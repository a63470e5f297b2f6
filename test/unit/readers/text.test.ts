import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  collapseSpaces,
  extractLinks,
  isBlank,
  normalizeNewlines,
  oneLine,
  stripBom,
  stripControlChars,
  unwrapArxivText,
} from '../../../src/core/text/normalize';

test('extractLinks: http(s) only, in order, deduplicated, trailing punctuation trimmed', () => {
  const text =
    'Code at https://github.com/a/b. Demo (https://x.org/demo), see https://github.com/a/b; ' +
    'wiki https://en.wikipedia.org/wiki/Foo_(bar)). Not ftp://x.org or www.x.org. ' +
    'Quoted "https://q.org/p?x=1&y=2" and <https://angle.org/x>, `https://tick.org/`, ' +
    'arXiv style https://repo.org/doc.md{this https URL}. Markdown [http://dx.doi.org/10.1/x][1] ' +
    'and HTTPS://UPPER.ORG/Path! and https://end.org/a.git.';
  assert.deepEqual(extractLinks(text), [
    'https://github.com/a/b',
    'https://x.org/demo',
    'https://en.wikipedia.org/wiki/Foo_(bar)',
    'https://q.org/p?x=1&y=2',
    'https://angle.org/x',
    'https://tick.org/',
    'https://repo.org/doc.md',
    'http://dx.doi.org/10.1/x',
    'HTTPS://UPPER.ORG/Path',
    'https://end.org/a.git',
  ]);
  assert.deepEqual(extractLinks('no links, just http:// and https://.'), []);
});

test('blank lines, spaces, control characters, BOM and newlines', () => {
  for (const blank of ['', ' ', '\t\t', '\u00A0', '\u200B', ' \u3000 \u2009', '\uFEFF'])
    assert.ok(isBlank(blank));
  for (const text of ['x', ' . ', '\u00A0a']) assert.ok(!isBlank(text));
  assert.equal(collapseSpaces(' a \t\u00A0 b\u2003c  '), 'a b c');
  assert.deepEqual(stripControlChars('a\u0000b\u0007c\u007F\u0085d\te\nf'), {
    text: 'abcd\te\nf',
    removed: 4,
  });
  assert.equal(stripBom('\uFEFFabc'), 'abc');
  assert.equal(stripBom('abc\uFEFF'), 'abc\uFEFF');
  assert.equal(normalizeNewlines('a\r\nb\rc\nd'), 'a\nb\nc\nd');
  assert.equal(oneLine(' a\n  b\r\n c '), 'a b c');
});

test('unwrapping: arXiv hard wraps vs paragraph breaks', () => {
  assert.equal(
    unwrapArxivText('  As helium is\ncooled below.\n  To address this\nwe go.\n\n\nThird\tpara.\n'),
    'As helium is cooled below.\n\nTo address this we go.\n\nThird para.',
  );
  assert.equal(unwrapArxivText('Title wrapped\n  over two lines'), 'Title wrapped\n\nover two lines');
  assert.equal(oneLine('Title wrapped\n  over two lines'), 'Title wrapped over two lines');
  assert.equal(unwrapArxivText(''), '');
});
