import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusError } from '../../../src/core/model/paper';
import { readCorpus } from '../../../src/core/readers';
import { readHfJson } from '../../../src/core/readers/hfJson';
import { mergePapers } from '../../../src/core/identity/merge';
import { enc, fixtureBytes, fixtureText } from './fixtures';

const EXTRA = ['2025-09-26', '2025-09-29', '2025-10-01', '2025-10-02', '2025-10-03'];

test('hf-daily-papers.json: 50 papers with unwrapped title and summary, authors, arXiv id, dates, links', () => {
  const { papers, warnings } = readCorpus(fixtureBytes('hf-daily-papers.json'), 'hf-daily-papers.json');
  assert.deepEqual(warnings, []);
  assert.equal(papers.length, 50);
  assert.equal(new Set(papers.map((p) => p.arxivId)).size, 50);
  for (const p of papers) {
    assert.doesNotMatch(p.title, /\n|\s{2}/, p.title);
    assert.ok(p.abstract.length > 200);
    // Hard wraps are gone; only paragraph breaks ("\n\n") remain.
    assert.doesNotMatch(p.abstract.replace(/\n\n/g, ''), /\n/);
    assert.ok(p.authors && p.authors.length >= 1);
    assert.match(p.arxivId!, /^\d{4}\.\d{5}$/);
    assert.equal(p.url, `https://arxiv.org/abs/${p.arxivId}`);
    assert.equal(p.year, 2025);
    assert.match(p.published!, /^2025-09-2\dT/);
    assert.deepEqual(p.sources.length, 1);
  }
  const sla = papers.find((p) => p.arxivId === '2509.24006')!;
  assert.equal(
    sla.title,
    'SLA: Beyond Sparsity in Diffusion Transformers via Fine-Tunable Sparse-Linear Attention',
  );
  assert.equal(sla.authors![0], 'Jintao Zhang');
  assert.ok(
    sla.abstract.startsWith(
      'In Diffusion Transformer (DiT) models, particularly for video generation, attention',
    ),
  );
  assert.equal(sla.sources[0]!.record, 1);
  // The author marked hidden: true is kept.
  const jigsaw = papers.find((p) => p.title === 'Visual Jigsaw Post-Training Improves MLLMs')!;
  assert.ok(jigsaw.authors!.includes('Bo Li'));
  // githubRepo and projectPage are links.
  assert.deepEqual(jigsaw.links, [
    'https://penghao-wu.github.io/visual_jigsaw/',
    'https://github.com/penghao-wu/visual_jigsaw',
  ]);
  // The one summary with an indented line ("\n  In this study") keeps it as a paragraph break.
  const para = papers.filter((p) => p.abstract.includes('\n\n'));
  assert.equal(para.length, 1);
  assert.match(para[0]!.abstract, /long token horizons\.\n\nIn this study, we introduce/);
  // Author counts run from 1 to 89.
  assert.equal(Math.max(...papers.map((p) => p.authors!.length)), 89);
});

test('hf-daily-papers-extra: 157 papers in five files, 207 distinct papers with the main file', () => {
  const counts = EXTRA.map((d) => readCorpus(fixtureBytes(`hf-daily-papers-extra/${d}.json`), `${d}.json`));
  assert.deepEqual(
    counts.map((r) => r.papers.length),
    [26, 30, 37, 25, 39],
  );
  for (const r of counts) assert.deepEqual(r.warnings, []);
  const main = readCorpus(fixtureBytes('hf-daily-papers.json'), 'hf-daily-papers.json').papers;
  const all = mergePapers([main, ...counts.map((r) => r.papers)]);
  assert.equal(all.length, 207);
  assert.equal(new Set(all.map((p) => p.id)).size, 207);
});

test('the 2024-12-11 file (an array of Python repr strings) is a clear CorpusError', () => {
  assert.throws(
    () => readCorpus(fixtureBytes('hf-daily-papers-extra/2024-12-11.json'), '2024-12-11.json'),
    (e: unknown) =>
      e instanceof CorpusError &&
      e.file === '2024-12-11.json' &&
      /Python repr\(\)/.test(e.message) &&
      /not JSON/.test(e.message),
  );
});

test('invalid JSON is a CorpusError with its line', () => {
  assert.throws(
    () => readHfJson('[\n  {"paper": {"title": "A"}},\n  {oops}\n]', 'bad.json'),
    (e: unknown) => e instanceof CorpusError && e.line === 3 && /invalid JSON/.test(e.message),
  );
  assert.throws(() => readHfJson('{"hello": 1}', 'obj.json'), /not a Hugging Face daily-papers file/);
  assert.throws(() => readHfJson('["a", "b"]', 'strings.json'), /every record is a string/);
});

test('odd records: non-objects and records without a title are skipped with a warning', () => {
  const json = JSON.stringify([
    'stray string',
    { paper: { id: '2501.00001', title: '' } },
    {
      paper: {
        id: '2501.00002v3',
        title: 'Kept\n  Paper',
        summary: 'Line one\nline two.\n  Second para.',
        authors: [],
      },
    },
    {
      title: 'Top-level only',
      summary: 'Flat record.',
      authors: [{ name: 'A' }, { hidden: true, name: 'B' }, {}],
    },
    { title: 'CSL-like', abstract: 'x', author: 'ignored', authors: [{ given: 'Ada', family: 'Lovelace' }] },
  ]);
  const { papers, warnings } = readHfJson(json, 'odd.json');
  assert.deepEqual(
    papers.map((p) => p.title),
    ['Kept Paper', 'Top-level only', 'CSL-like'],
  );
  assert.equal(papers[0]!.abstract, 'Line one line two.\n\nSecond para.');
  assert.equal(papers[0]!.arxivId, '2501.00002');
  assert.equal(papers[0]!.authors, undefined);
  assert.deepEqual(papers[1]!.authors, ['A', 'B']);
  assert.deepEqual(papers[2]!.authors, ['Ada Lovelace']);
  assert.deepEqual(
    warnings.map((w) => w.record),
    [1, 2],
  );
});

test('BOM, CRLF and re-ordering give the same ids; an empty file gives 0 papers', () => {
  const text = fixtureText('hf-daily-papers.json');
  const base = readHfJson(text, 'a.json').papers.map((p) => p.id);
  const bom = readCorpus(enc.encode('\uFEFF' + text.replace(/\n/g, '\r\n')), 'a.json').papers.map(
    (p) => p.id,
  );
  assert.deepEqual(bom, base);
  const reversed = JSON.stringify((JSON.parse(text) as unknown[]).reverse(), null, 1);
  assert.deepEqual(
    readHfJson(reversed, 'a.json')
      .papers.map((p) => p.id)
      .sort(),
    [...base].sort(),
  );
  assert.deepEqual(readHfJson('', 'e.json'), { papers: [], warnings: [] });
  assert.deepEqual(readHfJson('[]', 'e.json'), { papers: [], warnings: [] });
});
