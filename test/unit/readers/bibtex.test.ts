import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCorpus } from '../../../src/core/readers';
import { bibtexRecords, readBibtex } from '../../../src/core/readers/bibtex';
import type { ReadWarning } from '../../../src/core/model/paper';
import { lookupTriage, setStatus } from '../../../src/core/triage/operations';
import { emptyState } from '../../../src/core/triage/types';
import { enc, fixtureBytes, fixtureText, isNfc, recordCount } from './fixtures';

const BIB = 'real-bibliography.bib';

// Parsing the 323 KB file takes about a second: parse it once for the tests that only read the result.
let cached: ReturnType<typeof readBibtex> | undefined;
const realBib = () => (cached ??= readCorpus(fixtureBytes(BIB), BIB));

test('real-bibliography.bib: 169 entries with their types, duplicates merged into 158 papers', () => {
  const records = bibtexRecords(fixtureText(BIB), BIB);
  assert.equal(records.length, 169);
  const types: Record<string, number> = {};
  for (const r of records) types[r.entryType!] = (types[r.entryType!] ?? 0) + 1;
  assert.deepEqual(types, { article: 161, misc: 4, book: 3, phdthesis: 1 });
  assert.equal(records.filter((r) => r.abstract).length, 151);
  assert.equal(records.filter((r) => r.year).length, 167);
  assert.equal(records.filter((r) => r.doi).length, 146);

  const { papers, warnings } = realBib();
  assert.equal(recordCount(papers), 169);
  assert.equal(papers.length, 158);
  // Every warning is a merged duplicate (Mendeley exported some entries twice); the plain-text header
  // lines before the first entry are not an error.
  assert.equal(warnings.length, 11);
  for (const w of warnings) assert.match(w.message, /^duplicate of the paper at real-bibliography\.bib:\d+/);
  assert.equal(papers[0]!.sources[0]!.line, 6);
  assert.ok(records.every((r) => r.citationKey && fixtureText(BIB).includes(`{${r.citationKey},`)));
  assert.equal(records.find((r) => r.citationKey === 'Seljebotn2009')?.entryType, 'misc');
});

test('LaTeX accents are decoded to Unicode (NFC), no TeX markup is left in titles, abstracts or authors', () => {
  const { papers } = realBib();
  const authors = papers.flatMap((p) => p.authors ?? []);
  for (const name of [
    'Démosthène Mitrossilis',
    'François Postic',
    'Raphaël Voituriez',
    'Claudia Umaña-Diaz',
  ]) {
    assert.ok(authors.includes(name), name);
  }
  assert.ok(authors.includes('Alf Månsson')); // `M\aa nsson`: the space after \aa is TeX's, not the name's
  assert.ok(authors.includes('Antoine J??gou')); // encoding damage in the source is kept as is
  for (const p of papers) {
    for (const s of [p.title, p.abstract, ...(p.authors ?? [])]) {
      assert.doesNotMatch(s, /[\\{}]/, s);
      assert.ok(isNfc(s), s);
    }
  }
  // Raw UTF-8 curly quotes are kept; double braces {{…}} are gone.
  assert.ok(papers.some((p) => p.title.startsWith('A “Primer”-Based Mechanism')));
});

test('Seljebotn2009: the escaped @ARTICLE inside annote is not an entry and does not leak', () => {
  const { papers } = realBib();
  const cython = papers.filter((p) => /Cython/.test(p.title));
  assert.equal(cython.length, 1);
  const p = cython[0]!;
  assert.equal(
    p.title,
    'Proceedings of the Python in Science Conference (SciPy): Fast numerical computations with Cython',
  );
  assert.equal(p.entryType, 'misc');
  assert.deepEqual(p.authors, ['Dag Sverre Seljebotn']);
  assert.equal(p.year, 2009);
  assert.equal(p.url, 'http://conference.scipy.org/proceedings/SciPy2009/paper_2/');
  assert.equal(p.sources[0]!.line, 1883);
  assert.ok(!papers.some((x) => x.title === 'Cython: The Best of Both Worlds'));
  assert.ok(!papers.some((x) => x.doi === '10.1109/MCSE.2010.118'));
});

