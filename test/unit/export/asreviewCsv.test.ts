/**
 * The ASReview CSV export: its exact columns, read back with the RFC 4180 parser (src/core/readers/csv) by
 * column name, and as a corpus by the CSV reader, whose decisions must be the ones exported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainParagraphs, plainText } from '../../../src/core/bibtex';
import {
  ASREVIEW_COLUMNS,
  defuseFormula,
  exportPapers,
  splitName,
  writeAsreviewCsv,
} from '../../../src/core/export';
import { doiKey } from '../../../src/core/identity/normalize';
import { paperId } from '../../../src/core/identity/paperId';
import type { Paper } from '../../../src/core/model/paper';
import { parseCsv } from '../../../src/core/readers/csv/parseCsv';
import {
  addTag,
  emptyState,
  lookupTriage,
  setNote,
  setStatus,
  type PaperTriage,
} from '../../../src/core/triage';
import { readCorpus } from '../../../src/core/readers';
import { assertRoundTrip, CORPORA, corpus, spreadTriage, T } from './corpora';

function paper(fields: Partial<Paper>): Paper {
  return { id: 'p_test', title: 'A title', abstract: '', links: [], sources: [], ...fields };
}

/** The file's rows as column → value, by header name. */
function rows(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text, 'back.csv');
  assert.deepEqual(header!.fields, [...ASREVIEW_COLUMNS]);
  return records.map((r) => Object.fromEntries(r.fields.map((v, i) => [header!.fields[i]!, v])));
}

test('the exact header and a row: RFC 4180 quoting, CRLF, label 1/0/empty, "; "-separated authors and tags', () => {
  const a = paper({
    id: 'p_a',
    title: 'Commas, "quotes" and\nline breaks',
    abstract: 'Para one.\n\nPara two.',
    authors: ['Ashish Vaswani', 'World Health Organization'],
    year: 2017,
    doi: '10.1/x',
  });
  const b = paper({ id: 'p_b', title: 'Undecided' });
  const c = paper({ id: 'p_c', title: 'Maybe' });
  let state = setStatus(emptyState(), a, 'include', T);
  state = addTag(state, a, 'survey', T);
  state = addTag(state, a, 'deep learning', T);
  state = setNote(state, a, 'first\nsecond', T);
  state = setStatus(state, c, 'maybe', T);
  const records = [a, b, c].map((p) => ({ paper: p, triage: lookupTriage(state, p) }));
  assert.equal(
    writeAsreviewCsv(records),
    'record_id,title,abstract,authors,year,doi,label_included,exclusion_reason,tags,note\r\n' +
      '1,"Commas, ""quotes"" and line breaks","Para one.\n\nPara two.","Vaswani, Ashish; World Health Organization",2017,10.1/x,1,,deep learning; survey,"first\nsecond"\r\n' +
      '2,Undecided,,,,,,,,\r\n' +
      '3,Maybe,,,,,,,,\r\n',
  );
  const excluded = setStatus(emptyState(), a, 'exclude', T);
  assert.equal(
    rows(writeAsreviewCsv([{ paper: a, triage: lookupTriage(excluded, a) }]))[0]!.label_included,
    '0',
  );
});

