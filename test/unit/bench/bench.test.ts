import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generatorModel, syntheticPaper, toRis } from '../../../bench/corpus/generate';
import { Prng, ZipfSampler } from '../../../bench/corpus/prng';
import { NaiveScan } from '../../../bench/measure/naiveScan';
import { keystrokes, TYPED_QUERIES } from '../../../bench/measure/queries';
import { median, percentile } from '../../../bench/measure/stats';
import { largestTopic, topicChildren } from '../../../bench/measure/treeChildren';
import { jsonOfSize } from '../../../bench/measure/jsonFloor';
import { readRis } from '../../../src/core/readers';
import { emptyState, setStatus, addTag, setNote } from '../../../src/core/triage';
import type { Paper } from '../../../src/core/model/paper';

const root = join(__dirname, '..', '..', '..');
const model = generatorModel(root);

test('the generator is deterministic and paper i does not depend on the corpus size', () => {
  assert.deepEqual(syntheticPaper(model, 7), syntheticPaper(generatorModel(root), 7));
  assert.notDeepEqual(syntheticPaper(model, 7), syntheticPaper(model, 8));
});

test('generated papers read back as RIS, with realistic lengths and distinct titles', () => {
  const text = Array.from({ length: 200 }, (_, i) => toRis(syntheticPaper(model, i))).join('\n');
  const { papers } = readRis(text, 'synthetic.ris');
  assert.equal(papers.length, 200);
  const words = (s: string) => s.split(/\s+/).length;
  const abstractWords = median(papers.map((p) => words(p.abstract)));
  assert.ok(abstractWords > 80 && abstractWords < 300, `median abstract of ${abstractWords} words`);
  assert.ok(papers.every((p) => words(p.title) >= 3 && (p.authors?.length ?? 0) >= 1));
  assert.equal(new Set(papers.map((p) => p.title)).size, 200);
});

test('the vocabulary is Zipf-like: a few words are very common, most are rare', () => {
  const counts = new Map<string, number>();
  for (let i = 0; i < 300; i++) {
    for (const w of syntheticPaper(model, i)
      .abstract.toLowerCase()
      .match(/[\p{L}\p{N}-]+/gu) ?? []) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const sorted = [...counts.values()].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  assert.ok(sorted.slice(0, 10).reduce((a, b) => a + b, 0) / total > 0.15, 'the top ten words are frequent');
  assert.ok(sorted.filter((c) => c === 1).length / sorted.length > 0.4, 'many words occur once');
  assert.ok(counts.has('the') && counts.has('model'), 'real words from the seed vocabulary');
});

test('the Zipf sampler favours low ranks in the expected proportion', () => {
  const zipf = new ZipfSampler(1000, 1);
  const prng = new Prng(3);
  const hits = new Array<number>(1000).fill(0);
  for (let i = 0; i < 50_000; i++) hits[zipf.sample(prng)]!++;
  const ratio = hits[0]! / hits[1]!;
  assert.ok(ratio > 1.7 && ratio < 2.3, `rank 1 / rank 2 = ${ratio}`);
});

test('percentiles are nearest-rank', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(values, 95), 95);
  assert.equal(percentile(values, 50), 50);
  assert.equal(median([3, 1, 2]), 2);
  assert.ok(Number.isNaN(percentile([], 50)));
});

const paper = (id: string, title: string, abstract: string): Paper => ({
  id,
  title,
  abstract,
  links: [],
  sources: [],
});

test('the naive scan finds any query word, accent-insensitively, most words first', () => {
  const scan = new NaiveScan([
    paper('a', 'Fréchet distances', 'For generative models.'),
    paper('b', 'Graph models', 'Distances between graphs.'),
  ]);
  assert.deepEqual(scan.search('frechet distances'), ['a', 'b']);
  assert.deepEqual(scan.search('graph'), ['b']);
  assert.deepEqual(scan.search('"'), []);
});

test('the JSON floor document is valid JSON of at least the asked size', () => {
  const papers = [paper('a', 'T', 'An abstract.')];
  const json = jsonOfSize(papers, 10_000);
  assert.ok(new TextEncoder().encode(json).byteLength >= 10_000);
  assert.ok(Array.isArray(JSON.parse(json)));
});

test('tree rows of a topic are the Papers view’s rows: status icon, tags and a tooltip', () => {
  const papers = [paper('a', 'First', 'x'.repeat(400)), paper('b', 'Second', 'Short.')];
  let state = setStatus(emptyState(), papers[0]!, 'include', '2025-01-01T00:00:00Z');
  state = addTag(state, papers[1]!, 'method', '2025-01-01T00:00:00Z');
  state = setNote(state, papers[1]!, 'Check the\nevaluation.', '2025-01-01T00:00:00Z');
  const topic = largestTopic([
    { id: 't1', label: 'One', paperIds: ['b'], user: false },
    { id: 't2', label: 'Two', paperIds: ['a', 'b'], user: false },
  ])!;
  const rows = topicChildren(topic, new Map(papers.map((p) => [p.id, p])), state);
  assert.deepEqual(
    rows.map((r) => [r.paperId, r.label, r.icon, r.description, r.contextValue]),
    [
      ['a', 'First', { id: 'pass', color: 'testing.iconPassed' }, undefined, 'paper'],
      ['b', 'Second', { id: 'circle-large-outline' }, 'method', 'paper.tagged'],
    ],
  );
  // The abstract's start joins the tooltip only when the row is hovered.
  assert.equal(rows[0]!.tooltip, 'First\nIncluded');
  assert.equal(rows[1]!.tooltip, 'Second\nUntriaged · method\n\nNote: Check the evaluation.');
});

test('keystrokes are every prefix of every typed query', () => {
  const all = keystrokes();
  assert.equal(
    all.length,
    TYPED_QUERIES.reduce((n, q) => n + q.length, 0),
  );
  assert.equal(all[0], TYPED_QUERIES[0]!.slice(0, 1));
  assert.ok(all.includes(TYPED_QUERIES[0]!));
});
