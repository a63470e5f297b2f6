import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CorpusError } from '../../../src/core/model/paper';
import { readListing } from '../../../src/core/readers/listing';
import { readCorpus } from '../../../src/core/readers';

const SEED_PATH = new URL('../../../seeds/hf-daily-papers-seed.txt', import.meta.url);
const seedText = readFileSync(SEED_PATH, 'utf8');
const enc = new TextEncoder();

const ABS_A_ =
  'We study a problem that matters a great deal. Our method improves the state of the art on three benchmarks, and we release code. This sentence only makes the paragraph long enough to count as an abstract, which needs more than three hundred characters in total.';
const ABS_B_ =
  'A second, unrelated abstract about something else entirely. It describes a different contribution, a different dataset and different experiments, and is also made long enough, well past three hundred characters, so that the reader sees a paragraph and not a title line here.';
const ABS_C_ =
  'Third abstract. Diffusion models, autoregressive models and flows are compared on image generation with a new evaluation protocol, and the comparison shows which design choices matter; the text is again padded to be comfortably longer than three hundred characters in total length.';

const PAD =
  ' Further sentences describe the setting, the assumptions, the baselines and the limitations in some detail.';
const ABS_A = ABS_A_ + PAD;
const ABS_B = ABS_B_ + PAD;
const ABS_C = ABS_C_ + PAD;

function listing(...blocks: string[]): string {
  return blocks.join('\n\n') + '\n';
}

test('seed: exactly 52 papers, first and last titles, no header line, every abstract non-empty', () => {
  const { papers, warnings } = readListing(seedText, 'seed.txt');
  assert.equal(papers.length, 52);
  assert.equal(
    papers[0]!.title,
    'A likelihood approach to nonparametric estimation of a singular distribution using deep generative models',
  );
  assert.equal(
    papers.at(-1)!.title,
    'Combining Recurrent, Convolutional, and Continuous-time Models with Linear State-Space Layers',
  );
  const header = [
    'new',
    'Get trending papers in your email inbox!',
    'Subscribe',
    'byAK and the research community',
    'Jun 6',
  ];
  for (const p of papers) {
    assert.ok(!header.includes(p.title), `header line taken as a paper: ${p.title}`);
    assert.ok(p.abstract.length > 200, `empty or short abstract for ${p.title}`);
    assert.match(p.id, /^p_[0-9a-z]{14}$/);
  }
  assert.equal(new Set(papers.map((p) => p.id)).size, 52);
  assert.equal(papers[0]!.sources[0]!.line, 11);
  // The header is reported as an info note, nothing else is warned about.
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.severity, 'info');
  assert.equal(warnings[0]!.line, 1);
  // The seed's own oddities survive: a LaTeX accent in an abstract, a precomposed é in a title.
  assert.ok(papers.some((p) => p.abstract.includes("Fr\\'echet")));
  assert.ok(papers.some((p) => p.title.startsWith('Fréchet')));
});

test('seed: links are extracted with trailing punctuation trimmed', () => {
  const { papers } = readListing(seedText, 'seed.txt');
  const all = papers.flatMap((p) => p.links);
  assert.ok(all.includes('https://github.com/MarkXCloud/CSpD'));
  assert.ok(all.includes('https://github.com/ChaofanTao/Autoregressive-Models-in-Vision-Survey'));
  assert.ok(all.includes('https://github.com/Pepperlll/LMforImageGeneration.git'));
  // arXiv's "…md{this https URL}." markup ends the URL at the brace.
  assert.ok(
    all.includes(
      'https://github.com/PaddlePaddle/PaddleOCR/blob/dygraph/doc/doc_en/algorithm_rec_cppd_en.md',
    ),
  );
  for (const url of all) assert.doesNotMatch(url, /[.,;:)]$/);
  assert.equal(all.length, 14);
});

