import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decideMany,
  emptyState,
  lookupTriage,
  setRetrievedMany,
  setStatusMany,
  triageOf,
} from '../../../src/core/triage';
import { reviewPlace, stageProgress, REVIEW_PLACES } from '../../../src/core/review/reviewPlace';
import { groupPapers } from '../../../src/extension/tree/grouping';
import { SeededRandom } from '../../../src/core/screening/prng';

const NOW = '2026-01-01T00:00:00.000Z';
const papers = Array.from({ length: 9 }, (_, i) => ({ id: `p${i}`, title: `Paper ${i}` }));

function state() {
  let s = emptyState();
  s = setStatusMany(s, [papers[1]!], 'maybe', NOW);
  s = setStatusMany(s, [papers[2]!], 'exclude', NOW, 'Wrong population');
  s = setStatusMany(s, papers.slice(3), 'include', NOW);
  s = decideMany(s, [papers[4]!], 'fullText', 'include', NOW);
  s = decideMany(s, [papers[5]!], 'fullText', 'exclude', NOW, 'Wrong outcome');
  s = decideMany(s, [papers[6]!], 'fullText', 'maybe', NOW);
  s = setRetrievedMany(s, [papers[7]!], false, NOW);
  // Marked not retrieved, then found and decided: the decision counts.
  s = setRetrievedMany(s, [papers[8]!], false, NOW);
  s = decideMany(s, [papers[8]!], 'fullText', 'include', NOW);
  return s;
}

test('each paper is in one place: included at title/abstract means at the full-text stage', () => {
  const s = state();
  assert.deepEqual(
    papers.map((p) => reviewPlace(lookupTriage(s, p))),
    [
      'toScreen',
      'screeningMaybe',
      'screeningExcluded',
      'toAssess',
      'fullTextIncluded',
      'fullTextExcluded',
      'fullTextMaybe',
      'notRetrieved',
      'fullTextIncluded',
    ],
  );
  // A full-text decision left behind by a title/abstract exclusion does not put the paper at full text.
  const back = setStatusMany(s, [papers[4]!], 'exclude', NOW);
  assert.equal(reviewPlace(lookupTriage(back, papers[4]!)), 'screeningExcluded');
});

test("each stage's progress: every paper at title/abstract, the included ones at full text", () => {
  const s = state();
  const triages = papers.map((p) => lookupTriage(s, p));
  const ta = stageProgress(triages, 'titleAbstract');
  assert.deepEqual([ta.done, ta.total], [8, 9]);
  const ft = stageProgress(triages, 'fullText');
  assert.deepEqual([ft.done, ft.total], [5, 6]);
  assert.equal(ft.counts.notRetrieved, 1);
});

test('grouped by stage: the places in order, each paper once, in corpus order', () => {
  const s = state();
  const groups = groupPapers('stage', {
    papers,
    statusOf: (p) => triageOf(s, p).status,
    reviewOf: (p) => triageOf(s, p),
    tagsOf: () => [],
    topics: () => [],
  });
  assert.deepEqual(
    groups.map((g) => [g.label, g.paperIds]),
    [
      ['Title/abstract: to screen', ['p0']],
      ['Title/abstract: maybe', ['p1']],
      ['Title/abstract: excluded', ['p2']],
      ['Full text: to assess', ['p3']],
      ['Full text: maybe', ['p6']],
      ['Full text: not retrieved', ['p7']],
      ['Full text: included', ['p4', 'p8']],
      ['Full text: excluded', ['p5']],
    ],
  );
});

test('on random states the places partition the papers and the stage totals agree with them', () => {
  const random = new SeededRandom(13);
  const statuses = ['untriaged', 'include', 'maybe', 'exclude'] as const;
  for (let round = 0; round < 50; round++) {
    let s = emptyState();
    for (const paper of papers) {
      s = setStatusMany(s, [paper], statuses[Math.floor(random.next() * 4)]!, NOW);
      if (random.next() < 0.5)
        s = decideMany(s, [paper], 'fullText', statuses[Math.floor(random.next() * 4)]!, NOW);
      if (random.next() < 0.3) s = setRetrievedMany(s, [paper], false, NOW);
    }
    const triages = papers.map((p) => lookupTriage(s, p));
    const ta = stageProgress(triages, 'titleAbstract');
    const ft = stageProgress(triages, 'fullText');
    assert.equal(
      REVIEW_PLACES.reduce((n, p) => n + ta.counts[p], 0),
      papers.length,
    );
    const included = triages.filter((t) => t?.status === 'include').length;
    assert.equal(ft.total, included);
    assert.equal(ta.total - ta.counts.toScreen, ta.done);
  }
});
