import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  excludedReportsTotal,
  NO_REASON,
  prismaFlow,
  type Decision,
  type PaperReview,
  type PrismaInput,
} from '../../../src/core/review/prisma';
import { checkSourceNames, sourceNaming } from '../../../src/core/review/prismaSources';
import { reviewFromStatus } from '../../../src/core/review/triageReview';
import { TRIAGE_STATUSES } from '../../../src/core/triage';
import { SeededRandom } from '../../../src/core/screening/prng';

const REASONS = [
  'Wrong population',
  'Wrong outcome',
  'Not a primary study',
  '  Wrong outcome  ',
  '',
  undefined,
];

function randomReview(random: SeededRandom): PaperReview {
  const pick = <T>(items: readonly T[]) => items[random.nextInt(items.length)]!;
  const screening = pick<Decision | undefined>(['include', 'include', 'exclude', 'maybe', undefined]);
  if (random.next() < 0.2) return screening ? { screening } : {};
  return {
    ...(screening ? { screening } : {}),
    fullText: {
      retrieved: pick([true, false, undefined]),
      decision: pick<Decision | undefined>(['include', 'exclude', 'exclude', 'maybe', undefined]),
      reason: pick(REASONS),
    },
  };
}

function randomInput(random: SeededRandom): PrismaInput {
  const papers = Array.from({ length: random.nextInt(300) }, () => randomReview(random));
  const duplicates = random.nextInt(50);
  // Split papers + duplicates over 0–4 sources (some empty); at least one source when there are records.
  let left = papers.length + duplicates;
  const count = left === 0 ? random.nextInt(3) : 1 + random.nextInt(4);
  const sources = Array.from({ length: count }, (_, i) => {
    const records = i === count - 1 ? left : random.nextInt(left + 1);
    left -= records;
    return {
      name: `source ${random.nextInt(3)}`,
      type: random.next() < 0.7 ? 'database' : 'register',
      records,
    } as const;
  });
  return { sources, duplicatesRemoved: duplicates, papers, fullTextRecorded: random.next() < 0.7 };
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

test('on random reviews the PRISMA identities hold, with the awaiting papers outside the flow', () => {
  const random = new SeededRandom(13);
  for (let round = 0; round < 500; round++) {
    const input = randomInput(random);
    const flow = prismaFlow(input);
    const c = flow.counts;
    const identified = sum(Object.values(c.identified));
    assert.equal(identified, sum(input.sources.map((s) => s.records)));
    assert.equal(
      identified - c.duplicates_removed,
      c.screened + flow.awaiting.screening,
      'identified − duplicates',
    );
    assert.equal(flow.awaiting.screening, flow.awaiting.unscreened + flow.awaiting.maybe);
    assert.equal(c.screened - c.excluded_screening, c.sought, 'screened − excluded = sought');
    // Independent counts from the input.
    assert.equal(c.excluded_screening, input.papers.filter((p) => p.screening === 'exclude').length);
    assert.equal(c.sought, input.papers.filter((p) => p.screening === 'include').length);
    assert.equal(flow.awaiting.maybe, input.papers.filter((p) => p.screening === 'maybe').length);
    if (!input.fullTextRecorded) {
      assert.equal(c.not_retrieved, null);
      assert.equal(c.assessed, null);
      assert.equal(c.excluded_reports, null);
      assert.equal(c.included, null);
      assert.equal(flow.awaiting.fullText, null);
      assert.deepEqual(
        flow.unknown.map((u) => u.field),
        ['not_retrieved', 'assessed', 'excluded_reports', 'included'],
      );
      continue;
    }
    assert.deepEqual(flow.unknown, []);
    const excluded = excludedReportsTotal(c)!;
    assert.equal(c.sought - c.not_retrieved! - flow.awaiting.fullText!, c.assessed, 'sought − not retrieved');
    assert.equal(c.assessed! - excluded, c.included, 'assessed − excluded = included');
    const sought = input.papers.filter((p) => p.screening === 'include');
    assert.equal(c.included, sought.filter((p) => p.fullText?.decision === 'include').length);
    assert.equal(excluded, sought.filter((p) => p.fullText?.decision === 'exclude').length);
    for (const [reason, n] of Object.entries(c.excluded_reports!)) {
      assert.ok(n > 0);
      const expected = sought.filter(
        (p) => p.fullText?.decision === 'exclude' && (p.fullText.reason?.trim() || NO_REASON) === reason,
      ).length;
      assert.equal(n, expected, reason);
    }
    if (flow.awaiting.screening === 0 && flow.awaiting.fullText === 0) {
      // A finished review: the PRISMA identities themselves.
      assert.equal(identified - c.duplicates_removed, c.screened);
      assert.equal(c.sought - c.not_retrieved!, c.assessed);
    }
  }
});

test("today's state: the status is the screening decision and every full-text count is unknown", () => {
  assert.deepEqual(
    TRIAGE_STATUSES.map((s) => reviewFromStatus(s)),
    [{}, { screening: 'include' }, { screening: 'maybe' }, { screening: 'exclude' }],
  );
  const statuses = ['include', 'include', 'exclude', 'exclude', 'exclude', 'maybe', 'untriaged'] as const;
  const flow = prismaFlow({
    sources: [{ name: 'seed.txt', type: 'database', records: 9 }],
    duplicatesRemoved: 2,
    papers: statuses.map(reviewFromStatus),
    fullTextRecorded: false,
  });
  assert.deepEqual(flow.counts, {
    identified: { 'seed.txt': 9 },
    duplicates_removed: 2,
    screened: 5,
    excluded_screening: 3,
    sought: 2,
    not_retrieved: null,
    assessed: null,
    excluded_reports: null,
    included: null,
  });
  assert.deepEqual(flow.awaiting, { screening: 2, unscreened: 1, maybe: 1, fullText: null });
  assert.ok(flow.unknown.every((u) => /records no full-text stage/.test(u.why)));
  assert.deepEqual(flow.notes, [
    'Awaiting screening: 2 records (1 not yet screened, 1 marked maybe), not counted as screened.',
  ]);
});

test('reasons: the protocol order first, then the most used, a missing reason last and said', () => {
  const excluded = (reason?: string): PaperReview => ({
    screening: 'include',
    fullText: { decision: 'exclude', ...(reason !== undefined ? { reason } : {}) },
  });
  const papers = [
    excluded('Wrong outcome'),
    excluded('Zebra'),
    excluded('Apple'),
    excluded('Apple'),
    excluded(' Wrong population '),
    excluded(),
    excluded('  '),
    { screening: 'include', fullText: { decision: 'include' } },
    { screening: 'include', fullText: { retrieved: false } },
    { screening: 'include', fullText: { retrieved: true } },
    { screening: 'include' },
    { screening: 'exclude', fullText: { decision: 'include' } },
  ] satisfies PaperReview[];
  const flow = prismaFlow({
    sources: [{ name: 'a', type: 'database', records: papers.length }],
    duplicatesRemoved: 0,
    papers,
    fullTextRecorded: true,
    reasonOrder: ['Wrong population', 'Not used', 'Wrong outcome'],
  });
  assert.deepEqual(Object.entries(flow.counts.excluded_reports!), [
    ['Wrong population', 1],
    ['Wrong outcome', 1],
    ['Apple', 2],
    ['Zebra', 1],
    [NO_REASON, 2],
  ]);
  assert.equal(flow.counts.sought, 11);
  assert.equal(flow.counts.not_retrieved, 1);
  assert.equal(flow.counts.assessed, 8);
  assert.equal(flow.counts.included, 1);
  assert.equal(flow.awaiting.fullText, 2);
  assert.deepEqual(flow.notes, [
    'Awaiting full-text assessment: 2 reports, not counted as assessed.',
    '2 reports were excluded without a recorded reason.',
    '1 paper has full-text data but was not included at screening: not counted at full text.',
  ]);
});

test('sources of the same name add up; counts that do not add up are refused', () => {
  const flow = prismaFlow({
    sources: [
      { name: 'PubMed', type: 'database', records: 3 },
      { name: 'Trials', type: 'register', records: 1 },
      { name: 'PubMed', type: 'database', records: 2 },
    ],
    duplicatesRemoved: 3,
    papers: [{}, {}, {}],
    fullTextRecorded: true,
  });
  assert.deepEqual(flow.counts.identified, { PubMed: 5, Trials: 1 });
  assert.deepEqual(
    flow.sources.map((s) => s.type),
    ['database', 'register'],
  );
  const base = { sources: [{ name: 'a', type: 'database' as const, records: 3 }], fullTextRecorded: false };
  assert.throws(() => prismaFlow({ ...base, duplicatesRemoved: 1, papers: [{}] }), /is not the 1 papers/);
  assert.throws(() => prismaFlow({ ...base, duplicatesRemoved: -1, papers: [] }), RangeError);
  assert.throws(
    () =>
      prismaFlow({
        ...base,
        sources: [{ name: 'a', type: 'database', records: 1.5 }],
        duplicatesRemoved: 0,
        papers: [],
      }),
    RangeError,
  );
});

test('a reason called like a built-in property is just a reason', () => {
  const papers: PaperReview[] = ['__proto__', 'constructor', 'toString'].map((reason) => ({
    screening: 'include',
    fullText: { decision: 'exclude', reason },
  }));
  const flow = prismaFlow({
    sources: [{ name: '__proto__', type: 'database', records: 3 }],
    duplicatesRemoved: 0,
    papers,
    fullTextRecorded: true,
  });
  assert.deepEqual(JSON.parse(JSON.stringify(flow.counts.excluded_reports)), {
    ['__proto__']: 1,
    constructor: 1,
    toString: 1,
  });
  assert.equal(Object.keys(flow.counts.identified)[0], '__proto__');
  assert.equal(excludedReportsTotal(flow.counts), 3);
});

test('corpus files are named by the setting (path or file name), else by their file name', () => {
  const { names, problems } = checkSourceNames({
    'refs/pubmed.nbib': 'PubMed',
    'trials.ris': { name: 'ClinicalTrials.gov', type: 'register' },
    'embase.ris': { name: ' Embase ', type: 'library' },
    'bad.ris': 3,
    'empty.ris': '',
    'noname.ris': { type: 'register' },
    '': 'x',
  });
  assert.deepEqual(sourceNaming('refs/pubmed.nbib', names), { name: 'PubMed', type: 'database' });
  assert.deepEqual(sourceNaming('./refs/pubmed.nbib', names), { name: 'PubMed', type: 'database' });
  assert.deepEqual(sourceNaming('/data/search/trials.ris', names), {
    name: 'ClinicalTrials.gov',
    type: 'register',
  });
  assert.deepEqual(sourceNaming('C:\\search\\embase.ris', names), { name: 'Embase', type: 'database' });
  assert.deepEqual(sourceNaming('other/scopus.bib', names), { name: 'scopus.bib', type: 'database' });
  assert.equal(problems.length, 5, problems.join('\n'));
  assert.ok(problems.some((p) => /"embase.ris"\]\.type must be "database" or "register"/.test(p)));
  assert.ok(problems.some((p) => /"bad.ris"\] must be a name or/.test(p)));
  assert.ok(problems.some((p) => /"noname.ris"\]\.name must be a non-empty string/.test(p)));
  for (const bad of [null, 'PubMed', ['a'], 3]) {
    assert.equal(checkSourceNames(bad).names.size, 0);
    assert.match(checkSourceNames(bad).problems[0] ?? '', /must be an object/);
  }
  assert.deepEqual(checkSourceNames(undefined).problems, []);
});