test('doi, year, venue, url, authors and entry type of an article', () => {
  const { papers } = realBib();
  const p = papers.find((x) => x.doi === '10.1002/bies.200900049')!;
  assert.equal(p.title, 'How depolymerization can promote polymerization: the case of actin and profilin.');
  assert.deepEqual(p.authors, ['Elena G Yarmola', 'Michael R Bubb']);
  assert.equal(p.year, 2009);
  assert.equal(p.entryType, 'article');
  assert.equal(p.venue, 'BioEssays : news and reviews in molecular, cellular and developmental biology');
  assert.equal(p.url, 'http://www.ncbi.nlm.nih.gov/pubmed/19795407');
  // A markdown-style link in an abstract: "[http://dx.doi.org/…][1]".
  assert.ok(papers.some((x) => x.links.includes('http://dx.doi.org/10.7554/eLife.01433.002')));
});

test('constructed BibTeX: macros, concatenation, accents, math, arXiv eprint, odd entries', () => {
  const bib = [
    'Some free text before the first entry, as Mendeley writes it.',
    '@string{jn = "Journal of Tests"}',
    '@Article{K1,',
    '  title = {{The G{\\"o}del Machine} and {\\c{C}}a{\\~n}on $\\alpha$-Tests},',
    '  author = {M{\\"u}ller, J{\\"u}rgen and de la Cruz, Ana and {World Health Organization}},',
    '  journal = jn # " (Series A)",',
    '  year = 2021, month = nov,',
    '  abstract = {First line\n  wrapped here. Then 50\\% and \\& and a URL https://github.com/o/r.},',
    '}',
    '@misc{K2, title = "An arXiv Preprint", eprint = {2401.01234v2}, archivePrefix = {arXiv}, date = {2024-01-02}}',
    '@inproceedings{K3, author = {Nobody}, year = {1999}}',
    '@comment{ignored}',
  ].join('\n');
  const { papers, warnings } = readBibtex(bib, 'c.bib');
  assert.equal(papers.length, 2);
  const [k1, k2] = papers as [(typeof papers)[0], (typeof papers)[0]];
  assert.equal(k1.title, 'The Gödel Machine and Çañon α-Tests');
  assert.deepEqual(k1.authors, ['Jürgen Müller', 'Ana de la Cruz', 'World Health Organization']);
  assert.equal(k1.venue, 'Journal of Tests (Series A)');
  assert.equal(k1.year, 2021);
  assert.equal(k1.entryType, 'article');
  assert.equal(k1.abstract, 'First line wrapped here. Then 50% and & and a URL https://github.com/o/r.');
  assert.deepEqual(k1.links, ['https://github.com/o/r']);
  assert.equal(k1.sources[0]!.line, 3);
  assert.equal(k2.arxivId, '2401.01234');
  assert.equal(k2.year, 2024);
  assert.equal(k2.entryType, 'misc');
  // The entry without a title is skipped with a warning naming it and its line.
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.line, 12);
  assert.match(warnings[0]!.message, /"K3" has no title/);
});

test('broken BibTeX gives warnings with lines, never a crash; empty or entry-less text gives 0 papers', () => {
  const { papers, warnings } = readBibtex(
    '@article{a, title={Unclosed\n\n@article{b, title={Fine}}\n@article{c, title={Also fine}}\n',
    'b.bib',
  );
  // The unclosed entry is skipped, named with its line; reading goes on at the next entry line.
  assert.deepEqual(
    papers.map((p) => [p.citationKey, p.title]),
    [
      ['b', 'Fine'],
      ['c', 'Also fine'],
    ],
  );
  assert.deepEqual(
    warnings.map((w) => [w.line, w.message]),
    [[1, 'BibTeX: entry "a" is not closed before the entry at line 3: skipped; reading goes on there']],
  );
  assert.deepEqual(readBibtex('', 'e.bib'), { papers: [], warnings: [] });
  const none = readBibtex('just some text\nno entries here\n', 'n.bib');
  assert.equal(none.papers.length, 0);
  assert.match(none.warnings[0]!.message, /no BibTeX entries/);
});

