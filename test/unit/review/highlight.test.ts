import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compileHighlighter,
  highlightCountLabel,
  type HighlightRange,
} from '../../../src/core/review/highlight';
import { checkHighlightSetting } from '../../../src/core/review/highlightSetting';
import { foldForMatching } from '../../../src/core/review/matchFold';
import { SeededRandom } from '../../../src/core/screening/prng';

function shown(text: string, ranges: readonly HighlightRange[]): string[] {
  return ranges.map((r) => `${r.kind}:${text.slice(r.start, r.end)}`);
}

function matches(include: string[], exclude: string[], text: string): string[] {
  return shown(text, compileHighlighter({ include, exclude }).match(text));
}

test('accents and case do not count, in the terms and in the text', () => {
  assert.deepEqual(matches(['Fréchet'], [], 'FRECHET, frechet and Fréchet'), [
    'include:FRECHET',
    'include:frechet',
    'include:Fréchet',
  ]);
  assert.deepEqual(matches(['frechet'], [], 'the Fre\u0301chet mean'), ['include:Fre\u0301chet']);
  // The decomposed accent at the end of a match stays inside the range.
  assert.deepEqual(matches(['cafe'], [], 'a cafe\u0301.'), ['include:cafe\u0301']);
  assert.deepEqual(matches(['Łódź'], [], 'in lodz and LODZ'), ['include:lodz', 'include:LODZ']);
});

test('ß is ss, ligatures and full-width letters are their plain letters, final sigma is sigma', () => {
  assert.deepEqual(matches(['strasse'], [], 'Straße, STRASSE'), ['include:Straße', 'include:STRASSE']);
  assert.deepEqual(matches(['Straße'], [], 'strasse'), ['include:strasse']);
  assert.deepEqual(matches(['fish'], [], 'ﬁsh and ＦＩＳＨ'), ['include:ﬁsh', 'include:ＦＩＳＨ']);
  assert.deepEqual(matches(['ﬁsh'], [], 'fish'), ['include:fish']);
  assert.deepEqual(matches(['λόγος'], [], 'ΛΟΓΟΣ'), ['include:ΛΟΓΟΣ']);
  assert.deepEqual(matches(['istanbul'], [], 'İstanbul'), ['include:İstanbul']);
});

test('terms match whole words only: letters and digits of any script make a word', () => {
  assert.deepEqual(matches(['child'], [], 'child, children, grandchild, child2, child.'), [
    'include:child',
    'include:child',
  ]);
  // The underscore and the hyphen are not letters: they end a word.
  assert.deepEqual(matches(['covid'], [], 'covid19 covid_19 COVID-19'), ['include:covid', 'include:COVID']);
  assert.deepEqual(matches(['мышь'], [], 'мышьяк мышь'), ['include:мышь']);
  assert.deepEqual(matches(['2020'], [], '12020 2020a 2020.'), ['include:2020']);
});

test('a prefix* term matches every word it begins, and the whole word is highlighted', () => {
  assert.deepEqual(matches(['child*'], [], 'Child children childhood grandchild'), [
    'include:Child',
    'include:children',
    'include:childhood',
  ]);
  assert.deepEqual(matches(['pediatr* oncolog*'], [], 'paediatric oncology, pediatric oncologists'), [
    'include:pediatric oncologists',
  ]);
  // A * that does not end a word is literal text.
  assert.deepEqual(matches(['wom*n'], [], 'woman women wom*n'), ['include:wom*n']);
  assert.deepEqual(matches(['*child'], [], 'child *child'), ['include:*child']);
});

test('phrases match across any white space, not across punctuation', () => {
  const text = 'A randomised\n  controlled\u00A0\ttrial; randomised controlled, trial';
  assert.deepEqual(matches(['randomised controlled trial'], [], text), [
    'include:randomised\n  controlled\u00A0\ttrial',
  ]);
  // Punctuation inside a term must be there, written together or apart as in the term.
  assert.deepEqual(matches(['covid-19'], [], 'COVID-19, covid – 19, covid 19, covid‑19'), [
    'include:COVID-19',
    'include:covid‑19',
  ]);
  assert.deepEqual(matches(["Parkinson's disease"], [], 'Parkinson’s  disease'), [
    'include:Parkinson’s  disease',
  ]);
  assert.deepEqual(matches(['C++'], [], 'C++ and C'), ['include:C++']);
});

test('overlapping terms: the longer match wins, then the more literal term, then the exclusion term', () => {
  assert.deepEqual(matches(['heart failure'], ['failure'], 'acute heart failure'), ['include:heart failure']);
  assert.deepEqual(matches(['failure'], ['heart failure'], 'acute heart failure'), ['exclude:heart failure']);
  assert.deepEqual(matches(['rat'], ['rat'], 'rat'), ['exclude:rat']);
  assert.deepEqual(matches(['children'], ['child*'], 'children'), ['include:children']);
  assert.deepEqual(matches(['child*'], ['children'], 'children'), ['exclude:children']);
  // Same length over part of the same text: the exclusion term; what is left of the other is not shown.
  assert.deepEqual(matches(['heart rate'], ['rate study'], 'heart rate study'), ['exclude:rate study']);
  // Terms that do not overlap are all shown, side by side.
  assert.deepEqual(matches(['heart'], ['rate'], 'heart rate'), ['include:heart', 'exclude:rate']);
});