test('seed: CRLF, lone CR, a BOM, or reordered blocks give the same ids', () => {
  const base = readListing(seedText, 'seed.txt').papers;
  const ids = base.map((p) => p.id);
  const crlf = readListing(seedText.replace(/\n/g, '\r\n'), 'seed.txt').papers;
  const cr = readListing(seedText.replace(/\n/g, '\r'), 'seed.txt').papers;
  const bom = readListing('\uFEFF' + seedText, 'seed.txt').papers;
  assert.deepEqual(
    crlf.map((p) => p.id),
    ids,
  );
  assert.deepEqual(
    cr.map((p) => p.id),
    ids,
  );
  assert.deepEqual(
    bom.map((p) => p.id),
    ids,
  );
  assert.deepEqual(
    crlf.map((p) => p.sources[0]!.line),
    base.map((p) => p.sources[0]!.line),
  );
  // Reverse the title/abstract pairs (keep the header on top).
  const lines = seedText.split('\n');
  const header = lines.slice(0, 10).join('\n');
  const pairs = base.map((p) => `${p.title}\n\n${p.abstract}`);
  const reordered = readListing(`${header}\n${pairs.reverse().join('\n\n')}\n`, 'seed.txt').papers;
  assert.deepEqual(reordered.map((p) => p.id).sort(), [...ids].sort());
  // Re-wrapping abstracts (hard line breaks) does not change ids either.
  const wrapped = base.map((p) => `${p.title}\n\n${p.abstract.replace(/(.{70,}?) /g, '$1\n')}`).join('\n\n');
  assert.deepEqual(
    readListing(wrapped, 's.txt').papers.map((p) => p.id),
    ids,
  );
});

test('readCorpus on bytes: BOM and CRLF stripped, same ids as the plain text', () => {
  const plain = readCorpus(enc.encode(seedText), 'seed.txt').papers.map((p) => p.id);
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(seedText.replace(/\n/g, '\r\n'))]);
  assert.deepEqual(
    readCorpus(bytes, 'seed.txt').papers.map((p) => p.id),
    plain,
  );
});

test('blank lines may hold spaces, tabs, NBSP or zero-width characters', () => {
  const text = `Title One\n \t\u00A0\u200B\n${ABS_A}\n\u3000\nTitle Two\n\t\n${ABS_B}\n`;
  const { papers, warnings } = readListing(text, 'x.txt');
  assert.deepEqual(
    papers.map((p) => p.title),
    ['Title One', 'Title Two'],
  );
  assert.equal(papers[0]!.abstract, ABS_A);
  assert.deepEqual(warnings, []);
});

test('a title with no abstract: kept with a warning, the next title is not its abstract', () => {
  const text = listing('First Paper', ABS_A, 'Orphan Title Without Abstract', 'Third Paper', ABS_C);
  const { papers, warnings } = readListing(text, 'x.txt');
  assert.deepEqual(
    papers.map((p) => p.title),
    ['First Paper', 'Orphan Title Without Abstract', 'Third Paper'],
  );
  assert.equal(papers[1]!.abstract, '');
  assert.equal(papers[2]!.abstract, ABS_C);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.line, 5);
  assert.match(warnings[0]!.message, /no abstract/);
});

test('trailing title-like lines after the last abstract are a page footer: skipped with a warning', () => {
  const { papers, warnings } = readListing(
    listing('First Paper', ABS_A, 'Load more', 'Privacy · Terms'),
    'x.txt',
  );
  assert.deepEqual(
    papers.map((p) => p.title),
    ['First Paper'],
  );
  assert.equal(warnings.length, 2);
  assert.match(warnings[0]!.message, /page footer/);
});

test('multi-paragraph abstracts keep their paragraphs; a short sentence paragraph is not a title', () => {
  const text = listing(
    'Multi Paragraph Paper',
    ABS_A,
    ABS_B,
    'Code and data are released.',
    'Next Paper',
    ABS_C,
  );
  const { papers, warnings } = readListing(text, 'x.txt');
  assert.equal(papers.length, 2);
  assert.equal(papers[0]!.abstract, `${ABS_A}\n\n${ABS_B}\n\nCode and data are released.`);
  assert.equal(papers[1]!.title, 'Next Paper');
  assert.deepEqual(warnings, []);
});

test('a short "Code: URL" paragraph stays in the abstract and its URL becomes a link', () => {
  const text = listing('Paper With Code', ABS_A, 'Code: https://github.com/org/repo', 'Next Paper', ABS_C);
  const { papers } = readListing(text, 'x.txt');
  assert.equal(papers.length, 2);
  assert.ok(papers[0]!.abstract.endsWith('Code: https://github.com/org/repo'));
  assert.deepEqual(papers[0]!.links, ['https://github.com/org/repo']);
});