test('decoded text is plain text: < and > as written, no HTML from links or formatting', () => {
  const bib = [
    '@article{k1,',
    '  title = {Thin films (<1000 nm) and x > 0: an \\emph{in vivo} study of x\\textsuperscript{2} in \\textsc{Abc}},',
    '  abstract = {See $\\href{javascript:alert(1)}{click}$ or \\href{https://example.org}{the site}, $<$ 5.},',
    '  journal = {\\textit{J.} of <Tests>},',
    '}',
  ].join('\n');
  const [p] = readBibtex(bib, 'k.bib').papers;
  assert.equal(p!.title, 'Thin films (<1000 nm) and x > 0: an in vivo study of x² in Abc');
  assert.equal(p!.abstract, 'See click or the site, < 5.');
  assert.equal(p!.venue, 'J. of <Tests>');
  assert.deepEqual(p!.links, []);
  for (const s of [p!.title, p!.abstract, p!.venue!])
    assert.doesNotMatch(s, /¡|¿|<(?:a|i|b|sup|sub|span)\b|javascript/);
});

test('biblatex-examples.bib: BibLaTeX dates, journaltitle, @string, crossref and accents', () => {
  const name = 'more/biblatex-examples.bib';
  const warnings: ReadWarning[] = [];
  const records = bibtexRecords(fixtureText(name), name, warnings);
  assert.equal(records.length, 90);
  // The two @set entries have no title of their own.
  assert.deepEqual(
    warnings.map((w) => w.message),
    ['entry "set" has no title: skipped', 'entry "stdmodel" has no title: skipped'],
  );
  const byKey = new Map(records.map((r) => [r.citationKey, r]));
  const aksin = byKey.get('aksin')!;
  assert.deepEqual(aksin.authors, [
    'Özge Aksın',
    'Hayati Türkmen',
    'Levent Artok',
    'Bekir Çetinkaya',
    'Chaoying Ni',
    'Orhan Büyükgüngör',
    'Erhan Özkal',
  ]);
  assert.equal(aksin.year, 2006); // date = 2006
  assert.equal(aksin.venue, 'J. Organomet. Chem.'); // journaltitle = jomch, an @string with ~
  // crossref: the @collection's title becomes the booktitle (the venue), its date the year.
  const space = byKey.get('westfahl:space')!;
  assert.equal(space.venue, 'Space and Beyond');
  assert.equal(space.year, 2000);
  assert.equal(byKey.get('knuth:ct:a')!.title, 'The TeXbook');
  assert.equal(
    byKey.get('kastenholz')!.title,
    'Computation of methodology-independent ionic solvation free energies from molecular simulations',
  );
  assert.equal(byKey.get('moraux')!.title, 'Le De Anima dans la tradition grècque');
  for (const r of records) {
    for (const s of [r.title, r.abstract, r.venue ?? '', ...(r.authors ?? [])]) {
      assert.doesNotMatch(s, /[\\{}<]/, s);
      assert.ok(isNfc(s), s);
    }
  }
});

