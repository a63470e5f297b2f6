/**
 * Exported .bib files checked by the real tools (bibtex with plain.bst, biber's datamodel validation) and
 * the static check: the seed, every corpus fixture, and a torture set of odd text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportEntries, mergeIntoBib, type BibEntry } from '../../../src/core/bibtex';
import { CorpusError, type Paper } from '../../../src/core/model/paper';
import { readCorpus } from '../../../src/core/readers';
import { readListing } from '../../../src/core/readers/listing';
import { addTag, emptyState, setNote, setStatusMany, type TriageState } from '../../../src/core/triage';
import {
  runBibtex,
  runBiber,
  staticCheck,
  validateBib,
  validationFailures,
} from '../../support/bibtexValidators';

const T = '2026-06-01T00:00:00.000Z';
const seedText = readFileSync(new URL('../../../seeds/hf-daily-papers-seed.txt', import.meta.url), 'utf8');
const seed = readListing(seedText, 'hf-daily-papers-seed.txt').papers;
const corporaDir = fileURLToPath(new URL('../../fixtures/corpora/', import.meta.url));
/** Unreadable on purpose (see the fixtures' PROVENANCE.md): a JSON array of Python reprs. */
const MALFORMED = new Set(['hf-daily-papers-extra/2024-12-11.json']);

function undated(entries: readonly BibEntry[]): string[] {
  return entries.filter((e) => !e.fields.some((f) => f.name === 'year')).map((e) => e.key);
}

/** Exports every paper into a new .bib and asserts that no tool and no static rule objects. */
function assertExportIsClean(papers: readonly Paper[], state: TriageState = emptyState()): string {
  const result = exportEntries(papers, state, { statuses: 'all' });
  assert.deepEqual(result.conflicts, []);
  const { text, added } = mergeIntoBib('', result.entries);
  assert.equal(added, new Set(papers.map((p) => p.id)).size);
  const failures = validationFailures(validateBib(text), undated(result.entries));
  assert.deepEqual(failures, [], failures.join('\n'));
  return text;
}

function paper(id: string, fields: Partial<Paper>): Paper {
  return { id, title: `Paper ${id}`, abstract: 'Abstract.', links: [], sources: [], ...fields };
}

