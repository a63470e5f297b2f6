import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportEntries } from '../../../src/core/bibtex';
import {
  decisionKeyword,
  decisionOfKeyword,
  exportPapers,
  toCslItem,
  type CslItem,
} from '../../../src/core/export';
import type { Paper } from '../../../src/core/model/paper';
import { readCorpus } from '../../../src/core/readers';
import {
  addTag,
  emptyState,
  lookupTriage,
  pinKey,
  setNote,
  setStatus,
  setStatusMany,
} from '../../../src/core/triage';
import { runPandocCiteproc } from '../../support/pandoc';
import { assertRoundTrip, CORPORA, corpus, spreadTriage, T } from './corpora';

const enc = new TextEncoder();

function paper(fields: Partial<Paper>): Paper {
  return { id: 'p_test', title: 'A title', abstract: '', links: [], sources: [], ...fields };
}

test('one paper: id is the citation key, names split, date parts, arXiv as a preprint, triage in keyword/annote', () => {
  const p = paper({
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani', 'World Health Organization', 'King, Martin Luther, Jr.'],
    year: 2017,
    published: '2017-06-12',
    arxivId: '1706.03762',
    abstract: 'One.\n\nTwo.',
    pmid: '123',
  });
  let state = setStatus(emptyState(), p, 'include', T);
  state = addTag(state, p, 'transformers', T);
  state = setNote(state, p, 'Read section 3.\ntitle: not a variable', T);
  const item = toCslItem({ paper: p, triage: lookupTriage(state, p), key: 'vaswaniAttentionAll2017' });
  assert.deepEqual(item, {
    id: 'vaswaniAttentionAll2017',
    'citation-key': 'vaswaniAttentionAll2017',
    type: 'article',
    title: 'Attention Is All You Need',
    author: [
      { family: 'Vaswani', given: 'Ashish' },
      { literal: 'World Health Organization' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    ],
    issued: { 'date-parts': [[2017, 6, 12]] },
    publisher: 'arXiv',
    number: 'arXiv:1706.03762',
    URL: 'https://arxiv.org/abs/1706.03762',
    PMID: '123',
    abstract: 'One.\n\nTwo.',
    keyword: 'literature-triage:include, transformers',
    annote: 'Read section 3. title: not a variable',
  } satisfies CslItem);
  assert.equal('note' in item, false, 'nothing in `note`, which many styles print');
  const plain = toCslItem({ paper: p, triage: lookupTriage(state, p) }, { triage: false });
  assert.equal(plain.keyword, undefined);
  assert.equal(plain.annote, undefined);
  assert.equal(plain.id, p.id, 'without a key, the paper id');
});

test('types follow the entry type; no arXiv id and no known type is a document', () => {
  const cases: [string | undefined, string][] = [
    ['article', 'article-journal'],
    ['inproceedings', 'paper-conference'],
    ['book', 'book'],
    ['incollection', 'chapter'],
    ['phdthesis', 'thesis'],
    ['techreport', 'report'],
    ['misc', 'document'],
    [undefined, 'document'],
  ];
  for (const [entryType, type] of cases) {
    assert.equal(toCslItem({ paper: paper(entryType ? { entryType } : {}) }).type, type, entryType);
  }
});

test('ids are the keys Export BibTeX gives: pinned, from the source, and new ones alike', () => {
  const papers = corpus('more/csl-zotero-bbt-128.json').slice(0, 10);
  const seed = corpus('seed').slice(0, 10);
  const all = [...papers, ...seed];
  let state = setStatusMany(emptyState(), all, 'include', T);
  state = pinKey(state, seed[0]!, 'myOwnKey', T);
  const bib = exportEntries(all, state, { statuses: ['include'] });
  const csl = exportPapers('csljson', all, state, { statuses: ['include'] });
  const items = JSON.parse(csl.text) as CslItem[];
  assert.deepEqual(
    items.map((i) => i.id),
    bib.entries.map((e) => e.key),
  );
  assert.ok(items.some((i) => i.id === 'myOwnKey'));
  assert.deepEqual([...csl.newPins], [...bib.newPins]);
});

test('two papers pinned to one key: the second is left out and reported, ids stay unique', () => {
  const [a, b] = corpus('seed');
  let state = pinKey(emptyState(), a!, 'same', T);
  state = pinKey(state, b!, 'same', T);
  const out = exportPapers('csljson', [a!, b!], state, { statuses: 'all' });
  assert.deepEqual(out.ids, [a!.id]);
  assert.deepEqual(out.conflicts, [{ paperId: b!.id, key: 'same', heldBy: a!.id }]);
});

for (const name of [...CORPORA, 'seed']) {
  test(`CSL-JSON round trip of ${name}: our reader keeps title, authors, year, DOI, abstract; keyword the decision`, () => {
    const papers = corpus(name);
    const state = spreadTriage(papers);
    const { text, keys } = exportPapers('csljson', papers, state, { statuses: 'all' });
    const items = JSON.parse(text) as CslItem[];
    assert.equal(new Set(items.map((i) => i.id)).size, items.length, 'ids are unique');
    const back = readCorpus(enc.encode(text), 'back.csl.json').papers;
    assertRoundTrip(papers, back, state, name, { carriesPmid: true });
    back.forEach((p, i) => assert.equal(p.citationKey, keys.get(papers[i]!.id), 'the key is read back'));
    assert.deepEqual(
      items.map((item) => (item.keyword ?? '').split(', ').map(decisionOfKeyword).find(Boolean)),
      papers.map((p) => {
        const keyword = decisionKeyword(lookupTriage(state, p)?.status);
        return keyword ? decisionOfKeyword(keyword) : undefined;
      }),
    );
  });
}

test('pandoc --citeproc reads the export of every corpus: no warning, every paper in the bibliography', () => {
  for (const name of [...CORPORA, 'seed']) {
    const papers = corpus(name);
    const { text } = exportPapers('csljson', papers, spreadTriage(papers), { statuses: 'all' });
    const items = JSON.parse(text) as CslItem[];
    const [first, last] = [items[0]!, items.at(-1)!];
    const markdown = `---\nnocite: "@*"\n---\n\nSee [@${first.id}] and [@${last.id}].\n`;
    const run = runPandocCiteproc(markdown, text);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.deepEqual(run.warnings, [], `${name}: ${run.stderr}`); // an unknown key is a warning
    const output = comparableText(run.output);
    for (const item of items) {
      const words = comparableText(item.title).split(' ').slice(0, 4).join(' ');
      assert.ok(output.includes(words), `${name}: "${words}" is not in the bibliography`);
    }
  }
});

/** Letters and digits, lowercase, single spaces: pandoc's style changes case, quotes and dashes. */
function comparableText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
