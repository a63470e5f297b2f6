import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideMany, emptyState, setRetrievedMany, setStatusMany } from '../../../src/core/triage';
import { prismaOfCorpora } from '../../../src/core/review/prismaInput';
import { checkSourceNames } from '../../../src/core/review/prismaSources';
import { prismaHtml } from '../../../src/extension/review/prismaHtml';
import { prismaSvg } from '../../../src/core/review/prismaSvg';

const NOW = '2026-01-01T00:00:00.000Z';
const papers = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, title: `Paper ${i}` }));

/** 10 records in two files, 8 papers after merging: 2 duplicates. */
const files = [
  { label: 'refs/pubmed.nbib', records: 6 },
  { label: 'refs/trials.ris', records: 4 },
];

function reviewedState() {
  let state = emptyState();
  state = setStatusMany(state, papers.slice(0, 5), 'include', NOW);
  state = setStatusMany(state, papers.slice(5, 7), 'exclude', NOW, 'Wrong population');
  state = decideMany(state, [papers[0]!], 'fullText', 'include', NOW);
  state = decideMany(state, [papers[1]!], 'fullText', 'exclude', NOW, 'Wrong outcome');
  state = decideMany(state, [papers[2]!], 'fullText', 'exclude', NOW, 'Not a primary study');
  state = setRetrievedMany(state, [papers[3]!], false, NOW);
  return state;
}

test('the flow of loaded corpora: sources named by the setting, duplicates from the records, reasons in protocol order', () => {
  const names = checkSourceNames({
    'pubmed.nbib': 'PubMed',
    'refs/trials.ris': { name: 'ClinicalTrials.gov', type: 'register' },
  });
  const flow = prismaOfCorpora({
    files,
    papers,
    state: reviewedState(),
    names: names.names,
    reasonOrder: ['Not a primary study', 'Wrong outcome'],
  });
  assert.deepEqual(flow.counts, {
    identified: { PubMed: 6, 'ClinicalTrials.gov': 4 },
    duplicates_removed: 2,
    screened: 7,
    excluded_screening: 2,
    sought: 5,
    not_retrieved: 1,
    assessed: 3,
    excluded_reports: { 'Not a primary study': 1, 'Wrong outcome': 1 },
    included: 1,
  });
  assert.deepEqual(Object.keys(flow.counts.excluded_reports!), ['Not a primary study', 'Wrong outcome']);
  assert.equal(flow.awaiting.screening, 1);
  assert.equal(flow.awaiting.fullText, 1);
  assert.deepEqual(
    flow.sources.map((s) => s.type),
    ['database', 'register'],
  );
});

test('a state without a full-text stage leaves the full-text counts unknown, and the view lists each with why', () => {
  const state = setStatusMany(emptyState(), papers.slice(0, 3), 'include', NOW);
  const flow = prismaOfCorpora({ files, papers, state, names: new Map() });
  assert.equal(flow.counts.assessed, null);
  assert.deepEqual(Object.keys(flow.counts.identified), ['pubmed.nbib', 'trials.ris']);
  const html = prismaHtml(flow, prismaSvg(flow), { file: 'prisma-flow.svg' });
  const listed = [...html.matchAll(/<li data-field="([a-z_]+)">/g)].map((m) => m[1]);
  assert.deepEqual(
    listed,
    flow.unknown.map((u) => u.field),
  );
  assert.ok(listed.includes('assessed') && listed.includes('included'));
  assert.ok(!html.includes('<?xml'), 'the SVG is inline, without its XML declaration');
  assert.match(html, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(html, /Written to <code>prisma-flow\.svg<\/code>/);
});

test('the view has no script and escapes what it shows around the diagram', () => {
  const flow = prismaOfCorpora({ files, papers, state: emptyState(), names: new Map() });
  const html = prismaHtml(flow, prismaSvg(flow), { error: 'cannot write <b>x</b>.svg: "denied"' });
  assert.ok(!/<script/i.test(html));
  const csp = /Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]+'$/);
  assert.match(html, /Not written: cannot write &lt;b&gt;x&lt;\/b&gt;\.svg: &quot;denied&quot;/);
  assert.ok(!html.includes('<b>x</b>'));
});