test('after the first paper, a title followed by a short one-sentence abstract is a paper', () => {
  const text = listing('First Paper', ABS_A, 'Short Paper', 'We show one short thing.', 'Third Paper', ABS_C);
  const { papers } = readListing(text, 'x.txt');
  assert.deepEqual(
    papers.map((p) => [p.title, p.abstract]),
    [
      ['First Paper', ABS_A],
      ['Short Paper', 'We show one short thing.'],
      ['Third Paper', ABS_C],
    ],
  );
});

test('titles wrapped over two lines are joined with a space', () => {
  const text = listing('A Very Long Title That Was Wrapped\nOver Two Lines By The Page', ABS_A);
  const { papers } = readListing(text, 'x.txt');
  assert.equal(papers[0]!.title, 'A Very Long Title That Was Wrapped Over Two Lines By The Page');
  assert.equal(papers[0]!.sources[0]!.line, 1);
  // A hard-wrapped abstract is one paragraph.
  const wrapped = listing('Title', ABS_A.replace(/(.{60,}?) /g, '$1\n'));
  assert.equal(readListing(wrapped, 'x.txt').papers[0]!.abstract, ABS_A);
});

test('a title may wrap over three lines; four short lines are not a title', () => {
  const three = readListing(listing('Part one of a title\npart two of it\nand part three', ABS_A), 'x.txt');
  assert.equal(three.papers[0]!.title, 'Part one of a title part two of it and part three');
  const four = readListing(listing('a\nb\nc\nd', ABS_A), 'x.txt');
  assert.equal(four.papers.length, 0);
});

test('line numbers count CRLF and lone CR line ends like LF', () => {
  const text = listing('Header', 'First Paper', ABS_A, 'Second Paper', ABS_B);
  for (const eol of ['\n', '\r\n', '\r']) {
    const { papers } = readListing(text.replace(/\n/g, eol), 'x.txt');
    assert.deepEqual(
      papers.map((p) => p.sources[0]!.line),
      [3, 7],
      JSON.stringify(eol),
    );
  }
});

test('NFC: decomposed and precomposed accents read the same, and give the same id', () => {
  const decomposed = listing('Fre\u0301chet Distance Revisited', ABS_A);
  const composed = listing('Fr\u00E9chet Distance Revisited', ABS_A);
  const a = readListing(decomposed, 'x.txt').papers[0]!;
  const b = readListing(composed, 'x.txt').papers[0]!;
  assert.equal(a.title, 'Fr\u00E9chet Distance Revisited');
  assert.equal(a.id, b.id);
});

test('control characters are removed with one warning; tabs inside lines become spaces', () => {
  const text = listing('Control\u0007 Title\u0001', `${ABS_A}\u0000\u001B\u0085`, 'Tabbed\tTitle', ABS_B);
  const { papers, warnings } = readListing(text, 'x.txt');
  assert.equal(papers[0]!.title, 'Control Title');
  assert.equal(papers[0]!.abstract, ABS_A);
  assert.equal(papers[1]!.title, 'Tabbed Title');
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.line, 1);
  assert.match(warnings[0]!.message, /5 control character/);
});

test('zero-width characters are kept for display and ignored for identity', () => {
  const plain = readListing(listing('Speculative Decoding', ABS_A), 'x.txt').papers[0]!;
  const zw = readListing(
    listing('Specu\u200Blative\u00AD De\u200Dcoding', ABS_A.replace('We', 'W\u200Ce')),
    'x.txt',
  ).papers[0]!;
  assert.equal(zw.title, 'Specu\u200Blative\u00AD De\u200Dcoding');
  assert.equal(zw.id, plain.id);
});

