import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementAt, conflictsAt, type ReviewerDecisions } from '../../../src/core/team';
import {
  decideMany,
  emptyState,
  setNote,
  type TriageState,
  type TriageStatus,
} from '../../../src/core/triage';

const NOW = '2026-12-01T10:00:00.000Z';
type Decided = Exclude<TriageStatus, 'untriaged'>;

function reviewer(name: string, decisions: Record<string, Decided | undefined>): ReviewerDecisions {
  let state: TriageState = emptyState();
  for (const [id, status] of Object.entries(decisions)) {
    if (status) state = decideMany(state, [{ id, title: `Paper ${id}` }], 'titleAbstract', status, NOW);
  }
  return { reviewer: name, state };
}

/** Reviewers A and B deciding papers so that the 2×2 table is [[ii, ie], [ei, ee]] (A's decision first). */
function fromTable(ii: number, ie: number, ei: number, ee: number): ReviewerDecisions[] {
  const a: Record<string, Decided> = {};
  const b: Record<string, Decided> = {};
  let n = 0;
  const add = (count: number, x: Decided, y: Decided) => {
    for (let i = 0; i < count; i++, n++) {
      a[`p${String(n).padStart(4, '0')}`] = x;
      b[`p${String(n).padStart(4, '0')}`] = y;
    }
  };
  add(ii, 'include', 'include');
  add(ie, 'include', 'exclude');
  add(ei, 'exclude', 'include');
  add(ee, 'exclude', 'exclude');
  return [reviewer('b@example.org', b), reviewer('a@example.org', a)];
}

test('two reviewers: the textbook 2×2 table, κ 0.4, PABAK 0.4, rows are the first reviewer by id', () => {
  const result = agreementAt(fromTable(20, 5, 10, 15), 'titleAbstract');
  assert.deepEqual(result.reviewers, ['a@example.org', 'b@example.org']);
  assert.equal(result.papersCompared, 50);
  assert.deepEqual(result.categories, ['include', 'exclude']);
  assert.deepEqual(result.table, {
    rows: 'a@example.org',
    columns: 'b@example.org',
    categories: ['include', 'exclude'],
    counts: [
      [20, 5],
      [10, 15],
    ],
  });
  assert.ok(Math.abs(result.percentAgreement! - 70) < 1e-9);
  assert.ok(Math.abs(result.cohenKappa! - 0.4) < 1e-12);
  assert.ok(Math.abs(result.pabak! - 0.4) < 1e-12);
  // For two raters Fleiss' κ is Scott's π: pooled shares 0.55 / 0.45 → πₑ = 0.505.
  assert.ok(Math.abs(result.fleissKappa! - (0.7 - 0.505) / 0.495) < 1e-12);
  assert.equal(result.pairs.length, 1);
});

test('papers one reviewer has not decided are not compared; maybe joins the categories when used', () => {
  const a = reviewer('a', { p1: 'include', p2: 'maybe', p3: 'exclude', p4: 'exclude' });
  const b = reviewer('b', { p1: 'include', p2: 'exclude', p3: 'exclude', p5: 'include' });
  const result = agreementAt([a, b], 'titleAbstract');
  assert.equal(result.papersCompared, 3);
  assert.deepEqual(result.categories, ['include', 'maybe', 'exclude']);
  assert.deepEqual(result.table!.counts, [
    [1, 0, 0],
    [0, 0, 1],
    [0, 0, 1],
  ]);
  // pₒ 2/3; marginals A (1, 1, 1)/3, B (1, 0, 2)/3: pₑ = (1 + 0 + 2) / 9.
  assert.ok(Math.abs(result.cohenKappa! - (2 / 3 - 1 / 3) / (1 - 1 / 3)) < 1e-12);
  assert.ok(Math.abs(result.pabak! - (3 * (2 / 3) - 1) / 2) < 1e-12);
});

test('undefined κ is null: nothing compared, one reviewer, one category only', () => {
  const none = agreementAt(
    [reviewer('a', { p1: 'include' }), reviewer('b', { p2: 'include' })],
    'titleAbstract',
  );
  assert.equal(none.papersCompared, 0);
  for (const value of [none.percentAgreement, none.cohenKappa, none.fleissKappa, none.pabak]) {
    assert.equal(value, null);
  }
  const alone = agreementAt([reviewer('a', { p1: 'include' })], 'titleAbstract');
  assert.equal(alone.cohenKappa, null);
  assert.equal(alone.fleissKappa, null);
  assert.equal(alone.table, null);
  const allExcluded = agreementAt(
    [reviewer('a', { p1: 'exclude', p2: 'exclude' }), reviewer('b', { p1: 'exclude', p2: 'exclude' })],
    'titleAbstract',
  );
  assert.equal(allExcluded.percentAgreement, 100);
  assert.equal(allExcluded.cohenKappa, null);
  assert.equal(allExcluded.fleissKappa, null);
  assert.equal(allExcluded.pabak, 1);
  assert.ok(!JSON.stringify(allExcluded).includes('NaN'));
});

