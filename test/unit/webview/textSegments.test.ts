import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightSegments, paragraphs } from '../../../src/webview/textSegments';

const abstract = (start: number, end: number) => ({ field: 'abstract' as const, start, end });

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