test('ranges are UTF-16 offsets into the original text, past astral characters and folded letters', () => {
  const text = '𝒳🙂 Straße ﬁsh Fre\u0301chet';
  const ranges = compileHighlighter({ include: ['strasse', 'fish', 'frechet'], exclude: [] }).match(text);
  assert.deepEqual(
    ranges.map((r) => text.slice(r.start, r.end)),
    ['Straße', 'ﬁsh', 'Fre\u0301chet'],
  );
  assert.deepEqual(
    ranges.map((r) => [r.start, r.end]),
    [
      [5, 11],
      [12, 15],
      [16, 24],
    ],
  );
});

test('the term shown is the setting spelling; folded twins are one term', () => {
  const h = compileHighlighter({ include: ['Fréchet', 'frechet'], exclude: [] });
  assert.deepEqual(
    h.match('frechet').map((r) => r.term),
    ['Fréchet'],
  );
});

test('counts are distinct terms per paper, over title and abstract; occurrences are counted too', () => {
  const h = compileHighlighter({ include: ['child*', 'school'], exclude: ['mice'] });
  const result = h.highlight({ title: 'Children at school', abstract: 'child, children; mice and mice' });
  assert.deepEqual(result.counts, { include: 2, exclude: 1, includeOccurrences: 4, excludeOccurrences: 2 });
  assert.deepEqual(shown('Children at school', result.title), ['include:Children', 'include:school']);
  assert.equal(highlightCountLabel(result.counts, h.has), '2 inclusion terms, 1 exclusion term');
  const none = h.highlight({ title: 'Nothing here', abstract: '' });
  assert.equal(highlightCountLabel(none.counts, h.has), '0 inclusion terms, 0 exclusion terms');
  const onlyInclude = compileHighlighter({ include: ['school'], exclude: [] });
  assert.equal(
    highlightCountLabel(onlyInclude.highlight({ title: 'school', abstract: '' }).counts, onlyInclude.has),
    '1 inclusion term',
  );
});

test('hostile terms are literal text: nothing throws, regular-expression syntax matches only itself', () => {
  const hostile = [
    '(',
    '[',
    '\\',
    '*',
    '**',
    '',
    '   ',
    '.*',
    '^$',
    '(a+)+$',
    '[a-z]+',
    'a{1000}',
    '\\d+',
    '$&',
    '__proto__',
    'constructor',
    '\u0000',
    '\uD800',
    'x'.repeat(5000),
    'ab '.repeat(1700),
    `${'a '.repeat(2500)}*`,
  ];
  const h = compileHighlighter({ include: hostile, exclude: hostile.slice().reverse() });
  const text = `aaaa (a+)+$ [a-z]+ a{1000} \\d+ $& __proto__ constructor ${'ab '.repeat(1700)} ${'x'.repeat(5000)} ${'a '.repeat(3000)}`;
  const ranges = h.match(text);
  const found = new Set(ranges.map((r) => text.slice(r.start, r.end).trim()));
  for (const literal of [
    '(a+)+$',
    '[a-z]+',
    'a{1000}',
    '\\d+',
    '__proto__',
    'constructor',
    'x'.repeat(5000),
  ]) {
    assert.ok(found.has(literal), `${literal.slice(0, 20)} is found as text`);
  }
  assert.ok(!found.has('aaaa'), 'no term is a pattern');
  assertWellFormed(text, ranges);
  // Non-strings inside the lists (a setting edited by hand) are skipped.
  const odd = compileHighlighter({ include: [1, null, {}, 'ok'] as unknown as string[], exclude: [] });
  assert.deepEqual(shown('ok', odd.match('ok')), ['include:ok']);
  assert.deepEqual(compileHighlighter({ include: ['*', '', '('], exclude: [] }).match('( * x'), []);
  assert.ok(compileHighlighter({ include: ['*', '(', ''], exclude: [] }).empty);
});

