import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { plainParagraphs, plainText } from '../../../src/core/bibtex';
import {
  decisionKeyword,
  decisionOfKeyword,
  exportPapers,
  splitName,
  writeRis,
} from '../../../src/core/export';
import type { Paper } from '../../../src/core/model/paper';
import { readCorpus } from '../../../src/core/readers';
import { parseRis } from '../../../src/core/readers/ris';
import {
  addTag,
  emptyState,
  lookupTriage,
  setNote,
  setStatus,
  type TriageStatus,
} from '../../../src/core/triage';
import { assertRoundTrip, CORPORA, corpus, spreadTriage, T } from './corpora';

const enc = new TextEncoder();

/** What a file records for a status: nothing for an undecided paper. */
function decisionOfStatus(status: TriageStatus | undefined): TriageStatus | undefined {
  return status === 'untriaged' ? undefined : status;
}

function paper(fields: Partial<Paper>): Paper {
  return { id: 'p_test', title: 'A title', abstract: '', links: [], sources: [], ...fields };
}

test('one paper, every field: the exact RIS, CRLF line ends, ER then a blank line', () => {
  const p = paper({
    title: "Fr\\'echet   distances of  DINOv2 features",
    authors: ['Ashish Vaswani', 'van Gogh, Vincent', 'World Health Organization', 'Smith JA'],
    year: 2024,
    published: '2024-03-05',
    venue: 'Journal of Things',
    entryType: 'article',
    doi: '10.1000/xyz_1',
    pmid: '31415926',
    arxivId: '2403.00001',
    abstract: 'First paragraph\nwrapped.\n\nER  - a second paragraph that looks like a tag line.',
  });
  let state = setStatus(emptyState(), p, 'exclude', T);
  state = addTag(state, p, 'survey', T);
  state = setNote(state, p, 'line one\nTY  - line two', T);
  const text = writeRis([{ paper: p, triage: lookupTriage(state, p) }]);
  assert.equal(
    text,
    [
      'TY  - JOUR',
      'TI  - Fréchet distances of DINOv2 features',
      'AU  - Vaswani, Ashish',
      'AU  - van Gogh, Vincent',
      'AU  - World Health Organization',
      'AU  - Smith, J. A.',
      'PY  - 2024',
      'DA  - 2024/03/05/',
      'T2  - Journal of Things',
      'JO  - Journal of Things',
      'DO  - 10.1000/xyz_1',
      'AN  - 31415926',
      'UR  - https://arxiv.org/abs/2403.00001',
      'AB  - First paragraph wrapped.',
      ' ER - a second paragraph that looks like a tag line.',
      'KW  - survey',
      'KW  - literature-triage:exclude',
      'N1  - Literature Triage: exclude',
      'N1  - line one',
      ' TY - line two',
      'ER  - ',
      '',
      '',
    ].join('\r\n'),
  );
  // Our reader takes it back, tag-like continuation lines included.
  const [back] = readCorpus(enc.encode(text), 'x.ris').papers;
  assert.equal(back!.title, 'Fréchet distances of DINOv2 features');
  assert.equal(
    back!.abstract,
    'First paragraph wrapped.\n\nER - a second paragraph that looks like a tag line.',
  );
  assert.equal(back!.arxivId, '2403.00001');
  assert.equal(back!.entryType, 'article');
});

test('TY follows the entry type; an unknown or missing type is GEN; undecided papers get no decision', () => {
  const types: [string | undefined, string][] = [
    ['inproceedings', 'CONF'],
    ['book', 'BOOK'],
    ['incollection', 'CHAP'],
    ['phdthesis', 'THES'],
    ['techreport', 'RPRT'],
    ['misc', 'GEN'],
    [undefined, 'GEN'],
  ];
  for (const [entryType, ty] of types) {
    const text = writeRis([{ paper: paper(entryType ? { entryType } : {}) }]);
    assert.ok(text.startsWith(`TY  - ${ty}\r\n`), `${entryType} → ${text.slice(0, 12)}`);
    assert.doesNotMatch(text, /KW|N1|JO/);
  }
});

for (const name of [...CORPORA, 'seed']) {
  test(`RIS round trip of ${name}: our reader and citation-js keep title, authors, year, DOI, abstract, decision`, () => {
    const papers = corpus(name);
    assert.ok(papers.length > 0);
    const state = spreadTriage(papers);
    const { text, ids } = exportPapers('ris', papers, state, { statuses: 'all' });
    assert.equal(ids.length, papers.length);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends with CRLF');

    assertRoundTrip(papers, readCorpus(enc.encode(text), 'back.ris').papers, state, name, {
      carriesPmid: false,
    });
    // The decision, in the file: our reader's tag layer finds it in KW, record by record.
    const records = parseRis(text, 'back.ris');
    assert.deepEqual(
      records.map((r) => (r.tags.get('KW') ?? []).map(decisionOfKeyword).find(Boolean)),
      papers.map((p) => decisionOfStatus(lookupTriage(state, p)?.status)),
    );

    // An independent parser (citation-js, Zotero-style RIS → CSL): the same papers in file order.
    const items = plugins.input.chain(text, { target: '@csl/list+object' }) as Record<string, unknown>[];
    assert.equal(items.length, papers.length);
    items.forEach((item, i) => {
      const original = papers[i]!;
      assert.equal(item.title, plainText(original.title));
      const authors =
        (item.author as { family?: string; given?: string; literal?: string }[] | undefined) ?? [];
      const names = (original.authors ?? []).map(splitName).filter((n) => n !== undefined);
      assert.deepEqual(
        authors.map((a) => a.family ?? a.literal),
        names.map((n) => (n.kind === 'person' ? n.family : n.literal)),
        `${original.title}: authors`,
      );
      // The RIS spec reads a conference paper's PY as the conference's year: citation-js follows it.
      const date = (item.issued ?? item['event-date']) as { 'date-parts': number[][] } | undefined;
      const year = date?.['date-parts'][0]![0];
      assert.equal(year, original.year);
      assert.equal((item.DOI as string | undefined)?.toLowerCase(), original.doi?.toLowerCase());
      const abstract = plainParagraphs(original.abstract).join(' ');
      assert.equal(((item.abstract as string | undefined) ?? '').replace(/\s+/g, ' '), abstract);
      const keywords = String(item.keyword ?? '').split(',');
      const decision = decisionKeyword(lookupTriage(state, original)?.status);
      assert.equal(keywords.filter((k) => k.startsWith('literature-triage:')).join(), decision ?? '');
    });
  });
}