test('a cell that a spreadsheet would run as a formula starts with an apostrophe', () => {
  for (const start of ['=', '+', '-', '@', '\t']) assert.equal(defuseFormula(`${start}1+1`), `'${start}1+1`);
  assert.equal(defuseFormula('1+1'), '1+1');
  const hostile = paper({
    title: '=HYPERLINK("http://evil.example","click")',
    abstract: "+cmd|' /C calc'!A0",
    authors: ['@SUM(A1:A2)'],
  });
  let state = setStatus(emptyState(), hostile, 'include', T);
  state = addTag(state, hostile, '-2+3', T);
  state = setNote(state, hostile, '=1+1', T);
  const [row] = rows(writeAsreviewCsv([{ paper: hostile, triage: lookupTriage(state, hostile) }]));
  for (const column of ['title', 'abstract', 'authors', 'tags', 'note']) {
    assert.match(row![column]!, /^'[=+\-@]/, `${column}: ${row![column]}`);
  }
});

test('exclusion_reason holds the reason of an excluded paper, when its triage has one', () => {
  const p = paper({ title: 'Excluded' });
  const excluded = lookupTriage(setStatus(emptyState(), p, 'exclude', T), p)!;
  const withReason: PaperTriage = { ...excluded, reason: 'wrong population' };
  assert.equal(
    rows(writeAsreviewCsv([{ paper: p, triage: withReason }]))[0]!.exclusion_reason,
    'wrong population',
  );
  assert.equal(rows(writeAsreviewCsv([{ paper: p, triage: excluded }]))[0]!.exclusion_reason, '');
});

for (const name of [...CORPORA, 'seed']) {
  test(`CSV round trip of ${name}: title, authors, year, DOI, abstract and decision come back`, () => {
    const papers = corpus(name);
    const state = spreadTriage(papers);
    const { text, ids } = exportPapers('csv', papers, state, { statuses: 'all' });
    assert.equal(ids.length, papers.length);
    assert.doesNotMatch(
      text,
      /^\uFEFF/,
      'no BOM: ASReview (pandas) would read it into the first column name',
    );
    const back = rows(text);
    assert.equal(back.length, papers.length);
    let sameId = 0;
    back.forEach((row, i) => {
      const original = papers[i]!;
      const triage = lookupTriage(state, original);
      assert.equal(row.record_id, String(i + 1));
      assert.equal(row.title, defuseFormula(plainText(original.title)));
      assert.deepEqual(row.abstract ? row.abstract.split('\n\n') : [], plainParagraphs(original.abstract));
      const authors = row.authors ? row.authors.split('; ').map(splitName) : [];
      assert.deepEqual(
        authors,
        (original.authors ?? []).map(splitName).filter(Boolean),
        `${original.title}: authors`,
      );
      assert.equal(row.year, original.year === undefined ? '' : String(original.year));
      assert.equal(doiKey(row.doi), doiKey(original.doi));
      const label = { include: '1', exclude: '0' }[triage?.status as string] ?? '';
      assert.equal(row.label_included, label);
      assert.deepEqual(row.tags ? row.tags.split('; ') : [], triage?.tags ?? []);
      // Read back as a paper, it has the same id, so decisions saved for it still apply (unless the id came
      // from what the file has no column for: an arXiv or PubMed id without abstract, or a merged duplicate).
      const id = paperId({ title: row.title!, abstract: row.abstract!, doi: row.doi! });
      const idFromColumns = original.abstract.trim() !== '' || (!original.arxivId && !original.pmid);
      if (original.sources.length === 1 && idFromColumns) {
        assert.equal(id, original.id, original.title);
        sameId++;
      }
    });
    assert.ok(sameId > papers.length / 2, `${sameId} of ${papers.length} ids checked`);
  });
}

for (const name of [...CORPORA, 'seed']) {
  test(`CSV export of ${name} read back by the corpus CSV reader: the same papers, and their decisions offered`, () => {
    const papers = corpus(name);
    const state = spreadTriage(papers);
    const { text } = exportPapers('csv', papers, state, { statuses: 'all' });
    const back = readCorpus(new TextEncoder().encode(text), 'back.csv');
    assertRoundTrip(papers, back.papers, state, name, { carriesPmid: false });
    const offered = new Map((back.decisions ?? []).map((d) => [d.paperId, d.status]));
    back.papers.forEach((paper, i) => {
      const status = lookupTriage(state, papers[i]!)?.status;
      const expected = status === 'include' || status === 'exclude' ? status : undefined;
      assert.equal(offered.get(paper.id), expected, `${name}: ${paper.title}`);
    });
  });
}