test('big-library-7166.bib: a real 3 MB library, every entry read with its accents', () => {
  const name = '../large/big-library-7166.bib';
  const warnings: ReadWarning[] = [];
  const records = bibtexRecords(fixtureText(name), name, warnings);
  assert.equal(records.length, 7166);
  assert.deepEqual(warnings, []);
  const authors = new Set(records.flatMap((r) => r.authors ?? []));
  for (const n of ['Pavel Aseev', 'Sonia Buckley', 'Hadis Morkoç', 'Fabián Vásquez-Sancho']) {
    assert.ok(authors.has(n), n);
  }
  assert.ok([...authors].some((a) => a.includes('Gačević')));
  assert.ok([...authors].some((a) => a.includes('Vučković')));
  // Better BibTeX's case protection `\\{\\vphantom\\}{{II}}\\vphantom\\{\\}` is no text.
  assert.ok(
    records.some((r) => r.title.startsWith('Improved Modeling of Excitons in Type-II Semiconductor')),
  );
  assert.equal(records.filter((r) => r.doi).length, 7062);
});

test('BOM, CRLF and reordered entries give the same ids', () => {
  const text = fixtureText(BIB);
  const base = realBib().papers.map((p) => p.id);
  const crlf = readCorpus(enc.encode('\uFEFF' + text.replace(/\n/g, '\r\n')), BIB).papers.map((p) => p.id);
  assert.deepEqual(crlf, base);
  const entries = text.split(/\n(?=@)/);
  const reordered = [entries[0], ...entries.slice(1).reverse()].join('\n');
  assert.deepEqual(
    readBibtex(reordered, BIB)
      .papers.map((p) => p.id)
      .sort(),
    [...base].sort(),
  );
});

test('a .bib rewritten on disk (Better BibTeX auto-export) keeps the ids, and so the decisions, of unchanged entries', () => {
  const T = '2026-01-01T00:00:00Z';
  const text = fixtureText(BIB);
  const before = readBibtex(text, BIB).papers;
  let state = emptyState();
  before.forEach((p, i) => {
    state = setStatus(state, p, i % 2 ? 'include' : 'exclude', T);
  });

  // One entry edited (its title), one added, the rest reordered and re-serialised: CRLF, other indentation
  // and field order, as another exporter writes them.
  const [header, ...entries] = text.split(/\n(?=@)/);
  const edited = entries.findIndex((e) => e.includes('{Yarmola2009,'));
  assert.ok(edited >= 0);
  entries[edited] = entries[edited]!.replace(
    'How depolymerization can promote polymerization',
    'How depolymerisation promotes polymerisation',
  );
  const moveYearFirst = (e: string): string => {
    const year = /\nyear = (\{\d+\}),?(?=\n)/.exec(e);
    return year ? e.replace(year[0], '').replace(/^(@\w+\{[^,]+,)/, `$1\nyear = ${year[1]},`) : e;
  };
  const reformatted = entries.map((e) => moveYearFirst(e).replace(/\n(\w+) = /g, '\n    $1 = ')).reverse();
  const added =
    '@article{New2026,\ntitle = {A paper added since},\nabstract = {Brand new.},\nyear = {2026}\n}';
  const rewritten = [header, added, ...reformatted].join('\n').replace(/\n/g, '\r\n');
  assert.match(rewritten, /\{Yarmola2009,\r\n {4}year = \{2009\},\r\n {4}\w+ = /);

  const after = readBibtex(rewritten, BIB).papers;
  const editedId = before.find((p) => p.doi === '10.1002/bies.200900049')!.id;
  const afterIds = new Set(after.map((p) => p.id));
  for (const p of before) {
    if (p.id === editedId) continue;
    assert.ok(afterIds.has(p.id), `${p.citationKey} kept its id`);
  }
  assert.ok(!afterIds.has(editedId), 'the edited title is a new id');
  assert.equal(after.length, before.length + 1);
  // Every unchanged paper finds its decision; the edited and the new paper have none yet.
  const undecided = after.filter((p) => lookupTriage(state, p) === undefined).map((p) => p.citationKey);
  assert.deepEqual(undecided.sort(), ['New2026', 'Yarmola2009']);
  for (const p of after) {
    const old = before.find((b) => b.id === p.id);
    if (old) assert.equal(lookupTriage(state, p)!.status, lookupTriage(state, old)!.status);
  }
});