test('thousands of terms compile once and match like a few', () => {
  const random = new SeededRandom(11);
  const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${random.nextInt(1000)}`);
  const h = compileHighlighter({
    include: words.slice(0, 2500),
    exclude: words.slice(2500).map((w) => `${w}*`),
  });
  const text = `${words[3]} ${words[4000]}x ${words[2600]} unrelated`;
  assert.deepEqual(shown(text, h.match(text)), [
    `include:${words[3]}`,
    `exclude:${words[4000]}x`,
    `exclude:${words[2600]}`,
  ]);
});

function assertWellFormed(text: string, ranges: readonly HighlightRange[]): void {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    assert.ok(r.start >= 0 && r.start < r.end && r.end <= text.length, `range ${r.start}-${r.end} in text`);
    if (i > 0) assert.ok(ranges[i - 1]!.end <= r.start, 'ranges are sorted and do not overlap');
  }
}

const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** A range that begins (ends) with a letter or digit has none just before (after) it, once folded. */
function onBoundaries(text: string, start: number, end: number): boolean {
  const inside = [...foldForMatching(text.slice(start, end)).folded];
  const before = foldForMatching(text.slice(0, start)).folded;
  const after = foldForMatching(text.slice(end)).folded;
  return (
    (!isWord(inside[0]) || !isWord([...before].pop())) &&
    (!isWord(inside[inside.length - 1]) || !isWord([...after][0]))
  );
}

test('random texts and terms: ranges are well formed, on word boundaries, and every occurrence is shown or overlapped', () => {
  const random = new SeededRandom(2024);
  const letters = ['a', 'b', 'á', 'B', 'ß', 'ss', ' ', ' ', '\n', '-', '(', '*', 'ﬁ', 'e\u0301', '1'];
  const pick = <T>(items: readonly T[]) => items[random.nextInt(items.length)]!;
  for (let round = 0; round < 300; round++) {
    const text = Array.from({ length: 1 + random.nextInt(40) }, () => pick(letters)).join('');
    const term = () =>
      Array.from({ length: 1 + random.nextInt(5) }, () => pick(letters)).join('') +
      (random.next() < 0.3 ? '*' : '');
    const include = Array.from({ length: random.nextInt(4) }, term);
    const exclude = Array.from({ length: random.nextInt(4) }, term);
    const h = compileHighlighter({ include, exclude });
    const ranges = h.match(text);
    assertWellFormed(text, ranges);
    for (const r of ranges) {
      assert.ok(
        onBoundaries(text, r.start, r.end),
        `${JSON.stringify(text)}: ${r.start}-${r.end} on boundaries`,
      );
      assert.ok([...include, ...exclude].includes(r.term));
      // Alone, the winning term matches exactly that text.
      const alone = compileHighlighter({ include: [r.term], exclude: [] }).match(text.slice(r.start, r.end));
      assert.equal(
        alone.length,
        1,
        `${JSON.stringify(r.term)} matches ${JSON.stringify(text.slice(r.start, r.end))}`,
      );
      assert.equal(alone[0]!.end - alone[0]!.start, r.end - r.start);
    }
    // Each term on its own: each of its matches is shown, or overlaps one that won.
    for (const t of [...include, ...exclude]) {
      for (const own of compileHighlighter({ include: [t], exclude: [] }).match(text)) {
        assert.ok(
          ranges.some((r) => r.start < own.end && own.start < r.end),
          `${JSON.stringify(t)} at ${own.start} in ${JSON.stringify(text)} is shown or overlapped`,
        );
      }
    }
  }
});

test('the setting check keeps what it can and names every problem, never throwing', () => {
  assert.deepEqual(checkHighlightSetting(undefined), { setting: { include: [], exclude: [] }, problems: [] });
  const good = checkHighlightSetting({ include: ['child*', 'randomised trial'], exclude: ['mice'] });
  assert.deepEqual(good.problems, []);
  assert.deepEqual(good.setting, { include: ['child*', 'randomised trial'], exclude: ['mice'] });

  for (const [value, message] of [
    [null, /literatureTriage\.highlight is null; expected an object/],
    ['child', /is the text "child"; expected an object/],
    [['child'], /is a list; expected an object/],
    [42, /is number 42/],
    [
      { include: 'child' },
      /literatureTriage\.highlight\.include is the text "child"; expected a list of strings/,
    ],
    [{ includes: ['child'] }, /unknown key "includes"/],
    [{ include: [3] }, /include\[0\] is number 3, not a string/],
    [{ exclude: [''] }, /exclude\[0\] is empty/],
    [{ exclude: ['('] }, /exclude\[0\] "\(" has no letter or digit/],
    [{ include: ['*'] }, /include\[0\] "\*" has no letter or digit/],
    [
      { include: ['Child', 'child'] },
      /include\[1\] "child" is literatureTriage\.highlight\.include\[0\] again/,
    ],
    [{ include: ['rat'], exclude: ['RAT'] }, /"RAT" is in both lists .*counts as an exclusion term/],
    [{ include: ['x'.repeat(5000) + '('] }, /^$/],
  ] as const) {
    const { problems } = checkHighlightSetting(value);
    if (message.source === '^$') assert.deepEqual(problems, []);
    else
      assert.ok(
        problems.some((p) => message.test(p)),
        `${JSON.stringify(value)}: ${problems.join(' | ')}`,
      );
  }
  const long = checkHighlightSetting({ include: [`(${'y'.repeat(200)}`, '('.repeat(200)] });
  assert.ok(
    long.problems.every((p) => p.length < 300),
    'a long term is shortened in the message',
  );
  const hostile = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('no');
      },
    },
  );
  assert.match(checkHighlightSetting(hostile).problems[0] ?? '', /cannot be read/);
});