test('duplicate titles: same abstract merges with both lines, different abstract stays distinct', () => {
  const text = listing('Same Title', ABS_A, 'Other Paper', ABS_C, 'Same Title', ABS_A, 'Same Title', ABS_B);
  const { papers, warnings } = readListing(text, 'x.txt');
  assert.equal(papers.length, 3);
  const same = papers.filter((p) => p.title === 'Same Title');
  assert.equal(same.length, 2);
  assert.notEqual(same[0]!.id, same[1]!.id);
  assert.deepEqual(
    same[0]!.sources.map((s) => s.line),
    [1, 9],
  );
  assert.equal(same[1]!.abstract, ABS_B);
  assert.equal(warnings.length, 2);
  assert.ok(warnings.some((w) => w.line === 9 && /duplicate/.test(w.message)));
  assert.ok(warnings.some((w) => w.line === 13 && /different abstract/.test(w.message)));
});

test('a 1 MB line is read in linear time', () => {
  const words = 'token '.repeat(175_000); // ~1 MB, one line, no blank
  const huge = `Huge Paper\n\n${words}https://example.org/x.\n`;
  const t0 = performance.now();
  const { papers } = readListing(huge, 'x.txt');
  const oneMb = performance.now() - t0;
  assert.equal(papers.length, 1);
  assert.ok(papers[0]!.abstract.length > 1_000_000);
  assert.deepEqual(papers[0]!.links, ['https://example.org/x']);
  // A single 1 MB run without spaces, and a 1 MB "title" (too long to be one) cost no more.
  const t1 = performance.now();
  const blob = readListing(`T\n\n${'x'.repeat(1_000_000)}\n\n${'y'.repeat(1_000_000)}\n`, 'x.txt');
  assert.equal(blob.papers.length, 1);
  assert.ok(oneMb < 1500 && performance.now() - t1 < 1500, `too slow: ${oneMb} ms`);
  // Twice the size takes about twice the time (generous bound against a quadratic blow-up).
  const t2 = performance.now();
  readListing(`Huge Paper\n\n${words}${words}\n`, 'x.txt');
  assert.ok(performance.now() - t2 < oneMb * 6 + 200);
});

test('empty, blank-only and header-only files give 0 papers and no error', () => {
  assert.deepEqual(readListing('', 'x.txt'), { papers: [], warnings: [] });
  assert.deepEqual(readListing(' \n\t\n\u00A0\n', 'x.txt'), { papers: [], warnings: [] });
  assert.deepEqual(readListing('\uFEFF', 'x.txt'), { papers: [], warnings: [] });
  const header = readListing(
    'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nJun 6\n',
    'x.txt',
  );
  assert.equal(header.papers.length, 0);
  assert.ok(header.warnings.some((w) => /no papers found/.test(w.message)));
  assert.equal(readCorpus(new Uint8Array(), 'empty.txt').papers.length, 0);
});

test('a paragraph before any title is part of the header, not a paper', () => {
  const { papers, warnings } = readListing(listing(ABS_B, 'Real Title', ABS_A), 'x.txt');
  assert.deepEqual(
    papers.map((p) => p.title),
    ['Real Title'],
  );
  assert.equal(warnings[0]!.severity, 'info');
});

test('binary data and invalid UTF-8 are clear errors naming file and line, not mojibake', () => {
  const nul = new Uint8Array([...enc.encode('Title\n\nabc\n'), 0, 1, 2]);
  assert.throws(
    () => readCorpus(nul, 'bin.txt'),
    (e: unknown) =>
      e instanceof CorpusError && e.file === 'bin.txt' && e.line === 4 && /binary/.test(e.message),
  );
  const latin1 = new Uint8Array([...enc.encode('Title\n\nFr'), 0xe9, ...enc.encode('chet\n')]);
  assert.throws(
    () => readCorpus(latin1, 'latin1.txt'),
    (e: unknown) =>
      e instanceof CorpusError &&
      e.line === 3 &&
      /invalid UTF-8/.test(e.message) &&
      e.message.startsWith('latin1.txt:3'),
  );
});

// Short abstracts: the first paper may have a one-sentence abstract (rule 3 in listing.ts).

const SEED_HEADER = [
  'new',
  'Get trending papers in your email inbox!',
  'Subscribe',
  'byAK and the research community',
  'Jun 6',
];
const pairsOf = (papers: { title: string; abstract: string }[]) => papers.map((p) => [p.title, p.abstract]);

