import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightSegments, paragraphs } from '../../../src/webview/textSegments';

const abstract = (start: number, end: number) => ({
  field: 'abstract' as const,
  start,
  end,
  kind: 'match' as const,
});

test('marked ranges cut the text into plain and marked pieces that join back to it', () => {
  const text = 'speculative decoding for image generation';
  const segments = highlightSegments(text, [abstract(0, 11), abstract(12, 20)]);
  assert.deepEqual(segments, [
    { text: 'speculative', marked: true },
    { text: ' ', marked: false },
    { text: 'decoding', marked: true },
    { text: ' for image generation', marked: false },
  ]);
  assert.equal(segments.map((s) => s.text).join(''), text);
});

test('no ranges give one plain piece, also for empty text', () => {
  assert.deepEqual(highlightSegments('abc', []), [{ text: 'abc', marked: false }]);
  assert.deepEqual(highlightSegments('', []), [{ text: '', marked: false }]);
});

test('ranges from the host are sorted, clamped and de-overlapped', () => {
  const text = 'abcdefghij';
  const segments = highlightSegments(text, [
    abstract(8, 50),
    abstract(2, 5),
    abstract(3, 6),
    abstract(-4, 1),
    abstract(7, 7),
    abstract(Number.NaN, 3),
  ]);
  assert.equal(segments.map((s) => s.text).join(''), text);
  assert.deepEqual(
    segments.filter((s) => s.marked).map((s) => s.text),
    ['abcdef', 'ij'],
  );
});

test('an offset maps abstract-wide ranges into one paragraph', () => {
  const text = 'first paragraph\n\nsecond paragraph';
  const [first, second] = paragraphs(text);
  assert.deepEqual(first, { text: 'first paragraph', offset: 0 });
  assert.deepEqual(second, { text: 'second paragraph', offset: 17 });
  const range = abstract(17, 23);
  assert.deepEqual(highlightSegments(second!.text, [range], second!.offset)[0], {
    text: 'second',
    marked: true,
  });
  assert.deepEqual(highlightSegments(first!.text, [range], first!.offset), [
    { text: 'first paragraph', marked: false },
  ]);
});

test('paragraphs split at blank lines only and drop empty ones', () => {
  assert.deepEqual(paragraphs('a\nb\n\n\nc\n\n'), [
    { text: 'a\nb', offset: 0 },
    { text: 'c', offset: 6 },
  ]);
  assert.deepEqual(paragraphs(''), []);
});

const term = (start: number, end: number, kind: 'include' | 'exclude', name: string) => ({
  field: 'abstract' as const,
  start,
  end,
  kind,
  term: name,
});

test('inclusion and exclusion terms are pieces of their own, each naming its term', () => {
  const text = 'children with heart failure, not mice';
  const segments = highlightSegments(text, [
    term(0, 8, 'include', 'child*'),
    term(33, 37, 'exclude', 'mice'),
  ]);
  assert.deepEqual(segments, [
    { text: 'children', marked: false, term: { kind: 'include', term: 'child*' } },
    { text: ' with heart failure, not ', marked: false },
    { text: 'mice', marked: false, term: { kind: 'exclude', term: 'mice' } },
  ]);
});

test('a search match over part of a term cuts the term into marked and plain pieces of the same term', () => {
  const text = 'heart failure trial';
  const segments = highlightSegments(text, [term(0, 13, 'include', 'heart failure'), abstract(6, 19)]);
  assert.deepEqual(segments, [
    { text: 'heart ', marked: false, term: { kind: 'include', term: 'heart failure' } },
    { text: 'failure', marked: true, term: { kind: 'include', term: 'heart failure' } },
    { text: ' trial', marked: true },
  ]);
  assert.equal(segments.map((s) => s.text).join(''), text);
});

test('overlapping or out-of-range term ranges from the host keep the first and still join back to the text', () => {
  const text = 'abcdefghij';
  const segments = highlightSegments(text, [
    term(2, 6, 'include', 'a'),
    term(4, 8, 'exclude', 'b'),
    term(9, 40, 'exclude', 'c'),
    term(-3, 1, 'include', 'd'),
  ]);
  assert.equal(segments.map((s) => s.text).join(''), text);
  assert.deepEqual(
    segments.filter((s) => s.term).map((s) => [s.text, s.term!.term]),
    [
      ['a', 'd'],
      ['cdef', 'a'],
      ['j', 'c'],
    ],
  );
});

test('random ranges always give non-empty pieces that join back to the text', () => {
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let round = 0; round < 300; round++) {
    const text = 'x'.repeat(random(40));
    const ranges = Array.from({ length: random(8) }, () => {
      const start = random(50) - 5;
      const end = start + random(15);
      const pick = random(3);
      return pick === 0
        ? abstract(start, end)
        : term(start, end, pick === 1 ? 'include' : 'exclude', `t${start}`);
    });
    const segments = highlightSegments(text, ranges);
    assert.equal(segments.map((s) => s.text).join(''), text);
    assert.ok(segments.every((s) => s.text.length > 0 || text.length === 0));
  }
});