test('three reviewers: Fleiss over the papers all three decided, Cohen null, a table per pair', () => {
  const a = reviewer('a', { p1: 'include', p2: 'include', p3: 'exclude', p4: 'exclude' });
  const b = reviewer('b', { p1: 'include', p2: 'exclude', p3: 'exclude', p4: 'exclude' });
  const c = reviewer('c', { p1: 'include', p2: 'exclude', p3: 'exclude' });
  const result = agreementAt([c, a, b], 'titleAbstract');
  assert.equal(result.papersCompared, 3);
  assert.equal(result.cohenKappa, null);
  assert.equal(result.table, null);
  assert.deepEqual(
    result.pairs.map((p) => [p.reviewers, p.papersCompared]),
    [
      [['a', 'b'], 4],
      [['a', 'c'], 3],
      [['b', 'c'], 3],
    ],
  );
  // Per paper (include, exclude): p1 (3, 0), p2 (1, 2), p3 (0, 3). P̄ = (1 + 1/3 + 1) / 3 = 7/9;
  // shares 4/9 and 5/9: P̄ₑ = 41/81.
  const observed = 7 / 9;
  const chance = 41 / 81;
  assert.ok(Math.abs(result.fleissKappa! - (observed - chance) / (1 - chance)) < 1e-12);
  assert.ok(Math.abs(result.percentAgreement! - 200 / 3) < 1e-9);
  assert.ok(Math.abs(result.pabak! - (2 * observed - 1)) < 1e-12);
});

test('the full-text stage compares full-text decisions only', () => {
  let a = reviewer('a', { p1: 'include', p2: 'include' }).state;
  let b = reviewer('b', { p1: 'include', p2: 'include' }).state;
  a = decideMany(a, [{ id: 'p1', title: 'P1' }], 'fullText', 'exclude', NOW, 'Wrong outcome');
  b = decideMany(b, [{ id: 'p1', title: 'P1' }], 'fullText', 'include', NOW);
  b = decideMany(b, [{ id: 'p2', title: 'P2' }], 'fullText', 'include', NOW);
  const reviewers = [
    { reviewer: 'a', state: a },
    { reviewer: 'b', state: b },
  ];
  const full = agreementAt(reviewers, 'fullText');
  assert.equal(full.papersCompared, 1);
  assert.equal(full.percentAgreement, 0);
  assert.equal(agreementAt(reviewers, 'titleAbstract').percentAgreement, 100);
  const conflicts = conflictsAt(reviewers, 'fullText');
  assert.deepEqual(conflicts, [
    {
      id: 'p1',
      title: 'P1',
      decisions: [
        { reviewer: 'a', decision: 'exclude', reason: 'Wrong outcome', note: '' },
        { reviewer: 'b', decision: 'include', note: '' },
      ],
    },
  ]);
});

test('conflicts: include vs exclude, maybe against either; agreement and one-sided decisions are not', () => {
  const a = reviewer('a', { p1: 'include', p2: 'maybe', p3: 'maybe', p4: 'exclude', p5: 'include' });
  let bState = reviewer('b', { p1: 'exclude', p2: 'include', p3: 'exclude', p4: 'exclude' }).state;
  bState = setNote(bState, { id: 'p1', title: 'Paper p1' }, 'Animal study.', NOW);
  const conflicts = conflictsAt([a, { reviewer: 'b', state: bState }], 'titleAbstract');
  assert.deepEqual(
    conflicts.map((c) => [c.id, c.decisions.map((d) => `${d.reviewer}:${d.decision}`)]),
    [
      ['p1', ['a:include', 'b:exclude']],
      ['p2', ['a:maybe', 'b:include']],
      ['p3', ['a:maybe', 'b:exclude']],
    ],
  );
  assert.equal(conflicts[0]!.decisions[1]!.note, 'Animal study.');
});

/** A second implementation from the raw ratings (not the tables), for the random check below. */
function directKappa(x: readonly string[], y: readonly string[]): number | null {
  const n = x.length;
  if (n === 0) return null;
  const agree = x.filter((v, i) => v === y[i]).length / n;
  const categories = [...new Set([...x, ...y])];
  const chance = categories.reduce(
    (s, c) => s + (x.filter((v) => v === c).length / n) * (y.filter((v) => v === c).length / n),
    0,
  );
  return chance === 1 ? null : (agree - chance) / (1 - chance);
}

function directScottPi(x: readonly string[], y: readonly string[]): number | null {
  const n = x.length;
  const agree = x.filter((v, i) => v === y[i]).length / n;
  const categories = [...new Set([...x, ...y])];
  const chance = categories.reduce((s, c) => {
    const p = (x.filter((v) => v === c).length + y.filter((v) => v === c).length) / (2 * n);
    return s + p * p;
  }, 0);
  return chance === 1 ? null : (agree - chance) / (1 - chance);
}

test('random reviewer pairs: κ, π and agreement equal a direct computation from the ratings', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const statuses: (Decided | undefined)[] = ['include', 'maybe', 'exclude', undefined];
  for (let round = 0; round < 200; round++) {
    const a: Record<string, Decided | undefined> = {};
    const b: Record<string, Decided | undefined> = {};
    const papers = 1 + Math.floor(random() * 40);
    for (let i = 0; i < papers; i++) {
      a[`p${i}`] = statuses[Math.floor(random() * (round % 2 ? 4 : 2)) * (round % 3 ? 1 : 2)];
      b[`p${i}`] = statuses[Math.floor(random() * 4)];
    }
    const result = agreementAt([reviewer('a', a), reviewer('b', b)], 'titleAbstract');
    const both = Object.keys(a)
      .sort()
      .filter((id) => a[id] && b[id]);
    const x = both.map((id) => a[id]!);
    const y = both.map((id) => b[id]!);
    assert.equal(result.papersCompared, both.length);
    const kappa = directKappa(x, y);
    const pi = both.length ? directScottPi(x, y) : null;
    for (const [ours, theirs] of [
      [result.cohenKappa, kappa],
      [result.fleissKappa, pi],
    ] as const) {
      if (theirs === null) assert.equal(ours, null, `round ${round}`);
      else assert.ok(Math.abs(ours! - theirs) < 1e-9, `round ${round}: ${ours} vs ${theirs}`);
    }
    if (both.length) {
      const agree = (100 * x.filter((v, i) => v === y[i]).length) / both.length;
      assert.ok(Math.abs(result.percentAgreement! - agree) < 1e-9);
    }
  }
});