test('one paper with a one-sentence abstract, and one with a long abstract', () => {
  const short = readListing('Only Paper\n\nOne sentence.\n', 'x.txt');
  assert.deepEqual(pairsOf(short.papers), [['Only Paper', 'One sentence.']]);
  assert.deepEqual(short.warnings, []);
  const long = readListing(listing('Only Paper', ABS_A), 'x.txt');
  assert.deepEqual(pairsOf(long.papers), [['Only Paper', ABS_A]]);
  assert.deepEqual(long.warnings, []);
});

test('every abstract a single short sentence: every paper is read, no warning', () => {
  const text = listing(
    'First Paper',
    'We show one thing.',
    'Second Paper',
    'We show another thing.',
    'Third Paper',
    'A third claim, briefly stated.',
  );
  const { papers, warnings } = readListing(text, 'x.txt');
  assert.deepEqual(pairsOf(papers), [
    ['First Paper', 'We show one thing.'],
    ['Second Paper', 'We show another thing.'],
    ['Third Paper', 'A third claim, briefly stated.'],
  ]);
  assert.deepEqual(
    papers.map((p) => p.sources[0]!.line),
    [1, 5, 9],
  );
  assert.deepEqual(warnings, []);
});

test('short abstracts with wrapped titles and a two-paragraph abstract', () => {
  const text = listing(
    'A title that the page\nwrapped over two lines',
    'One sentence.',
    'Another title, wrapped\nover three\nlines',
    'First short paragraph.',
    'Code: https://github.com/org/repo',
    'Last Paper',
    'Last sentence.',
  );
  const { papers, warnings } = readListing(text, 'x.txt');
  assert.deepEqual(pairsOf(papers), [
    ['A title that the page wrapped over two lines', 'One sentence.'],
    [
      'Another title, wrapped over three lines',
      'First short paragraph.\n\nCode: https://github.com/org/repo',
    ],
    ['Last Paper', 'Last sentence.'],
  ]);
  assert.deepEqual(warnings, []);
});

test('a title without abstract first is skipped as page header, and the warning quotes it', () => {
  for (const abstracts of [
    ['One sentence.', 'Another sentence.'],
    [ABS_A, ABS_B],
  ]) {
    const text = listing('Orphan Title First', 'Title A', abstracts[0]!, 'Title B', abstracts[1]!);
    const { papers, warnings } = readListing(text, 'x.txt');
    assert.deepEqual(pairsOf(papers), [
      ['Title A', abstracts[0]],
      ['Title B', abstracts[1]],
    ]);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.severity, 'info');
    assert.equal(warnings[0]!.line, 1);
    assert.match(
      warnings[0]!.message,
      /skipped 1 page-header block\(s\) before the first paper \(lines 1–1: "Orphan Title First"\); the first paper is "Title A" on line 3/,
    );
  }
});

test('the seed page header above short abstracts is still skipped', () => {
  const text = listing(
    ...SEED_HEADER,
    'First Paper',
    'We show one thing.',
    'Second Paper',
    'We show another thing.',
  );
  const { papers, warnings } = readListing(text, 'x.txt');
  assert.deepEqual(pairsOf(papers), [
    ['First Paper', 'We show one thing.'],
    ['Second Paper', 'We show another thing.'],
  ]);
  assert.equal(papers[0]!.sources[0]!.line, 11);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.severity, 'info');
  assert.match(
    warnings[0]!.message,
    /^skipped 5 page-header block\(s\) before the first paper \(lines 1–9: "new", "Get trending papers in your email inbox!", "Subscribe", …\)/,
  );
});

test('a lone header line followed by a short sentence is header when more header or a long abstract follows', () => {
  const text = listing(
    'new',
    'Get the daily digest.',
    'Subscribe',
    'Jun 6',
    'Real Paper',
    ABS_A,
    'Next Paper',
    'A short one.',
  );
  const { papers, warnings } = readListing(text, 'x.txt');
  assert.deepEqual(pairsOf(papers), [
    ['Real Paper', ABS_A],
    ['Next Paper', 'A short one.'],
  ]);
  assert.match(warnings[0]!.message, /skipped 4 page-header block\(s\)/);
  // A first paper with a one-sentence abstract followed by a paper with a long one is not lost.
  const mixed = readListing(listing('Short Paper', 'One sentence.', 'Long Paper', ABS_B), 'x.txt');
  assert.deepEqual(pairsOf(mixed.papers), [
    ['Short Paper', 'One sentence.'],
    ['Long Paper', ABS_B],
  ]);
  assert.deepEqual(mixed.warnings, []);
});