test('the seed exports cleanly: zero bibtex/biber errors and warnings, no bare specials', () => {
  let state = setStatusMany(emptyState(), seed, 'include', T);
  state = addTag(state, seed[0]!, 'C# & 50% _under_ ^hat {brace}', T);
  state = setNote(state, seed[0]!, 'notes are private: % & { are fine here', T);
  const text = assertExportIsClean(seed, state);
  assert.match(text, /Fréchet Cumulative Covariance \(FCCov\)/);
  assert.match(text, /D\\_\\textbraceleft\{\}KL\\textbraceright\{\}\(True\|\|Model\)/);
  assert.match(text, /25\.5\\% \(MIMIC-CXR\)/);
  assert.match(
    text,
    /keywords = \{C\\# \\& 50\\% \\_under\\_ \\textasciicircum\{\}hat \\textbraceleft\{\}brace\\textbraceright\{\}\}/,
  );
});

test('torture: odd abstracts, titles, names, tags and URLs pass the real tools', () => {
  const oddSeed = seed.filter((p) => /[\\_^%&#{}~$]/.test(p.abstract));
  assert.ok(oddSeed.length >= 8, `seed papers with LaTeX specials: ${oddSeed.length}`);
  const nasty = [
    '}{',
    '{',
    '}',
    'lone \\',
    '\\',
    'ends with backslash \\',
    '~ tilde ~~',
    '$x^2$ and $$y_1$$',
    'line\\\\break \\\\',
    '@misc{inner, title={x}} @comment{',
    '% starts with a percent',
    '"quoted" and \'single\' and `back`',
    'Unicode: Fréchet, Ångström, Ødegaard, ß, Æ, Ł, 中文, русский, العربية, ελληνικά',
    'Emoji 😀🚀👩‍🔬 and flags 🇫🇷 and ZWJ\u200D and BOM\uFEFF inside',
    'control \u0001\u0007\u001B chars and a lone surrogate \uD83D here',
    '\\textbf{bold} \\cite{x} \\begin{itemize}\\item a\\end{itemize} \\newcommand{\\x}{',
    '\\eg, \\ie, \\alpha, \\mathcal{O}(n), \\\\\\',
    'a'.repeat(10_000),
    `${'Long abstract with specials % & # _ ^ { } ~ $ \\ . '.repeat(250)}`,
  ];
  const papers: Paper[] = [
    ...oddSeed,
    ...nasty.map((abstract, i) =>
      paper(`p_n${i}`, { abstract, title: `Torture ${i}: ${abstract.slice(0, 40)}` }),
    ),
    paper('p_t1', {
      title: '}{ Title with % & # _ ^ ~ $ \\ and {Braces} and DINOv2',
      authors: [
        'Research and Development Team',
        'Müller, Jürgen',
        'A, B, C, D',
        '{Braced} Name',
        "O'Brien, Á.",
      ],
      year: 2023,
      doi: '10.1000/abc_def#x%y{z}',
      arxivId: '2411.11925v2',
      url: 'https://github.com/x/y_z/blob/main/a b.md#L1?q=50%&r=~s',
      venue: 'Proc. of {C&C} #1 _x_',
      entryType: 'inproceedings',
    }),
    paper('p_t2', { title: '', abstract: '' }),
    paper('p_t3', { title: '\u200B\u0007', abstract: '   ', authors: ['  '] }),
    paper('p_t4', {
      title: 'Article',
      authors: ['Ada Lovelace'],
      year: 1843,
      venue: 'Taylor & Francis',
      entryType: 'article',
    }),
  ];
  let state = setStatusMany(emptyState(), papers, 'include', T);
  for (const tag of ['C#', '50%', 'a_b', 'x^y', '{b}', '~', '\\', 'é'])
    state = addTag(state, papers.at(-1)!, tag, T);
  assertExportIsClean(papers, state);
});

function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return corpusFiles(full);
      return name.startsWith('.') || name.endsWith('.md') ? [] : [full];
    });
}

test('every corpus fixture exports cleanly (all together: one bibtex and one biber run)', () => {
  const files = corpusFiles(corporaDir);
  assert.ok(files.length >= 8, `corpus fixtures found: ${files.length}`);
  const unreadable: string[] = [];
  const all: Paper[] = [];
  for (const file of files) {
    const name = relative(corporaDir, file);
    let papers: Paper[];
    try {
      papers = readCorpus(new Uint8Array(readFileSync(file)), name).papers;
    } catch (e) {
      if (!(e instanceof CorpusError)) throw e;
      unreadable.push(name);
      continue;
    }
    assert.ok(papers.length > 0, `${name}: no papers`);
    const own = mergeIntoBib('', exportEntries(papers, emptyState(), { statuses: 'all' }).entries).text;
    assert.deepEqual(staticCheck(own).problems, [], name);
    all.push(...papers);
  }
  assert.deepEqual(unreadable, [...MALFORMED]);
  assertExportIsClean(all);
});

test('appending to a real, messy bibliography adds no error or warning of its own', () => {
  const existing = readFileSync(join(corporaDir, 'real-bibliography.bib'), 'utf8');
  const { entries } = exportEntries(seed, emptyState(), { statuses: 'all' });
  const merged = mergeIntoBib(existing, entries);
  assert.equal(merged.added, seed.length);
  assert.ok(merged.text.startsWith(existing));
  const before = runBibtex(existing);
  const after = runBibtex(merged.text);
  assert.deepEqual(after.errors, before.errors);
  assert.deepEqual(after.warnings, before.warnings);
  const biberBefore = runBiber(existing);
  const biberAfter = runBiber(merged.text);
  assert.deepEqual(
    [...biberAfter.errors].sort(),
    [...biberBefore.errors].sort(),
    'biber orders its messages by hash',
  );
  assert.equal(biberAfter.datamodel.length, biberBefore.datamodel.length + undated(entries).length);
  assert.deepEqual(
    staticCheck(merged.text).keys.slice(0, staticCheck(existing).keys.length),
    staticCheck(existing).keys,
  );
});