test('BOM, CRLF and whitespace-only blank lines with short abstracts give the same papers and ids', () => {
  const plain = listing(
    ...SEED_HEADER,
    'First Paper',
    'We show one thing.',
    'Second Paper',
    'We show another thing.',
  );
  const ids = readListing(plain, 'x.txt').papers.map((p) => p.id);
  assert.equal(ids.length, 2);
  const odd = '\uFEFF' + plain.replace(/\n\n/g, '\r\n \t\u00A0\r\n').replace(/\n/g, '\r\n');
  assert.deepEqual(
    readListing(odd, 'x.txt').papers.map((p) => p.id),
    ids,
  );
  assert.deepEqual(
    readCorpus(enc.encode(odd), 'x.txt').papers.map((p) => p.id),
    ids,
  );
  const cr = plain.replace(/\n/g, '\r');
  assert.deepEqual(
    readListing(cr, 'x.txt').papers.map((p) => p.id),
    ids,
  );
});

test('short abstracts, a title without abstract between papers, and a page footer', () => {
  const text = listing(
    'First Paper',
    'We show one thing.',
    'Orphan Title',
    'Second Paper',
    'We show another thing.',
    'Load more',
    'Privacy · Terms',
  );
  const { papers, warnings } = readListing(text, 'x.txt');
  assert.deepEqual(pairsOf(papers), [
    ['First Paper', 'We show one thing.'],
    ['Orphan Title', ''],
    ['Second Paper', 'We show another thing.'],
  ]);
  assert.deepEqual(
    warnings.map((w) => [w.line, w.message]),
    [
      [
        5,
        'title "Orphan Title" has no abstract (the next block is another title): kept as a paper without abstract',
      ],
      [11, '"Load more" after the last abstract has no abstract of its own: skipped as page footer'],
      [13, '"Privacy · Terms" after the last abstract has no abstract of its own: skipped as page footer'],
    ],
  );
});

test('a file without papers gets a warning that says what its blocks are', () => {
  const titlesOnly = readListing('new\n\nSubscribe\n\nJun 6\n', 'x.txt').warnings;
  assert.equal(titlesOnly.length, 1);
  assert.equal(
    titlesOnly[0]!.message,
    'no papers found: 3 title-like line(s) ("new", "Subscribe", "Jun 6"), but no title line is followed by abstract text; a paper is a title line (at most 3 lines and 300 characters, not ending in . , ; :), a blank line, then its abstract',
  );
  const paragraphsOnly = readListing(listing(ABS_A, 'Just a sentence.'), 'x.txt').warnings;
  assert.equal(paragraphsOnly.length, 1);
  assert.match(
    paragraphsOnly[0]!.message,
    /^no papers found: the file's 2 block\(s\) are all abstract-like text .* none is a title line/,
  );
  const lonePair = readListing(listing('new', 'Get the daily digest.', 'Subscribe'), 'x.txt').warnings;
  assert.equal(lonePair.length, 1);
  assert.equal(
    lonePair[0]!.message,
    'no papers found: the only title followed by abstract text, "new" → "Get the daily digest.", has a short abstract and is followed only by title-like lines ("Subscribe"), so all 3 blocks are read as page header; no title line is followed by a paragraph',
  );
});

test('the seed with every abstract cut to its first sentence still gives its 52 papers, header skipped', () => {
  const cut = seedText
    .split(/\n\s*\n/)
    .map((b) => (b.length > 300 ? (/^.*?\.(?=\s|$)/.exec(b)?.[0] ?? b) : b))
    .join('\n\n');
  const full = readListing(seedText, 'seed.txt').papers;
  const { papers, warnings } = readListing(cut, 'cut.txt');
  assert.deepEqual(
    papers.map((p) => p.title),
    full.map((p) => p.title),
  );
  assert.ok(
    papers.every((p) => p.abstract.length > 0 && p.abstract.length <= 300 && !p.abstract.includes('\n')),
  );
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.severity, 'info');
  assert.match(warnings[0]!.message, /^skipped 5 page-header block\(s\)/);
});
